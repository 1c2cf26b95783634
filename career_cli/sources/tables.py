"""Tables as written in pages → ``grid.Grid``: GFM pipe tables and HTML ``<table>`` blocks.

It owns the syntax of a table, not its meaning: which lines make a pipe table (a header row, a
delimiter row of ``---``/``:---:`` cells, body rows; ``\\|`` escapes; pipes inside code spans), and
which cells an HTML table holds once ``rowspan``/``colspan`` are expanded (so its grid is
rectangular). Cells keep their inline Markdown; a break inside a cell (``<br>``, a kramdown
``{::nomarkdown}<ul><li>…{:/}`` list, HTML ``<li>``) is kept as ``"\\n"`` so a reader can split the
statements a cell holds. A cell written wholly bold (``**…**``, ``<strong>``/``<b>``) or marked
``class="current"`` is ``bold``, which is how a page that shows several levels marks its own.
What a table *means* (which column keys a row, which is this level's) is ``pagetable``'s.

HTML is read with the standard library's ``html.parser``, imported only when ``<table`` occurs.
Every scan is linear in its input, spans are capped as browsers cap them, and a table of more
than ``MAX_CELLS`` cells is an error rather than gigabytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from career_cli.errors import PageError
from career_cli.sources.grid import Cell, Grid

if TYPE_CHECKING:
    from career_cli.sources.blocks import Line

MAX_CELLS = 200_000  # every table of one page: a ladder's grid has hundreds

_DELIMITER = re.compile(r":?-+:?")
_BACKTICKS = re.compile(r"(?<!`)`+")
# Breaks inside a cell: <br>, list and paragraph tags, and kramdown's nomarkdown markers.
_BREAK = re.compile(r"(?i)<br\s*/?>|</?(?:ul|ol|li|p)(?:\s[^<>]*)?>|\{::nomarkdown\}|\{:/[a-z]*\}")


# ---------------------------------------------------------------------------------------------
# Pipe tables


def split_row(text: str) -> list[str]:
    """The cells of a pipe-table row, as written: split at each ``|`` that is neither escaped
    (``\\|``, which becomes ``|``) nor inside a code span; one leading and one trailing pipe are
    the row's border. Linear: each backtick run is found once, its closer looked up."""
    line = text.strip()
    runs: dict[int, list[int]] = {}
    for m in _BACKTICKS.finditer(line):
        runs.setdefault(m.end() - m.start(), []).append(m.start())
    used: dict[int, int] = dict.fromkeys(runs, 0)
    cells: list[str] = []
    piece: list[str] = []
    start = 0
    i = 0
    n = len(line)
    while i < n:
        char = line[i]
        if char == "\\" and line.startswith("|", i + 1):
            piece.append(line[start:i] + "|")
            i += 2
            start = i
        elif char == "`":
            j = i
            while j < n and line[j] == "`":
                j += 1
            starts = runs.get(j - i, [])
            k = used.get(j - i, 0)
            while k < len(starts) and starts[k] < j:
                k += 1
            used[j - i] = k
            i = starts[k] + (j - i) if k < len(starts) else j  # a code span, or plain backticks
        elif char == "|":
            piece.append(line[start:i])
            cells.append("".join(piece))
            piece = []
            i += 1
            start = i
        else:
            i += 1
    piece.append(line[start:])
    cells.append("".join(piece))
    if line.startswith("|"):
        cells.pop(0)
    if len(cells) > 1 and line.endswith("|") and not line.endswith("\\|"):
        cells.pop()
    return cells


def _is_delimiter(cells: list[str]) -> bool:
    return all(_DELIMITER.fullmatch(cell.strip()) for cell in cells)


def _wholly_bold(text: str) -> str | None:
    """The text inside ``**…**`` or ``__…__`` when that is the whole cell (line), else None."""
    for mark in ("**", "__"):
        inner = text[2:-2]
        if (
            len(text) > 4
            and text.startswith(mark)
            and text.endswith(mark)
            and mark not in inner
            and inner == inner.strip()
        ):
            return inner
    return None


