"""career's own matrix CSV (``career export csv``), read back exactly as it was written.

A matrix written by people is read by rules that guess (``matrix``: which header names levels,
"Same as" cells, several statements in a cell). A matrix ``career export`` wrote needs no guess,
and must not get one: its header is ``Category``, ``Key``, then one column per level (the level's
title, or ``Title (id)`` when two levels share a title), each cell one statement, every cell a
spreadsheet would run prefixed with ``'`` (undone here with ``text.formula_text``). A sheet with
that header is read this way, so exporting and reading back gives the same levels, categories
(``Parent › Sub`` split into its parts), statements, keys and order.
"""

from __future__ import annotations

import re
from pathlib import Path

from career_cli.errors import PageError
from career_cli.model import Category, Framework, Level, Note, Statement
from career_cli.sources.grid import Grid
from career_cli.text import category_id, formula_text, slug

HEADER = ("Category", "Key")
_TITLE_WITH_ID = re.compile(r"^(?P<title>.*) \((?P<id>[^()]+)\)$")


def is_export(grid: Grid) -> bool:
    """Whether a sheet has the header ``career export csv`` writes."""
    names = tuple(formula_text(cell.text) for cell in grid.header[:2])
    return names == HEADER and len(grid.header) > 2


def _levels(grid: Grid) -> list[tuple[str, str]]:
    """``(id, title)`` per level column: the title written, its id from the title (or from the
    parentheses the export adds when two levels share a title)."""
    titles = [formula_text(cell.text) for cell in grid.header[2:]]
    bare = [_TITLE_WITH_ID.sub(r"\g<title>", title) for title in titles]
    found = []
    for number, (title, shown) in enumerate(zip(titles, bare, strict=True), start=1):
        named = _TITLE_WITH_ID.match(title)
        if named and bare.count(shown) > 1:  # "Senior (senior-a)", "Senior (senior-b)"
            found.append((named["id"], shown))
        else:
            found.append((slug(title) or f"l{number}", title))
    return found


def load(
    grid: Grid, path: Path, ident: str | None = None, decoded: tuple[Note, ...] = ()
) -> Framework:
    """The framework a ``career export csv`` sheet holds; ``decoded``: what decoding noticed (a
    sheet re-saved by Excel in Windows-1252), carried by every level as a one-file reader's
    notes are."""
    levels = _levels(grid)
    columns: list[dict[str, tuple[tuple[str, ...], list[Statement]]]] = [{} for _ in levels]
    for row in grid.rows:
        cells = [formula_text(cell.text) for cell in row]
        if len(cells) < 2 or not cells[0]:
            raise PageError(
                "a row with no category",
                path=path,
                line=row[0].line if row else grid.line,
                hint="every row of a career export names its category in the first column",
            )
        parts = tuple(cells[0].split(" › "))
        key = cells[1] or None
        for column, text in enumerate(cells[2 : 2 + len(levels)]):
            if text:
                cid = category_id(parts)
                slot = columns[column].setdefault(cid, (parts, []))
                slot[1].append(Statement(text, row[column + 2].line, key=key,
                                         cell=row[column + 2].where))  # fmt: skip
    if not any(columns):
        raise PageError("no statements", path=path, line=grid.line, hint="add a row per statement")
    return Framework(
        id=ident or path.stem,
        title=path.stem,
        path=path,
        levels=tuple(
            Level(
                id=lid,
                title=title,
                path=path,
                weight=float(weight),
                notes=decoded,
                categories=tuple(
                    Category(cid, parts, tuple(items)) for cid, (parts, items) in found.items()
                ),
            )
            for weight, ((lid, title), found) in enumerate(zip(levels, columns, strict=True))
        ),
    )
