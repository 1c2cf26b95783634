"""What a category of a level page holds besides list items: tables, and text that is not read.

It owns the blocks ``body`` hands over from inside a category: a paragraph holding a GFM pipe
table, or an HTML ``<table>`` block (read to its ``</table>``, as kramdown and Hugo read one), gives
statements through ``pagetable``; any other paragraph, or an image, is **unread content**: a note
(``notes.UNREAD_CONTENT``) that every command warns about and ``career lint`` reports.

One principle keeps prose that describes rather than states out of the warnings: a **lead-in**, the
first block of a category when it is one paragraph of text directly followed by the category's
statements (a list, a table, an include) or by its first sub-category, introduces what follows and
is no statement ("This table uses the responsibility names defined on the team page."). Prose
anywhere else — a second paragraph, one after the statements, one followed by an image, a category
with only prose — is content the page meant, and no reader made a statement of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from career_cli import notes
from career_cli.errors import PageError
from career_cli.model import Note, Statement
from career_cli.sources.grid import Grid
from career_cli.text import collapse

_IMAGE = re.compile(r"(?:!\[[^\[\]]*\]\([^()]*\)|<img\b[^<>]*>|\s)+", re.IGNORECASE)
_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_SHOWN = 60  # characters of unread text a message quotes
T = TypeVar("T")


def _quote(text: str) -> str:
    shown = collapse(text)
    return f"'{shown[:_SHOWN].rstrip()}…'" if len(shown) > _SHOWN else f"'{shown}'"


class CategoryContent:
    """The blocks of the current category that are not list items, as ``body`` meets them."""

    def __init__(self, names: tuple[str, ...], path: Path | None) -> None:
        self.names = names  # the level's names: a table of several levels is read in its column
        self.path = path
        self.notes: list[Note] = []
        self.paragraph: list[tuple[int, str]] = []
        self.chain: tuple[int, ...] = ()
        self.pending: tuple[int, str] | None = None  # a first paragraph: a lead-in, or unread
        self.seen = False  # a block of the category has passed (items are body's to count)
        self.html: list[str] | None = None  # an HTML table being read, line by line
        self.html_line = 0
        self.html_depth = 0
        self.last_no = -1

    def unread(self, line: int, message: str) -> None:
        self.notes.append(Note(line, notes.UNREAD_CONTENT, message))

    # -- what body hands over

    def text(self, no: int, text: str, chain: tuple[int, ...]) -> None:
        """A line of a paragraph inside a category, not in a list item."""
        self.paragraph.append((no, text))
        self.chain = chain

    def end(self, first: bool) -> list[Statement]:
        """The paragraph has ended: its table's statements, its prose held or noted. ``first``:
        the category has no statements yet."""
        lines, self.paragraph = self.paragraph, []
        if not lines:
            return []
        from career_cli.sources.tables import table_start

        start = table_start(lines) if any("|" in text for _, text in lines) else None
        if start is None:
            self.prose(lines, first)
            return []
        if start:
            self.prose(lines[:start], first)  # GFM: a paragraph's last line may head a table
        from career_cli.sources.tables import markdown_table

        grid = self.guard(lambda: markdown_table(lines[start:]), lines[start][0])
        return self.statements(grid) if grid is not None else []

    def prose(self, lines: list[tuple[int, str]], first: bool) -> None:
        text = " ".join(text for _, text in lines)
        line = lines[0][0]
        self.flush()
        if _IMAGE.fullmatch(text):
            self.unread(line, f"an image in a category is not a statement: {_quote(text)}")
        elif first and not self.seen:
            self.pending = (line, text)  # a lead-in if the statements follow
        else:
            self.unread_text(line, text)
        self.seen = True

    def unread_text(self, line: int, text: str) -> None:
        self.unread(
            line,
            f"text in a category is not a statement: {_quote(text)} "
            "(make it a list item or a table row to compare it)",
        )

    def flush(self) -> None:
        """A held first paragraph that something other than statements follows: unread."""
        if self.pending is not None:
            self.unread_text(*self.pending)
            self.pending = None

    def statements_follow(self) -> None:
        """A list item, table or include starts: a held first paragraph was its lead-in."""
        self.pending = None
        self.seen = True

    def section_end(self, child: bool) -> None:
        """The category ends; ``child``: at its first sub-category, which a lead-in may head."""
        if child:
            self.pending = None
        self.flush()
        self.seen = False

    def statements(self, grid: Grid) -> list[Statement]:
        from career_cli.sources.pagetable import read_table

        reading = read_table(grid, self.names)
        if reading.statements:
            self.statements_follow()
        else:
            self.flush()
            self.seen = True
        self.notes.extend(reading.notes)
        return reading.statements

    # -- HTML tables, read whole

    def html_table(self, no: int, raw: str, starts: bool) -> list[Statement] | None:
        """Read a line into an HTML table block: ``starts`` when it may open one (a paragraph
        line of a category). None when the line is no part of a table; else the statements of
        the table once it closes (``[]`` before)."""
        if self.html is None:
            if not starts or not raw.lstrip().lower().startswith("<table"):
                return None
            self.html, self.html_line, self.html_depth = [], no, 0
        if no == self.last_no:
            return []  # a line that opens containers comes as several records
        self.last_no = no
        self.html.append(raw)
        self.html_depth += len(_TABLE_OPEN.findall(raw)) - len(_TABLE_CLOSE.findall(raw))
        return self.close_html() if self.html_depth <= 0 else []

    def close_html(self) -> list[Statement]:
        """The HTML table read so far (closed, or at the end of the page)."""
        if self.html is None:
            return []
        text, self.html = "\n".join(self.html), None
        from career_cli.sources.tables import html_tables

        found: list[Statement] = []
        for grid in self.guard(lambda: html_tables(text, self.html_line), self.html_line):
            found.extend(self.statements(grid))
        return found

    def guard(self, read: Callable[[], T], line: int) -> T:
        """A table too big to read is the page's error, named with its path and line."""
        try:
            return read()
        except PageError as exc:
            raise PageError(exc.message, path=self.path, line=line, hint=exc.hint) from None
