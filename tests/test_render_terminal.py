"""Terminal output: golden snapshots at fixed widths, and page text that tries to be markup."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import BUNDLED, assert_golden, page
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from career_cli.compare.align import diff_levels
from career_cli.features.change_kinds import tag_diff
from career_cli.render import RenderOptions
from career_cli.render.terminal.diff import render_diff
from career_cli.sources.loader import load_framework

FRAMEWORK = load_framework(BUNDLED)
LEVELS = {level.id: level for level in FRAMEWORK.levels}
# Anything that starts with ESC other than Rich's own colour codes (SGR: ESC [ digits m).
FOREIGN_ESCAPE = re.compile(r"\x1b(?!\[[0-9;]*m)")


def render(old: str, new: str, **options: object) -> str:
    diff = tag_diff(diff_levels(FRAMEWORK, LEVELS[old], LEVELS[new]))  # as career diff does
    return render_diff(diff, RenderOptions(**options))  # type: ignore[arg-type]


def test_side_by_side_at_100_columns() -> None:
    assert_golden("diff-associate-senior-100.txt", render("associate", "senior", width=100))


def test_stacked_below_80_columns() -> None:
    assert_golden("diff-intermediate-senior-60.txt", render("intermediate", "senior", width=60))


def test_changes_only_at_100_columns() -> None:
    assert_golden(
        "diff-intermediate-senior-changes-100.txt",
        render("intermediate", "senior", width=100, changes_only=True),
    )


def test_colours_by_theme_at_100_columns() -> None:
    # The named styles of the theme, drawn: a renamed or restyled one shows up here.
    assert_golden(
        "diff-intermediate-senior-changes-color-100.txt",
        render("intermediate", "senior", width=100, changes_only=True, color=True),
    )


def test_layout_switches_at_80_columns() -> None:
    wide, narrow = render("associate", "senior", width=80), render("associate", "senior", width=79)
    assert "Associate" in wide and "────" in wide
    assert "────" not in narrow
    assert all(cell_len(line) <= 79 for line in narrow.splitlines())
    assert all(cell_len(line) <= 80 for line in wide.splitlines())


def test_no_escape_codes_without_colour() -> None:
    assert "\x1b" not in render("associate", "senior", width=100)


def test_colour_marks_words_instead_of_brackets() -> None:
    out = render("intermediate", "senior", width=100, color=True)
    assert "\x1b[" in out
    assert "[-" not in out and "{+" not in out
    # deleted words are struck through (SGR 9) in red (31); inserted words bold (1) green (32)
    assert re.search(r"\x1b\[(?:\d+;)*9(?:;\d+)*m", out)
    assert re.search(r"\x1b\[1;32m", out)


HOSTILE = [
    "Uses [bold red]markup[/] literally.",
    "Turns \x1b[31mred\x1b[0m on.",
    "Links \x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\ out.",
    "Renames \x1b]0;pwned\x07 the window.",
    "Sends \x9b2J a C1 CSI and \x07 a bell and \x7f a delete.",
    "Reverses \u202eevil\u202c text.",
]


@pytest.fixture
def hostile_diff(make_framework):  # type: ignore[no-untyped-def]
    items = "".join(f"1. {text}\n" for text in HOSTILE)
    directory = make_framework(
        {
            "associate.md": page("Associate", "## Credibility\n\n1. Plain.\n"),
            "senior.md": page("Senior [red]x[/red]", f"## Credibility \x1b[5m\n\n{items}"),
        }
    )
    framework = load_framework(directory)
    return diff_levels(framework, *framework.levels)


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("width", [100, 60])
def test_page_text_is_data_not_markup_or_terminal_control(
    hostile_diff, color: bool, width: int
) -> None:  # type: ignore[no-untyped-def]
    out = render_diff(hostile_diff, RenderOptions(width=width, color=color))
    flat = re.sub(r"\x1b\[[0-9;]*m", "", out)
    flat = re.sub(r"\s+", " ", flat)
    assert "[bold red]markup[/]" in flat
    assert "Senior [red]x[/red]" in flat
    assert not FOREIGN_ESCAPE.search(out)
    for raw in ("\x07", "\x9b", "\x7f", "\u202e"):
        assert raw not in out
    assert "\\x1b]0;pwned\\x07" in flat
    assert "\\u202eevil" in flat


@pytest.mark.parametrize("width", [100, 80, 60])
def test_wide_characters_keep_columns_aligned_and_complete(make_framework, width: int) -> None:  # type: ignore[no-untyped-def]
    old = "编写代码并审查同事的合并请求，确保质量和可维护性，同时记录决策。"
    new = "编写高质量代码并领导团队审查同事的合并请求，确保质量和可维护性。 🧑‍💻 ok"
    directory = make_framework(
        {
            "associate.md": page("Associate", f"## C\n\n1. {old}\n"),
            "senior.md": page("Senior", f"## C\n\n1. {new}\n"),
        }
    )
    framework = load_framework(directory)
    out = render_diff(diff_levels(framework, *framework.levels), RenderOptions(width=width))
    assert all(cell_len(line) <= width for line in out.splitlines())
    # Nothing is cropped: every character of both statements is somewhere in the output.
    shown = Counter(out)
    assert not Counter(old.replace(" ", "")) + Counter(new.replace(" ", "")) - shown


# The pattern ``_trim`` replaces: the same answers, in time linear in the width instead of
# quadratic in a row's inner padding.
@given(
    st.lists(st.sampled_from([" ", "\t", "a", "\x1b[0m", "\x1b[1;31m", "m", "\x1b["]), max_size=12)
)
def test_trailing_blanks_are_trimmed_as_before(pieces: list[str]) -> None:
    from career_cli.render.terminal import _trim

    line = "".join(pieces)
    assert _trim(line) == re.sub(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", r"\1", line)


def test_no_overview_line_when_neither_level_has_an_overview(make_framework) -> None:  # type: ignore[no-untyped-def]
    bare = make_framework(
        {"a.md": page("A", "## Team\n\n- Writes code\n", weight=1),
         "b.md": page("B", "## Team\n\n- Writes code well\n", weight=2)}
    )  # fmt: skip
    framework = load_framework(bare)
    shown = render_diff(diff_levels(framework, *framework.levels), RenderOptions())
    assert "Overview" not in shown
    assert "Overview unchanged" in render("associate", "associate")  # one both levels share
