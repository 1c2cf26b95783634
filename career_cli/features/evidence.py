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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from career_cli.errors import CareerError
from career_cli.features.gap import EvidenceEntry
from career_cli.sources import files

if TYPE_CHECKING:
    from career_cli.sources.blocks import Line

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024

_TASK = re.compile(
    r"^(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\[(?P<mark>[ xX~])\](?:[ \t]+(?P<rest>.*))?$"
)
# A header comment; its attributes are read from what follows, up to the first "-->".
_HEADER = re.compile(r"<!--\s*career:gap\b")
# An attribute starts at the beginning of a word, so a long word is tried once, not once a letter.
_ATTR = re.compile(r'(?<![\w"])(\w+)=(?:"([^"]*)"|(\S+))')
_LABEL = r"(?:\*\*|__|_|\*)?"
_EVIDENCE = re.compile(
    rf"^(?:[-*+][ \t]+)?{_LABEL}Evidence{_LABEL}:?{_LABEL}[ \t]*(?P<rest>.*)$", re.I
)
_CONTEXT = re.compile(
    rf"^(?:[-*+][ \t]+)?{_LABEL}(?:Raised from|Also raised from|New at|Carried from)\b", re.I
)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_NUMERIC = re.compile(r"&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_BOXES = {"[ ]": False, "[x]": True, "[X]": True, "[~]": True}  # GitLab's [~]: not applicable


class EvidenceError(CareerError):
    """An evidence file that cannot be read."""


EVIDENCE = files.FileKind(
    EvidenceError,
    noun="evidence file",
    a_noun="an evidence file (a Markdown checklist, YAML or JSON)",
    limit=MAX_EVIDENCE_BYTES,
    empty_hint="if output was redirected into this same file, the shell emptied it before "
    "career ran; restore it from where you keep it",
)


@dataclass(frozen=True)
class EvidenceFile:
    path: Path
    entries: tuple[EvidenceEntry, ...]
    framework: str | None = None
    current: str | None = None
    target: str | None = None


def _unescaped(markdown: str) -> str:
    text = _ESCAPED.sub(r"\1", markdown.replace("\u200b", ""))
    text = _NUMERIC.sub(_character, text.replace("&lt;", "<").replace("&gt;", ">"))
    return text.replace("&amp;", "&")


def unescape(markdown: str) -> str:
    """Back from what ``render.markdown_text.escape`` wrote to the page's own text."""
    return _unescaped(markdown).strip()


def _character(match: re.Match[str]) -> str:
    decimal, hexadecimal = match.groups()
    code = int(decimal) if decimal else int(hexadecimal, 16)
    return chr(code) if code < 0x110000 else match.group()


def comment_value(text: str) -> str:
    """Back from ``render.markdown_text.comment_value``: ``%XX`` decoded."""
    return _PERCENT.sub(lambda m: chr(int(m.group(1), 16)), text) if "%" in text else text


class _Item:
    __slots__ = ("below", "first", "id", "line", "met", "serial", "started", "text")

    def __init__(self, ident: str | None, text: str | None, met: bool, line: int, serial: int):
        self.id, self.text, self.met, self.line, self.serial = ident, text, met, line, serial
        self.first = ""
        self.below: list[str] = []
        self.started = False

    def entry(self) -> EvidenceEntry:
        below = textwrap.dedent("\n".join(self.below)).strip()
        body = _unescaped("\n".join(part for part in (self.first, below) if part))
        return EvidenceEntry(self.id, self.text, self.met, body.strip() or None, self.line)


def career_id(comments: tuple[str, ...]) -> str | None:
    """The expectation id a ``<!-- career:id … -->`` comment among these names."""
    for comment in comments:
        body = comment[4:-3].strip()
        if body.startswith("career:id") and body[9:10].isspace():
            ident = body[9:].strip()
            if ident and not any(c.isspace() for c in ident):
                return comment_value(ident)
    return None


def header(text: str) -> dict[str, str] | None:
    """The attributes of a ``<!-- career:gap v1 framework=… from=… to=… -->`` header in a line."""
    found = _HEADER.search(text)
    if found is None:
        return None
    end = text.find("-->", found.end())
    if end < 0:
        return None
    return {k: comment_value(a or b) for k, a, b in _ATTR.findall(text, found.end(), end)}


def task(text: str) -> tuple[bool, str] | None:
    """``(ticked, text)`` when a list item's first line starts with a task box."""
    box = text[:3]
    if box not in _BOXES or (len(text) > 3 and text[3] not in " \t"):
        return None
    return _BOXES[box], text[3:].strip()


class _Checklist:
    """Task items from the records of ``blocks.scan``: each holds what is nested under it (its
    evidence, fences included); ticks inside an HTML comment or a code fence do not count, and a
    fence or comment opened in an item's evidence ends with the item, as CommonMark reads it."""

    def __init__(self) -> None:
        self.entries: list[EvidenceEntry] = []
        self.header: dict[str, str] = {}
        self.item: _Item | None = None
        self.pending: tuple[int, int, int] | None = None  # (line, item, column) of a new item

    def close(self) -> None:
        if self.item is not None:
            self.entries.append(self.item.entry())
        self.item = None

    def feed(self, record: Line) -> None:
        from career_cli.sources.blocks import BLANK, HTML, ITEM

        if not self.header:
            for text in (record.content,) if record.kind == HTML else record.comments:
                self.header = header(text) or {}
                if self.header:
                    break
        if self.item is not None and self.item.serial not in record.chain:
            self.close()
        if record.kind == ITEM:
            if self.item is None:
                self.pending = (record.no, record.chain[-1], record.start)
            return
        pending, self.pending = self.pending, None
        if pending is not None and pending[:2] == (record.no, record.chain[-1]):
            found = task(record.text[pending[2] :]) if record.kind not in (HTML,) else None
            if found is not None:
                met, rest = found
                ident = career_id(record.comments)
                self.item = _Item(ident, unescape(rest) or None, met, record.no, pending[1])
            return
        if self.item is None or record.kind == HTML:
            return
        if record.kind == BLANK:
            if self.item.below:
                self.item.below.append("")
            return
        self._evidence(record.text, record.kind)

    def _evidence(self, line: str, kind: str) -> None:
        from career_cli.sources.blocks import TEXT

        assert self.item is not None
        stripped = line.strip()
        labelled = _EVIDENCE.match(stripped) if kind == TEXT else None
        if labelled and not self.item.started:
            self.item.started = True
            self.item.first = labelled.group("rest").strip()
        elif kind == TEXT and _CONTEXT.match(stripped) and not self.item.started:
            return
        elif stripped or self.item.below:
            # Notes without an "Evidence:" label still count: people write where they write.
            self.item.started = True
            self.item.below.append(line.rstrip())


def parse_markdown(text: str, path: Path) -> EvidenceFile:
    from career_cli.sources.blocks import scan

    checklist = _Checklist()
    for record in scan(enumerate(text.split("\n"), start=1)):
        checklist.feed(record)
    checklist.close()
    if not checklist.entries:
        raise EvidenceError(
            "no checklist items (lines like '- [ ] …' or '- [x] …')",
            path=path,
            hint="create a checklist with: career gap CURRENT TARGET --format markdown > FILE",
        )
    header = checklist.header
    return EvidenceFile(
        path,
        tuple(checklist.entries),
        header.get("framework"),
        header.get("from"),
        header.get("to"),
    )


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
    return EvidenceEntry(
        str(entry_id) if entry_id is not None else None,
        str(text) if isinstance(text, str) else None,
        met,
        str(evidence).strip() or None if evidence is not None else None,
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
            if key not in ("from", "to", "framework", "schema_version", "kind")
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
    import yaml

    from career_cli.sources import yamlsafe

    try:
        return yamlsafe.load(text)
    except yaml.YAMLError as exc:
        raise files.yaml_error(
            exc,
            path,
            EVIDENCE,
            what="invalid YAML",
            source=text,
            first_line=1,
            hint="fix the YAML, or use the checklist from `career gap … --format markdown`",
        ) from None
    except RecursionError:
        raise EvidenceError("YAML is nested too deeply", path=path) from None


def _json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvidenceError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    except ValueError as exc:  # a number over Python's 4,300-digit limit for int()
        raise EvidenceError(f"invalid JSON: {str(exc).split(';', 1)[0]}", path=path) from None
    except RecursionError:
        raise EvidenceError("JSON is nested too deeply", path=path) from None


def read_evidence(path: Path) -> EvidenceFile:
    """Read and parse an evidence file; never writes to it."""
    text = files.read(path, EVIDENCE)
    suffix = path.suffix.lower()
    if suffix in (".yml", ".yaml"):
        return parse_structured(_yaml(text, path), path, _yaml_lines(text))
    if suffix == ".json":
        # JSON is (almost always) YAML too, which knows where each entry starts.
        return parse_structured(_json(text, path), path, _yaml_lines(text))
    if suffix in (".md", ".markdown") or any(_TASK.match(line) for line in text.split("\n")):
        return parse_markdown(text, path)
    if text.lstrip().startswith(("{", "[")):
        return parse_structured(_json(text, path), path, _yaml_lines(text))
    return parse_structured(_yaml(text, path), path, _yaml_lines(text))
