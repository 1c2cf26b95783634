"""Alignment: pairs a reader expects on the bundled pages; properties on generated levels."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from conftest import BUNDLED, mirror, pairing
from hypothesis import given, settings
from hypothesis import strategies as st

from career_cli.compare.align import (
    diff_levels,
    merge_order,
    scorer_for,
    select_categories,
)
from career_cli.compare.pairing import include_key
from career_cli.errors import UsageError
from career_cli.model import Category, CategoryDiff, Framework, Level, LevelDiff, Statement
from career_cli.sources.loader import load_framework

FRAMEWORK = load_framework(BUNDLED)
LEVELS = {level.id: level for level in FRAMEWORK.levels}


def bundled(old: str, new: str, **kwargs: float) -> LevelDiff:
    return diff_levels(FRAMEWORK, LEVELS[old], LEVELS[new], **kwargs)  # type: ignore[arg-type]


def category(diff: LevelDiff, ident: str) -> CategoryDiff:
    return next(c for c in diff.categories if c.id == ident)


def status_of(diff: LevelDiff, ident: str, start: str) -> tuple[str, str | None]:
    """(status, partner's opening) of the statement that starts with ``start`` on either side."""
    for item in category(diff, ident).items:
        if item.old and item.old.text.startswith(start):
            return item.status, item.new.text[:40] if item.new else None
        if item.new and item.new.text.startswith(start):
            return item.status, item.old.text[:40] if item.old else None
    raise AssertionError(f"no statement starting {start!r} in {ident}")


# -- the bundled pages, pairs chosen by reading them


@pytest.mark.parametrize(
    ("ident", "intermediate", "senior"),
    [
        (
            "team-building",
            "Completes required interview training",
            "Plays an integral role in team",
        ),
        ("team-building", "Recognizes interrupts affecting", "Recognizes and actively works to"),
        (
            "accountability",
            "Participates in the on-call rotations",
            "Sets the standard for handling",
        ),
        ("accountability", "Understands how their work impacts", "Always considers how their work"),
    ],
)
def test_rewordings_pair_intermediate_to_senior(ident: str, intermediate: str, senior: str) -> None:
    status, partner = status_of(bundled("intermediate", "senior"), ident, intermediate)
    assert status == "changed"
    assert partner is not None and partner.startswith(senior)


@pytest.mark.parametrize(
    ("ident", "start", "status"),
    [
        ("team-building", "Supports colleagues who are currently on-call", "removed"),
        ("team-building", "Actively participates in team requests", "removed"),
        ("team-building", "Acts as a multiplier for others", "added"),
        ("team-building", "Is aware of what a [high-performing team]", "added"),
        ("accountability", "Bias for action", "added"),
        ("accountability", "Uses existing data", "added"),
        ("credibility", "Openly shares information about recent tasks", "removed"),
        ("autonomy", "Proactively reaches out to team members", "removed"),
    ],
)
def test_statements_without_counterpart_stay_added_or_removed(
    ident: str, start: str, status: str
) -> None:
    assert status_of(bundled("intermediate", "senior"), ident, start) == (status, None)


def test_the_assignment_is_one_to_one_not_first_come() -> None:
    # Both Intermediate runbook statements resemble Senior's one runbook statement; only the
    # closer one pairs, whatever their order on the page; the other is folded into that pair as
    # a merge (Senior's statement covers both), not reported as dropped.
    diff = bundled("intermediate", "senior")
    assert status_of(diff, "accountability", "Makes changes in production safely") == (
        "changed",
        "Creates, follows, and improves processes",
    )
    [merged] = [
        item
        for item in category(diff, "accountability").items
        if item.new and item.new.text.startswith("Creates, follows, and improves processes")
    ]
    assert [text.text[:38] for _, text in merged.also_old] == [
        "Reliably follows established processes"
    ]
    assert not any(
        item.old and item.old.text.startswith("Reliably follows") and item.new is None
        for item in category(diff, "accountability").items
    )


def test_includes_pair_by_identity() -> None:
    diff = bundled("associate", "senior")
    [technical] = category(diff, "engineering-alignment/technical-competencies").items
    assert technical.status == "changed"
    assert (
        technical.old and technical.old.include and "associate-technical" in technical.old.include
    )
    [values] = category(diff, "engineering-alignment/values-alignment").items
    assert values.status == "unchanged"
    assert include_key("includes/x/senior-technical-competency.md", LEVELS["senior"]) == (
        include_key("includes/x/associate-technical-competency.md", LEVELS["associate"])
    )


def test_counts_on_the_bundled_pages() -> None:
    counts = bundled("intermediate", "senior").counts
    assert counts.unchanged == 1
    assert counts.merged == 1  # "Reliably follows established processes…" (see above)
    assert (
        counts.unchanged + counts.changed + counts.removed + counts.merged
        == LEVELS["intermediate"].statement_count
    )
    assert (
        counts.unchanged + counts.changed + counts.added + counts.split
        == LEVELS["senior"].statement_count
    )


def test_a_higher_threshold_pairs_fewer() -> None:
    loose = bundled("intermediate", "senior").counts.changed
    strict = bundled("intermediate", "senior", threshold=0.4).counts.changed
    assert strict < loose


def test_removed_items_stay_where_they_stood() -> None:
    # old: A B C D, new: A' C' E → A, B (removed, after A), C, D (removed, after C), E
    assert merge_order({0: 0, 2: 1}, 4, 3) == [(0, 0), (1, None), (2, 1), (3, None), (None, 2)]
    assert merge_order({1: 0}, 2, 1) == [(0, None), (1, 0)]


def test_category_selection_by_prefix() -> None:
    diff = bundled("associate", "senior")
    selected = select_categories(diff, ["TEAM", "engineering-alignment/tech"])
    assert [c.id for c in selected.categories] == [
        "team-building",
        "engineering-alignment/technical-competencies",
    ]
    assert [c.id for c in select_categories(diff, ["technical"]).categories] == [
        "engineering-alignment/technical-competencies"
    ]
    with pytest.raises(UsageError, match="no category matches 'nope'"):
        select_categories(diff, ["nope"])


def test_overview_change_is_diffed() -> None:
    overview = bundled("associate", "senior").overview
    assert overview.status == "changed"
    assert overview.ops[0].op == "delete" and "Associate-level" in overview.ops[0].text


# -- properties over generated levels

VOCABULARY = (
    "leads owns mentors hiring interviews on-call rotations culture team throughput proposals "
    "runbooks production incidents reviews stakeholders roadmap quality metrics budget"
).split()
TITLES = ["Accountability", "Credibility", "Autonomy", "Team building"]

statements = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=7).map(
    lambda words: " ".join(words).capitalize() + "."
)
# Titles may repeat: a level built in code can hold the same category twice, and pairing must
# still lose nothing (pages from the loader never do: it merges a repeated heading).
categories_ = st.lists(
    st.tuples(st.sampled_from(TITLES), st.lists(statements, max_size=6)), min_size=1, max_size=5
)


