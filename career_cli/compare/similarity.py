"""How alike two statements are in meaning, for pairing rewordings across levels.

Character ratios cannot tell "Completes required interview training…" ↔ "Plays an integral role in
team hiring through leading interviews…" from unrelated pairs, so we compare content. A statement's
features are its meaning words in its language (``language.content_words``: stop words out, the
rest Snowball-stemmed; character bigrams for Chinese, Japanese and Korean) and each pair of
adjacent meaning words, because a preserved phrase ("on-call rotations", "team throughput") is
strong evidence of a rewording. Each feature is weighted by its rarity across the framework's
statements (smoothed IDF, squared as in a TF-IDF vector) and the score is the cosine of the two
feature sets: 1.0 for the same content words, 0.0 for none shared.

Words that share no stem can still mean the same thing ("diagnoses failures" → "leads
troubleshooting"). Terms of one thesaurus group (``thesaurus``) count as partial matches, a soft
cosine: a matched pair of terms adds ``strength × idf(a) × idf(b)`` to the dot product — what the
same word would add, scaled by how interchangeable the two are. Each term is matched at most once,
strongest first, and only when neither side has the other's exact term.

With the optional semantic extra configured, a ``compare.semantic.Semantic`` scores meaning beside
the words, calibrated to this scale, and the similarity is the larger of the two scores.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from career_cli.compare.language import CJK, DEFAULT, content_words
from career_cli.compare.thesaurus import Term, Thesaurus
from career_cli.text import plain

if TYPE_CHECKING:  # only a configured model imports it (and numpy): compare.align.scorer_for
    from career_cli.compare.semantic import Semantic

DEFAULT_THRESHOLD = 0.10

# The English stop words of the first releases (NLTK's list, minus negations, plus "also",
# "etc."), kept for what must not change between releases: the ids of checklist items and
# search queries. Pairing uses the stop list of each statement's language.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with you your yours yourself yourselves also etc via e.g i.e""".split()
)


def stem(word: str, language: str = DEFAULT) -> str:
    from career_cli.compare.language import stemmer

    return str(stemmer(language).stemWord(word))


def content_stems(text: str, language: str = DEFAULT) -> list[str]:
    """The stems of a statement's content words, in order (links read by their text)."""
    return content_words(plain(text), language)


def features(text: str, language: str = DEFAULT) -> frozenset[str]:
    stems = content_stems(text, language)
    if language in CJK:  # character bigrams already hold the order of the characters
        return frozenset(stems)
    bigrams = (f"{a} {b}" for a, b in pairwise(stems))
    return frozenset((*stems, *bigrams))


class Synonym(NamedTuple):
    """A thesaurus match: a term of one statement, a term of the other, and what it added."""

    one: Term
    other: Term
    strength: float
    weight: float


