"""``career search``: stemmed, case-insensitive matching and where a theme first appears."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from conftest import BUNDLED, REALWORLD, assert_golden, page
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import assert_error, run, schema
from typer.testing import CliRunner

from career_cli.errors import UsageError
from career_cli.features.search import find_terms, query_terms, search, summary
from career_cli.render import RenderOptions
from career_cli.render.markdown import render_search as markdown_search
from career_cli.render.terminal.search import render_search
from career_cli.sources.catalog import open_framework
from career_cli.sources.loader import load_framework

REAL = open_framework("infrastructure", root=REALWORLD)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("interview", "Leads interviews for the team."),
        ("interviews", "Completes interview training."),
        ("Interview", "Trains INTERVIEWERS."),
        ("hiring", "Hires and onboards."),
        ("mentoring", "Mentors others."),
        ("on-call", "Joins the oncall rotation."),
        ("oncall", "Sets the standard for on-call rotations."),
        ("team", "Improves the team's throughput."),
        ("own", "Owns the roadmap."),  # a stop word on its own is still searchable
        ("code review", "Reviews all code changes."),  # every word, any order
        ("the code", "Writes code."),  # common words drop out of a longer query
    ],
)
def test_matches_by_stem_case_and_joiners(query: str, text: str) -> None:
    assert find_terms(text, query_terms(query)) is not None


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("interview", "Interprets views."),
        ("code review", "Writes code."),  # one word missing
        ("on-call", "Calls customers."),
        ("hire", "Higher standards."),
    ],
)
def test_does_not_match_other_words(query: str, text: str) -> None:
    assert find_terms(text, query_terms(query)) is None


def test_hit_spans_cover_whole_words() -> None:
    text = "Leads interviews; trains interviewers and on-call staff."
    spans = find_terms(text, query_terms("interview"))
    assert spans is not None
    assert [text[a:b] for a, b in spans] == ["interviews", "interviewers"]
    spans = find_terms(text, query_terms("call"))
    assert spans is not None and [text[a:b] for a, b in spans] == ["on-call"]


def test_a_query_without_words_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="nothing to search for"):
        query_terms("!!! --")


def test_links_are_searched_by_their_text() -> None:
    assert find_terms("Adopts boring solutions.", query_terms("boring")) is not None
    framework = open_framework("infrastructure")
    [match] = search(framework, "boring").matches
    assert match.level.id == "senior"
    assert "[boring solutions](/handbook/values/#boring-solutions)" in match.item.text
    assert search(framework, "handbook").matches == ()  # only in link targets


def test_interview_first_appears_at_intermediate_in_the_realworld_ladder() -> None:
    result = search(REAL, "interview")
    assert [(m.level.id, m.category.id) for m in result.matches] == [
        ("intermediate", "team-building"),
        ("senior", "team-building"),
        ("staff", "team-building"),
        ("principal", "team-building"),
    ]
    assert result.first is not None and result.first.level.id == "intermediate"
    assert summary(result).startswith('"interview" first appears at Intermediate (Team building)')


def test_included_statements_are_searched_and_include_items_are_not(make_framework) -> None:  # type: ignore[no-untyped-def]
    result = search(REAL, "collaboration")  # also "collaborate", "collaboratively"
    values = [m for m in result.matches if m.category.id.endswith("values-alignment")]
    assert len(values) == 6  # the shared values file, at every level
    assert {m.item.source for m in values} == {"includes/engineering-careers/values-competency.md"}
    assert result.first is not None and result.first.category.id == "credibility"
    directory = make_framework(
        {"senior.md": page("Senior", '## A\n\n{{% include "collaboration.md" %}}\n')}
    )
    assert search(load_framework(directory), "collaboration").matches == ()


def test_search_golden() -> None:
    result = search(REAL, "on-call")
    assert_golden("search-on-call-100.txt", render_search(result, RenderOptions(width=100)))


def test_colour_highlights_instead_of_marking() -> None:
    result = search(load_framework(BUNDLED), "interview")
    out = render_search(result, RenderOptions(width=100, color=True))
    assert "\x1b[30;43minterview\x1b[0m" in out
    assert "*interview*" not in out
    assert "*interview*" in render_search(result, RenderOptions(width=100))


def test_markdown_bolds_the_hits() -> None:
    text = markdown_search(search(load_framework(BUNDLED), "interview"))
    assert "3. Completes required **interview** training" in text
    assert text.startswith('**"interview" first appears at Intermediate')


# -- the command


def test_search_text(runner: CliRunner) -> None:
    result = run(runner, "search", "interview", "--width", "100")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == (
        '"interview" first appears at Intermediate (Team building) · 2 statements at 2 levels'
    )
    assert lines[2:4] == ["Intermediate", "  Team building"]


def test_search_json(runner: CliRunner) -> None:
    result = run(runner, "search", "on", "call", "--root", str(REALWORLD), "-f", "infra", "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("search"))
    assert document["terms"] == ["call"]
    assert document["first"]["level"]["id"] == "intern"
    for match in document["matches"]:
        assert all("call" in match["plain"][h["start"] : h["end"]] for h in match["hits"])


def test_search_category_filter(runner: CliRunner) -> None:
    document = json.loads(run(runner, "search", "on-call", "-c", "acc", "--json").stdout)
    assert {m["category"]["id"] for m in document["matches"]} == {"accountability"}
    assert_error(run(runner, "search", "x", "-c", "nope"), "no category matches 'nope'")


def test_nothing_found_exits_1_like_grep(runner: CliRunner) -> None:
    result = run(runner, "search", "kubernetes")
    assert result.exit_code == 1 and result.stderr == ""
    assert result.stdout.startswith('"kubernetes" does not appear in any level')
    document = json.loads(run(runner, "search", "kubernetes", "--json").stdout)
    jsonschema.validate(document, schema("search"))
    assert document["first"] is None and document["matches"] == []


def test_search_without_words(runner: CliRunner) -> None:
    assert_error(run(runner, "search", "--", "--"), "nothing to search for")


VOCABULARY = [
    "interviews",
    "Interview",
    "hiring",
    "hires",
    "on-call",
    "oncall",
    "team's",
    "the",
    "mentors",
    "code",
    "reviews",
    "Leads",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8),
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3),
)
def test_hits_are_exactly_the_words_that_match_a_term(words: list[str], query: list[str]) -> None:
    from career_cli.features.search import key

    text = " ".join(words) + "."
    terms = query_terms(" ".join(query))
    spans = find_terms(text, terms)

    def keys(word: str) -> set[str]:
        return {key(word)} | {key(p) for p in re.split(r"['’-]", word) if p}

    matching = [w for w in words if keys(w) & set(terms)]
    found = {t for w in words for t in keys(w) & set(terms)}
    if found != set(terms):
        assert spans is None
    else:
        assert spans is not None
        assert [text[a:b] for a, b in spans] == matching