def make_level(ident: str, spec: list[tuple[str, list[str]]]) -> Level:
    cats = tuple(
        Category(title.lower().replace(" ", "-"), (title,), tuple(Statement(t) for t in items))
        for title, items in spec
    )
    return Level(id=ident, title=ident.title(), path=Path(f"{ident}.md"), categories=cats)


def framework_of(*levels: Level) -> Framework:
    return Framework(id="generated", title="Generated", path=Path(), levels=levels)


def sides(diff: LevelDiff) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Every statement of each side, counted, wherever it is: a side of an item or folded into
    one (merged or split)."""
    old: Counter[tuple[str, str]] = Counter()
    new: Counter[tuple[str, str]] = Counter()
    for cat in diff.categories:
        for item in cat.items:
            if item.old:
                old[(cat.id, item.old.text)] += 1
            if item.new:
                new[(cat.id, item.new.text)] += 1
            for _, extra in item.also_old:
                old[(cat.id, extra.text)] += 1
            for _, extra in item.also_new:
                new[(cat.id, extra.text)] += 1
    return old, new


def level_items(level: Level) -> Counter[tuple[str, str]]:
    return Counter((c.id, i.text) for c in level.categories for i in c.items)


def pairs(diff: LevelDiff) -> set[tuple[str, str, str | None, str | None]]:
    return set(pairing(diff))


@settings(max_examples=150, deadline=None)
@given(categories_, categories_)
def test_every_competency_appears_exactly_once(
    a: list[tuple[str, list[str]]], b: list[tuple[str, list[str]]]
) -> None:
    old, new = make_level("associate", a), make_level("senior", b)
    diff = diff_levels(framework_of(old, new), old, new)
    old_seen, new_seen = sides(diff)
    assert old_seen == level_items(old)
    assert new_seen == level_items(new)


@settings(max_examples=150, deadline=None)
@given(categories_, categories_)
def test_diff_b_a_mirrors_diff_a_b(
    a: list[tuple[str, list[str]]], b: list[tuple[str, list[str]]]
) -> None:
    old, new = make_level("associate", a), make_level("senior", b)
    framework = framework_of(old, new)
    forward = pairs(diff_levels(framework, old, new))
    backward = pairs(diff_levels(framework, new, old))
    assert backward == set(mirror(Counter(dict.fromkeys(forward, 1))))


@settings(max_examples=100, deadline=None)
@given(categories_)
def test_diff_a_a_is_all_unchanged(a: list[tuple[str, list[str]]]) -> None:
    level = make_level("senior", a)
    diff = diff_levels(framework_of(level), level, level)
    assert diff.counts.differences == 0
    assert diff.counts.unchanged == level.statement_count
    assert not diff.has_differences


def test_punctuation_alone_names_no_category() -> None:
    with pytest.raises(UsageError, match=r"no category matches '\.'"):
        select_categories(bundled("associate", "senior"), ["."])


def test_exit_code_question_is_about_the_chosen_categories() -> None:
    diff = bundled("associate", "senior")
    assert diff.overview.status == "changed" and diff.has_differences
    assert not select_categories(diff, ["values"]).has_differences
    assert select_categories(diff, ["team"]).has_differences


def test_large_categories_still_pair_every_rewording() -> None:
    # 120 statements a side: past the candidate cap, so only the strongest candidates of each
    # statement are scored; each rewording must still find its own original.
    rng = random.Random(7)
    words = [f"{rng.choice('bcdfgklmnprstvz')}{rng.choice('aeiou')}{n}word" for n in range(400)]
    common = ["team", "work", "others", "goals", "quality"]
    old = [" ".join([*rng.sample(common, 2), *rng.sample(words, 5)]) + "." for _ in range(120)]
    new = [text.replace(text.split()[2], "fresh", 1) for text in old]
    below, above = make_level("associate", [("Craft", old)]), make_level("senior", [("Craft", new)])
    [craft] = diff_levels(framework_of(below, above), below, above).categories
    assert [(i.old_index, i.new_index) for i in craft.items if i.status == "changed"] == [
        (n, n) for n in range(1, 121)
    ]


@settings(max_examples=100)
@given(categories_, categories_)
def test_a_pair_scores_what_similarity_says_bit_for_bit(
    a: list[tuple[str, list[str]]], b: list[tuple[str, list[str]]]
) -> None:
    # The aligner sums weights incrementally through postings; the score it reports must be
    # exactly the scorer's, or a tie at the threshold could go either way between the two paths.
    old, new = make_level("associate", a), make_level("senior", b)
    framework = framework_of(old, new)
    scorer = scorer_for(framework, old, new)
    for category_diff in diff_levels(framework, old, new, scorer=scorer).categories:
        for item in category_diff.items:
            if item.status == "changed" and item.old and item.new:
                assert item.similarity == scorer.similarity(item.old.text, item.new.text)
