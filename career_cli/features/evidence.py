"""Reading evidence files: a filled-in checklist (GitLab Markdown), YAML or JSON → entries.

The Markdown form is the one ``career gap … --format markdown`` writes: a task item per
expectation (``- [ ]`` / ``- [x]``) carrying its id in an HTML comment, with the evidence under it.
People edit it by hand and in GitLab's UI, so the reader is lenient about what they add (notes
without an ``Evidence:`` label, nested bullets, bold labels) and strict about what it cannot
read (each failure names the file and, where there is one, the line). Files are only read.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from career_cli.errors import CareerError
from career_cli.features import rating
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
    rf"^(?:[-*+][ \t]+)?{_LABEL}"
    r"(?:Raised from|Reworded from|Also raised from|New at|Carried from)\b",
    re.I,
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
    author: str | None = None  # frontmatter or top-level ``author:`` / ``by:``

    @property
    def name(self) -> str:
        """Who wrote it: its ``author:``, else the file's name without suffix (``manager``)."""
        return self.author or self.path.stem or str(self.path)


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
    __slots__ = ("below", "first", "id", "line", "met", "rating", "serial", "started", "text")

    def __init__(self, ident: str | None, text: str | None, met: bool, line: int, serial: int):
        self.id, self.text, self.met, self.line, self.serial = ident, text, met, line, serial
        self.first = ""
        self.below: list[str] = []
        self.started = False
        self.rating: rating.Rating | None = None

    def entry(self) -> EvidenceEntry:
        below = textwrap.dedent("\n".join(self.below)).strip()
        body = _unescaped("\n".join(part for part in (self.first, below) if part))
        evidence = body.strip() or None
        return EvidenceEntry(self.id, self.text, self.met, evidence, self.line, self.rating)


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

    def __init__(self, path: Path) -> None:
        self.path = path
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
        self._evidence(record.text, record.kind, record.no)

    def _evidence(self, line: str, kind: str, number: int) -> None:
        from career_cli.sources.blocks import TEXT

        assert self.item is not None
        stripped = line.strip()
        rated = rating.LINE.match(stripped) if kind == TEXT else None
        # The first "Rating:" bullet under the item (or line before its evidence) is its rating;
        # a later one is evidence text, as a "Rating:" inside a paragraph of evidence is.
        if rated and self.item.rating is None and (stripped[0] in "-*+" or not self.item.started):
            try:
                self.item.rating = rating.parse(rated.group("value"))
            except rating.UnknownRating as exc:
                raise EvidenceError(
                    f"unknown rating '{exc}'", path=self.path, line=number, hint=rating.hint()
                ) from None
            return
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

    checklist = _Checklist(path)
    lines = text.split("\n")
    author, skip = None, 0
    if lines[0].rstrip() == "---":  # frontmatter: PyYAML only for the files that have it
        from career_cli.features.evidence_data import frontmatter_author

        author, skip = frontmatter_author(lines, path)
    for record in scan(enumerate(([""] * skip + lines[skip:]), start=1)):
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
        author,
    )


def read_evidence(path: Path) -> EvidenceFile:
    """Read and parse an evidence file; never writes to it."""
    text = files.read(path, EVIDENCE)
    suffix = path.suffix.lower()
    structured = suffix in (".yml", ".yaml", ".json")
    if not structured and (
        suffix in (".md", ".markdown") or any(_TASK.match(line) for line in text.split("\n"))
    ):
        return parse_markdown(text, path)
    from career_cli.features.evidence_data import read_structured

    return read_structured(text, path)
