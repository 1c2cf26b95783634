"""Evidence as data: YAML or JSON entries (``{id: {met, evidence, rating}}``, a list of them, or
``career gap --json`` output), and a checklist's frontmatter ``author:``.

The Markdown checklist's reader is ``features.evidence``; this half is imported only when a file
is YAML or JSON or has frontmatter, so reading a plain checklist never imports PyYAML.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from career_cli.features import rating
from career_cli.features.evidence import EVIDENCE, EvidenceError, EvidenceFile
from career_cli.features.gap import EvidenceEntry
from career_cli.sources import files


def frontmatter_author(lines: list[str], path: Path) -> tuple[str | None, int]:
    """A checklist's frontmatter ``author:`` (or ``by:``), and how many lines the frontmatter
    takes (read as blank, so line numbers stay the file's)."""
    if not lines or lines[0].rstrip() != "---":
        return None, 0
    end = next((n for n in range(1, len(lines)) if lines[n].rstrip() in ("---", "...")), None)
    if end is None:
        return None, 0
    return _author(_yaml("\n".join(lines[1:end]), path), path), end + 1


def _author(data: Any, path: Path) -> str | None:
    if not isinstance(data, dict):
        return None
    value = data.get("author", data.get("by"))
    if value is not None and not isinstance(value, (str, int, float)):
        raise EvidenceError("'author' must be text", path=path, hint="write  author: NAME")
    return " ".join(str(value).split()) or None if value is not None else None


def _level_name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("id")
    return str(value) if isinstance(value, (str, int)) else None


def _entry(
    ident: str | None, value: Any, path: Path, where: str, line: int | None = None
) -> EvidenceEntry:
    """One YAML/JSON entry: ``true``/``false``, ``"met"``/``"open"``, or a mapping."""
    if isinstance(value, bool):
        return EvidenceEntry(ident, None, value, None)
    if isinstance(value, str) and value.lower() in ("met", "open"):
        return EvidenceEntry(ident, None, value.lower() == "met", None)
    if not isinstance(value, dict):
        raise EvidenceError(
            f"{where}: expected met: true/false and evidence: text, got {type(value).__name__}",
            path=path,
            line=line,
            hint='write each entry as  ID: {met: true, evidence: "…"}',
        )
    met = value.get("met", value.get("status") == "met")
    if not isinstance(met, bool):
        raise EvidenceError(f"{where}: 'met' must be true or false", path=path, line=line)
    evidence = value.get("evidence")
    if evidence is not None and not isinstance(evidence, (str, int, float)):
        raise EvidenceError(f"{where}: 'evidence' must be text", path=path, line=line)
    # Checked before str(): a list's text walks every element, and a YAML alias bomb shares
    # references nine levels deep (387 million strings from a 1 kB file).
    entry_id = value.get("id", ident)
    if entry_id is not None and not isinstance(entry_id, (str, int, float)):
        raise EvidenceError(f"{where}: 'id' must be text", path=path, line=line)
    text = value.get("text")
    try:
        rated = rating.parse(str(value.get("rating") or ""))
    except rating.UnknownRating as exc:
        raise EvidenceError(
            f"{where}: unknown rating '{exc}'", path=path, line=line, hint=rating.hint()
        ) from None
    return EvidenceEntry(
        str(entry_id) if entry_id is not None else None,
        str(text) if isinstance(text, str) else None,
        met,
        str(evidence).strip() or None if evidence is not None else None,
        rating=rated,
    )


def parse_structured(data: Any, path: Path, lines: dict[str, int] | None = None) -> EvidenceFile:
    """YAML or JSON: ``{id: {met, evidence}}``, a list of entries, or ``career gap --json``.

    ``lines`` maps an entry's key (or 1-based position in a list) to its line, for messages.
    """
    lines = lines or {}
    meta: dict[str, Any] = {}
    if isinstance(data, dict) and "expectations" in data:
        meta, data = data, data["expectations"]
        if isinstance(data, list) and isinstance(meta.get("unmatched_evidence"), list):
            data = [*data, *meta["unmatched_evidence"]]  # read back, never dropped

    def entry(key: str | None, value: Any, where: str, line_key: str) -> EvidenceEntry:
        found = _entry(key, value, path, where, lines.get(line_key))
        return replace(found, line=lines.get(line_key, 0))

    entries: list[EvidenceEntry]
    if isinstance(data, dict):
        entries = [
            entry(str(key), value, f"entry '{key}'", str(key))
            for key, value in data.items()
            if key not in ("from", "to", "framework", "schema_version", "kind", "author", "by")
        ]
    elif isinstance(data, list):
        entries = [entry(None, v, f"entry {n}", str(n)) for n, v in enumerate(data, 1)]
    else:
        raise EvidenceError(
            f"expected a mapping of expectation ids, got {type(data).__name__}",
            path=path,
            hint='write  ID: {met: true, evidence: "…"}  per line, or use a Markdown checklist',
        )
    if not entries:
        raise EvidenceError("holds no evidence entries", path=path)
    framework = meta.get("framework")
    return EvidenceFile(
        path,
        tuple(entries),
        _level_name(framework),
        _level_name(meta.get("from")),
        _level_name(meta.get("to")),
        _author(meta or data, path),
    )


def _yaml_lines(text: str) -> dict[str, int]:
    """Line of each top-level key (or list position), from YAML's node tree, for messages."""
    import yaml

    from career_cli.sources import yamlsafe

    try:
        node = yamlsafe.compose(text)
    except (yaml.YAMLError, RecursionError):
        return {}
    if isinstance(node, yaml.MappingNode) and any(k.value == "expectations" for k, _ in node.value):
        node = next(v for k, v in node.value if k.value == "expectations")
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    if isinstance(node, yaml.SequenceNode):
        return {str(n): v.start_mark.line + 1 for n, v in enumerate(node.value, 1)}
    return {}


def _yaml(text: str, path: Path) -> Any:
    return files.load_yaml(
        text,
        path,
        EVIDENCE,
        hint="fix the YAML, or use the checklist from `career gap … --format markdown`",
    )


def _json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvidenceError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    except ValueError as exc:  # a number over Python's 4,300-digit limit for int()
        raise EvidenceError(f"invalid JSON: {str(exc).split(';', 1)[0]}", path=path) from None
    except RecursionError:
        raise EvidenceError("JSON is nested too deeply", path=path) from None


def read_structured(text: str, path: Path) -> EvidenceFile:
    """A YAML or JSON evidence file (by suffix; else JSON when it looks like JSON, else YAML)."""
    if path.suffix.lower() in (".yml", ".yaml"):
        return parse_structured(_yaml(text, path), path, _yaml_lines(text))
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("{", "[")):
        # JSON is (almost always) YAML too, which knows where each entry starts.
        return parse_structured(_json(text, path), path, _yaml_lines(text))
    return parse_structured(_yaml(text, path), path, _yaml_lines(text))
