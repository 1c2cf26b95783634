"""Languages: which one a page is in, and what its meaning words are in it."""

from __future__ import annotations

from pathlib import PurePath

import pytest

from career_cli.compare.language import content_words, detect, runs, stop_words
from career_cli.sources.languages import from_code, from_path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ja", "japanese"),
        ("de-DE", "german"),
        ("pt_BR", "portuguese"),
        ("German", "german"),
        ("nb", "norwegian"),
        ("zh-Hant", "chinese"),
        ("tlh", None),
        ("", None),
        (3, None),
    ],
)
def test_a_language_as_users_write_it(value: object, expected: str | None) -> None:
    assert from_code(value) == expected


def test_a_handbook_keeps_translations_under_content_code() -> None:
    assert from_path(PurePath("hb/content/ja/handbook/engineering/x.md")) == "japanese"
    assert from_path(PurePath("hb/content/pt-br/handbook/x.md")) == "portuguese"
    assert from_path(PurePath("hb/content/handbook/engineering/x.md")) is None
    assert from_path(PurePath("docs/ja/x.md")) is None  # only Hugo's content/<code>/ layout


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Takes ownership of the team's on-call rotations and mentors others."], "english"),
        (
            ["Übernimmt Verantwortung für die Rufbereitschaft des Teams und ist ein Vorbild."],
            "german",
        ),
        (
            ["Participe aux rotations d'astreinte de l'équipe et assure le suivi des incidents."],
            "french",
        ),
        (["Participa en las guardias del equipo y ayuda a los demás a crecer."], "spanish"),
        (["チームのオンコールのローテーションに参加する。"], "japanese"),
        (["在团队招聘中发挥重要作用并指导他人"], "chinese"),
        (["팀의 채용 과정에서 중요한 역할을 한다"], "korean"),
        (["Участвует в дежурствах команды и помогает другим расти."], "russian"),
        ([""], "english"),
    ],
)
def test_detection_by_script_then_function_words(texts: list[str], expected: str) -> None:
    assert detect(texts) == expected


def test_each_language_has_its_stemmer_and_stop_words() -> None:
    assert content_words("Übernimmt die Verantwortung für das Team", "german") == [
        "ubernimmt",
        "verantwort",
        "team",
    ]
    assert "the" not in content_words("Owns the roadmap", "english")
    assert content_words("Owns the roadmap", "english") == ["own", "roadmap"]
    assert stop_words("german") and "und" in stop_words("german")
    assert stop_words("klingon") == frozenset()


def test_negations_are_meaning_words_in_every_language() -> None:
    # "does not own" and "owns" must not read the same.
    for language, word in (("english", "not"), ("german", "nicht"), ("french", "pas")):
        assert word not in stop_words(language), language


def test_indic_vowel_signs_stay_in_their_word() -> None:
    assert content_words("वह टीम का नेतृत्व करता है।", "hindi")[:2] == ["टीम", "नेतृत्व"]


def test_cjk_text_becomes_bigrams_katakana_words_and_latin_stems() -> None:
    # Kanji runs are cut into bigrams, a Katakana run is one loanword, Hiragana (grammar) and
    # punctuation drop out, and Latin words inside are stemmed as English.
    assert content_words("チームの採用活動で面接をリードする。GitLab reviews", "japanese") == [
        "チーム",
        "採用",
        "用活",
        "活動",
        "面接",
        "リード",
        "gitlab",
        "review",
    ]
    assert content_words("在团队招聘", "chinese") == ["在团", "团队", "队招", "招聘"]


def test_runs_cut_text_by_script() -> None:
    assert runs("採用プロセスをv2で") == [
        ("han", "採用"),
        ("katakana", "プロセス"),
        ("hiragana", "を"),
        ("latin", "v2"),
        ("hiragana", "で"),
    ]


def test_the_same_text_in_nfc_and_nfd_has_the_same_words() -> None:
    nfc, nfd = "Café reviews", "Cafe\u0301 reviews"
    assert content_words(nfc, "french") == content_words(nfd, "french")
