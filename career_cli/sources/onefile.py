"""A framework in one file: ``--framework ladder.csv`` (.tsv, .txt, .xlsx, .md, .html, .yml, .json).

It owns the dispatch from a file to the reader of its shape, by suffix: delimited text
(``spreadsheet``) and workbooks (``workbook``) become grids that ``matrix`` interprets; a Markdown
page is Monzo's frontmatter schema when its frontmatter has ``topics`` (``structured``), else a
section per level or per competency (``sections``), else a table matrix; an HTML page is a table
matrix; YAML and JSON are ``structured``'s. Each reader is imported only when its file type is
used, so the folder-of-pages path imports none of them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from career_cli import notes
from career_cli.errors import FrameworkNotFound, PageError
from career_cli.model import Framework, Note
from career_cli.sources.grid import Grid
from career_cli.text import collapse

DELIMITED = frozenset({".csv", ".tsv", ".tab", ".txt"})
STRUCTURED = frozenset({".yml", ".yaml", ".json"})
SUFFIXES = DELIMITED | STRUCTURED | {".xlsx", ".md", ".markdown", ".html", ".htm"}
SHOWN = ".csv, .tsv, .txt, .xlsx, .md, .html, .yml, .yaml or .json"


def readable(path: Path) -> bool:
    """Whether ``--framework`` may name this file as a framework of its own."""
    return path.suffix.lower() in SUFFIXES


def load(path: Path, ident: str | None = None) -> Framework:
    """The framework one file holds, read by the reader of its suffix."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FrameworkNotFound(
            f"is a file, and '{suffix or 'no suffix'}' is no ladder format career reads",
            path=path,
            hint=f"pass a framework directory of level pages, or a {SHOWN} file",
        )
    if suffix in STRUCTURED:
        from career_cli.sources import structured

        return structured.load(path)
    from career_cli.sources.assemble import Assembly

    into = Assembly(path)
    if suffix in DELIMITED:
        from career_cli.sources import matrix, spreadsheet

        grid, found = spreadsheet.read_grid(path)
        from career_cli.sources import career_csv

        if career_csv.is_export(grid):  # career's own export: read exactly, no guessing
            return career_csv.load(grid, path, ident, tuple(found))
        for note in found:
            into.note(note)
        if not matrix.read_grid(grid, into):
            raise _no_levels(path, grid.line, grid)
        return into.framework(ident)
    if suffix == ".xlsx":
        from career_cli.sources import workbook

        workbook.read(path, into)
        return into.framework(ident)
    from career_cli.sources.loader import read_page

    text = read_page(path)
    if suffix in (".html", ".htm"):
        _tables(path, text, into, html=True)
        return into.framework(ident)
    from career_cli.sources.loader import split_frontmatter

    meta, body, first = split_frontmatter(text, path)
    if "topics" in meta:  # Monzo's progression framework: levels live in the frontmatter
        from career_cli.sources import structured

        return structured.load(path)
    from career_cli.sources import sections

    if sections.read(body, first, into, meta):
        return into.framework(ident)
    if not any(line.lstrip().startswith("|") for line in body.split("\n")):
        raise FrameworkNotFound(
            "is a file, not a directory of level pages, nor a ladder in one file (it has no "
            "'## L1 – Title' section per level and no table)",
            path=path,
            hint="pass the folder that holds the level pages",
        )
    _tables(path, body, into, html=False, first_line=first)
    return into.framework(ident)


def _no_levels(path: Path, line: int, grid: Grid | None = None) -> PageError:
    from career_cli.sources.cells import looks_like_level
    from career_cli.sources.matrix import label

    named = [label(cell) for cell in grid.header if looks_like_level(label(cell))] if grid else []
    if len(named) == 1:  # one level is nothing to compare, and nothing to climb
        return PageError(
            f"only one column names a level ('{named[0]}'): a ladder has two levels or more",
            path=path,
            line=line,
            hint="add a column for each other level, named as the first is",
        )
    return PageError(
        "no header row or first column names levels (such as 'L1', 'Engineer II', 'Level 3')",
        path=path,
        line=line,
        hint="put the level names in the header row (levels as columns) or the first column",
    )


def _tables(path: Path, text: str, into: object, *, html: bool, first_line: int = 1) -> None:
    """A page of tables (``matrix.md``, ``matrix.html``): each table under its heading."""
    from career_cli.sources import matrix, tables
    from career_cli.sources.assemble import Assembly

    assert isinstance(into, Assembly)
    grids = (tables.html_tables if html else tables.markdown_tables)(text, first_line)
    headings, items = _outline(text, first_line) if not html else ({}, [])
    found = False
    for grid in grids:
        heading = max((line for line in headings if line < grid.line), default=None)
        category = headings[heading] if heading is not None else None
        found = matrix.read_grid(grid, into, category=category) or found
    if not found:
        raise _no_levels(path, first_line)
    if html and into.title is None:
        into.title = _html_title(text)
    for line in items:  # statements are the tables' cells: a list beside them is not read
        into.note(Note(line, notes.UNREAD_CONTENT, "a list item outside the tables is not read"))


def _outline(text: str, first_line: int) -> tuple[dict[int, str], list[int]]:
    """``##`` headings by line (the category of the tables under them; ``#`` is the title),
    and the lines of list items, which a page of tables does not read."""
    from career_cli.sources.blocks import HEADING, ITEM, scan

    headings, items = {}, []
    for record in scan(enumerate(text.split("\n"), start=first_line)):
        if record.kind == HEADING and not record.chain and record.depth >= 2:
            headings[record.no] = record.title.strip()
        elif record.kind == ITEM:
            items.append(record.no)
    return headings, items


_H1_RE = re.compile(r"<h1\b[^>]*>([^<]{1,300})</h1\s*>", re.IGNORECASE)
_TITLE_RE = re.compile(r"<title\b[^>]*>([^<]{1,300})</title\s*>", re.IGNORECASE)


def _html_title(text: str) -> str | None:
    """An HTML page's name for its ladder: its first ``<h1>``, else its ``<title>`` (text only)."""
    found = _H1_RE.search(text) or _TITLE_RE.search(text)
    return collapse(html.unescape(found.group(1))) or None if found else None
