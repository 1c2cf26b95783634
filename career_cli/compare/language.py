"""Which language a statement is in, and what its meaning words are in that language.

Pairing compares statements by their content words, and what a word is depends on the language:
the stemmer and the stop words (Snowball's, for every language PyStemmer has), and, for Chinese,
Japanese and Korean, where words are not separated by spaces, how the text is cut. Those scripts
are cut the way CJK search engines index them: each run of Han, Katakana or Hangul characters
into overlapping character bigrams (a run of one character is a unigram). Hiragana is left out of
the features: in Japanese it carries the grammar (particles, verb endings) that every statement
shares, while the meaning is in the Kanji and Katakana.

A page's language comes from its frontmatter (``lang``, ``language``, ``locale``), a handbook path
(``content/ja/…``), or the framework's configuration; failing those, ``detect`` reads it from the
text: the script (Kana is Japanese, Hangul Korean, Han alone Chinese, …), then, among languages
that share a script, whose stop words the text uses most.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from career_cli.sources.languages import DEFAULT, LANGUAGES, from_code
from career_cli.text import WORD_RE

__all__ = ["CJK", "DEFAULT", "LANGUAGES", "content_words", "detect", "from_code", "runs"]

CJK = frozenset({"japanese", "chinese", "korean"})

# The scripts statements are written in, as (first, last) code points; anything else is "other".
_SCRIPTS = (
    (0x0041, 0x024F, "latin"), (0x0370, 0x03FF, "greek"), (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"), (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"), (0x0900, 0x097F, "devanagari"), (0x0B80, 0x0BFF, "tamil"),
    (0x1100, 0x11FF, "hangul"), (0x1E00, 0x1EFF, "latin"), (0x3040, 0x309F, "hiragana"),
    (0x30A0, 0x30FF, "katakana"), (0x31F0, 0x31FF, "katakana"), (0x3130, 0x318F, "hangul"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xAC00, 0xD7AF, "hangul"),
    (0xF900, 0xFAFF, "han"), (0xFF66, 0xFF9F, "katakana"), (0x20000, 0x2FA1F, "han"),
)  # fmt: skip
# Which languages write in a script; several means: choose by stop words.
_BY_SCRIPT = {
    "latin": (
        "english", "german", "french", "spanish", "portuguese", "italian", "dutch", "danish",
        "swedish", "norwegian", "finnish", "hungarian", "polish", "czech", "romanian",
        "turkish", "indonesian", "catalan", "basque", "irish", "estonian", "lithuanian",
        "esperanto", "sesotho", "serbian",
    ),
    "cyrillic": ("russian", "serbian"),
    "greek": ("greek",),
    "armenian": ("armenian",),
    "hebrew": ("yiddish",),
    "arabic": ("arabic", "persian"),
    "devanagari": ("hindi", "nepali"),
    "tamil": ("tamil",),
}  # fmt: skip
_CONTENT_SCRIPTS = frozenset({"han", "katakana", "hangul"})
# The prolonged sound mark and the middle dot are Katakana in meaning but not in the block test.
_KATAKANA_MARKS = "\u30fc\u30fb\uff70"


def script(char: str) -> str:
    """The script of one character, as this module names them ("other" for the rest)."""
    if char in _KATAKANA_MARKS:
        return "katakana"
    point = ord(char)
    for first, last, name in _SCRIPTS:
        if first <= point <= last:
            return name
    return "other"


def runs(text: str) -> list[tuple[str, str]]:
    """The text cut into runs of one script each, ``(script, run)``, letters and digits only
    (punctuation and spaces end a run). Digits join the run they touch."""
    found: list[tuple[str, str]] = []
    current, kind = "", ""
    for char in text:
        if char.isdigit():
            kind = kind or "latin"
            current += char
            continue
        if not (char.isalpha() or char in _KATAKANA_MARKS or unicodedata.category(char) == "Mn"):
            if current:
                found.append((kind, current))
            current, kind = "", ""
            continue
        if unicodedata.category(char) == "Mn":  # a combining mark stays with its letter
            current += char
            continue
        this = script(char)
        if current and this != kind and not (kind == "latin" and current.isdigit()):
            found.append((kind, current))
            current = ""
        kind = this
        current += char
    if current:
        found.append((kind, current))
    return found


@cache
def stop_words(language: str) -> frozenset[str]:
    """The Snowball (or, for languages Snowball lacks, the Lucene) stop list of ``language``;
    empty for a language we have no list for. Read when first needed."""
    try:
        # Beside this module, read as a file: importlib.resources costs more than the reading.
        text = Path(__file__).with_name("stopwords").joinpath(f"{language}.txt")
        return frozenset(text.read_text(encoding="utf-8").split())
    except (FileNotFoundError, OSError):
        return frozenset()


@cache
def stemmer(language: str) -> Any:
    """PyStemmer's Snowball stemmer for ``language`` (English for a language it lacks, which only
    stems the Latin words inside CJK text). Caches stems itself."""
    import Stemmer

    name = language if language in Stemmer.algorithms() else DEFAULT
    return Stemmer.Stemmer(name)


def content_words(text: str, language: str) -> list[str]:
    """The stems of a statement's meaning words, in order: lower-cased (casefolded), stop words
    out, the rest stemmed. For CJK languages: the character bigrams of each Han, Katakana or
    Hangul run, and the stems of Latin words among them."""
    # One spelling of each character (NFC) and one apostrophe: stop lists use the ASCII one.
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    if language in CJK:
        return _cjk_features(text)
    stops = stop_words(language)
    found = WORD_RE.findall(text.casefold())
    words = [w for w in found if w not in stops and (len(w) > 1 or w.isdigit())]
    return list(stemmer(language).stemWords(words)) if words else []


def _cjk_features(text: str) -> list[str]:
    found: list[str] = []
    latin: list[str] = []
    for kind, run in runs(text):
        if kind == "katakana":  # a loanword, written as one word: チーム, プロセス
            found.append(run)
        elif kind in _CONTENT_SCRIPTS:
            if len(run) == 1:
                found.append(run)
            else:
                found.extend(run[i : i + 2] for i in range(len(run) - 1))
        elif kind == "latin":
            word = run.casefold()
            if word not in stop_words(DEFAULT) and (len(word) > 1 or word.isdigit()):
                latin.append(word)
                found.append("")  # keeps the word's place; filled in below
    if latin:
        stems = iter(stemmer(DEFAULT).stemWords(latin))
        found = [f if f else next(stems) for f in found]
    return found


def detect(texts: Iterable[str]) -> str:
    """The language most of ``texts`` is written in; English when nothing says otherwise.

    A sample of 20,000 characters is read: enough to tell languages apart, and the rest of a
    large framework would only cost time.
    """
    sample: list[str] = []
    size = 0
    for text in texts:
        sample.append(text)
        size += len(text)
        if size >= 20_000:
            break
    letters: Counter[str] = Counter()
    for text in sample:
        if text.isascii():  # most ladders: every letter Latin, counted without a loop in Python
            letters["latin"] += sum(map(str.isalnum, text))
            continue
        for kind, run in runs(text):
            letters[kind] += len(run)
    if not letters:
        return DEFAULT
    total = sum(letters.values())
    if letters["hiragana"] + letters["katakana"] > 0.05 * total:
        return "japanese"
    if letters["hangul"] > 0.3 * total:
        return "korean"
    if letters["han"] > 0.3 * total:
        return "chinese"
    main = max((k for k in letters if k in _BY_SCRIPT), key=letters.__getitem__, default=None)
    if main is None:
        return DEFAULT
    candidates = _BY_SCRIPT[main]
    if len(candidates) == 1:
        return candidates[0]
    words = Counter(w for t in sample for w in WORD_RE.findall(t.casefold()))
    if not words:
        return candidates[0]
    # The language whose function words make up most of the text: they are the commonest words
    # of any text, and few of one language's are another's.
    share = {lang: sum(words[w] for w in words.keys() & stop_words(lang)) for lang in candidates}
    best = max(candidates, key=lambda lang: (share[lang], lang == candidates[0]))
    return best if share[best] else candidates[0]