class Scorer:
    """Similarity of statements, with feature weights learned from a corpus of statements.

    The corpus is every statement of the framework, so a word that appears everywhere ("team")
    counts for little and a word that marks a theme ("interview", "on-call") counts for a lot.
    """

    def __init__(
        self,
        corpus: Iterable[str],
        *,
        language: str = DEFAULT,
        thesaurus: Thesaurus | None = None,
        semantic: Semantic | None = None,
    ) -> None:
        self.language = language
        self.thesaurus = thesaurus
        self.semantic = semantic  # the semantic extra's meaning score; None: words only
        self._features: dict[str, frozenset[str]] = {}
        self._terms: dict[str, tuple[Term, ...]] = {}
        self._concepts: dict[str, dict[int, tuple[Term, ...]]] = {}
        self._groups: dict[str, frozenset[int]] = {}
        self._profiles: dict[str, dict[int, frozenset[Term]]] = {}
        self._term_sets: dict[str, frozenset[Term]] = {}
        self._matches: dict[tuple[Term, Term], tuple[float, float]] = {}
        self._norms: dict[str, float] = {}
        df: dict[str, int] = {}
        n = 0
        for text in corpus:
            n += 1
            for feature in self.features(text):
                df[feature] = df.get(feature, 0) + 1
        self._n = n
        self._df = df
        # A feature never seen in the corpus is as rare as can be: df = 0.
        self._unseen = self._idf2(0)
        self._weights = {feature: self._idf2(count) for feature, count in df.items()}

    def _idf2(self, count: int) -> float:
        idf = math.log((self._n + 1) / (count + 1)) + 1.0
        return idf * idf

    def features(self, text: str) -> frozenset[str]:
        found = self._features.get(text)
        if found is None:
            found = self._features[text] = features(text, self.language)
        return found

    def terms(self, text: str) -> tuple[Term, ...]:
        """The thesaurus terms ``text`` contains (none without a thesaurus)."""
        found = self._terms.get(text)
        if found is None:
            if not self.thesaurus:
                found = ()
            else:
                found = tuple(self.thesaurus.terms_in(content_stems(text, self.language)))
            self._terms[text] = found
        return found

    def concepts(self, text: str) -> dict[int, tuple[Term, ...]]:
        """The thesaurus groups ``text`` has a term of, each with those terms: statements that
        share a group are candidates for each other even when they share no word."""
        found = self._concepts.get(text)
        if found is None:
            groups: dict[int, list[Term]] = {}
            if self.thesaurus:
                index = self.thesaurus.index
                for term in self.terms(text):
                    for group in index[term]:
                        groups.setdefault(group, []).append(term)
            found = self._concepts[text] = {g: tuple(terms) for g, terms in groups.items()}
        return found

    def weight(self, feature: str) -> float:
        return self._weights.get(feature, self._unseen)

    def document_frequency(self, feature: str) -> int:
        return self._df.get(feature, 0)

    def term_weight(self, term: Term) -> float:
        """A term's weight: its word's, its two words' phrase's, or for a longer phrase its
        rarest word's."""
        if len(term) == 1:
            return self.weight(term[0])
        if len(term) == 2:
            return self.weight(f"{term[0]} {term[1]}")
        return max(self.weight(word) for word in term)

    def norm(self, text: str) -> float:
        found = self._norms.get(text)
        if found is None:
            found = self._norms[text] = math.sqrt(self.total(self.features(text)))
        return found

    def total(self, features: Iterable[str]) -> float:
        """The summed weight of ``features``, added in sorted order.

        Float addition is not associative, and a frozenset's iteration order changes with the
        hash seed and with how the set was built. Summing in one canonical order makes every score
        the same in every run and in both directions: ``similarity(a, b) == similarity(b, a)``
        exactly.
        """
        weights, unseen = self._weights, self._unseen
        return sum(weights.get(f, unseen) for f in sorted(features))

    def synonyms(self, a: str, b: str) -> list[Synonym]:
        """The thesaurus matches between ``a`` and ``b``, strongest first, each term once, in an
        order that does not depend on which statement is ``a`` (so scores stay symmetric)."""
        if not self.thesaurus:
            return []
        profile_a, profile_b = self._profile(a), self._profile(b)
        shared = profile_a.keys() & profile_b.keys()
        if not shared:
            return []
        terms_a, terms_b = self._term_set(a), self._term_set(b)
        options: dict[tuple[Term, Term], tuple[float, float]] = {}
        for group in shared:  # only terms of one group can match each other
            ones = profile_a[group] - terms_b  # a term both have is an exact match already
            if not ones:
                continue
            others = profile_b[group] - terms_a
            for one in ones:
                for other in others:
                    if (one, other) not in options:
                        options[(one, other)] = self._match(one, other)
        if not options:
            return []
        ranked = sorted(
            (-weight, min(one, other), max(one, other), one, other, strength)
            for (one, other), (strength, weight) in options.items()
        )
        used: set[Term] = set()
        found = []
        for negative, _, _, one, other, strength in ranked:
            if one not in used and other not in used:
                used.update((one, other))
                found.append(Synonym(one, other, strength, -negative))
        return found

    def _profile(self, text: str) -> dict[int, frozenset[Term]]:
        found = self._profiles.get(text)
        if found is None:
            found = self._profiles[text] = {
                group: frozenset(terms) for group, terms in self.concepts(text).items()
            }
        return found

    def group_keys(self, text: str) -> frozenset[int]:
        """The thesaurus groups ``text`` has a term of."""
        found = self._groups.get(text)
        if found is None:
            found = self._groups[text] = frozenset(self.concepts(text))
        return found

    def _term_set(self, text: str) -> frozenset[Term]:
        found = self._term_sets.get(text)
        if found is None:
            found = self._term_sets[text] = frozenset(self.terms(text))
        return found

    def _match(self, one: Term, other: Term) -> tuple[float, float]:
        """(strength, weight added) of matching two terms; the same whichever comes first."""
        key = (one, other) if one <= other else (other, one)
        found = self._matches.get(key)
        if found is None:
            assert self.thesaurus is not None
            strength = self.thesaurus.strength(one, other)
            weight = strength * math.sqrt(self.term_weight(one) * self.term_weight(other))
            found = self._matches[key] = (strength, weight)
        return found

    def soft(self, a: str, b: str) -> float:
        """What the thesaurus matches add to the dot product, summed in a canonical order (the
        same sum either way round)."""
        matches = self.synonyms(a, b)
        return sum(sorted(match.weight for match in matches)) if matches else 0.0

    def similarity(self, a: str, b: str) -> float:
        score = self.lexical(a, b)
        if self.semantic is not None:  # either score can carry a pair: see compare.semantic
            score = max(score, self.semantic.score(a, b))
        return score

    def lexical(self, a: str, b: str) -> float:
        """The word score alone: the soft cosine of the two statements' weighted features."""
        shared = self.features(a) & self.features(b)
        dot = self.total(shared) if shared else 0.0
        soft = self.soft(a, b)
        if soft:
            dot += soft
        if not dot:
            return 0.0
        return min(1.0, dot / (self.norm(a) * self.norm(b)))
