"""An HTML level page's body (a Jekyll page: YAML frontmatter, then HTML) → ``body.BodyParser``.

It owns what an HTML body's tags mean for a level, fed to the same parser Markdown pages go
through, so categories, statements, notes and limits are the Markdown reader's: ``<h1>``…``<h6>``
are headings (an ``<h2>`` opens a category), ``<table>`` blocks are read by ``pagetable`` (a table
of several levels' columns in this level's own column), each ``<li>`` of a list in a category is a
statement, a ``<p>`` before the first heading is the overview, and a ``<p>`` or ``<img>`` inside a
category is unread content, as in a Markdown page. Tag text is data: entities are decoded, tags
and comments dropped, and no HTML reaches a statement. Imported only for ``.html`` pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from career_cli.model import Statement
from career_cli.sources.grid import Grid
from career_cli.sources.htmltables import TableParser
from career_cli.text import collapse

if TYPE_CHECKING:
    from career_cli.sources.body import BodyParser

HTML_SUFFIXES = (".html", ".htm")
_HEADINGS = {f"h{depth}": depth for depth in range(1, 7)}


class _PageParser(TableParser):
    """The table parser, with its ``outside_*`` hooks reading the rest of the page."""

    def __init__(self, body: BodyParser, first_line: int) -> None:
        super().__init__(first_line)
        self.body = body
        self.block: str | None = None  # the open block's tag, whose text is being gathered
        self.parts: list[str] = []
        self.block_line = 0
        self.lists = 0  # lists open: an item of a nested list is part of its parent's

    def outside_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self.lists += 1
            if self.block != "li":
                self.close_block()
        elif (tag == "li" and self.lists <= 1) or tag in _HEADINGS:
            self.start_block(tag)
        elif tag in ("p", "dd", "blockquote", "li", "br"):
            if self.block in ("li", "p") and tag in ("br", "li", "p"):
                self.parts.append(" ")  # inside an item, a nested item or paragraph joins it
            else:
                self.start_block(tag)
        elif tag == "img" and (content := self.body.in_category()) is not None:
            self.close_block()
            alt = next((v for k, v in attrs if k == "alt" and v), "")
            content.prose([(self.here(), f"![{collapse(alt)}]()")], first=False)

    def start_block(self, tag: str) -> None:
        self.close_block()
        self.block, self.parts, self.block_line = tag, [], self.here()

    def outside_end(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.lists = max(0, self.lists - 1)
            if self.lists == 0 and self.block == "li":
                self.close_block()
        elif tag == self.block and (tag != "li" or self.lists <= 1):
            self.close_block()

    def outside_data(self, data: str) -> None:
        if self.block is not None:
            self.parts.append(data)

    def close_block(self) -> None:
        tag, self.block = self.block, None
        text = collapse("".join(self.parts))
        self.parts = []
        if tag is None or not text:
            return
        body, line = self.body, self.block_line
        if tag in _HEADINGS:
            body.end_paragraph()
            body.heading_line(_HEADINGS[tag], text, line)
        elif tag == "li" and body.section is not None and not body.in_overview:
            body.end_paragraph()
            if body.content is not None:
                body.content.statements_follow()
            body.add([Statement(text, line)])
        elif body.in_overview:
            body.overview.append([text])  # each block is a paragraph of its own
        else:
            body.end_paragraph()
            body.text_line(text, line)
            body.end_paragraph()

    def table_done(self, grid: Grid) -> None:
        self.close_block()
        content = self.body.in_category()
        if content is not None:
            self.body.end_paragraph()
            self.body.add(content.statements(grid))


def feed_html(body: BodyParser, text: str, first_line: int) -> None:
    """Read an HTML page body into ``body``; what comes before the first heading is overview."""
    body.in_overview = True
    parser = _PageParser(body, first_line)
    parser.feed(text)
    parser.finish()
    parser.close_block()
    body.end_paragraph()
    if body.content is not None:
        body.content.section_end(child=False)
        body.notes.extend(body.content.notes)
