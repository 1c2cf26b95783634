"""Unit tests for ``career_cli.text``: the one word pattern every module counts words with."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from career_cli.text import MARKS, WORD_RE, collapse


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("on-call, the team’s runbook", ["on-call", "the", "team’s", "runbook"]),
        # Vowel signs and the virama are marks, not \w: without them the word falls apart.
        ("नेतृत्व करना।", ["नेतृत्व", "करना"]),
        ("قيادة الفريق", ["قيادة", "الفريق"]),
        # NFD: the accent is a combining mark after its letter.
        (
            unicodedata.normalize("NFD", "équipe élargie"),
            [unicodedata.normalize("NFD", "équipe"), unicodedata.normalize("NFD", "élargie")],
        ),
        ("_private__names", ["private", "names"]),
    ],
)
def test_words_keep_their_marks(text: str, words: list[str]) -> None:
    assert WORD_RE.findall(text) == words


def test_marks_are_marks_and_never_letters() -> None:
    # Disjoint from \w, so a word cannot be split two ways (no backtracking to blow up).
    mark = re.compile(f"[{MARKS}]")
    chars = [
        chr(c) for c in range(0x10000) if mark.fullmatch(chr(c)) and chr(c) not in "\u200c\u200d"
    ]
    assert "\u0301" in chars and "\u093e" in chars and "\u094d" in chars
    assert all(unicodedata.category(c).startswith("M") for c in chars)
    assert not any(c.isalnum() for c in chars)


@given(st.text())
def test_collapse_is_the_whitespace_pattern(text: str) -> None:
    """``collapse`` joins ``str.split``'s words: the same as replacing ``\\s+`` and stripping."""
    assert collapse(text) == re.sub(r"\s+", " ", text).strip()
