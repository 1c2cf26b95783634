"""HTML ``<table>`` blocks → ``grid.Grid``, with the standard library's ``html.parser``.

It owns how tags make cells: ``<th>``/``<td>`` in ``<tr>`` (implicitly closed as browsers close
them), ``rowspan``/``colspan`` expanded so the grid is rectangular (a spanned cell repeats its text,
spans capped at the HTML standard's limits), ``<br>``/``<li>``/``<p>`` as ``"\\n"``, the text's
own line ends as spaces, entities decoded, comments, scripts and tags dropped: cell text is data.
A cell is ``bold`` when all its text is inside ``<strong>``/``<b>``, or it or its row has class
``current``. The header is the first ``<thead>`` row, else the first row. Imported only for a
text that holds ``<table`` (``tables.html_tables``); ``htmlpage`` extends the parser to read a
whole page, through the ``outside_*`` hooks.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from career_cli.sources.grid import Cell, Grid
from career_cli.sources.tables import cell_text, check_size

MAX_COLSPAN = 1000  # the HTML standard's limits
MAX_ROWSPAN = 65534
_SPACES = re.compile(r"[ \t\r\n\f]+")


class _RawCell:
    __slots__ = ("bold", "colspan", "line", "parts", "plain", "rowspan")

    def __init__(self, line: int, colspan: int, rowspan: int, bold: bool) -> None:
        self.line = line
        self.colspan = colspan
        self.rowspan = rowspan
        self.parts: list[str] = []
        self.bold = bold  # marked current; else decided by the text it holds
        self.plain = 0  # characters of text outside <strong>/<b>


def _span(value: str | None, limit: int) -> int:
    digits = (value or "").strip()[:6]
    return min(max(int(digits), 1), limit) if digits.isdigit() else 1


def _current(attrs: list[tuple[str, str | None]]) -> bool:
    return any(k == "class" and v and "current" in v.split() for k, v in attrs)


class TableParser(HTMLParser):
    """Tags in, grids out; what lies outside tables goes to the ``outside`` hooks."""

    def __init__(self, first_line: int = 1) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line - 1  # not "offset": HTMLParser keeps its column there
        self.grids: list[Grid] = []
        self.depth = 0  # tables open: a table inside a cell is read as that cell's text
        self.skip = 0  # inside <script>/<style>
        self.rows: list[tuple[list[_RawCell], bool]] = []  # (cells, in <thead>)
        self.row: list[_RawCell] | None = None
        self.row_current = False
        self.cell: _RawCell | None = None
        self.head = False
        self.strong = 0
        self.cells = 0
        self.line = 0

    def here(self) -> int:
        return self.getpos()[0] + self.first_line

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.rows, self.row, self.cell, self.line = [], None, None, self.here()
            elif self.cell is not None:
                self.cell.parts.append("\n")
        elif self.depth != 1:
            if self.depth == 0:
                self.outside_start(tag, attrs)
            elif self.cell is not None and tag in ("tr", "br", "li", "p"):
                self.cell.parts.append("\n")
            elif self.cell is not None and tag in ("td", "th"):
                self.cell.parts.append(" ")
        elif tag == "thead":
            self.head = True
        elif tag in ("tbody", "tfoot"):
            self.head = False
        elif tag == "tr":
            self.close_row()
            self.row, self.row_current = [], _current(attrs)
        elif tag in ("td", "th"):
            self.close_cell()
            if self.row is None:
                self.row, self.row_current = [], False
            found = dict(attrs)
            self.cell = _RawCell(
                self.here(),
                _span(found.get("colspan"), MAX_COLSPAN),
                _span(found.get("rowspan"), MAX_ROWSPAN),
                self.row_current or _current(attrs),
            )
            self.strong = 0
        elif self.cell is not None and tag in ("strong", "b"):
            self.strong += 1
        elif self.cell is not None and tag in ("br", "li", "ul", "ol", "p", "div"):
            self.cell.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self.cell is not None:
            self.cell.parts.append("\n")
        elif self.depth == 0:
            self.outside_start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.depth:
            self.depth -= 1
            if self.depth == 0:
                self.close_row()
                self.table_done(self.grid())
        elif self.depth == 0:
            self.outside_end(tag)
        elif self.depth > 1:
            pass  # a table inside a cell: its text is the cell's
        elif tag == "thead":
            self.close_row()
            self.head = False
        elif tag == "tr":
            self.close_row()
        elif self.cell is None:
            pass
        elif tag in ("td", "th"):
            self.close_cell()
        elif tag in ("strong", "b"):
            self.strong = max(0, self.strong - 1)
        elif tag in ("li", "ul", "ol", "p", "div"):
            self.cell.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.depth == 0:
            self.outside_data(data)
        elif self.cell is not None:
            self.cell.parts.append(_SPACES.sub(" ", data))  # source line ends are spaces
            if self.strong == 0 and data.strip():
                self.cell.plain += 1

    def close_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append(self.cell)
            self.cells += self.cell.colspan
            check_size(self.cells)
        self.cell = None

    def close_row(self) -> None:
        self.close_cell()
        if self.row is not None:
            self.rows.append((self.row, self.head))
        self.row = None

    def grid(self) -> Grid:
        return _expand(self.rows, self.line)

    def finish(self) -> None:
        """Close the parser, and a table the text never closed."""
        self.close()
        if self.depth:
            self.depth = 0
            self.close_row()
            self.table_done(self.grid())

    # Hooks for readers of whole HTML pages (``htmlpage``): what lies outside tables.
    def outside_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def outside_end(self, tag: str) -> None:
        pass

    def outside_data(self, data: str) -> None:
        pass

    def table_done(self, grid: Grid) -> None:
        self.grids.append(grid)


def _expand(rows: list[tuple[list[_RawCell], bool]], line: int) -> Grid:
    """Rows of spanning cells → a rectangular grid: a spanned cell repeats its text and bold."""
    pending: dict[int, tuple[int, Cell]] = {}  # column → (rows still to fill, the cell)
    out: list[tuple[list[Cell], bool]] = []
    total = 0
    for raw_cells, head in rows:
        row: list[Cell] = []
        column = 1
        at = 0
        last = max(pending, default=0)  # spans from rows above reach no further right
        if not raw_cells and not pending:
            continue  # an empty <tr></tr>: nothing to keep
        row_line = raw_cells[0].line if raw_cells else line
        while at < len(raw_cells) or column <= last:
            if column in pending:
                left, cell = pending[column]
                row.append(Cell(cell.text, row_line, column, cell.bold, page=True))
                if left > 1:
                    pending[column] = (left - 1, cell)
                else:
                    del pending[column]
                column += 1
                continue
            if at == len(raw_cells):
                row.append(Cell("", row_line, column, page=True))
                column += 1
                continue
            raw = raw_cells[at]
            at += 1
            text, _ = cell_text("".join(raw.parts), markdown=False)
            bold = raw.bold or (raw.plain == 0 and bool(text))
            for _k in range(raw.colspan):
                cell = Cell(text, raw.line, column, bold, page=True)
                row.append(cell)
                if raw.rowspan > 1:
                    pending[column] = (raw.rowspan - 1, cell)
                column += 1
        total += len(row)
        check_size(total)
        out.append((row, head))
    width = max((len(row) for row, _ in out), default=0)
    check_size(width * len(out))  # rows padded to the widest
    for row, _ in out:
        at = row[0].line if row else line
        row.extend(Cell("", at, column, page=True) for column in range(len(row) + 1, width + 1))
    heads = [k for k, (_, head) in enumerate(out) if head]
    first = heads[0] if heads else 0
    header = tuple(out[first][0]) if out else ()
    body = tuple(tuple(row) for k, (row, _) in enumerate(out) if k != first)
    return Grid(header, body, line)
