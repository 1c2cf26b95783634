"""Unit tests for ``career_cli.model``'s one invariant: a level holds each category id once."""

from __future__ import annotations

from pathlib import Path

from career_cli.model import Category, Level, Statement


def test_a_repeated_category_is_folded_into_its_first_occurrence() -> None:
    first = Category("tech", ("Technical",), (Statement("Writes tests", 3),), 2)
    other = Category("people", ("People",), (Statement("Mentors", 6),), 5)
    again = Category("tech", ("Technical (again)",), (Statement("Reviews code", 9),), 8)
    level = Level("senior", "Senior", Path("senior.md"), categories=(first, other, again))
    assert [c.id for c in level.categories] == ["tech", "people"]
    tech = level.categories[0]
    assert [s.text for s in tech.items] == ["Writes tests", "Reviews code"]
    assert (tech.parts, tech.line) == (("Technical",), 2)
    assert level.statement_count == 3


def test_unique_categories_are_kept_as_given() -> None:
    categories = (Category("a", ("A",), ()), Category("b", ("B",), ()))
    assert Level("x", "X", Path("x.md"), categories=categories).categories is categories