def cell_text(raw: str, *, markdown: bool = True) -> tuple[str, bool]:
    """A cell's text with its breaks as ``"\\n"`` (whitespace around each line trimmed), and
    whether every line of it is wholly bold (then the ``**`` are taken off). An HTML cell's breaks
    are already ``"\\n"`` (its text is data: a ``<br>`` written as ``&lt;br&gt;`` stays text)."""
    broken = _BREAK.sub("\n", raw) if markdown else raw
    lines = [part.strip() for part in broken.split("\n")]
    lines = [part for part in lines if part]
    unwrapped = [_wholly_bold(part) for part in lines]
    if lines and all(part is not None for part in unwrapped):
        return "\n".join(part or "" for part in unwrapped), True
    return "\n".join(lines), False


def _cells(raw: list[str], line: int) -> tuple[Cell, ...]:
    found = []
    for column, text in enumerate(raw, 1):
        shown, bold = cell_text(text)
        found.append(Cell(shown, line, column, bold, page=True))
    return tuple(found)


def table_start(lines: Sequence[tuple[int, str]]) -> int | None:
    """The index of the header row of the first pipe table in one paragraph's lines: a row with
    a pipe followed by a delimiter row of as many cells (GFM). None when there is none."""
    for k in range(len(lines) - 1):
        header = lines[k][1]
        if "|" not in header or "-" not in lines[k + 1][1]:
            continue
        below = split_row(lines[k + 1][1])
        if _is_delimiter(below) and len(split_row(header)) == len(below):
            return k
    return None


def markdown_table(lines: Sequence[tuple[int, str]]) -> Grid | None:
    """A GFM pipe table from consecutive ``(line number, text)`` lines — header, delimiter, body
    rows (each following line is a row, as in GFM) — or None when the first two lines are not a
    header and its delimiter row. Short rows are padded with empty cells; cells past the header's
    width are kept, as one cell (a reader reports it)."""
    if len(lines) < 2 or table_start(lines[:2]) != 0:
        return None
    width = len(split_row(lines[0][1]))
    header = _cells(split_row(lines[0][1]), lines[0][0])
    rows = []
    for no, text in lines[2:]:
        raw = split_row(text)
        raw += [""] * (width - len(raw))
        if len(raw) > width + 1:  # GFM drops them; kept as one cell, so a reader can say so
            raw[width:] = ["|".join(raw[width:])]
        rows.append(_cells(raw, no))
    check_size(sum(len(row) for row in rows))
    return Grid(header, tuple(rows), lines[0][0])


def paragraphs(records: Iterator[Line]) -> Iterator[list[Line]]:
    """The paragraphs of scanned records: runs of text records in the same containers."""
    from career_cli.sources.blocks import TEXT

    run: list[Line] = []
    for record in records:
        if record.kind == TEXT and (not run or run[-1].chain == record.chain):
            run.append(record)
            continue
        if run:
            yield run
        run = [record] if record.kind == TEXT else []
    if run:
        yield run


def markdown_tables(text: str, first_line: int = 1) -> list[Grid]:
    """Every pipe table of a Markdown text, in order (not in code, fences or HTML comments)."""
    from career_cli.sources.blocks import scan

    found = []
    lines = enumerate(text.split("\n"), start=first_line)
    for run in paragraphs(scan(lines)):
        numbered = [(r.no, r.content) for r in run]
        start = table_start(numbered)
        if start is not None:
            grid = markdown_table(numbered[start:])
            if grid is not None:
                found.append(grid)
    return found


def check_size(cells: int) -> None:
    if cells > MAX_CELLS:
        raise PageError(
            f"a table of more than {MAX_CELLS:,} cells",
            hint="a ladder's table has hundreds of cells; check that this is the right file",
        )


# ---------------------------------------------------------------------------------------------
# HTML tables (``htmltables``, imported only for a text with ``<table``)


def html_tables(text: str, first_line: int = 1) -> list[Grid]:
    """Every ``<table>`` of an HTML text, in order: ``<th>``/``<td>`` cells, spans expanded,
    ``<br>``/``<li>`` as ``"\\n"``, entities decoded, comments and tags dropped (cell text is data,
    never HTML). Its header is its first ``<thead>`` row, else its first row."""
    if "<table" not in text.lower():
        return []
    from career_cli.sources.htmltables import TableParser

    parser = TableParser(first_line)
    parser.feed(text)
    parser.finish()
    return parser.grids
