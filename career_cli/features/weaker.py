"""What makes a statement ask less than its counterpart one level down (lint's W203).

The level above's wording asks less when it drops words that state ownership, leadership,
autonomy or scope (``RESPONSIBILITY``: owning, leading, driving, setting, mentoring; acting
independently, proactively, always; "across") without gaining any, or keeps fewer than half of
the content words of the statement below and gains no such word either (``ASKS_MORE`` also
counts words that ask for more only when gained). Words compare by stem, under Unicode NFC.
"""

from __future__ import annotations

from career_cli.compare.similarity import content_stems
from career_cli.features.search import key
from career_cli.text import WORD_RE, plain

# Words that state ownership, leadership, autonomy or scope, compared by stem. Chosen by reading
# the handbook's ladders: nouns and adjectives that only look like them ("established
# processes", "expert help", "defines the problem", "roles and responsibilities") are left out.
RESPONSIBILITY = frozenset(
    key(word)
    for word in (
        "lead owns ownership drives sets mentors coaches champions "
        "independently proactively always accountable across"
    ).split()
)
# Words that ask for more when the level above gains them, but are too often nouns or adjectives
# to count when dropped ("roles and responsibilities", "established processes").
ASKS_MORE = RESPONSIBILITY | frozenset(
    key(word)
    for word in (
        "responsibility ensures establishes defines initiates strategy upholds multiplier "
        "influences enables directs"
    ).split()
)


def _keys(text: str) -> set[str]:
    return {key(word) for word in WORD_RE.findall(plain(text))}


def weaker(below: str, above: str) -> str | None:
    """Why ``above`` asks less than ``below`` (its counterpart one level down), or ``None``."""
    below_keys, above_keys = _keys(below), _keys(above)
    if (above_keys - below_keys) & ASKS_MORE:
        return None  # it gains a responsibility word: it asks for something else, not less
    had, has = below_keys & RESPONSIBILITY, above_keys & RESPONSIBILITY
    if had - has:
        words = [w for w in WORD_RE.findall(plain(below)) if key(w) in had - has]
        shown = ", ".join(f'"{w}"' for w in dict.fromkeys(w.lower() for w in words))
        return f"drops {shown}"
    before, after = len(content_stems(below)), len(content_stems(above))
    if before >= 6 and after * 2 < before:
        return f"keeps {after} of {before} content words"
    return None
