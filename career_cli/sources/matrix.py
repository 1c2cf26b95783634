"""A ladder table (``Grid``) → statements by level and category, into an ``Assembly``.

It owns what a table means, whichever reader made it (CSV, XLSX, Markdown, HTML):

- **orientation**, by principle: the header row whose cells look like level names (``L3``,
  ``Engineer II``, ``Senior Engineer (3–5 yrs)``; ``cells.looks_like_level``) puts levels in
  columns; a column whose cells do puts them in rows. When both do, the side naming more levels
  wins (columns on a tie); ``orientation`` overrides it.
- **labels**: with levels as columns, the columns before the first level name the row: the last is
  the competency (``Statement.key``) and those before it the category (blank = the one above, as
  merged cells export); with one label column and no category from outside (a sheet, a heading),
  it is the category. With levels as rows, a row above the header names categories over the
  competency columns (blank = the one to the left); without it each column is a category.
- **the long form** (one row per statement: level, category, competency, statement, example),
  found by its header names; a table for one level (a sheet named for it) is read the same way.
- **cells**: several statements per cell, "Same as L2" references (expanded from the same row or
  column, with a ``notes.SAME_AS`` note), columns that are not statements (Notes, Examples,
  Proficiency: a note naming the column; long-form examples go to ``Statement.examples``), and
  every statement keeps its cell (``C7``, ``Sheet!C7``) and row.
"""

from __future__ import annotations

from collections.abc import Sequence

from career_cli import notes
from career_cli.model import Note, Statement
from career_cli.sources.assemble import Assembly
from career_cli.sources.body import strong_as_text
from career_cli.sources.cells import (
    capital,
    examples_of,
    looks_like_level,
    moved,
    number_note,
    same_as,
    same_note,
    split_statements,
)
from career_cli.sources.grid import Cell, Grid, column_letters
from career_cli.text import collapse, plain, slug

_LEVEL_COLUMN = frozenset({"level", "level-id", "levelid", "grade", "band", "level-code"})
_LEVEL_TITLE = frozenset({"level-title", "level-name", "title", "role", "job-title"})
_CATEGORY = frozenset(
    {"category", "area", "theme", "group", "pillar", "domain", "dimension", "competency-area"}
)
_KEY = frozenset({"competency", "skill", "key", "topic", "responsibility", "name", "attribute"})
_STATEMENT = frozenset(
    "statement statements criteria criterion description summary expectation expectations "
    "behaviour behavior behaviours behaviors text requirement".split()
)
_EXAMPLE = frozenset({"example", "examples", "e-g", "eg"})
_ASIDE_WORDS = ("note", "comment", "example", "key-point", "remark", "evidence", "proficiency")
_SCAN = 20  # rows (or columns) searched for a header naming levels


def label(cell: Cell | None) -> str:
    """A cell as a name: links and ``**bold**`` read as their words, whitespace collapsed."""
    return collapse(strong_as_text(plain(cell.text))) if cell is not None else ""


def _names_level(cell: Cell | None) -> bool:
    return cell is not None and len(cell.text) < 240 and looks_like_level(label(cell))


def _aside(name: str) -> bool:
    key = slug(name)
    return key in _EXAMPLE or any(word in key for word in _ASIDE_WORDS)


def _cell(row: Sequence[Cell], column: int) -> Cell | None:
    return row[column] if column < len(row) else None


Found = tuple[str, int, list[int]]  # ("long" | "columns" | "rows", header row or column, where)


