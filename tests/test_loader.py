"""Loader rules, one test each, on tiny inline pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUNDLED, page

from career_cli.errors import PageError
from career_cli.model import Level
from career_cli.sources.loader import (
    decode_page,
    find_shortcodes,
    is_navigation,
    level_title,
    load_framework,
    parse_page,
)

SENIOR = Path("senior.md")


def parse(text: str, path: Path = SENIOR) -> Level:
    return parse_page(text, path)


def texts(level: Level, category: int = 0) -> list[str]:
    return [item.text for item in level.categories[category].items]


def test_frontmatter_title_description_and_id() -> None:
    level = parse(
        page(
            "Senior - Infrastructure Department Career Framework",
            "## Accountability\n\n1. Owns things.\n",
            description='"Senior level."',
        ),
        Path("Senior.md"),
    )
    assert level.id == "senior"
    assert level.title == "Senior"
    assert level.description == "Senior level."
    assert level.page_title == "Senior - Infrastructure Department Career Framework"


def test_title_falls_back_to_id() -> None:
    level = parse(page(None, "## Accountability\n\n- Owns things.\n"))
    assert level.title == "senior"


def test_title_after_colon_for_sub_frameworks() -> None:
    assert level_title(
        "Core Platform Career Framework: Senior Distribution Engineer", "senior"
    ) == ("Senior Distribution Engineer")


def test_overview_section_is_not_a_category() -> None:
    level = parse(
        page(
            "Senior - X", "## Senior\n\nSeniors lead.\nThey mentor.\n\n## Autonomy\n\n1. Decides.\n"
        )
    )
    assert level.overview == "Seniors lead. They mentor."
    assert [c.id for c in level.categories] == ["autonomy"]
    assert level.heading == "Senior"


def test_subcategories_drop_the_level_name() -> None:
    body = (
        "## Engineering alignment\n\n### Senior Technical Competencies\n\n- Builds.\n\n"
        "### Senior Values Alignment\n\n- Lives values.\n"
    )
    level = parse(page("Senior - X", body))
    assert [c.id for c in level.categories] == [
        "engineering-alignment/technical-competencies",
        "engineering-alignment/values-alignment",
    ]
    assert level.categories[0].title == "Engineering alignment › Technical Competencies"


def test_every_list_style_is_a_competency() -> None:
    body = "## A\n\n1. one\n7. seven\n- dash\n* star\n+ plus\n3) paren\n"
    assert texts(parse(page("Senior - X", body))) == [
        "one",
        "seven",
        "dash",
        "star",
        "plus",
        "paren",
    ]


def test_continuation_lines_and_nested_items_join_their_parent() -> None:
    body = (
        "## A\n\n1. Starts here\n   and continues\nlazily.\n"
        "   - nested point\n     more nested\n1. Second item.\n\n   Indented paragraph.\n"
        "\nNot part of an item.\n"
    )
    assert texts(parse(page("Senior - X", body))) == [
        "Starts here and continues lazily. nested point more nested",
        "Second item. Indented paragraph.",
    ]


def test_whitespace_crlf_and_bom_are_tolerated(tmp_path: Path) -> None:
    text = page("Senior - X", "## A   \r\n  \r\n1. One.   \r\n1. Two.\t\r\n")
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    path = tmp_path / "senior.md"
    path.write_bytes(data)
    level = parse_page(decode_page(data, path), path)
    assert texts(level) == ["One.", "Two."]
    lone_cr = decode_page(text.replace("\n", "\r").encode(), path)
    assert texts(parse_page(lone_cr, path)) == ["One.", "Two."]


def test_links_stay_in_the_stored_text() -> None:
    level = parse(page("Senior - X", "## A\n\n1. Adopts [boring solutions](/values/#boring).\n"))
    assert texts(level) == ["Adopts [boring solutions](/values/#boring)."]


@pytest.mark.parametrize(
    "shortcode",
    [
        '{{< include "includes/engineering-careers/senior-technical-competency.md" >}}',
        '{{% include "includes/engineering-careers/senior-technical-competency.md" %}}',
    ],
)
def test_both_shortcode_forms_are_include_items(shortcode: str) -> None:
    level = parse(page("Senior - X", f"## A\n\n### Senior Technical Competencies\n\n{shortcode}\n"))
    [item] = level.categories[0].items
    assert item.include == "includes/engineering-careers/senior-technical-competency.md"


def test_navigation_include_is_not_content() -> None:
    body = (
        '{{% include "includes/engineering-careers/career-matrix-nav.md" %}}\n\n## A\n\n'
        '{{< include "includes/dev-career-matrix-nav.md" >}}\n1. Real.\n'
    )
    level = parse(page("Senior - X", body))
    assert texts(level) == ["Real."]
    assert is_navigation("x/distribution-career-nav.md")
    assert not is_navigation("x/values-competency.md")


def test_malformed_shortcode_is_noted_not_loaded() -> None:
    codes = find_shortcodes('{{$ include "includes/x.md" %}}')
    assert codes and not codes[0].valid
    level = parse(page("Senior - X", '## A\n\n- Real.\n\n{{$ include "includes/x.md" %}}\n'))
    assert texts(level) == ["Real."]
    assert [n.code for n in level.notes] == ["malformed-shortcode"]
    assert level.notes[0].line == 8


def test_mismatched_delimiters_are_malformed() -> None:
    assert [c.valid for c in find_shortcodes('{{< include "a.md" %}}')] == [False]


def test_code_fences_and_comments_hold_no_competencies() -> None:
    body = "## A\n\n```\n1. not an item\n```\n<!-- 1. hidden\n-->\n1. Real.\n"
    assert texts(parse(page("Senior - X", body))) == ["Real."]


def test_competency_lines_are_file_lines() -> None:
    level = parse(page("Senior - X", "## A\n\n1. One.\n1. Two.\n"))
    assert [item.line for item in level.categories[0].items] == [6, 7]


def test_index_page_describes_the_framework(make_framework) -> None:  # type: ignore[no-untyped-def]
    directory = make_framework(
        {
            "_index.md": page("Backend Careers", "Intro.\n", description='"All levels."'),
            "senior.md": page("Senior - Backend", "## A\n\n- One.\n"),
        }
    )
    framework = load_framework(directory)
    assert framework.title == "Backend Careers"
    assert framework.description == "All levels."
    assert [level.id for level in framework.levels] == ["senior"]


def test_framework_title_from_level_titles_without_index(make_framework) -> None:  # type: ignore[no-untyped-def]
    directory = make_framework(
        {
            "junior.md": page("Junior - Backend Careers", "## A\n\n- One.\n"),
            "senior.md": page("Senior - Backend Careers", "## A\n\n- One.\n"),
        }
    )
    assert load_framework(directory).title == "Backend Careers"


def test_ladder_order_weight_then_known_ladder_then_file_name(make_framework) -> None:  # type: ignore[no-untyped-def]
    body = "## A\n\n- One.\n"
    by_ladder = make_framework(
        {n: page(None, body) for n in ("staff.md", "senior.md", "intern.md", "zeta.md", "alpha.md")}
    )
    ids = [level.id for level in load_framework(by_ladder).levels]
    assert ids == ["intern", "senior", "staff", "alpha", "zeta"]
    by_weight = make_framework(
        {
            "senior.md": page(None, body, weight=1),
            "intern.md": page(None, body, order=3),
            "staff.md": page(None, body, weight=2),
        }
    )
    assert [level.id for level in load_framework(by_weight).levels] == ["senior", "staff", "intern"]


def test_bundled_pages_load() -> None:
    framework = load_framework(BUNDLED)
    assert [level.id for level in framework.levels] == ["associate", "intermediate", "senior"]
    assert framework.title == "Infrastructure Department Career Framework"
    assert not framework.problems
    senior = framework.levels[2]
    assert [c.title for c in senior.categories] == [
        "Accountability",
        "Credibility",
        "Autonomy",
        "Team building",
        "Engineering alignment › Leadership Competencies",
        "Engineering alignment › Technical Competencies",
        "Engineering alignment › Values Alignment",
    ]
    assert senior.statement_count == 26


# -- bad input: each is a PageError naming the file and what to do


def _error(data: bytes, tmp_path: Path) -> PageError:
    path = tmp_path / "senior.md"
    with pytest.raises(PageError) as caught:
        parse_page(decode_page(data, path), path)
    assert caught.value.path == path
    return caught.value


def test_empty_file(tmp_path: Path) -> None:
    assert "empty" in _error(b"  \n\n", tmp_path).message


def test_binary_file(tmp_path: Path) -> None:
    assert "binary" in _error(b"\x89PNG\r\n\x1a\n\x00\x00", tmp_path).message


def test_non_utf8_names_the_line(tmp_path: Path) -> None:
    error = _error(page("Senior", "## A\n\n- caf\xe9\n").encode("latin-1"), tmp_path)
    assert "UTF-8" in error.message
    assert error.line == 6
    assert error.hint == "re-save the file as UTF-8"


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_non_utf8_names_the_line_whatever_the_line_ends(tmp_path: Path, newline: bytes) -> None:
    # With lone CR line ends the line was always 1: only LF bytes were counted (found by fuzzing).
    data = newline.join([b"---", b"title: Senior", b"---", b"## A", b"- caf\xe9"])
    assert _error(data, tmp_path).line == 5


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    error = _error(b"---\ntitle: Senior\ndescription: [unclosed\n---\n## A\n- x\n", tmp_path)
    assert "invalid YAML" in error.message
    assert error.line is not None and 3 <= error.line <= 5


@pytest.mark.parametrize(
    ("frontmatter", "fragment"),
    [
        ("date: 2024-13-45", "cannot read '2024-13-45' as timestamp (month must be in 1..12)"),
        ("title: !!float x", "cannot read 'x' as float"),
        ("title: !!bool", "cannot read '' as bool"),
        ("title: !!timestamp x", "cannot read 'x' as timestamp"),
        ("weight: " + "9" * 5000, "(Exceeds the limit (4300 digits)"),
    ],
)
def test_values_yaml_cannot_build_are_yaml_errors(
    tmp_path: Path, frontmatter: str, fragment: str
) -> None:
    # PyYAML's constructors raised ValueError, KeyError or AttributeError for these, which
    # escaped as an internal error (found by fuzzing).
    error = _error(f"---\ntitle: Senior\n{frontmatter}\n---\n## A\n- x\n".encode(), tmp_path)
    assert error.message.startswith("invalid YAML frontmatter: ")
    assert fragment in error.message
    assert error.line is not None


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"---\ntitle: Senior\nlevel: : :\n---\n## A\n- x\n", 3),
        (b"---\n\n\ntitle: Senior\nlevel: : :\n---\n## A\n- x\n", 5),  # blank lines first
        ("---\ntitle: Senior\u2028\u2028\nlevel: : :\n---\n## A\n- x\n".encode(), 3),
        (b"---\ntitle: [unclosed\n---\n## A\n- x\n", 3),  # at the end: the closing '---'
    ],
)
def test_frontmatter_yaml_errors_name_their_own_line(
    tmp_path: Path, data: bytes, line: int
) -> None:
    # Lines were one too high, and off by the blank lines after the opening '---' and by each
    # U+2028 (a line break to YAML, not to an editor): found by fuzzing, which checks the line.
    assert _error(data, tmp_path).line == line


def test_a_weight_beyond_any_float_is_an_error(tmp_path: Path) -> None:
    # float() of a 400-digit integer raised OverflowError, an internal error (found by fuzzing).
    error = _error(b"---\ntitle: Senior\nweight: 1" + b"0" * 400 + b"\n---\n## A\n- x\n", tmp_path)
    assert error.message.startswith("frontmatter 'weight' must be a number")


@pytest.mark.parametrize("frontmatter", ["- a\n- b", "just a string"])
def test_frontmatter_must_be_a_mapping(tmp_path: Path, frontmatter: str) -> None:
    error = _error(f"---\n{frontmatter}\n---\n## A\n- x\n".encode(), tmp_path)
    assert "not a mapping" in error.message


def test_non_string_title(tmp_path: Path) -> None:
    error = _error(b"---\ntitle: [a, b]\n---\n## A\n- x\n", tmp_path)
    assert "'title'" in error.message


def test_unclosed_frontmatter(tmp_path: Path) -> None:
    assert "never closes" in _error(b"---\ntitle: x\n## A\n- x\n", tmp_path).message


def test_page_without_categories(tmp_path: Path) -> None:
    error = _error(page("Senior", "Just prose.\n").encode(), tmp_path)
    assert "no competency categories" in error.message
    assert error.hint is not None and "## Category" in error.hint


def test_broken_page_is_a_problem_not_a_failure(make_framework) -> None:  # type: ignore[no-untyped-def]
    directory = make_framework(
        {"senior.md": page("Senior", "## A\n\n- x\n"), "staff.md": b"---\ntitle: [\n---\n"}
    )
    framework = load_framework(directory)
    assert [level.id for level in framework.levels] == ["senior"]
    assert [problem.id for problem in framework.problems] == ["staff"]


def test_level_ids_differing_in_case_are_reported(make_framework) -> None:  # type: ignore[no-untyped-def]
    directory = make_framework(
        {"Senior.md": page("Senior", "## A\n\n- x\n"), "senior.md": page("Senior", "## A\n\n- y\n")}
    )
    framework = load_framework(directory)
    if len(list(directory.iterdir())) < 2:
        pytest.skip("case-insensitive file system")
    assert not framework.levels
    assert {p.path.name for p in framework.problems} == {"Senior.md", "senior.md"}


def test_a_repeated_category_heading_is_one_category() -> None:
    level = parse(
        page(
            "Senior - X",
            "## Craft\n\n1. Writes.\n\n## Team\n\n1. Helps.\n\n## Craft\n\n1. Reviews.\n",
        )
    )
    assert [(c.id, [i.text for i in c.items]) for c in level.categories] == [
        ("craft", ["Writes.", "Reviews."]),
        ("team", ["Helps."]),
    ]
    assert [(n.line, n.code) for n in level.notes] == [(12, "duplicate-category")]


def test_a_category_that_starts_with_the_level_name_is_not_the_overview() -> None:
    level = parse(
        page("Senior - X", "## Senior Responsibilities\n\n1. Writes code.\n\n## Craft\n\n1. x\n")
    )
    assert level.overview == ""
    assert [c.id for c in level.categories] == ["responsibilities", "craft"]


def test_a_fence_indented_inside_an_item_is_not_item_text() -> None:
    body = "## A\n\n1. Writes code:\n\n     ```\n     1. not an item\n     ```\n1. Reviews.\n"
    assert texts(parse(page("Senior - X", body))) == ["Writes code:", "Reviews."]
