"""Finding a theme across the ladder: every statement that mentions it, and where it starts.

Matching is by word stem, case-insensitive: "interview" finds "interviews" and "interviewers",
"hiring" finds "hires". Hyphens and apostrophes do not count ("on-call" finds "oncall" and back,
"team" finds "team's"). Every word of the query must appear in a statement, in any order; common
words ("the", "of") are left out of a query that has other words. Statements are searched as read:
links by their text.

Pure functions over the model: no I/O, no rendering.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from career_cli.compare.similarity import STOP_WORDS, stem
from career_cli.errors import UsageError
from career_cli.model import Category, Framework, Level, Statement
from career_cli.text import WORD_RE, nfc, plain

_JOINERS = re.compile(r"['’-]")


@dataclass(frozen=True, eq=False)
class Match:
    """A statement that mentions every term; ``hits`` are spans of ``plain(item.text)``."""

    level: Level
    category: Category
    index: int  # 1-based position in the category
    item: Statement
    hits: tuple[tuple[int, int], ...]


@dataclass(frozen=True, eq=False)
class SearchResult:
    framework: Framework
    query: str
    terms: tuple[str, ...]
    levels: tuple[Level, ...]
    matches: tuple[Match, ...]

    @property
    def first(self) -> Match | None:
        """The earliest match up the ladder: where the theme first appears."""
        return self.matches[0] if self.matches else None

    @property
    def level_count(self) -> int:
        return len({id(m.level) for m in self.matches})


def key(word: str) -> str:
    """The comparison key of a word: in NFC, lower-cased, joiners removed, stemmed."""
    return stem(_JOINERS.sub("", nfc(word).lower()))


def query_terms(query: str) -> tuple[str, ...]:
    """The keys a statement must all contain; a UsageError when the query has no words."""
    words = WORD_RE.findall(query.lower())
    if not words:
        raise UsageError(
            f"nothing to search for in '{query}'",
            hint="search for a word or two, such as: career search interview",
        )
    content = [w for w in words if w not in STOP_WORDS] or words
    return tuple(dict.fromkeys(key(w) for w in content))


def find_terms(text: str, terms: Sequence[str]) -> tuple[tuple[int, int], ...] | None:
    """The spans of ``text`` that match a term, or ``None`` unless every term is there."""
    wanted = set(terms)
    spans = []
    found: set[str] = set()
    for m in WORD_RE.finditer(text):
        word = m.group()
        keys = {key(word)}
        if _JOINERS.search(word):  # "on-call" also matches "call" ... and "team's", "team"
            keys.update(key(part) for part in _JOINERS.split(word) if part)
        hit = keys & wanted
        if hit:
            spans.append((m.start(), m.end()))
            found |= hit
    return tuple(spans) if found == wanted else None


def search(
    framework: Framework,
    query: str,
    *,
    levels: Sequence[Level] | None = None,
    categories: Sequence[str] | None = None,
) -> SearchResult:
    """Every statement of ``levels`` (default: all, in ladder order) that mentions the query.

    ``categories``, when given, are the category ids to search.
    """
    terms = query_terms(query)
    chosen = tuple(levels if levels is not None else framework.levels)
    matches = []
    for level in chosen:
        for category in level.categories:
            if categories is not None and category.id not in categories:
                continue
            for index, item in enumerate(category.items, 1):
                if item.include is not None:
                    continue
                hits = find_terms(plain(item.text), terms)
                if hits is not None:
                    matches.append(Match(level, category, index, item, hits))
    return SearchResult(framework, query, terms, chosen, tuple(matches))


def summary(result: SearchResult) -> str:
    """The first line of every view: where the theme first appears, or that it does not."""
    query = f'"{result.query}"'
    first = result.first
    if first is None:
        return f"{query} does not appear in any level of {result.framework.title}"
    n, levels = len(result.matches), result.level_count
    return (
        f"{query} first appears at {first.level.title} ({first.category.title}) · "
        f"{n} statement{'s' if n != 1 else ''} at {levels} level{'s' if levels != 1 else ''}"
    )