def detect(grid: Grid, *, level: str | None = None, orientation: str | None = None) -> Found | None:
    """How a table holds its levels: ``("long", header row, [])``, ``("columns", header row,
    level columns)`` or ``("rows", level column, level rows)``; None when it names no levels."""
    rows = [grid.header, *grid.rows]
    long_form = _long_header(rows, need_level=level is None)
    if long_form is not None:
        return "long", long_form, []
    columns = next(
        (
            ("columns", r, [c for c, cell in enumerate(row) if _names_level(cell)])
            for r, row in enumerate(rows[:_SCAN])
            if sum(_names_level(cell) for cell in row) >= 2
        ),
        None,
    )
    by_rows = None
    width = max(len(row) for row in rows)
    for c in range(min(3, width)):
        found = [r for r, row in enumerate(rows) if _names_level(_cell(row, c))]
        if len(found) >= 2 and found[0] > 0:
            by_rows = ("rows", c, found)
            break
    if orientation == "rows":
        return by_rows
    if orientation == "columns" or by_rows is None:
        return columns
    if columns is None or len(by_rows[2]) > len(columns[2]):
        return by_rows
    return columns  # levels as columns on a tie: the common form


def read_grid(
    grid: Grid,
    into: Assembly,
    *,
    category: str | None = None,
    level: str | None = None,
    orientation: str | None = None,
) -> bool:
    """Read a table's statements into ``into``; False when it names no levels (not a ladder).

    ``category`` comes from outside the table (its sheet or heading), ``level`` when the whole
    table is one level's (a sheet named for it); ``orientation`` is ``columns`` or ``rows``."""
    found = detect(grid, level=level, orientation=orientation)
    if found is None:
        return False
    rows = [grid.header, *grid.rows]
    kind, at, where = found
    if kind == "long":
        _read_long(rows, at, into, category, level)
    elif kind == "columns":
        _read_columns(rows, at, where, into, category)
    else:
        _read_rows(rows, at, where, into, category)
    return True


# ---------------------------------------------------------------------------------------------
# Levels as columns


def _read_columns(
    rows: list[tuple[Cell, ...]],
    h: int,
    level_columns: list[int],
    into: Assembly,
    outer: str | None,
) -> None:
    header = rows[h]
    for row in rows[:h]:
        texts = [label(cell) for cell in row if label(cell)]
        if len(texts) == 1 and into.title is None:
            into.title = texts[0]  # a title row above the header ("Platform matrix v2.1")
    levels = {c: into.level(label(header[c]), header[c].line, where=header[c].where) for c in
              level_columns}  # fmt: skip
    first = level_columns[0]
    body = rows[h + 1 :]
    labels = [c for c in range(first) if label(header[c]) or any(label(_cell(r, c)) for r in body)]
    extra = [c for c in range(first, len(header)) if c not in levels]
    carried = ["" for _ in labels]
    for row in body:
        names = [label(_cell(row, c)) for c in labels]
        # Category columns carry down (merged cells export as blanks); the competency does not.
        category_count = len(labels) - (1 if outer is not None or len(labels) > 1 else 0)
        for k in range(category_count):
            carried[k] = names[k] or carried[k]
            names[k] = carried[k]
        key = names[-1] if len(labels) > category_count and names else None
        outside = (outer,) if outer else ()
        parts = tuple(n for n in outside + tuple(names[:category_count]) if n) or ("Competencies",)
        cells = {levels[c]: cell for c in level_columns if (cell := _cell(row, c)) is not None}
        _resolve(cells, list(levels.values()), into, parts, key or None)
        for c in extra:
            _aside_cell(into, header[c], _cell(row, c), None)


# ---------------------------------------------------------------------------------------------
# Levels as rows


