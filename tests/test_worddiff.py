"""The word diff: readable runs, and the exact reconstruction guarantees renderers rely on."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from career_cli.compare.worddiff import tokens, word_diff
from career_cli.model import DiffOp
from career_cli.text import plain


def marked(ops: tuple[DiffOp, ...]) -> str:
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[op.op].format(op.text) for op in ops)


def side(ops: tuple[DiffOp, ...], hidden: str) -> str:
    return "".join(op.text for op in ops if op.op != hidden)


def test_reworded_statement_reads_word_by_word() -> None:
    ops = word_diff(
        "Recognizes interrupts affecting the team throughput, and exposes them regularly.",
        "Recognizes and actively works to reduce interruptions affecting team throughput.",
    )
    assert marked(ops) == (
        "Recognizes [-interrupts-]{+and actively works to reduce interruptions+} affecting "
        "[-the -]team throughput[-, and exposes them regularly-]."
    )


def test_identical_text_is_one_equal_run() -> None:
    assert word_diff("Same words.", "Same words.") == (DiffOp("equal", "Same words."),)
    assert word_diff("", "") == ()


def test_a_link_is_one_token_compared_on_its_text() -> None:
    assert [t[2] for t in tokens("see [the docs](/a/b) now")] == ["see", "the docs", "now"]
    ops = word_diff("see [docs](/old) now", "see [docs](/new) then")
    assert marked(ops) == "see [docs](/new) [-now-]{+then+}"


def test_small_equal_runs_between_changes_fold_into_the_change() -> None:
    # "a" between two edits reads better as part of one replacement than as a kept word.
    assert marked(word_diff("alpha a beta", "gamma a delta")) == "[-alpha a beta-]{+gamma a delta+}"


def test_punctuation_is_its_own_token() -> None:
    assert marked(word_diff("Owns it.", "Owns it!")) == "Owns it[-.-]{+!+}"


def test_combining_marks_stay_with_their_letter() -> None:
    ops = word_diff("cafe\u0301 open", "cafe\u0301 closed")
    assert ops[0] == DiffOp("equal", "cafe\u0301 ")


words = st.sampled_from(
    [
        "team",
        "the",
        "on-call",
        "[docs](/x)",
        "[docs](/y)",
        "hiring",
        "a",
        ",",
        ".",
        "é",
        "日本",
        "🙂",
    ]
)
texts = st.lists(st.tuples(words, st.sampled_from([" ", " ", "\n\n", ""])), max_size=25).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@given(texts, texts)
def test_equal_and_insert_runs_rebuild_the_new_text_exactly(old: str, new: str) -> None:
    assert side(word_diff(old, new), "delete") == new


@given(texts, texts)
def test_equal_and_delete_runs_rebuild_the_old_text_as_read(old: str, new: str) -> None:
    assert plain(side(word_diff(old, new), "insert")) == plain(old)


@given(texts, texts)
def test_runs_alternate_and_are_never_empty(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert all(op.text for op in ops)
    assert all(a.op != b.op for a, b in pairwise(ops))
    assert all(not (a.op == "insert" and b.op == "delete") for a, b in pairwise(ops))


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_the_fast_tokeniser_cuts_spaced_text_as_the_cjk_one_does(text: str) -> None:
    # Text without CJK takes a pattern that compiles faster; it must cut exactly the same tokens.
    from career_cli.compare import worddiff

    if worddiff._unspaced(text):
        text = "".join(c for c in text if not worddiff._unspaced(c))
    full, _, _ = worddiff._cjk_patterns()
    fast = [(m.start(), m.end(), m.group()) for m in worddiff._SPACED_RE.finditer(text)]
    slow = [(m.start(), m.end(), m.group()) for m in full.finditer(text)]
    assert fast == slow


def test_cjk_text_takes_the_cjk_tokeniser() -> None:
    # Japanese: one token per script run; Chinese (Han without Kana): one per character.
    assert [t[2] for t in tokens("チームを率いる")] == ["チーム", "を", "率", "いる"]
    assert [t[2] for t in tokens("团队合作")] == ["团", "队", "合", "作"]
