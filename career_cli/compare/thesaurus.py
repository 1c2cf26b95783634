"""Synonyms of career-ladder vocabulary: the partial matches soft similarity counts.

Ladders reword a competency with other words for the same thing — "diagnoses failures" becomes
"leads troubleshooting", "hires" becomes "interviews candidates". A thesaurus group lists terms
that ladders use interchangeably, with a strength (1.0: the same thing; 0.5: related). The shipped
groups (``thesaurus.txt``, read from public ladders other than GitLab's; see
``docs/research/thesaurus/``) are English; a framework's configuration adds its own, in its
language. Generic words (team, work, others) and the words that say what a step raises (owns,
leads, across the company) are in no group, so statements that share only those stay apart.

A term is matched by its content-word stems, in order and adjacent, the way the statement's own
words are read (``language.content_words``): "root cause" matches "root-caused" and "the root
causes", "hiring panel" matches only the phrase, never "panel" alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from career_cli.compare.language import content_words
from career_cli.text import bar_rows

Term = tuple[str, ...]


class Thesaurus:
    """Terms (as stem sequences) → the groups they are in, with each group's strength."""

    def __init__(self, groups: Iterable[tuple[float, Sequence[str]]], language: str) -> None:
        self.language = language
        self.groups: list[tuple[float, tuple[Term, ...]]] = []
        self.index: dict[Term, list[int]] = {}
        self.longest = 1
        for strength, words in groups:
            terms = tuple(dict.fromkeys(t for t in (self._term(w) for w in words) if t))
            if len(terms) < 2 or not 0.0 < strength <= 1.0:
                continue
            number = len(self.groups)
            self.groups.append((strength, terms))
            for term in terms:
                self.index.setdefault(term, []).append(number)
                self.longest = max(self.longest, len(term))

    def _term(self, words: str) -> Term:
        return tuple(content_words(words, self.language))

    def __bool__(self) -> bool:
        return bool(self.groups)

    def terms_in(self, stems: Sequence[str]) -> list[Term]:
        """The thesaurus terms a statement's stems contain, longest first where they overlap."""
        found: list[Term] = []
        taken = [False] * len(stems)
        for size in range(min(self.longest, len(stems)), 0, -1):
            for start in range(len(stems) - size + 1):
                term = tuple(stems[start : start + size])
                if term in self.index and not any(taken[start : start + size]):
                    found.append(term)
                    for k in range(start, start + size):
                        taken[k] = True
        return found

    def strength(self, a: Term, b: Term) -> float:
        """How interchangeable two different terms are: the strongest group both are in (links
        are not chained across groups), 0.0 when none."""
        if a == b:
            return 0.0
        groups_a = self.index.get(a, ())
        shared = [g for g in self.index.get(b, ()) if g in groups_a]
        return max((self.groups[g][0] for g in shared), default=0.0)


def parse(text: str, *, source: str = "thesaurus") -> list[tuple[float, list[str]]]:
    """``strength | term, term, …`` lines; ``#`` comments and blank lines skipped. A malformed
    line raises ``ValueError`` naming it (the shipped file is tested; a config's is the user's)."""
    groups = []
    for number, head, terms in bar_rows(text):
        try:
            strength = float(head)
        except ValueError:
            raise ValueError(f"{source}:{number}: expected 'strength | term, term'") from None
        if terms is None or not 0.0 < strength <= 1.0:
            raise ValueError(
                f"{source}:{number}: expected 'strength | term, term', 0 < strength ≤ 1"
            )
        if len(terms) < 2:
            raise ValueError(f"{source}:{number}: a group needs two terms or more")
        groups.append((strength, terms))
    return groups


@cache
def _shipped_groups() -> tuple[tuple[float, tuple[str, ...]], ...]:
    # Beside this module, read as a file: importlib.resources costs more than the reading.
    text = Path(__file__).with_name("thesaurus.txt").read_text("utf-8")
    return tuple(
        (strength, tuple(words)) for strength, words in parse(text, source="thesaurus.txt")
    )


@cache
def for_framework(language: str, synonyms: tuple[str, ...] = ()) -> Thesaurus:
    """The shipped groups (English ones, for English text) and a framework's own ``synonyms``
    (``strength | term, term`` lines from its ``career.toml``), read on first use."""
    groups: list[tuple[float, Sequence[str]]] = []
    if language == "english":
        groups.extend(_shipped_groups())
    groups.extend(parse("\n".join(synonyms), source="career.toml"))
    return Thesaurus(groups, language)
