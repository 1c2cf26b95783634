"""How alike two statements are in meaning words, for pairing rewordings across levels.

Character ratios cannot tell "Completes required interview training…" ↔ "Plays an integral role in
team hiring through leading interviews…" from unrelated pairs, so we compare content: words are
lower-cased, stop words dropped, the rest Snowball-stemmed (PyStemmer); adjacent content words also
form a bigram feature, because a preserved phrase ("on-call rotations", "team throughput") is strong
evidence of a rewording. Each feature is weighted by its rarity across the framework's statements
(smoothed IDF, squared as in a TF-IDF vector) and the score is the cosine of the two feature sets:
1.0 for the same content words, 0.0 for none shared.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from typing import Any

from career_cli.text import WORD_RE, nfc, plain

DEFAULT_THRESHOLD = 0.10


# The usual English function words (NLTK's list, minus negations, which change meaning, plus
# "also" and "etc."): they pair unrelated statements if they count.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with you your yours yourself yourselves also etc via e.g i.e""".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")  # caches stems itself (10,000 words by default)


def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def content_stems(text: str) -> list[str]:
    """The stems of a statement's content words, in order."""
    words = [
        w
        for w in WORD_RE.findall(plain(nfc(text)).lower())
        if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())
    ]
    return list(_stemmer().stemWords(words)) if words else []


def features(text: str) -> frozenset[str]:
    stems = content_stems(text)
    bigrams = (f"{a} {b}" for a, b in pairwise(stems))
    return frozenset((*stems, *bigrams))


class Scorer:
    """Similarity of statements, with feature weights learned from a corpus of statements.

    The corpus is every statement of the framework, so a word that appears everywhere ("team")
    counts for little and a word that marks a theme ("interview", "on-call") counts for a lot.
    """

    def __init__(self, corpus: Iterable[str]) -> None:
        self._features: dict[str, frozenset[str]] = {}
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
            found = self._features[text] = features(text)
        return found

    def weight(self, feature: str) -> float:
        return self._weights.get(feature, self._unseen)

    def document_frequency(self, feature: str) -> int:
        return self._df.get(feature, 0)

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
        exactly, and the aligner's incremental sums (also in sorted order) equal these.
        """
        weights, unseen = self._weights, self._unseen
        return sum(weights.get(f, unseen) for f in sorted(features))

    def similarity(self, a: str, b: str) -> float:
        shared = self.features(a) & self.features(b)
        if not shared:
            return 0.0
        return min(1.0, self.total(shared) / (self.norm(a) * self.norm(b)))
