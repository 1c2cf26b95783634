"""The gap core: expectations, stable ids, and matching evidence to them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import BUNDLED
from hypothesis import given
from hypothesis import strategies as st

from career_cli.compare.align import diff_levels, scorer_for
from career_cli.features.gap import EvidenceEntry, Gap, apply_evidence, build_gap, expectation_id
from career_cli.model import Category, Framework, Level, Statement
from career_cli.sources.loader import load_framework

FRAMEWORK = load_framework(BUNDLED)
LEVELS = {level.id: level for level in FRAMEWORK.levels}
# Words of the bundled pages, for evidence that rewords them.
_WORDS = sorted(
    {
        word
        for level in FRAMEWORK.levels
        for category in level.categories
        for item in category.items
        for word in item.text.lower().split()
    }
)[:400:3]


def bundled_gap(current: str = "intermediate", target: str = "senior", **kw: bool) -> Gap:
    diff = diff_levels(FRAMEWORK, LEVELS[current], LEVELS[target])
    return build_gap(diff, **kw)


def test_expectations_are_new_and_raised_target_statements() -> None:
    gap = bundled_gap()
    assert (gap.count(kind="new"), gap.count(kind="raised"), gap.count(kind="carried")) == (
        14,
        11,
        0,
    )
    hiring = next(e for e in gap.expectations if e.text.startswith("Plays an integral role"))
    assert hiring.kind == "raised"
    assert hiring.previous is not None and hiring.previous.startswith(
        "Completes required interview"
    )
    assert any(op.op == "insert" for op in hiring.ops)
    multiplier = next(e for e in gap.expectations if e.text.startswith("Acts as a multiplier"))
    assert (multiplier.kind, multiplier.previous, multiplier.ops) == ("new", None, ())


def test_all_adds_carried_expectations() -> None:
    gap = bundled_gap("associate", "senior", include_carried=True)
    [carried] = [e for e in gap.expectations if e.kind == "carried"]
    assert carried.include == "includes/engineering-careers/values-competency.md"
    assert carried.previous == carried.text


def test_ids_are_readable_unique_and_independent_of_position() -> None:
    gap = bundled_gap()
    ids = [e.id for e in gap.expectations]
    assert len(ids) == len(set(ids))
    assert "team-building/plays-integral-role-team-hiring" in ids
    assert "engineering-alignment/technical-competencies/include-level-technical-competency" in ids
    level = LEVELS["senior"]
    assert expectation_id("a", "Owns the [roadmap](/x) for on-call.", None, level) == (
        "a/owns-roadmap-on-call"
    )


def _level(ident: str, statements: list[str]) -> Level:
    category = Category("craft", ("Craft",), tuple(Statement(t) for t in statements))
    return Level(id=ident, title=ident.title(), path=Path(f"{ident}.md"), categories=(category,))


def test_ids_survive_reordering_even_when_openings_collide() -> None:
    below = _level("junior", ["Writes code."])
    a = _level(
        "senior", ["Leads incident reviews.", "Owns the roadmap.", "Owns the product roadmap."]
    )
    b = _level(
        "senior", ["Owns the roadmap.", "Leads incident reviews.", "Owns the product roadmap."]
    )
    framework = Framework("f", "F", Path(), levels=(below, a))

    def ids(level: Level) -> list[str]:
        return sorted(e.id for e in build_gap(diff_levels(framework, below, level)).expectations)

    assert (
        ids(a)
        == ids(b)
        == [
            "craft/leads-incident-reviews",
            "craft/owns-product-roadmap",
            "craft/owns-roadmap",
        ]
    )
    production = "Leads the team incident review process for production outages."
    security = "Leads the team incident review process for security breaches."
    forward = build_gap(diff_levels(framework, below, _level("senior", [production, security])))
    backward = build_gap(diff_levels(framework, below, _level("senior", [security, production])))
    ids = {e.text: e.id for e in forward.expectations}
    assert ids == {e.text: e.id for e in backward.expectations}
    assert ids[production] == "craft/leads-team-incident-review-process-production"
    # Same words, different punctuation: a short hash of the text tells them apart, in any order.
    same = build_gap(diff_levels(framework, below, _level("senior", ["Owns it.", "Owns it!"])))
    flipped = build_gap(diff_levels(framework, below, _level("senior", ["Owns it!", "Owns it."])))
    assert len({e.id for e in same.expectations}) == 2
    assert {e.text: e.id for e in same.expectations} == {e.text: e.id for e in flipped.expectations}


def test_evidence_follows_its_statement_when_siblings_swap() -> None:
    below = _level("junior", ["Writes code."])
    production = "Leads the team incident review process for production outages."
    security = "Leads the team incident review process for security breaches."
    before = _level("senior", [production, security])
    after = _level("senior", [security, production])
    framework = Framework("f", "F", Path(), levels=(below, before))
    ticked = next(e for e in build_gap(diff_levels(framework, below, before)).expectations)
    entry = EvidenceEntry(ticked.id, ticked.text, True, "postmortems")
    gap = apply_evidence(
        build_gap(diff_levels(framework, below, after)), [entry], scorer_for(framework)
    )
    assert {e.text: e.status for e in gap.expectations} == {production: "met", security: "open"}


def apply(gap: Gap, *entries: EvidenceEntry) -> Gap:
    return apply_evidence(gap, list(entries), scorer_for(FRAMEWORK))


def test_evidence_matches_by_id_then_text_then_similarity() -> None:
    gap = apply(
        bundled_gap(),
        EvidenceEntry("team-building/plays-integral-role-team-hiring", None, True, "12 interviews"),
        EvidenceEntry(None, "Mentors others to help them grow their technical skills.", True, None),
        EvidenceEntry(
            None, "Acts as a force multiplier for others by mentoring and pairing", False, "x"
        ),
    )
    status = {e.text[:20]: (e.status, e.evidence) for e in gap.expectations}
    assert status["Plays an integral ro"] == ("met", "12 interviews")
    assert status["Mentors others to he"] == ("met", None)
    assert status["Acts as a multiplier"] == ("open", "x")
    assert gap.count(status="met") == 2 and gap.open == 23
    assert not gap.unmatched and gap.with_evidence


def test_unrelated_evidence_is_kept_as_unmatched_not_dropped() -> None:
    stray = EvidenceEntry(None, "Organised the team offsite in Lisbon", True, "photos", 40)
    unknown = EvidenceEntry("no/such-id", None, True, None, 41)
    gap = apply(bundled_gap(), stray, unknown)
    assert gap.unmatched == (stray, unknown)
    assert gap.count(status="met") == 0


def test_one_entry_per_expectation() -> None:
    first = EvidenceEntry(
        None, "Mentors others to help them grow their technical skills.", True, "a"
    )
    second = EvidenceEntry(
        None, "Mentors others to help them grow their technical skills!", True, "b"
    )
    gap = apply(bundled_gap(), first, second)
    assert gap.count(status="met") == 1
    assert gap.unmatched == (second,)


def test_a_zero_width_space_of_the_page_survives_the_checklist_round_trip() -> None:
    # The checklist dropped every U+200B on reading back, the page's own too: the entry for
    # "zero<ZWSP>width" then matched "zerowidth" by exact text, and ticking one statement met
    # the other (found by the checklist round-trip property, tests/test_properties.py).
    from career_cli.features.evidence import parse_markdown
    from career_cli.render.markdown import render_gap

    below = _level("junior", ["Writes code."])
    spaced, joined = "Owns zero\u200bwidth rotations.", "Owns zerowidth rotations."
    above = _level("senior", [joined, spaced])
    framework = Framework("f", "F", Path(), levels=(below, above))
    gap = build_gap(diff_levels(framework, below, above))
    checklist = render_gap(gap).replace(
        "- [ ] Owns zero&#x200b;width", "- [x] Owns zero&#x200b;width"
    )
    entries = parse_markdown(checklist, Path("promotion.md")).entries
    assert [entry.text for entry in entries] == [joined, spaced]
    applied = apply_evidence(gap, list(entries), scorer_for(framework))
    assert {e.text: e.status for e in applied.expectations} == {joined: "open", spaced: "met"}
    assert not applied.unmatched


def _all_pairs(gap: Gap, entries: list[EvidenceEntry]) -> dict[str, str]:
    """The matching as it was: every unplaced entry scored against every free expectation."""
    from career_cli.compare.assignment import max_weight_matching
    from career_cli.features.gap import EVIDENCE_THRESHOLD

    scorer = scorer_for(FRAMEWORK)
    free = list(gap.expectations)
    edges = [
        (a, b, score - EVIDENCE_THRESHOLD)
        for a, entry in enumerate(entries)
        for b, e in enumerate(free)
        if entry.text and (score := scorer.similarity(entry.text, e.text)) > EVIDENCE_THRESHOLD
    ]
    return {
        free[b].id: entries[a].evidence or ""
        for a, b in max_weight_matching(len(entries), len(free), edges)
    }


@given(
    st.lists(
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join),
        min_size=1,
        max_size=30,
    )
)
def test_evidence_by_similarity_pairs_as_scoring_every_pair_did(texts: list[str]) -> None:
    # Entries that match nothing by text or id: scored only against expectations sharing their
    # words now, which on a handbook-sized gap is every one that could pair.
    gap = bundled_gap("associate", "senior", include_carried=True)
    entries = [EvidenceEntry(None, text, True, f"e{n}") for n, text in enumerate(texts)]
    applied = apply(gap, *entries)
    assert {e.id: e.evidence for e in applied.expectations if e.evidence} == _all_pairs(
        gap, entries
    )


def _ids(*texts: str, includes: tuple[str, ...] = ()) -> list[str]:
    below = _level("junior", ["Writes code."])
    items = [Statement(t) for t in texts] + [Statement(p, include=p) for p in includes]
    category = Category("craft", ("Craft",), tuple(items))
    above = Level(id="senior", title="Senior", path=Path("senior.md"), categories=(category,))
    framework = Framework("f", "F", Path(), levels=(below, above))
    return [e.id for e in build_gap(diff_levels(framework, below, above)).expectations]


def test_ids_are_unique_past_a_long_shared_opening() -> None:
    shared = " ".join(f"word{n}" for n in range(80))
    ids = _ids(f"{shared} production.", f"{shared} security.")
    assert len(set(ids)) == 2
    assert all(len(i) < 100 for i in ids)  # past 12 shared words, a hash, not the whole text


def test_ids_are_unique_for_statements_without_content_words() -> None:
    ids = _ids("The.", "Of the!", "To be, or to be?")
    assert len(set(ids)) == 3 and all(i.startswith("craft/statement-") for i in ids)


def test_an_include_and_a_statement_of_the_same_words_get_apart() -> None:
    ids = _ids("Include values.", includes=("includes/values.md",))
    assert len(set(ids)) == 2


def test_ids_without_a_clash_are_the_opening_words() -> None:
    assert _ids("Owns the roadmap for the team.", "Leads incident reviews.") == [
        "craft/owns-roadmap-team",
        "craft/leads-incident-reviews",
    ]


@given(
    st.lists(
        st.lists(st.sampled_from(["a1", "b2", "owns", "the", "roadmap", ".", "!"]), max_size=15),
        min_size=1,
        max_size=12,
    ),
    st.randoms(use_true_random=False),
)
def test_ids_are_unique_and_independent_of_order(words: list[list[str]], rng: Any) -> None:
    texts = [" ".join(w) or "." for w in words]
    ids = _ids(*texts)
    assert len(set(ids)) == len(ids)
    shuffled = list(range(len(texts)))
    rng.shuffle(shuffled)
    again = _ids(*(texts[i] for i in shuffled))
    # Identical texts are told apart by order only; every other id follows its text.
    distinct = {t for t in texts if texts.count(t) == 1}
    assert {texts[i]: again[n] for n, i in enumerate(shuffled) if texts[i] in distinct} == {
        t: ids[n] for n, t in enumerate(texts) if t in distinct
    }


def test_a_tick_answers_its_own_expectation_after_a_rewording() -> None:
    # Before, two statements sharing their first 70 words had one id: once the page reworded
    # both, the tick on the first went to whichever came last.
    shared = " ".join(f"word{n}" for n in range(70))
    below = _level("junior", ["Writes code."])
    first, second = f"{shared} production.", f"{shared} security."
    before = _level("senior", [first, second])
    framework = Framework("f", "F", Path(), levels=(below, before))
    ticked = build_gap(diff_levels(framework, below, before)).expectations[0]
    entry = EvidenceEntry(ticked.id, f"{first} Reworded.", True, "done")
    after = _level("senior", [f"{first} Now.", f"{second} Now."])
    gap = apply_evidence(
        build_gap(diff_levels(framework, below, after)), [entry], scorer_for(framework)
    )
    assert [e.status for e in gap.expectations] == ["met", "open"]
