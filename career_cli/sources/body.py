"""A level page's body: its Markdown structure (``blocks.scan``) → categories and statements.

It owns what the structure means for a level: ``##`` headings make categories and ``###``
sub-categories (the level's own name taken out of their titles), the section headed by the level's
name is the overview, each list item at the top of a category is a statement with everything its
paragraphs hold, an include shortcode stands for (or expands into) a shared file's statements,
and what the page holds beyond that is noted for ``career lint``. At most ``MAX_STATEMENTS`` a
level, included ones too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from career_cli import notes
from career_cli.errors import PageError
from career_cli.model import Category, Note, Statement
from career_cli.sources.comments import outside
from career_cli.sources.shortcodes import (
    Shortcode,
    find_shortcodes,
    is_navigation,
    shortcode_spans,
)
from career_cli.text import category_id, collapse, slug, title_line
from career_cli.text import strong_as_text as strong_as_text

if TYPE_CHECKING:
    from career_cli.sources.blocks import Line
    from career_cli.sources.category_content import CategoryContent

# Statements in one level, included ones too: handbook levels have dozens, the scale benchmarks
# compare 10,000. Bytes alone do not bound the work: 10 MB of one-letter items is 2.6 million
# statements, gigabytes to compare.
MAX_STATEMENTS = 20_000
# An overview list item that is only a link to a heading of the same page: a table of contents.
_ANCHOR_ONLY_RE = re.compile(r"\[[^\[\]]*\]\(#[^()\s]*\)")
# Scripts written without spaces between words (Han, Kana, Hangul, Thai): a level's name in a
# heading there has no word boundary around it, and is joined to the rest by a particle.
# A test over code points, not a compiled class: a class of these blocks takes milliseconds to
# compile, on every run, for headings that are mostly ASCII.
_UNSPACED = (
    (0x0E00, 0x0E7F), (0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF),
)  # fmt: skip


def _unspaced(text: str) -> bool:
    return any(lo <= ord(c) <= hi for c in text if c >= "\u0e00" for lo, hi in _UNSPACED)


# What joins a name to the rest of a heading: の (Japanese), 的 (Chinese), 의 (Korean), and the
# punctuation headings use around a name.
_JOINERS = " -:–—・：、の的의"


def _strip_level_name(title: str, names: tuple[str, ...]) -> str:
    """A sub-category heading without the level's own name, so that "Senior Technical
    Competencies", "Associate: Führungskompetenzen" and "シニアのテクニカルコンピテンシー" align
    with the same headings of other levels."""
    for name in names:
        if not name or len(name) > len(title):
            continue  # it cannot be there; and a title as long as a page is not made a pattern
        if _unspaced(name):
            stripped = title.replace(name, " ") if name in title else title
        else:
            stripped = re.sub(rf"(?i)(?<!\w){re.escape(name)}(?!\w)", " ", title)
        stripped = collapse(stripped).strip(_JOINERS)
        if stripped and stripped != title:
            return stripped
    return title


# The parser's own mutable state: plain slotted classes, not dataclasses — each dataclass costs
# start-up time to generate, and these never leave this module.
class _Section:
    __slots__ = ("has_children", "items", "line", "parts")

    def __init__(self, parts: tuple[str, ...], line: int) -> None:
        self.parts = parts
        self.line = line
        self.items: list[Statement] = []
        self.has_children = False


class _OpenItem:
    __slots__ = ("line", "parts", "serial")

    def __init__(self, serial: int, line: int) -> None:
        self.serial = serial  # the scanner's list item: its lines are this statement's
        self.parts: list[str] = []
        self.line = line


class BodyParser:
    """Level pages from the records of ``blocks.scan``: headings make categories, and each list
    item at the top of a category is a statement, with everything its paragraphs hold (nested
    items, lazy lines); code, comments and rules are no statement text."""

    def __init__(
        self,
        level_id: str,
        title: str,
        expand: IncludeExpander | None,
        *,
        fragment: bool = False,
        path: Path | None = None,
    ) -> None:
        self.level_id = level_id
        self.path = path
        self.count = 0  # statements so far, included ones too
        self.title = title
        self.names = tuple(dict.fromkeys(n for n in (title, level_id) if n))
        # Made once per page, not per heading: a title may be as long as the page, and a page may
        # hold as many headings.
        self.keys = {slug(title), slug(level_id)}
        self.name_keys = tuple(key for key in map(slug, self.names) if key)
        self.expand = expand
        # A fragment is an included file: one run of statements, its headings only group them.
        self.fragment = fragment
        self.sections: list[_Section] = []
        self.section: _Section | None = _Section(("",), 0) if fragment else None
        self.overview_depth: int | None = None
        self.in_overview = False
        self.overview: list[list[str]] = [[]]
        self.heading: str | None = None
        self.item: _OpenItem | None = None
        self.notes: list[Note] = []
        self.stack: list[str] = []
        self.category_depth = 0  # the depth of the heading that opened the top category
        self.skipped: int | None = None  # an overview item that is only a link: navigation
        # Tables and text in categories (``category_content``), made at the first such block.
        self.content: CategoryContent | None = None

    # -- headings

    def _is_overview(self, text: str, strict: bool) -> bool:
        key = slug(text)
        if key in self.keys:
            return True
        if strict:
            return False
        # Sub-framework pages head the overview "Core Platform Senior Distribution Engineer" for
        # the level "Senior Distribution Engineer": the heading ends with the level's name. A
        # category such as "Senior Responsibilities" merely starts with it; "Senior Engineer,
        # Platform" names the level, then its team.
        head = slug(text.split(",", 1)[0]) if "," in text else ""
        return head in self.keys or any(key.endswith(f"-{k}") for k in self.name_keys)

    def heading_line(self, depth: int, text: str, line: int) -> None:
        self.close_item()
        old = self.section
        self.set_heading(depth, title_line(text), line)
        if self.content is not None:  # a lead-in may head the category's first sub-category
            new = self.section
            self.content.section_end(bool(old and new and old.parts == new.parts[:-1]))

    def set_heading(self, depth: int, text: str, line: int) -> None:
        if depth == 1 or self.fragment:
            return
        nested = bool(self.stack) and depth > self.category_depth  # inside a category
        if (
            self.heading is None
            and not nested
            and self._is_overview(text, strict=bool(self.sections))
        ):
            self.heading = text
            self.in_overview = True
            self.overview_depth = depth
            self.section = None
            self.stack = []
            return
        self.in_overview = False
        if self.overview_depth is not None and depth > self.overview_depth:
            # Sub-frameworks put their categories under the overview heading: promote them.
            rank = depth - self.overview_depth
        else:
            self.overview_depth = None
            rank = depth - 1
        title = _strip_level_name(text, self.names)
        if rank <= 1:
            self.category_depth = depth
        self.stack = [*self.stack[: rank - 1], title]
        if len(self.stack) > 1:
            for section in reversed(self.sections):
                if section.parts == tuple(self.stack[:-1]):
                    section.has_children = True
                    break
        self.section = _Section(tuple(self.stack), line)
        self.sections.append(self.section)

    # -- items

    def in_category(self) -> CategoryContent | None:
        """The reader of tables and text in a page's category (not overview, not an include)."""
        if self.section is None or self.in_overview or self.fragment:
            return None
        if self.content is None:
            from career_cli.sources.category_content import CategoryContent

            self.content = CategoryContent((*self.names, self.level_id), self.path)
        return self.content

    def end_paragraph(self) -> None:
        if self.content is not None and self.content.paragraph and self.section is not None:
            self.add(self.content.end(first=not self.section.items))

    def add(self, statements: list[Statement]) -> None:
        if statements and self.section is not None:
            self.section.items.extend(statements)
            self.counted(len(statements), statements[0].line)

    def close_item(self) -> None:
        if self.item is None:
            return
        text = collapse(" ".join(self.item.parts))
        if text and self.section is not None:
            self.section.items.append(Statement(text, self.item.line))
            self.counted(1, self.item.line)
        self.item = None

    def counted(self, added: int, line: int) -> None:
        self.count += added
        if self.count > MAX_STATEMENTS:
            raise PageError(
                f"more than {MAX_STATEMENTS:,} statements",
                path=self.path,
                line=line,
                hint="a level lists dozens of competencies; check that this is the right file",
            )

    def list_item(self, record: Line) -> None:
        """A list item at the top of the page: a statement in a category, else a line of text."""
        self.close_item()
        if self.in_overview or self.section is None:
            if self.in_overview and self.overview[-1]:
                self.overview.append([])  # each overview list item reads as its own line
            return
        if self.content is not None:
            self.content.statements_follow()
        self.item = _OpenItem(record.chain[-1], record.no)

    def text_line(self, text: str, line: int, chain: tuple[int, ...] = ()) -> None:
        if self.in_overview:
            self.overview[-1].append(text)
        elif self.section is None and text:
            self.notes.append(Note(line, notes.OUTSIDE_CATEGORY, "text before the first category"))
        elif (content := self.in_category()) is not None:
            content.text(line, text, chain)

    def include(self, code: Shortcode, line: int) -> None:
        self.close_item()
        if not code.valid:
            self.notes.append(Note(line, notes.MALFORMED_SHORTCODE, code.problem()))
            return
        if is_navigation(code.path):
            return
        if self.section is None:
            self.notes.append(Note(line, notes.INCLUDE_OUTSIDE_CATEGORY, f"include {code.path}"))
            return
        if self.content is not None:
            self.content.statements_follow()
        if self.expand is not None:
            items, found = self.expand(code.path, line)
            self.section.items.extend(items)
            self.notes.extend(found)
            self.counted(len(items), line)
            return
        self.section.items.append(Statement(code.path, line, include=code.path))
        self.counted(1, line)

    def feed(self, lines: Iterable[tuple[int, str]]) -> None:
        from career_cli.sources.blocks import BLANK, CODE, FENCE, HEADING, HTML, ITEM, TEXT, scan

        # A top-level list item's first line is read as written from its marker on, whatever
        # it opens ("- 1." or "- # x" are statements too), unless it opens code or a comment.
        first: tuple[int, int, int] | None = None  # (line, item, column) of the last item
        marker = ""  # an overview item's marker, for the first line of its text
        for record in scan(lines):
            kind = record.kind
            owner = record.chain[0] if record.chain and record.chain[0] > 0 else None
            content = self.content
            if content is not None and (kind != TEXT or record.chain != content.chain):
                self.end_paragraph()  # a paragraph ends at any other block
            if self.html_table(record, kind == TEXT and owner is None and self.item is None):
                continue
            if kind == ITEM:
                if len(record.chain) == 1 and owner is not None:
                    self.list_item(record)
                    first, marker = (record.no, owner, record.start), record.marker
                continue
            pending, marker = marker, ""
            mine = self.item is not None and owner == self.item.serial
            text = record.content.strip()
            if first is not None and first[:2] == (record.no, owner):
                text = "" if kind in (FENCE, HTML, CODE) else record.text[first[2] :].strip()
                kind = TEXT
            first = None
            if kind == BLANK:
                if self.in_overview and self.overview[-1]:
                    self.overview.append([])
                continue
            if kind not in (TEXT, HEADING):
                if not mine:
                    self.close_item()  # a rule, code or a comment block ends the statement
                continue
            if kind == HEADING and not record.chain:
                self.heading_line(record.depth, record.title.strip(), record.no)
                continue
            if self.shortcodes(text, record.no):
                continue
            if mine:
                assert self.item is not None
                self.item.parts.append(text)  # nested items and in-item headings join it
                continue
            if owner is None:
                self.close_item()
            if self.in_overview and owner is not None:
                if owner == self.skipped:
                    continue
                if pending and _ANCHOR_ONLY_RE.fullmatch(text):
                    self.skipped = owner  # "- [Technical Competencies](#…)": navigation
                    continue
                text = f"{pending} {text}" if pending else text
            self.text_line(text, record.no, record.chain)
        self.close_item()
        if self.content is not None:
            self.end_paragraph()
            self.add(self.content.close_html())
            self.content.section_end(child=False)
            self.notes.extend(self.content.notes)

    def html_table(self, record: Line, starts: bool) -> bool:
        """Whether the record is a line of an HTML ``<table>`` block in a category (read whole,
        to its ``</table>``, into statements)."""
        opening = starts and record.content.lstrip()[:6].lower() == "<table"
        if (self.content is None or self.content.html is None) and not opening:
            return False
        content = self.in_category()
        if content is None:
            return False
        self.close_item()
        self.end_paragraph()
        found = content.html_table(record.no, record.text, starts)
        if found is None:
            return False
        self.add(found)
        return True

    def shortcodes(self, text: str, line: int) -> bool:
        """Whether the line is include shortcodes and nothing else (each is then an include);
        a malformed one among other text is noted."""
        if "{{" not in text:
            return False
        codes = find_shortcodes(text)
        if codes and not outside(text, shortcode_spans(text)).strip():
            for code in codes:
                self.include(code, line)
            return True
        for code in codes:
            if not code.valid:
                self.notes.append(Note(line, notes.MALFORMED_SHORTCODE, code.problem()))
        return False

    def categories(self) -> tuple[Category, ...]:
        """The sections that hold statements, as categories; a repeated heading is noted here and
        folded into its first occurrence by ``Level`` itself (the model's invariant)."""
        found: list[Category] = []
        first_line: dict[str, int] = {}
        for section in self.sections:
            if section.has_children and not section.items:
                continue  # a grouping heading such as "Engineering alignment"
            ident = category_id(section.parts)
            found.append(Category(ident, tuple(section.parts), tuple(section.items), section.line))
            if ident not in first_line:
                first_line[ident] = section.line
                continue
            self.notes.append(
                Note(
                    section.line,
                    notes.DUPLICATE_CATEGORY,
                    f"category '{' › '.join(section.parts)}' also starts at line "
                    f"{first_line[ident]}; its statements are read as one category "
                    "(merge the two sections)",
                )
            )
        return tuple(found)

    def overview_text(self) -> str:
        """The overview as prose: paragraphs apart, ``**bold**`` read as the words it marks."""
        return "\n\n".join(strong_as_text(" ".join(p)) for p in self.overview if p)


IncludeExpander = Callable[[str, int], "tuple[list[Statement], list[Note]]"]
