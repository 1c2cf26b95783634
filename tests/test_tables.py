"""Tables in level pages: ``sources.tables`` (pipe and HTML tables → Grid), ``pagetable`` (a grid
→ keyed statements), ``category_content`` (unread text), ``htmlpage`` and ``ladder_order``."""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import pytest
from conftest import ROOT, page
from hypothesis import given
from hypothesis import strategies as st

from career_cli import notes
from career_cli.errors import PageError
from career_cli.sources.grid import Cell, Grid
from career_cli.sources.loader import load_framework, parse_page
from career_cli.sources.pagetable import read_table
from career_cli.sources.tables import (
    MAX_CELLS,
    cell_text,
    html_tables,
    markdown_table,
    markdown_tables,
    split_row,
)

FORMATS = ROOT / "tests" / "fixtures" / "formats"


def lines(text: str, first: int = 1) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), start=first))


def texts(grid: Grid) -> list[list[str]]:
    return [[c.text for c in grid.header]] + [[c.text for c in row] for row in grid.rows]


# -- pipe tables


def test_a_pipe_table_with_its_lines_and_columns() -> None:
    grid = markdown_table(lines("| Area | Description |\n| --- | --- |\n| Scope | Ships. |", 7))
    assert grid is not None
    assert texts(grid) == [["Area", "Description"], ["Scope", "Ships."]]
    assert grid.line == 7 and grid.rows[0][1] == Cell("Ships.", 9, 2, page=True)


def test_not_a_table_without_its_delimiter_row() -> None:
    assert markdown_table(lines("| a | b |\n| c | d |")) is None
    assert markdown_table(lines("| a | b |\n| --- |")) is None  # cell counts must agree
    assert markdown_table(lines("| a |")) is None


def test_alignment_rows_and_rows_without_borders() -> None:
    grid = markdown_table(lines("a | b\n:--- | :---:\nc | d"))
    assert grid is not None and texts(grid) == [["a", "b"], ["c", "d"]]


def test_escaped_pipes_and_pipes_in_code_spans_stay_in_the_cell() -> None:
    assert split_row(r"| Fixes bugs (UI \| API). | `a|b` |") == [
        " Fixes bugs (UI | API). ",
        " `a|b` ",
    ]
    assert split_row("| `` a ` | `` | b |") == [" `` a ` | `` ", " b "]
    assert split_row("| ` unclosed | b |") == [" ` unclosed ", " b "]


def test_short_rows_are_padded_and_long_rows_kept() -> None:
    grid = markdown_table(lines("| a | b |\n| - | - |\n| x |\n| x | y | z |"))
    assert grid is not None
    assert texts(grid)[1:] == [["x", ""], ["x", "y", "z"]]
    grid = markdown_table(lines("| a |\n| - |\n| x | y | z |"))
    assert grid is not None and texts(grid)[1:] == [["x", "y | z"]]


def test_bold_cells_and_breaks() -> None:
    assert cell_text("**Scope**") == ("Scope", True)
    assert cell_text("__Scope__") == ("Scope", True)
    assert cell_text("**a** and **b**") == ("**a** and **b**", False)
    assert cell_text("One.<br>Two.<BR/>Three.") == ("One.\nTwo.\nThree.", False)
    kramdown = "{::nomarkdown}<ul><li>One.<li>Two.</li></ul>{:/}"
    assert cell_text(kramdown) == ("One.\nTwo.", False)
    assert cell_text("**One.**<br>**Two.**") == ("One.\nTwo.", True)


def test_tables_of_a_text_skip_code_and_comments() -> None:
    text = (
        "Intro line\n| a | b |\n| - | - |\n| 1 | 2 |\n\n"
        "```\n| c | d |\n| - | - |\n```\n\n"
        "<!--\n| e | f |\n| - | - |\n-->\n\n"
        "- | g | h |\n  | - | - |\n  | 3 | 4 |\n"
    )
    found = markdown_tables(text, first_line=10)
    assert [texts(g) for g in found] == [[["a", "b"], ["1", "2"]], [["g", "h"], ["3", "4"]]]
    assert found[0].line == 11


