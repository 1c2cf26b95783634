"""Which language a page says it is in: the names of languages, as users write them.

A page names its language in its frontmatter (``lang: ja``, ``language: German``,
``locale: pt_BR``), a handbook keeps translations under ``content/<code>/`` (Hugo's multilingual
layout), and a framework's ``career.toml`` may set one. This module turns any of those spellings
into the one name the rest of ``career`` uses — PyStemmer's algorithm name (``german``), or
``japanese``, ``chinese``, ``korean`` — and knows nothing of stemming or detection, which belong to
``compare.language``.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import PurePath

DEFAULT = "english"
_LOCALE_RE = re.compile(r"[a-z]{2,3}(?:[-_][a-z]{2,4})?")

# ISO 639-1 and -2 codes and English names → the name PyStemmer's algorithm and our stop list
# use. Norwegian Bokmål and Nynorsk share Snowball's Norwegian stemmer.
_CODES = {
    "ar": "arabic", "ara": "arabic", "hy": "armenian", "hye": "armenian", "arm": "armenian",
    "eu": "basque", "eus": "basque", "baq": "basque", "ca": "catalan", "cat": "catalan",
    "cs": "czech", "ces": "czech", "cze": "czech", "da": "danish", "dan": "danish",
    "nl": "dutch", "nld": "dutch", "dut": "dutch", "en": "english", "eng": "english",
    "eo": "esperanto", "epo": "esperanto", "et": "estonian", "est": "estonian",
    "fi": "finnish", "fin": "finnish", "fr": "french", "fra": "french", "fre": "french",
    "de": "german", "deu": "german", "ger": "german", "el": "greek", "ell": "greek",
    "gre": "greek", "hi": "hindi", "hin": "hindi", "hu": "hungarian", "hun": "hungarian",
    "id": "indonesian", "ind": "indonesian", "ga": "irish", "gle": "irish", "it": "italian",
    "ita": "italian", "lt": "lithuanian", "lit": "lithuanian", "ne": "nepali", "nep": "nepali",
    "no": "norwegian", "nor": "norwegian", "nb": "norwegian", "nob": "norwegian",
    "nn": "norwegian", "nno": "norwegian", "fa": "persian", "fas": "persian", "per": "persian",
    "pl": "polish", "pol": "polish", "pt": "portuguese", "por": "portuguese",
    "ro": "romanian", "ron": "romanian", "rum": "romanian", "ru": "russian", "rus": "russian",
    "sr": "serbian", "srp": "serbian", "st": "sesotho", "sot": "sesotho", "es": "spanish",
    "spa": "spanish", "sv": "swedish", "swe": "swedish", "ta": "tamil", "tam": "tamil",
    "tr": "turkish", "tur": "turkish", "yi": "yiddish", "yid": "yiddish", "ja": "japanese",
    "jpn": "japanese", "zh": "chinese", "zho": "chinese", "chi": "chinese", "ko": "korean",
    "kor": "korean",
}  # fmt: skip
LANGUAGES = frozenset(_CODES.values())


def from_code(value: object) -> str | None:
    """The language a frontmatter or config value names (``ja``, ``de-DE``, ``pt_BR``,
    ``German``), or ``None`` when it names none we know."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower().replace("_", "-")
    if text in LANGUAGES:
        return text
    return _CODES.get(text.split("-", 1)[0])


def from_path(path: PurePath) -> str | None:
    """The language of a page under Hugo's ``content/<code>/`` (``content/ja/handbook/…``)."""
    parts = [part.lower() for part in path.parts]
    for parent, part in pairwise(parts):
        if parent == "content" and _LOCALE_RE.fullmatch(part):
            return from_code(part)
    return None
