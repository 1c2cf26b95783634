"""Reading evidence files: a filled-in checklist (GitLab Markdown), YAML or JSON → entries.

The Markdown form is the one ``career gap … --format markdown`` writes: a task item per
expectation (``- [ ]`` / ``- [x]``) carrying its id in an HTML comment, with the evidence under it.
People edit it by hand and in GitLab's UI, so the reader is lenient about what they add (notes
without an ``Evidence:`` label, nested bullets, bold labels) and strict about what it cannot
read (each failure names the file and, where there is one, the line). Files are only read.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from career_cli.errors import CareerError
from career_cli.gap import EvidenceEntry

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024

_TASK = re.compile(
    r"^(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\[(?P<mark>[ xX~])\](?:[ \t]+(?P<rest>.*))?$"
)
_ID = re.compile(r"<!--\s*career:id\s+(?P<id>\S+?)\s*-->")
_HEADER = re.compile(r"<!--\s*career:gap\b(?P<attrs>.*?)-->")
_ATTR = re.compile(r"(\w+)=(\S+)")
_LABEL = r"(?:\*\*|__|_|\*)?"
_EVIDENCE = re.compile(
    rf"^(?:[-*+][ \t]+)?{_LABEL}Evidence{_LABEL}:?{_LABEL}[ \t]*(?P<rest>.*)$", re.I
)
_CONTEXT = re.compile(rf"^(?:[-*+][ \t]+)?{_LABEL}(?:Raised from|New at|Carried from)\b", re.I)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
# A line that starts a block of its own, so it cannot be a lazy continuation of the line above.
_BLOCK_START = re.compile(r"^ {0,3}(?:[-*+>#|]|\d{1,9}[.)]|<!--|```|~~~)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


class EvidenceError(CareerError):
    """An evidence file that cannot be read."""


@dataclass(frozen=True)
class EvidenceFile:
    path: Path
    entries: tuple[EvidenceEntry, ...]
    framework: str | None = None
    current: str | None = None
    target: str | None = None


def unescape(markdown: str) -> str:
    """Back from what ``render.markdown.escape`` wrote to the page's own text."""
    text = _ESCAPED.sub(r"\1", markdown.replace("\u200b", ""))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def _indent(text: str) -> int:
    return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())


def parse_markdown(text: str, path: Path) -> EvidenceFile:
    entries: list[EvidenceEntry] = []
    header: dict[str, str] = {}
    current: dict[str, Any] | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            below = textwrap.dedent("\n".join(current["below"])).strip()
            body = "\n".join(part for part in (current["first"], below) if part)
            entries.append(
                EvidenceEntry(
                    current["id"], current["text"], current["met"], body or None, current["line"]
                )
            )
        current = None

    previous_blank = True
    for number, line in enumerate(text.split("\n"), start=1):
        found_header = _HEADER.search(line)
        if found_header and not header:
            header = dict(_ATTR.findall(found_header.group("attrs")))
        task = _TASK.match(line)
        # CommonMark's lazy continuation: text typed on the next line without indentation still
        # belongs to the item above, and GitLab renders it there.
        lazy = not previous_blank and line.strip() and not _BLOCK_START.match(line)
        previous_blank = not line.strip()
        inside = current is not None and (
            not line.strip() or _indent(line) > current["indent"] or bool(lazy)
        )
        if task and not inside:
            close()
            rest = task.group("rest") or ""
            ident = _ID.search(rest)
            current = {
                "id": ident.group("id") if ident else None,
                "text": unescape(_ID.sub("", rest)) or None,
                "met": task.group("mark") in "xX",
                "line": number,
                "indent": _indent(task.group("indent")),
                "first": "",
                "below": [],
                "started": False,
            }
            continue
        if current is None:
            continue
        if not inside or _HEADING.match(line):
            close()
            continue
        stripped = line.strip()
        labelled = _EVIDENCE.match(stripped)
        if labelled and not current["started"]:
            current["started"] = True
            current["first"] = labelled.group("rest").strip()
        elif _CONTEXT.match(stripped) and not current["started"]:
            continue
        elif stripped or current["below"]:
            # Notes without an "Evidence:" label still count: people write where they write.
            current["started"] = True
            current["below"].append(line.rstrip())
    close()
    if not entries:
        raise EvidenceError(
            "no checklist items (lines like '- [ ] …' or '- [x] …')",
            path=path,
            hint="create a checklist with: career gap CURRENT TARGET --format markdown > FILE",
        )
    return EvidenceFile(
        path, tuple(entries), header.get("framework"), header.get("from"), header.get("to")
    )