# -- HTML tables


def test_html_cells_spans_entities_and_breaks() -> None:
    html = (
        "<table><thead><tr><th>Area</th><th>Senior</th></tr></thead>\n"
        "<tr><td rowspan=2>Scope</td><td>Ships&mdash;on time.<br>Writes it\n  down.</td></tr>\n"
        "<tr><td><ul><li>One.</li><li>Two.</li></ul></td></tr>\n"
        "<tr><td colspan='2'><!-- a comment -->Note &amp; more</td></tr></table>"
    )
    [grid] = html_tables(html, first_line=3)
    assert texts(grid) == [
        ["Area", "Senior"],
        ["Scope", "Ships—on time.\nWrites it down."],
        ["Scope", "One.\nTwo."],
        ["Note & more", "Note & more"],
    ]
    assert grid.line == 3 and grid.rows[0][1].line == 4


def test_html_bold_is_strong_b_or_current() -> None:
    html = (
        "<table><tr><th>Skill</th><th class='current'>Senior</th><th>Staff</th></tr>"
        "<tr><td>x</td><td><strong>A</strong><br><b>B</b></td><td>C <b>D</b></td></tr>"
        "<tr class='current'><td>y</td><td>E</td><td>F</td></tr></table>"
    )
    [grid] = html_tables(html)
    assert [c.bold for c in grid.header] == [False, True, False]
    assert [c.bold for c in grid.rows[0]] == [False, True, False]
    assert all(c.bold for c in grid.rows[1])


def test_html_cell_text_is_data() -> None:
    html = "<table><tr><td>&lt;br&gt;<script>alert(1)</script><i>x</i></td></tr></table>"
    [grid] = html_tables(html)
    assert grid.header[0].text == "<br>x"


def test_an_unclosed_table_and_no_table() -> None:
    assert html_tables("<p>no tables</p>") == []
    [grid] = html_tables("<table><tr><td>a<td>b<tr><td>c")
    assert texts(grid) == [["a", "b"], ["c", ""]]


