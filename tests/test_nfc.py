"""Identity under Unicode NFC: "é" is the same letter whether composed (U+00E9) or written as
e + U+0301 (NFD, as some editors and file systems save it). Statements, words, ids, categories and
search compare under NFC; what is stored and printed stays exactly as written."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from career_cli.compare.align import diff_levels, scorer_for
from career_cli.compare.similarity import features
from career_cli.compare.worddiff import word_diff
from career_cli.features.gap import build_gap
from career_cli.features.lint import lint
from career_cli.features.search import search
from career_cli.model import Category, Framework, Level, Statement
from career_cli.text import normalize, slug

COMPOSED = "Runs the café's résumé reviews with naïve coöperation."
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)
TITLE = "Qualité"


def level(ident: str, text: str, title: str = TITLE) -> Level:
    category = Category(slug(title), (title,), (Statement(text), Statement("Writes code.")))
    return Level(id=ident, title=ident.title(), path=Path(f"{ident}.md"), categories=(category,))


def test_the_two_forms_differ_as_strings() -> None:
    assert COMPOSED != DECOMPOSED and len(DECOMPOSED) > len(COMPOSED)


def test_a_statement_in_either_form_is_unchanged_and_kept_as_written() -> None:
    old = level("associate", COMPOSED)
    new = level("senior", DECOMPOSED, unicodedata.normalize("NFD", TITLE))
    framework = Framework("f", "F", Path(), levels=(old, new))
    diff = diff_levels(framework, old, new)
    assert diff.counts.as_dict() == {"unchanged": 2, "changed": 0, "added": 0, "removed": 0}
    [category] = diff.categories
    item = category.items[0]
    assert (item.old.text, item.new.text) == (COMPOSED, DECOMPOSED)  # type: ignore[union-attr]


def test_words_compare_under_nfc() -> None:
    assert normalize(COMPOSED) == normalize(DECOMPOSED)
    assert features(COMPOSED) == features(DECOMPOSED)
    assert {op.op for op in word_diff(COMPOSED, DECOMPOSED)} == {"equal"}
    changed = word_diff(COMPOSED, DECOMPOSED.replace("reviews", "audits"))
    assert [op.text for op in changed if op.op != "equal"] == ["reviews", "audits"]


def test_a_changed_word_next_to_a_decomposed_one_is_not_split() -> None:
    runs = word_diff("Leads the cafe\u0301 team.", "Leads the cafe\u0301 crew.")
    assert [(op.op, op.text) for op in runs] == [
        ("equal", "Leads the cafe\u0301 "),
        ("delete", "team"),
        ("insert", "crew"),
        ("equal", "."),
    ]


def test_search_finds_either_form() -> None:
    framework = Framework("f", "F", Path(), levels=(level("senior", DECOMPOSED),))
    result = search(framework, "café")
    [match] = result.matches
    start, end = match.hits[0]
    assert DECOMPOSED[start:end] == unicodedata.normalize("NFD", "café's")


def test_expectation_ids_and_category_ids_do_not_depend_on_the_form() -> None:
    below = level("associate", "Writes code.")
    composed, decomposed = level("senior", COMPOSED), level("staff", DECOMPOSED)
    decomposed = Level(
        id="staff",
        title="Staff",
        path=Path("staff.md"),
        categories=(
            Category(
                slug(unicodedata.normalize("NFD", TITLE)),
                (unicodedata.normalize("NFD", TITLE),),
                (Statement(DECOMPOSED), Statement("Writes code.")),
            ),
        ),
    )
    framework = Framework("f", "F", Path(), levels=(below, composed, decomposed))
    ids = [
        [e.id for e in build_gap(diff_levels(framework, below, target)).expectations]
        for target in (composed, decomposed)
    ]
    assert ids[0] == ids[1] == ["qualité/runs-café-s-résumé-reviews-naïve"]
    assert scorer_for(framework).similarity(COMPOSED, DECOMPOSED) == 1.0


def test_lint_finds_a_statement_repeated_in_the_other_form() -> None:
    category = Category("craft", ("Craft",), (Statement(COMPOSED), Statement(DECOMPOSED, 3)))
    page = Level(id="senior", title="Senior", path=Path("senior.md"), categories=(category,))
    codes = [p.rule.code for p in lint([Framework("f", "F", Path(), levels=(page,))])]
    assert "E108" in codes
