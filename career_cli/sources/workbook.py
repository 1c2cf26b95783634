"""An XLSX workbook → grids, one per sheet, read into an ``Assembly`` by ``matrix``.

It owns the workbook as a file: the size limit, then the zip's own declarations checked before
anything is decompressed (how many entries, how many bytes they say they unpack to: a zip bomb is
refused from its directory), then openpyxl (imported only here, in read-only mode, formulas never
evaluated: a formula cell is noted and read as empty, its text never shown). Sheets: hidden ones
are skipped with a note; when several sheets are named for levels, each is one level's table (a
category column and a statement column); otherwise each sheet that names levels is a matrix, and
when there are several, each sheet's name is its category (one sheet per competency area). Merged
cells read as their top-left cell with blanks below and to the right, which the matrix reader
carries on (a category column merged down its rows).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from career_cli import notes
from career_cli.errors import PageError
from career_cli.model import Note
from career_cli.sources import files, matrix
from career_cli.sources.assemble import Assembly
from career_cli.sources.cells import looks_like_level
from career_cli.sources.grid import Cell, Grid, column_letters
from career_cli.sources.spreadsheet import MAX_COLUMNS, MAX_ROWS

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024  # what the zip's entries may declare, all together
MAX_ENTRIES = 2_000

WORKBOOK = files.FileKind(
    PageError,
    noun="workbook",
    a_noun="an XLSX workbook",
    limit=MAX_WORKBOOK_BYTES,
    size_hint="a ladder workbook is a few hundred kilobytes; check that this is the right file",
)


def check_zip(data: bytes, path: Path) -> None:
    """Refuse a workbook from its zip directory alone: not a zip, too many entries, or entries
    that declare more bytes than a ladder could need (zipfile never unpacks past a declared
    size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise PageError(
            "not an XLSX workbook (it is not a zip archive)",
            path=path,
            hint="save the sheet as 'Excel Workbook (.xlsx)', or as 'CSV UTF-8'",
        ) from None
    if len(entries) > MAX_ENTRIES:
        raise PageError(
            f"the workbook's zip holds {len(entries):,} entries, over the {MAX_ENTRIES:,} limit",
            path=path,
            hint=WORKBOOK.size_hint,
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED:
        raise PageError(
            f"the workbook unpacks to {unpacked / 1048576:,.0f} MB, over the "
            f"{MAX_UNPACKED // 1048576} MB limit (checked before unpacking)",
            path=path,
            hint=WORKBOOK.size_hint,
        )


def read(path: Path, into: Assembly) -> None:
    """Every visible sheet of the workbook at ``path`` that names levels, into ``into``."""
    data = files.read_bytes(path, WORKBOOK)
    check_zip(data, path)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file; all are the user's
        raise PageError(
            f"cannot be read as an XLSX workbook ({type(exc).__name__})",
            path=path,
            hint="open it in a spreadsheet application and save it again as .xlsx",
        ) from None
    try:
        grids = _sheets(book, path, into)
    finally:
        book.close()
    per_level = [(name, grid) for name, grid in grids if looks_like_level(name)]
    if len(per_level) >= 2:
        for name, grid in grids:
            if looks_like_level(name):
                key = into.level(name, 1, where=f"sheet '{name}'")
                if matrix.read_grid(grid, into, level=key):
                    continue
            _not_ladder(into, name)
        return
    ladders = [(name, grid) for name, grid in grids if matrix.detect(grid) is not None]
    read = {name for name, _ in ladders}
    for name in [name for name, _ in grids if name not in read]:
        _not_ladder(into, name)
    for name, grid in ladders:
        matrix.read_grid(grid, into, category=name if len(ladders) > 1 else None)


def _not_ladder(into: Assembly, name: str) -> None:
    into.note(
        Note(1, notes.OUTSIDE_CATEGORY, f"sheet '{name}' names no levels: not read as statements")
    )


def _sheets(book: Any, path: Path, into: Assembly) -> list[tuple[str, Grid]]:
    grids = []
    several = len(book.sheetnames) > 1
    for sheet in book.worksheets:
        name = str(sheet.title)
        if sheet.sheet_state != "visible":
            into.note(Note(1, notes.OUTSIDE_CATEGORY, f"sheet '{name}' is hidden: not read"))
            continue
        grid = _grid(sheet, name if several else None, path, into)
        if grid is not None:
            grids.append((name, grid))
    return grids


def _grid(sheet: Any, name: str | None, path: Path, into: Assembly) -> Grid | None:
    rows: list[tuple[Cell, ...]] = []
    try:
        for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
            if number > MAX_ROWS:
                raise PageError(
                    f"sheet '{sheet.title}' has more than {MAX_ROWS:,} rows",
                    path=path,
                    line=number,
                    hint="a ladder has a row per competency; check that this is the right file",
                )
            cells = []
            for column, cell in enumerate(row, start=1):
                cells.append(
                    Cell(_text(cell, number, column, name, into), number, column, sheet=name)
                )
            if any(cell.text.strip() for cell in cells):
                rows.append(tuple(cells))
    except PageError:
        raise
    except Exception as exc:  # a damaged sheet part inside a well-formed zip
        raise PageError(
            f"sheet '{sheet.title}' cannot be read ({type(exc).__name__})",
            path=path,
            hint="open it in a spreadsheet application and save it again as .xlsx",
        ) from None
    if not rows:
        return None
    return Grid(rows[0], tuple(rows[1:]), rows[0][0].line, sheet=name)


def _text(cell: Any, row: int, column: int, sheet: str | None, into: Assembly) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value[:1] == "="):
        where = f"{column_letters(column)}{row}"
        where = f"{sheet}!{where}" if sheet else where
        into.note(
            Note(row, notes.UNREAD_CONTENT,
                 f"{where}: a formula, not read (career never evaluates formulas)")
        )  # fmt: skip
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n")