def test_html_spans_are_capped_and_huge_tables_refused() -> None:
    [grid] = html_tables("<table><tr><td colspan=99999999>a</td></tr></table>")
    assert len(grid.header) == 1000
    with pytest.raises(PageError, match="cells"):
        html_tables("<table>" + "<tr><td colspan=1000>x</td></tr>" * (MAX_CELLS // 1000 + 1))


@pytest.mark.parametrize("token", ["|", "<td>", "<tr>", "`", "\\|", "<table>", "<br>", "**"])
def test_long_lines_of_table_tokens_take_linear_time(token: str) -> None:
    line = token * (300_000 // len(token))
    start = time.perf_counter()
    markdown_tables(f"| a | b |\n| - | - |\n| {line} | x |\n")
    split_row(line)
    with contextlib.suppress(PageError):  # more cells than a page may hold: refused, not slow
        html_tables(f"<table><tr><td>{line}</td></tr></table>")
    assert time.perf_counter() - start < 10


# -- properties

_CELL = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\\`<>{*_\n\r"
    ),
    max_size=12,
).map(str.strip)


@given(
    st.integers(1, 4).flatmap(
        lambda w: st.lists(st.lists(_CELL, min_size=w, max_size=w), min_size=1, max_size=5)
    )
)
def test_a_rendered_pipe_table_reads_back(rows: list[list[str]]) -> None:
    header = [f"h{k}" for k in range(len(rows[0]))]
    render = [header, ["---"] * len(header), *rows]
    text = "\n".join("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in render)
    grid = markdown_table(lines(text))
    assert grid is not None
    assert texts(grid) == [header, *rows]


@given(
    st.integers(1, 4).flatmap(
        lambda w: st.lists(st.lists(_CELL, min_size=w, max_size=w), min_size=1, max_size=5)
    )
)
def test_a_rendered_html_table_reads_back(rows: list[list[str]]) -> None:
    import html

    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n" for row in rows
    )
    [grid] = html_tables(f"<table>\n{body}</table>")
    # HTML's white space (not a no-break space) collapses; a cell's ends are trimmed.
    assert texts(grid) == [[re.sub(r"[ \t\n\r\f]+", " ", c).strip() for c in row] for row in rows]


# -- what a table means


def grid_of(text: str) -> Grid:
    grid = markdown_table(lines(text))
    assert grid is not None
    return grid


def test_key_and_description_columns_make_keyed_statements() -> None:
    reading = read_table(
        grid_of("| Responsibility | Description |\n| - | - |\n| Scope | A.<br>B. |\n| Empty | — |"),
        ("Senior",),
    )
    assert [(s.key, s.text, s.line) for s in reading.statements] == [
        ("Scope", "A.", 3),
        ("Scope", "B.", 3),
    ]
    assert reading.notes == []


@pytest.mark.parametrize(
    "header", ["Area", "COMPETENCY", "**Skill**", "Topic:", "Kompetenz", "スキル"]
)
def test_key_headers_in_any_case_and_language(header: str) -> None:
    reading = read_table(grid_of(f"| {header} | Whatever |\n| - | - |\n| X | Does x. |"), ())
    assert [(s.key, s.text) for s in reading.statements] == [("X", "Does x.")]


def test_examples_column_and_unread_columns() -> None:
    reading = read_table(
        grid_of(
            "| Area | Description | Examples | Notes |\n|-|-|-|-|\n| X | Does x. | E1<br>E2 | n |"
        ),
        (),
    )
    [statement] = reading.statements
    assert statement.examples == ("E1", "E2")
    assert [n.message for n in reading.notes] == ["table column 'Notes' is not read as statements"]


def test_a_key_with_nothing_to_describe_is_noted() -> None:
    reading = read_table(grid_of("| Area | Description |\n| - | - |\n| Lonely |  |"), ())
    assert reading.statements == []
    assert [(n.code, n.line) for n in reading.notes] == [(notes.UNREAD_CONTENT, 3)]


@pytest.mark.parametrize(
    "table",
    ["| Level | Years |\n| - | - |\n| L1 | 0-2 |", "| Area | Description |\n| - | - |"],
)
def test_tables_it_cannot_read_are_noted(table: str) -> None:
    reading = read_table(grid_of(table), ())
    assert reading.statements == []
    assert [n.code for n in reading.notes] == [notes.UNREAD_CONTENT]


def test_a_table_of_several_levels_is_read_in_its_own_column() -> None:
    table = "| Skill | Engineer II | Senior | Staff |\n|-|-|-|-|\n| Scope | A. | B. | C. |"
    by_name = read_table(grid_of(table), ("Senior",))
    assert [s.text for s in by_name.statements] == ["B."]
    assert "column 3 'Senior'" in by_name.notes[0].message
    assert by_name.notes[0].code == notes.TABLE_COLUMN
    bold = (
        "| Skill | L2 | L3 | L4 |\n|-|-|-|-|\n| Scope | A. | **B.** | C. |\n| Craft | — | — | D. |"
    )
    assert [s.text for s in read_table(grid_of(bold), ("Senior",)).statements] == ["B."]
    neither = read_table(grid_of(table), ("Principal",))
    assert neither.statements == [] and neither.notes[0].code == notes.UNREAD_CONTENT


# -- pages


def body_page(body: str, title: str = "Senior - Team") -> str:
    return page(title, body)


def test_a_page_reads_tables_under_categories_and_notes_unread_text(tmp_path: Path) -> None:
    text = body_page(
        "## Delivery\n\nThis table uses the team's names.\n\n"
        "| Area | Description |\n| - | - |\n| Scope | Ships. |\n\n"
        "A closing remark.\n\n## Craft\n\nOnly prose.\n\n"
        "## Design\n\n![diagram](d.png)\n\n- Designs.\n"
    )
    level = parse_page(text, tmp_path / "senior.md")
    assert [(c.title, [(s.key, s.text) for s in c.items]) for c in level.categories] == [
        ("Delivery", [("Scope", "Ships.")]),
        ("Craft", []),
        ("Design", [(None, "Designs.")]),
    ]
    unread = [(n.line, n.message[:30]) for n in level.notes if n.code == notes.UNREAD_CONTENT]
    assert unread == [
        (12, "text in a category is not a st"),
        (16, "text in a category is not a st"),
        (20, "an image in a category is not "),
    ]


def test_a_lead_in_may_head_the_first_sub_category(tmp_path: Path) -> None:
    text = body_page("## Technical\n\nThese are grouped.\n\n### Craft\n\n- Writes code.\n")
    level = parse_page(text, tmp_path / "senior.md")
    assert level.notes == ()


def test_an_html_table_block_in_a_markdown_page(tmp_path: Path) -> None:
    text = body_page(
        "## Delivery\n\n<table>\n  <tr><th>Area</th><th>Description</th></tr>\n\n"
        "    <tr><td>Scope</td><td>Ships.</td></tr>\n</table>\n\n- Writes.\n"
    )
    [category] = parse_page(text, tmp_path / "senior.md").categories
    assert [(s.key, s.text) for s in category.items] == [("Scope", "Ships."), (None, "Writes.")]


def test_md_table_page_fixture() -> None:
    framework = load_framework(FORMATS / "md-table-page")
    assert [lv.id for lv in framework.levels] == ["engineer-1", "engineer-2", "senior", "staff"]
    senior = framework.levels[2]
    technical = [c for c in senior.categories if c.title.startswith("Technical")]
    assert sum(len(c.items) for c in technical) == 10  # nine rows, one of two statements
    craft = technical[2].items
    assert [s.key for s in craft] == ["Code quality", "Debugging", "Debugging", "Observability"]
    unread = [n.line for n in senior.notes if n.code == notes.UNREAD_CONTENT]
    assert unread == [39, 42]  # the paragraph and the image in Craft; not the lead-ins
    engineer_1 = framework.levels[0]
    assert any("UI | API" in s.text for c in engineer_1.categories for s in c.items)


def test_html_table_page_fixture() -> None:
    framework = load_framework(FORMATS / "html-table-page")
    assert [lv.id for lv in framework.levels] == ["engineer-1", "engineer-2", "senior", "staff"]
    by_id = {lv.id: lv for lv in framework.levels}
    senior = by_id["senior"]
    assert [c.title for c in senior.categories] == ["Delivery", "Collaboration", "Craft"]
    assert (
        senior.categories[0].items[0].text
        == "Delivers multi-week features from design through rollout."
    )
    assert by_id["engineer-2"].categories[1].items[1].key == "Communication"  # Mentoring: —
    assert [s.key for s in by_id["staff"].categories[1].items][:3] == [
        "Code review",
        "Mentoring",
        "Mentoring",
    ]
    assert senior.overview.startswith("Owns features end to end")
    column_notes = [n for n in senior.notes if n.code == notes.TABLE_COLUMN]
    assert len(column_notes) == 3 and "'Senior Engineer'" in column_notes[0].message
    [across] = [n for n in senior.notes if n.code == notes.UNREAD_CONTENT]
    assert "On-call expectations" in across.message


def test_a_one_column_table_is_statements_unless_it_only_names_rows() -> None:
    """One column is a list of statements; but a column headed like a row's name
    (Responsibility, Competency…) lists names with nothing said of them: unread, not statements."""
    listed = read_table(grid_of("| Expectations |\n| - |\n| Ships. |\n| Reviews. |"), ())
    assert [(s.key, s.text) for s in listed.statements] == [(None, "Ships."), (None, "Reviews.")]
    names = read_table(grid_of("| Responsibility |\n| - |\n| Scope |\n| Debugging |"), ())
    assert names.statements == []
    assert [n.code for n in names.notes] == ["unread-content"]
