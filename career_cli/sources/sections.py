"""One Markdown page holding every level: a section per level, or a section per competency.

It owns two page shapes (tables on a page are ``matrix``'s):

- **level-major**: a ``##`` heading per level (``## L1 – Engineer I``), ``###`` categories, list
  items as statements. Each level's section is read by the page reader itself (``body``), so
  lists, continuation lines and comments mean what they mean on a level page. ``##`` sections that
  name no level (FAQ) are noted, not read.
- **competency-major**: a ``##`` heading per competency (the category), a list item per level
  (``- **Engineer I**``) with the statements nested under it, or after a colon on the same line;
  a lead-in such as "At this level you should:" is not a statement; a paragraph inside the item
  is one. "Same as Engineer I." and "As above, and …" refer to another level's statements in
  the same category (a ``notes.SAME_AS`` note says so).
"""

from __future__ import annotations

import re
from typing import Any

from career_cli import notes
from career_cli.model import Note, Statement
from career_cli.sources.assemble import Assembly
from career_cli.sources.blocks import BLANK, HEADING, ITEM, TEXT, Line, scan
from career_cli.sources.body import BodyParser, strong_as_text
from career_cli.sources.cells import capital, looks_like_level, same_as, split_statements
from career_cli.text import collapse, plain

_LABEL_RE = re.compile(
    r"^\*\*(?P<bold>[^*]+?)\*\*\s*:?\s*(?P<rest>.*)$|^(?P<name>[^:*]{1,60}):\s*(?P<after>.*)$"
)
_KEYED_RE = re.compile(r"^\*\*(?P<key>[^*]{1,60}?):?\*\*\s*[:–—-]?\s*(?P<text>\S.*)$")
_TAG_RE = re.compile(r"<[^<>]*>")  # an HTML tag in a level's overview (a <picture> of a chart)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def read(body: str, first_line: int, into: Assembly, meta: dict[str, Any]) -> bool:
    """Read a page of sections into ``into``; False when it has neither shape."""
    lines = list(enumerate(body.split("\n"), start=first_line))
    records = list(scan(lines))
    title = meta.get("title")
    into.title = str(title) if isinstance(title, str) else None
    for record in records:
        if record.kind == HEADING and not record.chain and record.depth == 1:
            into.title = into.title or collapse(record.title)
            break
    levels = [
        r for r in records
        if r.kind == HEADING and not r.chain and r.depth == 2 and looks_like_level(r.title)
    ]  # fmt: skip
    if len(levels) >= 2:
        _level_major(lines, records, into)
        return True
    named = sum(1 for r, label in _level_items(records) if label is not None)
    if named >= 2:
        _competency_major(records, into)
        return True
    return False


def _level_major(lines: list[tuple[int, str]], records: list[Line], into: Assembly) -> None:
    """Each ``##`` section naming a level, read as that level's page by ``body``."""
    heads = [r for r in records if r.kind == HEADING and not r.chain and r.depth <= 2]
    index = {no: k for k, (no, _) in enumerate(lines)}
    for k, head in enumerate(heads):
        end = index[heads[k + 1].no] if k + 1 < len(heads) else len(lines)
        if head.depth == 1:
            continue
        if not looks_like_level(head.title):
            into.note(
                Note(head.no, notes.OUTSIDE_CATEGORY,
                     f"section '{collapse(head.title)}' names no level: not read as statements")
            )  # fmt: skip
            continue
        level = into.level(head.title, head.no)
        found = into.levels[level]
        parser = BodyParser(found.ident, found.title, None, path=into.path)
        parser.feed(lines[index[head.no] : end])
        found.overview = collapse(_TAG_RE.sub(" ", parser.overview_text()))
        for category in parser.categories():
            into.add(level, category.parts, [_keyed(s) for s in category.items], category.line)
        for note in parser.notes:
            into.note(note, level)


def _keyed(statement: Statement) -> Statement:
    """``**Scope**: delivers …`` → the statement "delivers …" keyed ``Scope``."""
    found = _KEYED_RE.match(statement.text)
    if found is None:
        return statement
    return Statement(capital(found["text"]), statement.line, key=collapse(found["key"]))


