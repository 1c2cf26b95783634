"""Markdown for GitLab: golden output, inline diff markup, page text GitLab would misread."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import BUNDLED, assert_golden
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from career_cli.compare.align import diff_levels
from career_cli.compare.worddiff import word_diff
from career_cli.features.change_kinds import tag_diff
from career_cli.features.evidence import unescape
from career_cli.model import DiffOp
from career_cli.render import RenderOptions
from career_cli.render.markdown import (
    at_line_start,
    code_span,
    escape,
    inline_diff,
    render_diff,
)
from career_cli.render.markdown_text import ZWSP
from career_cli.sources.loader import load_framework
from career_cli.text import LINK_RE

FRAMEWORK = load_framework(BUNDLED)
LEVELS = {level.id: level for level in FRAMEWORK.levels}


def test_diff_markdown_golden() -> None:
    diff = tag_diff(diff_levels(FRAMEWORK, LEVELS["intermediate"], LEVELS["senior"]))
    assert_golden("diff-intermediate-senior.md", render_diff(diff))


def test_all_lists_unchanged_statements() -> None:
    diff = diff_levels(FRAMEWORK, LEVELS["associate"], LEVELS["senior"])
    default, everything = render_diff(diff), render_diff(diff, RenderOptions(show_all=True))
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
    marked = inline_diff((DiffOp("delete", "**bold** `code` snake_case ~x~"),))
    assert (
        marked
        == f"[- &#42;&#42;bold&#42;&#42; &#96;code&#96; snake&#95;case &#126;{ZWSP}x&#126; -]"
    )


def test_page_text_cannot_inject_markup_html_mentions_or_references() -> None:
    assert escape("ping @all and @team-leads") == f"ping @{ZWSP}all and @{ZWSP}team-leads"
    assert escape("mail me@example.com") == f"mail me@{ZWSP}example.com"
    assert escape("see #12, !3, &4, %5, $6 and ~backend") == (
        f"see #{ZWSP}12, !{ZWSP}3, &amp;{ZWSP}4, %{ZWSP}5, &#36;{ZWSP}6 and ~{ZWSP}backend"
    )
    assert escape("<!-- hide --> <script>x</script>") == "&lt;!-- hide --> &lt;script>x&lt;/script>"
    assert escape("fake {+ insert +} and [- delete -]") == (
        f"fake {{{ZWSP}+ insert +{ZWSP}}} and [{ZWSP}- delete -{ZWSP}]"
    )
    assert escape("R&D \x1b[31m") == "R&amp;D \\x1b[31m"
    # The page's own zero-width space is an entity, told apart from ours when read back.
    assert escape(f"@{ZWSP}all zero{ZWSP}width") == "@&#x200b;all zero&#x200b;width"
    assert unescape(escape(f"@{ZWSP}all zero{ZWSP}width #12")) == f"@{ZWSP}all zero{ZWSP}width #12"


def test_include_paths_are_code_spans_that_survive_backticks_and_controls() -> None:
    assert code_span("a`b.md") == "``a`b.md``"
    assert code_span("`x`") == "`` `x` ``"
    assert code_span("a\x1b]0;pwned\x07b.md") == "`a\\x1b]0;pwned\\x07b.md`"


def test_block_markers_at_the_start_are_escaped() -> None:
    assert at_line_start("# not a heading") == r"\# not a heading"
    assert at_line_start("1. not a list") == r"1\. not a list"
    assert at_line_start("12) not a list") == r"12\) not a list"
    assert at_line_start("[x] not a task") == r"\[x] not a task"
    assert at_line_start("Plain text - fine") == "Plain text - fine"


@pytest.mark.parametrize(
    "text", [r"Knows \*nix systems", r"See \[runbooks](https://e.com/r)", "ends in \\", r"a\\b"]
)
def test_a_pages_own_backslash_comes_back_from_the_checklist(text: str) -> None:
    # GitLab would read "\*" as an escape and drop the backslash: the checklist doubles it.
    assert unescape(escape(text)) == text


def test_a_backslash_before_a_link_shows_and_the_link_still_works() -> None:
    html = MarkdownIt().render(escape(r"See \[runbooks](https://e.com/r)"))
    assert html == '<p>See \\<a href="https://e.com/r">runbooks</a></p>\n'


def test_inside_a_diff_run_a_backslash_is_an_entity() -> None:
    # a backslash escape there would become a span of its own and split GitLab's text node
    assert escape(r"\*nix", strict=True) == "&#92;&#42;nix"
    assert inline_diff([DiffOp("insert", r"\*nix")]) == "{+ &#92;&#42;nix +}"


# -- what GitLab makes of it: a model of its pipeline, good enough to catch broken markup.
# GitLab wraps backslash escapes of these characters in spans (MarkdownPreEscapeFilter), renders
# CommonMark, then applies its inline diff regexes to each DOM text node (InlineDiffFilter).
_GITLAB_ESCAPED = re.compile(r"\\([$%#&{}_@!~^])")
_GITLAB_DELETION = re.compile(r"(?:\[\-(.*?)\-\]|\{\-(.*?)\-\})")
_GITLAB_ADDITION = re.compile(r"(?:\[\+(.*?)\+\]|\{\+(.*?)\+\})")
_RAW_MARKER = re.compile(r"\{\+|\+\}|\[-|-\]|\{-|-\}|\[\+|\+\]")


class _TextNodes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[str] = []

    def handle_data(self, data: str) -> None:
        self.nodes.append(data)


def gitlab_view(markdown: str) -> tuple[str, int, int, list[str]]:
    """(visible text, insertions, deletions, raw markers left over) as GitLab would render."""
    spans = _GITLAB_ESCAPED.sub(r"<span>\1</span>", markdown)
    parser = _TextNodes()
    parser.feed(MarkdownIt("commonmark", {"html": True}).render(spans))
    shown, insertions, deletions = [], 0, 0
    for node in parser.nodes:
        deletions += len(_GITLAB_DELETION.findall(node))
        insertions += len(_GITLAB_ADDITION.findall(node))
        node = _GITLAB_DELETION.sub(lambda m: m.group(1) or m.group(2), node)
        node = _GITLAB_ADDITION.sub(lambda m: m.group(1) or m.group(2), node)
        shown.append(node)
    text = "".join(shown)
    return text.replace(ZWSP, ""), insertions, deletions, _RAW_MARKER.findall(text)


def runs(ops: tuple[DiffOp, ...], kind: str) -> int:
    """How many marked runs GitLab should show: per line of an op, one per link and one per
    stretch of words between links."""
    count = 0
    for op in ops:
        if op.op != kind:
            continue
        for line in op.text.split("\n"):
            count += len(LINK_RE.findall(line))
            count += sum(1 for part in LINK_RE.split(line)[::3] if part.strip())
    return count


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Writes snake_case code", "Writes snake_case_code and ~strikes~"),
        ("Uses **bold** claims", "Uses `code` and *emphasis* claims"),
        ("Owns [the docs](/a_b) daily", "Owns [the new docs](/a_b) weekly"),
        ("Fake [- delete -] text", "Fake {+ insert +} text for @all in #12"),
        ("Handles <b>html</b> & R&D", "Handles <i>html</i> & R&D and 100% $5"),
    ],
)
def test_gitlab_renders_every_marked_run(old: str, new: str) -> None:
    ops = word_diff(old, new)
    text, insertions, deletions, leftovers = gitlab_view(f"- **Changed:** {inline_diff(ops)}")
    assert leftovers == []
    assert (insertions, deletions) == (runs(ops, "insert"), runs(ops, "delete"))
    # What a reader sees is both texts, words in order, nothing lost to markup.
    for word in re.findall(r"[A-Za-z]{3,}", old + " " + new):
        assert word in text


def test_gitlab_shows_page_text_as_written() -> None:
    text, *_ = gitlab_view(f"- [ ] {at_line_start(escape('# Looks like a heading, @team #12'))}")
    assert text.strip() == "[ ] # Looks like a heading, @team #12"


def test_destinations_cannot_leave_their_link() -> None:
    from career_cli.render.markdown_text import destination

    assert destination("https://example.com/a_(b)?q=1#x") == "https://example.com/a_(b)?q=1#x"
    assert destination("/handbook/values/") == "/handbook/values/"
    assert destination("javascript:alert(1)") == "javascript%3Aalert(1)"
    assert destination("DATA:text/html,x") == "DATA%3Atext/html,x"
    assert destination('x"<y>`\\z') == "x%22%3Cy%3E%60%5Cz"
    assert destination("a\u202eb\x1b") == "a%E2%80%AEb%1B"


def test_a_heading_keeps_its_trailing_hash() -> None:
    from career_cli.render.markdown_text import heading

    assert heading("C#") == "C&#35;"
    assert heading("Impact ##") == "Impact #&#35;"
    assert heading("Craft") == "Craft"


@given(st.text(alphabet=st.sampled_from(list("ab -<>!\"'%\n\t\x1b")), max_size=20))
def test_comment_values_read_back_and_cannot_end_a_comment(value: str) -> None:
    from career_cli.features.evidence import comment_value as read
    from career_cli.render.markdown_text import comment_value
    from career_cli.text import visible

    written = comment_value(value, spaces=False)
    assert "--" not in written and ">" not in written and "<" not in written
    assert not any(c.isspace() for c in written)
    assert read(written) == visible(value)
