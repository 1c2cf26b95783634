"""Markdown for GitLab: golden output, inline diff markup, page text GitLab would misread."""

from __future__ import annotations

from conftest import BUNDLED, assert_golden

from career_cli.align import diff_levels
from career_cli.loader import load_framework
from career_cli.model import DiffOp
from career_cli.render.markdown import ZWSP, at_line_start, escape, inline_diff, render_diff

FRAMEWORK = load_framework(BUNDLED)
LEVELS = {level.id: level for level in FRAMEWORK.levels}


def test_diff_markdown_golden() -> None:
    diff = diff_levels(FRAMEWORK, LEVELS["intermediate"], LEVELS["senior"])
    assert_golden("diff-intermediate-senior.md", render_diff(diff))


def test_all_lists_unchanged_statements() -> None:
    diff = diff_levels(FRAMEWORK, LEVELS["associate"], LEVELS["senior"])
    default, everything = render_diff(diff), render_diff(diff, show_all=True)
    assert "include `includes/engineering-careers/values-competency.md`" not in default
    assert "_1 unchanged statement is not shown (`--all` shows them)._" in default
    assert "- include `includes/engineering-careers/values-competency.md`" in everything


def test_inline_diff_uses_gitlab_markup() -> None:
    ops = (DiffOp("equal", "Owns "), DiffOp("delete", "small"), DiffOp("insert", "large"))
    assert inline_diff(ops) == "Owns [- small -]{+ large +}"


def test_links_keep_working_inside_marked_runs() -> None:
    ops = (DiffOp("insert", "adopt [boring solutions](/values/#boring) often"),)
    assert inline_diff(ops) == "{+ adopt +} [{+ boring solutions +}](/values/#boring) {+ often +}"
    assert escape("see [the *docs*](/a_b)") == "see [the *docs*](/a_b)"


def test_marked_runs_never_span_lines_or_hold_emphasis() -> None:
    assert inline_diff((DiffOp("insert", "one\n\ntwo"),)) == "{+ one +}\n\n{+ two +}"
    assert inline_diff((DiffOp("delete", "**bold** `code`"),)) == r"[- \*\*bold\*\* \`code\` -]"


def test_page_text_cannot_inject_markup_html_or_mentions() -> None:
    assert escape("ping @all and @team-leads") == f"ping @{ZWSP}all and @{ZWSP}team-leads"
    assert escape("mail me@example.com") == f"mail me@{ZWSP}example.com"
    assert escape("<!-- hide --> <script>x</script>") == "&lt;!-- hide --> &lt;script>x&lt;/script>"
    assert escape("fake {+ insert +} and [- delete -]") == r"fake \{+ insert +\} and \[- delete -\]"
    assert escape("R&D \x1b[31m") == "R&amp;D \\x1b[31m"


def test_block_markers_at_the_start_are_escaped() -> None:
    assert at_line_start("# not a heading") == r"\# not a heading"
    assert at_line_start("1. not a list") == r"1\. not a list"
    assert at_line_start("12) not a list") == r"12\) not a list"
    assert at_line_start("[x] not a task") == r"\[x] not a task"
    assert at_line_start("Plain text - fine") == "Plain text - fine"
