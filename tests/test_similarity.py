"""Similarity of statements in meaning words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from career_cli.similarity import Scorer, content_stems, features

CORPUS = [
    "Participates in the on-call rotations, as defined by their domain requirements.",
    "Sets the standard for handling on-call rotations, and supports others.",
    "Mentors others in the team to help them grow their technical skills.",
    "Contributes to the team culture by participating in team-led initiatives.",
    "Creates and maintains team culture by following the values.",
]


def test_stop_words_go_and_words_are_stemmed() -> None:
    assert content_stems("Leading the interviews and hiring") == ["lead", "interview", "hire"]


def test_links_count_by_their_text() -> None:
    assert content_stems("Adopts [boring solutions](/values/#boring-solutions)") == [
        "adopt",
        "bore",
        "solut",
    ]


def test_adjacent_content_words_form_a_phrase_feature() -> None:
    assert "team throughput" in features("affecting the team throughput")


def test_rare_shared_words_outweigh_common_ones() -> None:
    scorer = Scorer(CORPUS)
    assert scorer.weight("on-cal") > scorer.weight("team")
    rare = scorer.similarity(CORPUS[0], CORPUS[1])
    common = scorer.similarity(CORPUS[3], CORPUS[2])
    assert rare > 0.15 > common


def test_same_content_scores_one_and_nothing_shared_scores_zero() -> None:
    scorer = Scorer(CORPUS)
    assert scorer.similarity(CORPUS[0], CORPUS[0]) == pytest.approx(1.0)
    assert scorer.similarity("Owns hiring.", "Writes proposals.") == 0.0
    assert scorer.similarity("the and of", "the and of") == 0.0


sentences = st.lists(
    st.sampled_from(["team", "on-call", "hiring", "interviews", "mentors", "the", "culture"]),
    max_size=8,
).map(" ".join)


@given(sentences, sentences)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    scorer = Scorer([*CORPUS, a, b])
    assert scorer.similarity(a, b) == scorer.similarity(b, a)
    assert 0.0 <= scorer.similarity(a, b) <= 1.0
