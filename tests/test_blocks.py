"""CommonMark's block rules in the page reader and the evidence reader, on tiny documents.

Each case lost a statement or a tick before ``blocks.py`` read the structure: fences closed by a
shorter fence or an info-string line, comment openers inside code spans, a fence left open inside
one item swallowing the rest, a heading named like the level nested inside a category.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from career_cli.features.evidence import parse_markdown
from career_cli.sources.blocks import HEADING, ITEM, TEXT, atx_heading, scan
from career_cli.sources.body import strong_as_text
from career_cli.sources.comments import strip_comments
from career_cli.sources.loader import parse_page
from career_cli.sources.shortcodes import shortcode_spans


def statements(body: str, title: str = "Senior") -> list[tuple[str, list[str]]]:
    level = parse_page(f'---\ntitle: "{title}"\n---\n{body}', Path("senior.md"))
    return [(c.title, [i.text for i in c.items]) for c in level.categories]


def ticks(text: str) -> list[tuple[bool, str | None]]:
    return [(e.met, e.text) for e in parse_markdown(text, Path("e.md")).entries]


# -- the page reader


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A fence closes only on a fence at least as long, of its own character, bare.
        ("````\n1. hidden\n```\n1. hidden\n````\n1. Real.\n", ["Real."]),
        ("```\n1. hidden\n```python\n1. hidden\n```\n1. Real.\n", ["Real."]),
        ("~~~\n1. hidden\n```\n1. hidden\n~~~\n1. Real.\n", ["Real."]),
        # A comment opener inside a code span opens nothing.
        ("1. Uses `<!--` in pages.\n2. Reviews.\n", ["Uses `<!--` in pages.", "Reviews."]),
        # An inline comment never runs past its paragraph; one that closes in it is taken out.
        ("1. Writes <!-- note\n2. Reviews. -->\n", ["Writes <!-- note", "Reviews. -->"]),
        ("1. Writes <!-- a\n   b --> code.\n2. Reviews.\n", ["Writes code.", "Reviews."]),
        # A fence opened inside an item ends with the item.
        ("1. Writes:\n\n   ```\n   code\n2. Reviews.\n", ["Writes:", "Reviews."]),
        # So does a comment block.
        ("1. Writes:\n   <!-- a note\n2. Reviews.\n", ["Writes:", "Reviews."]),
        # A comment block at the top of the page runs to its end: the whole line that ends it.
        ("<!--\n1. hidden\n--> 1. hidden\n1. Real.\n", ["Real."]),
        # A backslash-escaped opener is text.
        ("1. Writes \\<!-- code.\n2. Reviews.\n", ["Writes \\<!-- code.", "Reviews."]),
        # An item that starts like another block is still read as written.
        ("- 1.\n- # Heading\n- > quote\n", ["1.", "# Heading", "> quote"]),
    ],
)
def test_block_structure_as_commonmark_reads_it(body: str, expected: list[str]) -> None:
    assert statements(f"## Craft\n\n{body}") == [("Craft", expected)]


def test_a_heading_named_like_the_level_inside_a_category_is_not_the_overview() -> None:
    level = parse_page(
        '---\ntitle: "Senior"\n---\n## Craft\n\n### Senior\n\n1. Writes code.\n',
        Path("senior.md"),
    )
    assert [(c.title, [i.text for i in c.items]) for c in level.categories] == [
        ("Craft › Senior", ["Writes code."])
    ]
    assert level.overview == ""


def test_the_overview_heading_still_leads_the_page() -> None:
    level = parse_page(
        '---\ntitle: "Senior"\n---\n## Senior\n\nLeads.\n\n## Craft\n\n1. Writes.\n',
        Path("senior.md"),
    )
    assert level.overview == "Leads."
    assert [c.title for c in level.categories] == ["Craft"]


def test_a_heading_inside_an_item_stays_in_it() -> None:
    assert statements("## Craft\n\n- Writes\n\n  ## more\n- Reviews.\n") == [
        ("Craft", ["Writes ## more", "Reviews."])
    ]


# -- the evidence reader


def test_an_unclosed_fence_in_evidence_ends_with_its_item() -> None:
    text = (
        "- [x] Writes code <!-- career:id a -->\n  - Evidence:\n    ```\n    git log\n"
        "- [x] Reviews code <!-- career:id b -->\n"
    )
    assert ticks(text) == [(True, "Writes code"), (True, "Reviews code")]


def test_ticks_inside_a_fence_closed_too_early_do_not_count() -> None:
    text = "````\n- [x] quoted\n```\n- [x] still quoted\n````\n- [ ] Real\n"
    assert ticks(text) == [(False, "Real")]


def test_a_comment_opener_in_a_code_span_does_not_hide_the_next_item() -> None:
    assert ticks("- [x] Uses `<!--` well\n- [x] Reviews\n") == [
        (True, "Uses `<!--` well"),
        (True, "Reviews"),
    ]


def test_the_id_comes_from_the_item_s_own_line() -> None:
    entries = parse_markdown(
        "- [x] Writes <!-- career:id craft/writes -->\n  <!-- career:id craft/other -->\n",
        Path("e.md"),
    ).entries
    assert [(e.id, e.text) for e in entries] == [("craft/writes", "Writes")]


# -- the scanner's pieces


def test_records_say_what_holds_each_line() -> None:
    records = list(scan(enumerate(["- a", "  - b", "", "## H", "c"], 1)))
    shape = [(r.no, r.kind, r.content, r.items) for r in records]
    assert shape == [
        (1, ITEM, "a", (1,)),
        (1, TEXT, "a", (1,)),
        (2, ITEM, "b", (1, 2)),
        (2, TEXT, "b", (1, 2)),
        (3, "blank", "", (1, 2)),
        (4, HEADING, "## H", ()),
        (5, TEXT, "c", ()),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## Title ##", (2, "Title")),
        ("## Title#", (2, "Title#")),
        ("#", (1, "")),
        ("### ###", (3, "")),
        ("#5 bolt", None),
        ("####### seven", None),
        ("## a \\#", (2, "a \\#")),
    ],
)
def test_atx_headings(line: str, expected: tuple[int, str] | None) -> None:
    assert atx_heading(line, 0) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a <!-- b --> c", "a  c"),
        ("a <!----> c <!--> d <!---> e", "a  c  d  e"),
        ("a <!-- b ---> c", "a <!-- b ---> c"),  # markdown-it's grammar: no comment
        ("a <!-- b -----> c", "a  c"),
        ("`<!--` x -->", "`<!--` x -->"),
        ("<!-- `x --> y`", " y`"),
        ("\\<!-- x -->", "\\<!-- x -->"),
        ("<!-- a <!----> b", "<!-- a  b"),
    ],
)
def test_inline_comments(text: str, expected: str) -> None:
    assert strip_comments(text)[0] == expected


# The regular expressions these replace, with their answers on short text: equal answers in
# linear time instead of quadratic.
_OLD_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_OLD_SHORTCODE = re.compile(r"\{\{.{0,3}?\binclude\b.*?\}\}")
_PIECES = st.lists(
    st.sampled_from(["*", "**", "a", " ", "{{", "}}", "include", "<", "%", "{", "-"]), max_size=14
).map("".join)


@given(_PIECES)
def test_strong_and_shortcodes_are_read_as_the_old_patterns_read_them(text: str) -> None:
    assert strong_as_text(text) == _OLD_STRONG.sub(r"\1", text)
    assert shortcode_spans(text) == [m.span() for m in _OLD_SHORTCODE.finditer(text)]