def _read_rows(
    rows: list[tuple[Cell, ...]],
    column: int,
    level_rows: list[int],
    into: Assembly,
    outer: str | None,
) -> None:
    h = level_rows[0] - 1
    header = rows[h]
    above = rows[h - 1] if h >= 1 else None
    if above is not None and not any(label(c) for i, c in enumerate(above) if i != column):
        above = None
    for row in rows[: h - (1 if above is not None else 0)]:
        texts = [label(cell) for cell in row if label(cell)]
        if len(texts) == 1 and into.title is None:
            into.title = texts[0]
    slots: dict[int, tuple[tuple[str, ...], str | None]] = {}
    extra: list[int] = []
    carried = ""
    for c, cell in enumerate(header):
        group = label(_cell(above, c)) if above is not None else ""
        carried = group or carried
        if c == column:
            continue
        name = label(cell)
        if _aside(name):
            extra.append(c)
        elif above is not None and carried:
            slots[c] = (((outer,) if outer else ()) + (carried,), name or None)
        elif outer:
            slots[c] = ((outer,), name or None)
        elif name:
            slots[c] = ((name,), None)
        elif any(label(_cell(r, c)) for r in rows[h + 1 :]):
            slots[c] = ((f"Column {column_letters(c + 1)}",), None)
    levels: list[str] = []
    current: str | None = None
    by_level: dict[str, dict[int, Cell]] = {}
    for row in rows[h + 1 :]:
        name = label(_cell(row, column))
        if name and name != current:  # the same name again: a level header spanning rows
            current = into.level(name, row[column].line, where=row[column].where)
            levels.append(current)
        if current is None:
            continue
        full = {c: here for c in slots if (here := _cell(row, c)) is not None and here.text.strip()}
        if len(slots) > 1 and len(full) == len(slots) and len({c.text for c in full.values()}) == 1:
            # One text across every column (an HTML colspan, merged cells): the level's
            # summary, not a statement of each category.
            into.levels[current].overview = collapse(full[next(iter(full))].text)
            continue
        mine = by_level.setdefault(current, {})
        for c, here in full.items():
            if c in mine:  # a level over several rows: a cell below adds its statements
                both = split_statements(mine[c].text) + split_statements(here.text)
                here = Cell("\n".join(f"- {s}" for s in both), mine[c].line, here.column,
                            sheet=here.sheet, page=here.page)  # fmt: skip
            mine[c] = here
        for c in extra:
            _aside_cell(into, header[c], _cell(row, c), current)
    for c, (parts, key) in slots.items():
        cells = {lv: by_level[lv][c] for lv in levels if c in by_level.get(lv, {})}
        _resolve(cells, levels, into, parts, key)


# ---------------------------------------------------------------------------------------------
# The long form: one row per statement


def _long_header(rows: list[tuple[Cell, ...]], *, need_level: bool) -> int | None:
    for r, row in enumerate(rows[:_SCAN]):
        names = {slug(label(cell)) for cell in row}
        if names & _STATEMENT and names & _LEVEL_COLUMN:
            return r
        if not need_level and names & (_STATEMENT | _KEY):
            return r  # one level's table (a sheet named for it): "Theme | Competency | …"
    return None


def _read_long(
    rows: list[tuple[Cell, ...]],
    h: int,
    into: Assembly,
    outer: str | None,
    level: str | None,
) -> None:
    header = rows[h]
    roles: dict[str, int] = {}
    aside: list[int] = []
    for c, cell in enumerate(header):
        name = slug(label(cell))
        for role, names in (
            ("level", _LEVEL_COLUMN),
            ("title", _LEVEL_TITLE),
            ("category", _CATEGORY),
            ("key", _KEY),
            ("statement", _STATEMENT),
            ("example", _EXAMPLE),
        ):
            if name in names and role not in roles:
                roles[role] = c
                break
        else:
            if any(label(_cell(r, c)) for r in rows[h + 1 :]):
                aside.append(c)
    if "statement" not in roles:  # one level's "Competency" column is its statements
        roles["statement"] = roles.pop("key")
    carried = {"level": "", "title": "", "category": ""}
    for row in rows[h + 1 :]:
        values = {role: label(_cell(row, c)) for role, c in roles.items()}
        for role in carried:
            carried[role] = values.get(role) or carried[role]
        statement = _cell(row, roles["statement"])
        if statement is None or not statement.text.strip():
            continue
        if level is not None:
            key_of_level = level
        else:
            if not carried["level"]:
                continue
            code, title = carried["level"], carried["title"]
            header_text = f"{code} – {title}" if title and slug(title) != slug(code) else code
            key_of_level = into.level(header_text, statement.line)
        parts = tuple(p for p in (outer, carried["category"]) if p) or ("Competencies",)
        text, examples = examples_of(statement.text)
        example = _cell(row, roles["example"]) if "example" in roles else None
        if example is not None:
            examples += tuple(split_statements(example.text))
        key = values.get("key") or None
        items = _statements(statement, text, key, into, key_of_level, parts)
        if examples and items:
            last = items[-1]
            items[-1] = Statement(last.text, last.line, key=key, examples=examples, cell=last.cell)
        into.add(key_of_level, parts, items, statement.line)
    for c in aside:
        column = [found for r in rows[h + 1 :] if (found := _cell(r, c)) is not None]
        _aside_column(into, header[c], column, level)


