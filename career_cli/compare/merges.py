"""Merged and split statements: one statement of a level that covers two of the other.

Levels often fold two statements into one. Senior's "Creates, follows, and improves processes and
runbooks to enable themselves, and others to solve problems and make changes in production safely"
covers both of Intermediate's "Reliably follows established processes and runbooks…" and "Makes
changes in production safely…". A one-to-one pairing must call one of them removed, which tells a
reader that Senior drops following runbooks. After the pairing, each statement left without a
partner is checked against the pairs: it is **merged** into a pair's statement of the other level
when

* it is mostly contained in that statement (``CONTAINED`` of its meaning words, weighted by
  rarity, are there), and so is the statement already paired with it;
* together the two cover most of it (``COVERED`` of its meaning words come from one or the other);
* and it brings words of its own: words of the covering statement that its partner lacks.

A split is the same seen from the other side, so a merge in ``diff a b`` is a split in ``diff b
a``. Containment is measured on content-word stems (no phrases: a folded statement keeps its words
but rarely their order), each weighted by its inverse document frequency.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Container, Sequence

from career_cli.compare.similarity import Scorer, content_stems
from career_cli.model import Statement

CONTAINED = 0.4  # "mostly contained": at least this share of a statement's meaning words
COVERED = 0.5  # "mostly the union": at least this share of the covering statement's words


class _Words:
    """Each statement's stems and their weights, computed once."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer
        self._stems: dict[str, frozenset[str]] = {}
        self._weights: dict[str, float] = {}

    def stems(self, text: str) -> frozenset[str]:
        found = self._stems.get(text)
        if found is None:
            found = self._stems[text] = frozenset(content_stems(text, self.scorer.language))
        return found

    def weight(self, words: frozenset[str]) -> float:
        weights = self._weights
        total = 0.0
        for word in sorted(words):
            found = weights.get(word)
            if found is None:
                found = weights[word] = math.sqrt(self.scorer.weight(word))
            total += found
        return total

    def contained(self, part: str, whole: str) -> float:
        words = self.stems(part)
        total = self.weight(words)
        return self.weight(words & self.stems(whole)) / total if total else 0.0

    def folds(self, extra: str, partner: str, whole: str) -> float | None:
        """How strongly ``whole`` covers ``extra`` along with ``partner`` (its containment of
        ``extra``), or ``None`` when it does not."""
        own = self.stems(whole)
        if not (self.stems(extra) & own) - self.stems(partner):
            return None  # it adds nothing its partner does not already bring
        contained = self.contained(extra, whole)
        if contained < CONTAINED or self.contained(partner, whole) < CONTAINED:
            return None
        union = self.stems(extra) | self.stems(partner)
        total = self.weight(own)
        if not total or self.weight(own & union) / total < COVERED:
            return None
        return contained


def find(
    a: Sequence[Statement],
    b: Sequence[Statement],
    pairs: dict[int, int],
    scorer: Scorer,
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """``(merges, splits)`` for one orientation: ``merges[j]`` are the statements of ``a``,
    unpaired, that ``b[j]`` covers along with its partner; ``splits[i]`` the statements of ``b``
    that ``a[i]`` covers along with its partner. Includes (by path) take no part."""
    words = _Words(scorer)
    pairs = {i: j for i, j in pairs.items() if a[i].include is None and b[j].include is None}
    partner_of_b = {j: i for i, j in pairs.items()}
    # Only a statement that shares a word with the extra one can cover it: an index of words.
    covering_b = _index({j: b[j].text for j in partner_of_b}, words)
    covering_a = _index({i: a[i].text for i in pairs}, words)

    def folded(
        extra: Sequence[Statement],
        taken: Container[int],
        covering: dict[str, list[int]],
        sides: Callable[[int], tuple[str, str]],
    ) -> dict[int, list[int]]:
        # A merge is the mirror of a split: the same search with the levels' roles swapped.
        found: dict[int, list[int]] = {}
        for k, item in enumerate(extra):
            if k in taken or item.include is not None:
                continue
            keys = _sharing(item.text, covering, words)
            best = _best(item.text, [(m, *sides(m)) for m in keys], words)
            if best is not None:
                found.setdefault(best, []).append(k)
        return found

    merges = folded(a, pairs, covering_b, lambda j: (a[partner_of_b[j]].text, b[j].text))
    splits = folded(b, partner_of_b, covering_a, lambda i: (b[pairs[i]].text, a[i].text))
    return merges, splits


def _index(texts: dict[int, str], words: _Words) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for key, text in texts.items():
        for word in words.stems(text):
            found.setdefault(word, []).append(key)
    return found


def _sharing(text: str, index: dict[str, list[int]], words: _Words) -> list[int]:
    """The keys of the statements that share a word with ``text``, in key order."""
    return sorted({key for word in words.stems(text) for key in index.get(word, ())})


def _best(extra: str, options: list[tuple[int, str, str]], words: _Words) -> int | None:
    """The option (``key``, partner text, covering text) that covers ``extra`` most; ties go to
    the lowest key, so the result does not depend on the order of the options."""
    found: list[tuple[float, int]] = []
    for key, partner, whole in options:
        strength = words.folds(extra, partner, whole)
        if strength is not None:
            found.append((-strength, key))
    return min(found)[1] if found else None
