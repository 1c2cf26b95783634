"""What a table in a level page means: a ``Grid`` under a category → statements, one per row.

It owns the reading of a table's columns: the **key** column names a row (its header one of
``KEY_HEADERS``: Responsibility, Area, Competency, Skill, Topic… in the languages the handbook is
translated into), the **description** column says what is expected (``DESCRIPTION_HEADERS``, else
the one column left beside the key), an **examples** column illustrates it (``Statement.examples``,
never compared). A page that shows several levels side by side (the level below, itself, the level
above) is read in its own column only: the one whose header is the level's title or id, else the
one marked bold (``**…**``, ``<strong>``, ``class="current"``); which column was read is noted.

A description cell holding several statements (``<br>``, a list) gives one statement per line, all
with the row's key; a cell of only a dash says "not expected" and gives none. Whatever a table
holds that is not read — a table with no description column, a header and no rows, a row across
the whole table, a note column, a key with nothing to describe, cells past the header — is a note
(``notes.UNREAD_CONTENT``) naming its line: nothing is dropped without a word.
"""

from __future__ import annotations

from career_cli import notes
from career_cli.model import Note, Statement
from career_cli.sources.grid import Cell, Grid
from career_cli.text import collapse, plain

# Headers that name the row, compared case-insensitively without a trailing colon. English as
# published ladders write them, and German, French, Spanish, Portuguese and Japanese, the languages
# the handbook (tests/fixtures/translations) is read in.
KEY_HEADERS = frozenset(
    {
        "responsibility", "responsibilities", "area", "areas", "focus area", "competency",
        "competencies", "competence", "skill", "skills", "topic", "theme", "dimension",
        "attribute", "trait", "capability", "pillar", "category", "name",
        "verantwortung", "bereich", "kompetenz", "fähigkeit", "thema",
        "responsabilité", "domaine", "compétence", "sujet", "thème",
        "responsabilidad", "área", "competencia", "habilidad", "tema",
        "responsabilidade", "competência", "habilidade",
        "責任", "領域", "分野", "コンピテンシー", "スキル", "能力", "テーマ",
    }
)  # fmt: skip
DESCRIPTION_HEADERS = frozenset(
    {
        "description", "descriptions", "expectation", "expectations", "expected", "details",
        "behaviour", "behaviours", "behavior", "behaviors", "criteria", "criterion",
        "summary", "statement", "statements", "what it looks like",
        "beschreibung", "erwartung", "erwartungen", "description attendue", "attentes",
        "descripción", "expectativas", "descrição",
        "説明", "期待", "期待される行動",
    }
)  # fmt: skip
EXAMPLE_HEADERS = frozenset(
    {"example", "examples", "e.g.", "beispiel", "beispiele", "exemple", "exemples", "ejemplo",
     "ejemplos", "exemplo", "exemplos", "例"}
)  # fmt: skip
# What a description cell says when a row is not expected at this level.
NOT_EXPECTED = frozenset({"", "-", "–", "—", "n/a", "na", "none", "×", "✗"})


def header_name(text: str) -> str:
    """A header cell as the lists above hold it: links and emphasis off, no trailing colon."""
    shown = collapse(plain(text)).strip("*_ ").rstrip(":：").strip()
    return shown.casefold()


def _filled(grid: Grid, column: int) -> bool:
    return any(len(row) > column and row[column].text for row in grid.rows)


def _own_column(grid: Grid, columns: list[int], names: tuple[str, ...]) -> int | None:
    """Of several level columns, the page's own: its header is the level's name, else it is the
    one column whose header or whose every filled cell is bold (or ``class="current"``)."""
    wanted = {header_name(name) for name in names if name}
    by_name = [k for k in columns if header_name(grid.header[k].text) in wanted]
    if len(by_name) == 1:
        return by_name[0]

    def marked(k: int) -> bool:
        cells = [row[k] for row in grid.rows if len(row) > k and row[k].text not in NOT_EXPECTED]
        return grid.header[k].bold or (bool(cells) and all(cell.bold for cell in cells))

    by_mark = [k for k in columns if marked(k)]
    return by_mark[0] if len(by_mark) == 1 else None