def _statements(
    cell: Cell, text: str, key: str | None, into: Assembly, level: str, parts: tuple[str, ...]
) -> list[Statement]:
    reference = same_as(text)
    if reference is not None:
        target = into.find(reference[0], before=level)
        if target is not None and target != level:
            base = [s for s in into.statements(target, parts) if key is None or s.key == key]
            into.note(same_note(cell, text, target), level)
            extra = [Statement(capital(t), cell.line, key=key, cell=cell.where) for t in
                     split_statements(reference[1])]  # fmt: skip
            return [moved(s, cell, key) for s in base] + extra
    return [Statement(t, cell.line, key=key, cell=cell.where) for t in split_statements(text)]


# ---------------------------------------------------------------------------------------------
# Cells: statements, "Same as" references, columns that are not statements


def _resolve(
    cells: dict[str, Cell],
    order: list[str],
    into: Assembly,
    parts: tuple[str, ...],
    key: str | None,
) -> None:
    """One row (or column) of a matrix: each level's cell → statements, "Same as" references
    expanded from the cell of the level they name in the same row (chains followed)."""
    done: dict[str, list[Statement]] = {}

    def statements(level: str, visiting: frozenset[str]) -> list[Statement]:
        if level in done:
            return done[level]
        cell = cells.get(level)
        if cell is None or number_note(cell, into, level):
            return []
        found = [Statement(t, cell.line, key=key, cell=cell.where) for t in
                 split_statements(cell.text)]  # fmt: skip
        reference = same_as(cell.text)
        if reference is not None:
            target = into.find(reference[0], before=level)
            if target is not None and target not in visiting | {level}:
                base = statements(target, visiting | {level})
                more = [Statement(capital(t), cell.line, key=key, cell=cell.where) for t in
                        split_statements(reference[1])]  # fmt: skip
                found = [moved(s, cell, key) for s in base] + more
                into.note(same_note(cell, cell.text, target), level)
        done[level] = found
        return found

    for level in order:
        into.add(level, parts, statements(level, frozenset()), cells[level].line if level in
                 cells else 0)  # fmt: skip


def _aside_cell(into: Assembly, head: Cell, cell: Cell | None, level: str | None) -> None:
    if cell is None or not cell.text.strip():
        return
    shown = collapse(cell.text)
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    into.note(
        Note(cell.line, notes.UNREAD_CONTENT,
             f"{cell.where}: the '{label(head) or column_letters(cell.column)}' column is not "
             f"read as statements: '{shown}'"),
        level,
    )  # fmt: skip


def _aside_column(into: Assembly, head: Cell, cells: list[Cell], level: str | None) -> None:
    full = [cell for cell in cells if cell.text.strip()]
    if not full:
        return
    name = label(head) or column_letters(head.column)
    into.note(
        Note(head.line, notes.UNREAD_CONTENT,
             f"{head.where}: the '{name}' column ({len(full)} cells) is not read as statements"),
        level,
    )  # fmt: skip
