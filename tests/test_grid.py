"""The shared cell grid: how a cell names itself in messages."""

from __future__ import annotations

import pytest

from career_cli.sources.grid import Cell, column_letters


@pytest.mark.parametrize(
    ("column", "letters"), [(1, "A"), (3, "C"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA")]
)
def test_column_letters_are_spreadsheet_names(column: int, letters: str) -> None:
    assert column_letters(column) == letters


def test_a_cell_names_its_sheet_when_it_has_one() -> None:
    assert Cell("x", 7, 3).where == "C7"
    assert Cell("x", 4, 2, sheet="Delivery").where == "Delivery!B4"


def test_a_cell_of_a_page_table_is_named_by_its_column() -> None:
    """A page's table is reported at its page line already: the cell adds its column only."""
    assert Cell("x", 29, 5, page=True).where == "column E"