def _level_name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("id")
    return str(value) if isinstance(value, (str, int)) else None


def _entry(ident: str | None, value: Any, path: Path, where: str) -> EvidenceEntry:
    """One YAML/JSON entry: ``true``/``false``, ``"met"``/``"open"``, or a mapping."""
    if isinstance(value, bool):
        return EvidenceEntry(ident, None, value, None)
    if isinstance(value, str) and value.lower() in ("met", "open"):
        return EvidenceEntry(ident, None, value.lower() == "met", None)
    if not isinstance(value, dict):
        raise EvidenceError(
            f"{where}: expected met: true/false and evidence: text, got {type(value).__name__}",
            path=path,
            hint='write each entry as  ID: {met: true, evidence: "…"}',
        )
    met = value.get("met", value.get("status") == "met")
    if not isinstance(met, bool):
        raise EvidenceError(f"{where}: 'met' must be true or false", path=path)
    evidence = value.get("evidence")
    if evidence is not None and not isinstance(evidence, (str, int, float)):
        raise EvidenceError(f"{where}: 'evidence' must be text", path=path)
    text = value.get("text")
    return EvidenceEntry(
        str(value.get("id", ident)) if value.get("id", ident) is not None else None,
        str(text) if isinstance(text, str) else None,
        met,
        str(evidence).strip() or None if evidence is not None else None,
    )


def parse_structured(data: Any, path: Path) -> EvidenceFile:
    """YAML or JSON: ``{id: {met, evidence}}``, a list of entries, or ``career gap --json``."""
    meta: dict[str, Any] = {}
    if isinstance(data, dict) and "expectations" in data:
        meta, data = data, data["expectations"]
    entries: list[EvidenceEntry]
    if isinstance(data, dict):
        entries = [
            _entry(str(key), value, path, f"entry '{key}'")
            for key, value in data.items()
            if key not in ("from", "to", "framework", "schema_version", "kind")
        ]
    elif isinstance(data, list):
        entries = [_entry(None, value, path, f"entry {n}") for n, value in enumerate(data, 1)]
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
    )


def _yaml(text: str, path: Path) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise EvidenceError(
            f"invalid YAML: {getattr(exc, 'problem', None) or exc}",
            path=path,
            line=mark.line + 1 if mark is not None else None,
            hint="fix the YAML, or use the checklist from `career gap … --format markdown`",
        ) from None
    except RecursionError:
        raise EvidenceError("YAML is nested too deeply", path=path) from None


def _json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvidenceError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    except RecursionError:
        raise EvidenceError("JSON is nested too deeply", path=path) from None


def _decode(data: bytes, path: Path) -> str:
    if not data.strip():
        raise EvidenceError(
            "evidence file is empty",
            path=path,
            hint="if output was redirected into this same file, the shell emptied it before "
            "career ran; restore it from where you keep it",
        )
    if b"\x00" in data:
        raise EvidenceError("looks like a binary file, not a checklist", path=path)
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        raise EvidenceError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            path=path,
            line=data[: exc.start].count(b"\n") + 1,
            hint="re-save the file as UTF-8",
        ) from None


def read_evidence(path: Path) -> EvidenceFile:
    """Read and parse an evidence file; never writes to it."""
    try:
        if path.stat().st_size > MAX_EVIDENCE_BYTES:
            raise EvidenceError(
                f"larger than {MAX_EVIDENCE_BYTES // 1048576} MB", path=path, hint="wrong file?"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise EvidenceError("no such file", path=path, hint="check the path") from None
    except IsADirectoryError:
        raise EvidenceError("is a directory, not an evidence file", path=path) from None
    except OSError as exc:
        raise EvidenceError(f"cannot read: {exc.strerror or exc}", path=path) from None
    text = _decode(data, path)
    suffix = path.suffix.lower()
    if suffix in (".yml", ".yaml"):
        return parse_structured(_yaml(text, path), path)
    if suffix == ".json":
        return parse_structured(_json(text, path), path)
    if suffix in (".md", ".markdown") or any(_TASK.match(line) for line in text.split("\n")):
        return parse_markdown(text, path)
    if text.lstrip().startswith(("{", "[")):
        return parse_structured(_json(text, path), path)
    return parse_structured(_yaml(text, path), path)