def _level_items(records: list[Line]) -> list[tuple[Line, str | None]]:
    """Each top-level list item's first line, and the level it names (None: it names none)."""
    found = []
    opened: int | None = None
    for record in records:
        if record.kind == ITEM and len(record.chain) == 1:
            opened = record.no
            continue
        if opened == record.no and record.kind == TEXT and len(record.items) == 1:
            found.append((record, _label(record.content.strip())[0]))
        opened = None if record.no != opened else opened
    return found


def _label(text: str) -> tuple[str | None, str]:
    """``**Engineer I**: rest`` → ``("Engineer I", "rest")``; not a level → ``(None, text)``."""
    found = _LABEL_RE.match(text)
    if found is None:
        return None, text
    name = found["bold"] if found["bold"] is not None else found["name"]
    rest = found["rest"] if found["bold"] is not None else found["after"]
    name = collapse(strong_as_text(plain(name)))
    return (name, rest.strip()) if looks_like_level(name) else (None, text)


class _Walk:
    """The competency-major walk's state: the category, the level item, the statement open."""

    def __init__(self, into: Assembly) -> None:
        self.into = into
        self.category: tuple[str, ...] | None = None
        self.level: str | None = None
        self.serial = 0  # the top-level item of the level
        self.texts: list[tuple[int, list[str]]] = []  # statements of this level item, open last
        self.lead_in = False
        self.skipped: tuple[str, ...] | None = None  # a category noted for items naming no level

    def close(self) -> None:
        if self.level is None or self.category is None:
            self.texts = []
            return
        items: list[Statement] = []
        for line, parts in self.texts:
            text = collapse(" ".join(parts))
            if not text:
                continue
            reference = same_as(text)
            target = self.into.find(reference[0], before=self.level) if reference else None
            if reference is not None and target is not None and target != self.level:
                base = self.into.statements(target, self.category)
                items += [Statement(s.text, line) for s in base]
                items += [Statement(capital(t), line) for t in split_statements(reference[1])]
                shown = text if len(text) <= 60 else text[:59] + "…"
                self.into.note(Note(line, notes.SAME_AS, f"'{shown}' reads as {target}'s "
                                    "statements"), self.level)  # fmt: skip
                continue
            items.append(Statement(capital(text) if self.lead_in else text, line))
        self.into.add(self.level, self.category, items, items[0].line if items else 0)
        self.texts = []


def _competency_major(records: list[Line], into: Assembly) -> None:
    walk = _Walk(into)
    opened: int | None = None
    for record in records:
        items = record.items
        if record.kind == HEADING and not record.chain:
            walk.close()
            walk.level = None
            walk.category = (collapse(record.title),) if record.depth >= 2 else None
            continue
        if record.kind == ITEM:
            if len(items) == 1:
                walk.close()
                walk.level, walk.serial, walk.lead_in = None, items[0], False
                opened = record.no
            elif len(items) == 2 and walk.level is not None:
                walk.texts.append((record.no, []))
            continue
        if record.kind == BLANK:
            if walk.texts and len(items) == 1 and walk.texts[-1][1]:
                walk.texts.append((record.no, []))  # a blank line ends a paragraph
            continue
        if record.kind != TEXT or not items or items[0] != walk.serial:
            continue
        text = record.content.strip()
        if opened == record.no and len(items) == 1:
            opened = None
            name, rest = _label(text)
            if name is None:
                if walk.category is not None and walk.skipped != walk.category:
                    walk.skipped = walk.category  # one note for a section of links, not one each
                    into.note(Note(record.no, notes.OUTSIDE_CATEGORY, f"'{collapse(text)[:60]}' "
                                   "names no level: not read as statements"))  # fmt: skip
                continue
            walk.level = into.level(name, record.no)
            if rest.endswith(":"):
                walk.lead_in = True  # "At this level you should:" introduces the statements
            elif rest:
                walk.texts += [(record.no, [s]) for s in _SENTENCE_RE.split(rest)]
            continue
        if walk.level is None:
            continue
        if not walk.texts or (len(items) == 1 and len(walk.texts[-1][1]) and walk.texts[-1][0] < 0):
            walk.texts.append((record.no, []))
        if not walk.texts[-1][1]:
            walk.texts[-1] = (record.no, walk.texts[-1][1])
        walk.texts[-1][1].append(text)
    walk.close()