def _lines(cell: Cell) -> list[str]:
    """The statements a cell holds: one per line, without a list marker of its own."""
    found = []
    for line in cell.text.split("\n"):
        text = collapse(line)
        if text[:2] in ("- ", "* ", "• "):
            text = text[2:].strip()
        if text.casefold() not in NOT_EXPECTED:
            found.append(text)
    return found


class TableReading:
    """The statements a table gives and the notes it leaves."""

    __slots__ = ("notes", "statements")

    def __init__(self) -> None:
        self.statements: list[Statement] = []
        self.notes: list[Note] = []

    def unread(self, line: int, message: str) -> None:
        self.notes.append(Note(line, notes.UNREAD_CONTENT, message))


def read_table(grid: Grid, names: tuple[str, ...]) -> TableReading:
    """A table under a category → its statements, one per row (several for a cell of several
    lines), keyed by the row's name when a column gives one. ``names`` are the level's title,
    id and page title, which name its own column in a table of several levels."""
    reading = TableReading()
    headers = [header_name(cell.text) for cell in grid.header]
    width = len(headers)
    if not grid.rows:
        reading.unread(grid.line, "a table with a header and no rows: no statements read")
        return reading
    key = next((k for k, h in enumerate(headers) if h in KEY_HEADERS), None)
    examples = [k for k, h in enumerate(headers) if h in EXAMPLE_HEADERS]
    described = [k for k, h in enumerate(headers) if h in DESCRIPTION_HEADERS]
    others = [k for k in range(width) if k != key and k not in examples]
    description: int | None = None
    if described:
        description = described[0]
    elif width == 1 and key is None:
        description = 0  # a one-column table: a list of statements
    elif key is not None and len(others) == 1:
        description = others[0]
    elif key is not None and others:
        description = _own_column(grid, others, names)
        if description is not None:
            shown = collapse(plain(grid.header[description].text))
            reading.notes.append(
                Note(
                    grid.line,
                    notes.TABLE_COLUMN,
                    f"a table of {len(others)} level columns: read column "
                    f"{description + 1} '{shown}' as this level's",
                )
            )
    if description is None:
        shown = " | ".join(collapse(plain(cell.text)) for cell in grid.header)
        reading.unread(
            grid.line,
            f"a table whose columns name no description ({shown[:80]}): no statements read",
        )
        return reading
    # Columns that hold text this reading leaves aside: notes, comments. Another level's column
    # is that level's (the note above says which one was read).
    level_columns = len(others) > 1 and not described
    for k in others:
        if k != description and not level_columns and _filled(grid, k):
            shown = collapse(plain(grid.header[k].text)) or f"column {k + 1}"
            reading.unread(grid.line, f"table column '{shown}' is not read as statements")
    for row in grid.rows:
        _read_row(row, width, key, description, examples, reading)
    return reading


def _read_row(
    row: tuple[Cell, ...],
    width: int,
    key: int | None,
    description: int,
    examples: list[int],
    reading: TableReading,
) -> None:
    line = row[0].line if row else 0
    if len(row) > 1 and len({cell.text for cell in row}) == 1 and row[0].text:
        reading.unread(line, f"a table row across every column is not a statement: {_cut(row)}")
        return
    if any(cell.text for cell in row[width:]):
        reading.unread(line, f"cells past the table's {width} columns are not read")
    name = collapse(plain(row[key].text.replace("\n", " "))) if key is not None else None
    texts = _lines(row[description])
    if not texts:
        if name and not row[description].text:
            reading.unread(line, f"table row '{name}' has nothing to describe it")
        return
    shown = tuple(x for k in examples for x in _lines(row[k]))
    for text in texts:
        reading.statements.append(Statement(text, line, key=name or None, examples=shown))


def _cut(row: tuple[Cell, ...]) -> str:
    text = collapse(row[0].text)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"
