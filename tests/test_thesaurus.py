"""The thesaurus: synonyms of ladder vocabulary count as partial matches, nothing else does."""

from __future__ import annotations

import pytest

from career_cli.compare.similarity import Scorer
from career_cli.compare.thesaurus import Thesaurus, for_framework, parse

CORPUS = [
    "Diagnoses failures in production services.",
    "Leads troubleshooting of production incidents across teams.",
    "Writes clear technical proposals for the team.",
    "Hires and onboards new team members.",
    "Interviews candidates and trains interviewers.",
    "Works with the team on team goals.",
    "Owns the team's roadmap.",
]


def test_the_shipped_file_parses_and_every_group_has_two_terms() -> None:
    english = for_framework("english")
    assert len(english.groups) > 100
    assert all(len(terms) >= 2 and 0 < strength <= 1 for strength, terms in english.groups)


@pytest.mark.parametrize("word", ["team", "work", "others", "lead", "own", "help", "company"])
def test_generic_and_ownership_words_are_in_no_group(word: str) -> None:
    # Statements that share only these must stay apart; ownership and scope words say what a
    # step raises, which is not the same competency.
    english = for_framework("english")
    assert (word,) not in english.index and (word.rstrip("s"),) not in english.index


def test_terms_match_as_whole_phrases_by_stem() -> None:
    thesaurus = Thesaurus([(0.8, ["hiring panel", "interview loop"])], "english")
    assert thesaurus.terms_in(["join", "hire", "panel"]) == [("hire", "panel")]
    assert thesaurus.terms_in(["panel", "discuss"]) == []  # "panel" alone is not the phrase


def test_strength_takes_the_strongest_group_and_does_not_chain() -> None:
    thesaurus = Thesaurus(
        [(0.8, ["debug", "troubleshoot"]), (0.5, ["troubleshoot", "fix"])], "english"
    )
    assert thesaurus.strength(("debug",), ("troubleshoot",)) == 0.8
    assert thesaurus.strength(("troubleshoot",), ("fix",)) == 0.5
    assert thesaurus.strength(("debug",), ("fix",)) == 0.0  # no chain through troubleshoot


def test_synonyms_pair_what_shares_no_stem_and_generic_words_do_not() -> None:
    plain = Scorer(CORPUS)
    soft = Scorer(CORPUS, thesaurus=for_framework("english"))
    a, b = CORPUS[0], CORPUS[1]  # diagnoses ↔ troubleshooting
    assert soft.similarity(a, b) > plain.similarity(a, b)
    assert [(s.one, s.other) for s in soft.synonyms(a, b)] == [(("diagnos",), ("troubleshoot",))]
    hires, interviews = CORPUS[3], CORPUS[4]
    assert soft.similarity(hires, interviews) > plain.similarity(hires, interviews)
    # Statements sharing only "team" and "work" stay where they were.
    assert soft.similarity(CORPUS[5], CORPUS[2]) == plain.similarity(CORPUS[5], CORPUS[2])


def test_soft_scores_are_symmetric_to_the_bit() -> None:
    soft = Scorer(CORPUS, thesaurus=for_framework("english"))
    for a in CORPUS:
        for b in CORPUS:
            assert soft.similarity(a, b) == soft.similarity(b, a)
            assert 0.0 <= soft.similarity(a, b) <= 1.0


def test_a_framework_adds_its_own_groups_in_its_language() -> None:
    german = for_framework("german", ("0.8 | ausrollen, bereitstellen",))
    assert german.strength(("ausroll",), ("bereitstell",)) == 0.8
    assert for_framework("german").groups == []  # the shipped groups are English


@pytest.mark.parametrize("line", ["deploy, ship", "2 | a, b", "x | a, b", "0.5 |"])
def test_a_malformed_line_is_named(line: str) -> None:
    with pytest.raises(ValueError, match=r"career\.toml:1"):
        parse(line, source="career.toml")
