"""A table as every table reader hands it on: rows of cells that remember where they were written.

Markdown pipe tables, HTML ``<table>`` blocks, CSV/TSV files and XLSX sheets all become a
``Grid``, so the rules that give a table meaning (which header names levels, which column keys a
row, "Same as L3" cells) are written once, in the reader that interprets grids, and each error or
lint finding can name the cell: a page line for a Markdown table, ``C7`` or ``Sheet2!C7`` for a
spreadsheet.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its text (inline Markdown kept, whitespace as written), where it is, and
    whether it is wholly bold (a page that shows several levels marks its own column so)."""

    text: str
    line: int  # the page line or spreadsheet row, 1-based
    column: int  # 1-based
    bold: bool = False
    sheet: str | None = None  # the workbook sheet, for a spreadsheet with several
    page: bool = False  # in a page's table (Markdown, HTML): ``line`` is a page line, not a row

    @property
    def where(self) -> str:
        """How a message names the cell: ``C7`` (spreadsheet style), with its sheet if any; in a
        page's table, where the message already names the line, ``column C``."""
        if self.page:
            return f"column {column_letters(self.column)}"
        name = f"{column_letters(self.column)}{self.line}"
        return f"{self.sheet}!{name}" if self.sheet else name


@dataclass(frozen=True, slots=True)
class Grid:
    """A table: its header row, then its body rows (ragged rows are the reader's to report)."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    line: int  # where the table starts
    sheet: str | None = None


def column_letters(column: int) -> str:
    """1 → ``A``, 27 → ``AA``: the column names a spreadsheet user sees."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or "A"
