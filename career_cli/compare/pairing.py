"""Pairing the statements of one category at two levels: which statement is which.

1. statements with the same text (whitespace and link targets aside) pair as ``unchanged``;
2. includes pair by identity — their path with the level's own name taken out, so
   ``associate-technical-competency.md`` pairs with ``senior-technical-competency.md``;
3. pairs a framework's ``career.toml`` pins pair next, and the ones it keeps apart never pair;
   then statements whose ``key`` is the same (a table row's name, case and spacing aside): one
   each side pair at once, several (a cell of several statements) pair by similarity among them;
4. the remaining statements pair by meaning (``similarity.Scorer``), one to one, by an optimal
   assignment in which leaving a statement unpaired is priced at the threshold;
5. a statement left unpaired that is folded into a pair's statement of the other level joins that
   pair as a merge (or a split, seen from the other side): ``merges``.

The pairing is computed in a canonical orientation and mirrored when needed, so ``diff b a`` is
exactly the mirror of ``diff a b`` whatever the tie-breaks; a merge one way is a split the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from career_cli.compare import merges
from career_cli.compare.assignment import max_weight_matching
from career_cli.compare.similarity import DEFAULT_THRESHOLD, STOP_WORDS, Scorer
from career_cli.model import NO_CONFIG, FrameworkConfig, Level, Pin, Statement
from career_cli.text import WORD_RE, collapse, normalize, plain, slug

# Scale guards, which change nothing for categories of handbook size (up to 20 statements):
# - a feature shared by more than _COMMON statements of the other level is too common to find
#   candidates by (every candidate is still scored exactly, on every feature);
# - each statement considers only its _CANDIDATES strongest candidates, ranked by the weight of
#   the features they share, so time grows linearly with the number of statements. The
#   assignment is still optimal over those candidates; with at most _CANDIDATES statements on the
#   other side, that is every statement sharing a word. 20, not 50: precision and recall on the
#   labelled ladders (benchmarks/pairing) are the same, and each statement scores 30 fewer pairs.
_CANDIDATES = 20
_COMMON = 50


def include_key(path: str, level: Level) -> str:
    """An include's identity: its path with the level's own name in the file name made generic."""
    head, _, name = path.replace("\\", "/").rpartition("/")
    names = {level.id.lower(), slug(level.title)}
    parts = re.split(r"([-_.])", name.lower())
    generic = "".join("{level}" if part in names else part for part in parts)
    return f"{head.lower()}/{generic}"


def identity(item: Statement) -> str:
    return f"include:{item.include}" if item.include is not None else normalize(item.text)


def pair_in_order(
    free_a: list[int],
    free_b: list[int],
    key_a: dict[int, str],
    key_b: dict[int, str],
) -> list[tuple[int, int]]:
    """Pairs items with equal keys, the k-th occurrence on one side with the k-th on the other."""
    waiting: dict[str, list[int]] = {}
    for j in free_b:
        waiting.setdefault(key_b[j], []).append(j)
    pairs = []
    for i in free_a:
        queue = waiting.get(key_a[i])
        if queue:
            pairs.append((i, queue.pop(0)))
    return pairs


def candidates(
    a: Sequence[Statement],
    b: Sequence[Statement],
    free_a: list[int],
    free_b: list[int],
    scorer: Scorer,
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Scored pairs that share a content word or a thesaurus group and beat the threshold: each
    of ``free_a`` against at most ``_CANDIDATES`` of ``free_b``, found through an index of
    features, so the time grows with the number of statements, not with its square. Pairs by
    index into ``a`` and ``b``.

    With the semantic extra, a pair can also be a candidate by meaning alone: every pair of the
    category is scored by meaning at once (a matrix product), and each statement adds its
    ``_CANDIDATES`` best by meaning that beat the threshold."""
    postings: dict[str, list[int]] = {}
    groups: dict[int, list[int]] = {}
    for j in free_b:
        for feature in scorer.features(b[j].text):
            postings.setdefault(feature, []).append(j)
        for group in scorer.concepts(b[j].text):
            groups.setdefault(group, []).append(j)
    # The semantic extra (compare.semantic): every pair's meaning score at once, as a matrix.
    semantic = scorer.semantic
    meaning = None
    if semantic is not None and free_a and free_b:
        meaning = semantic.scores([a[i].text for i in free_a], [b[j].text for j in free_b])
    column = {j: k for k, j in enumerate(free_b)}
    edges = []
    for row, i in enumerate(free_a):
        # The dot product of the two weighted feature sets, accumulated through the postings in
        # sorted feature order: the very sum ``similarity`` makes, so the scores are the same.
        shared: dict[int, float] = {}
        skipped = False
        for feature in sorted(scorer.features(a[i].text)):
            posting = postings.get(feature, ())
            if len(posting) > _COMMON:
                skipped = True
                continue
            weight = scorer.weight(feature)
            for j in posting:
                shared[j] = shared.get(j, 0.0) + weight
        for group in sorted(scorer.concepts(a[i].text)):
            for j in groups.get(group, ())[: _CANDIDATES + 1]:
                shared.setdefault(j, 0.0)
        pruned = len(shared) > _CANDIDATES
        if pruned:
            shared = dict(sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:_CANDIDATES])
        norm = scorer.norm(a[i].text)
        own_groups = scorer.group_keys(a[i].text)
        by_meaning = set()
        if semantic is not None and meaning is not None:
            by_meaning = {free_b[k] for k in semantic.best(meaning[row], threshold, _CANDIDATES)}
            row_meaning = meaning[row].tolist()  # Python floats: the same values, read faster
        for j in sorted(shared.keys() | by_meaning):
            if j not in shared:  # by meaning alone: no word in common, unless one was set aside
                score = scorer.lexical(a[i].text, b[j].text) if skipped or pruned else 0.0
            elif skipped:  # a common feature was left out of the sum: score on all of them
                score = scorer.lexical(a[i].text, b[j].text)
            else:
                dot = shared[j]
                # Synonyms can only add where the two share a thesaurus group.
                soft = scorer.soft(a[i].text, b[j].text) if own_groups else 0.0
                if soft:
                    dot += soft
                score = min(1.0, dot / (norm * scorer.norm(b[j].text))) if dot else 0.0
            if meaning is not None:  # as ``similarity`` combines them (the same float)
                score = max(score, row_meaning[column[j]])
            if score > threshold:
                edges.append((i, j, score))
    return edges


def named(name: str, category_id: str, item: Statement) -> bool:
    """Whether a pin's ``name`` names ``item``: the opening words of its text as read (case and
    spacing aside), or its checklist id (``team-building/plays-integral-role-team-hiring``)."""
    wanted = collapse(name).casefold()
    if not wanted or item.include is not None:
        return False
    if collapse(plain(item.text)).casefold().startswith(wanted):
        return True
    words = [w for w in WORD_RE.findall(plain(item.text).lower()) if w not in STOP_WORDS]
    return wanted == f"{category_id}/{slug('-'.join(words[:5]))}"


def pinned(
    pins: Iterable[Pin],
    category_id: str,
    a: Sequence[Statement],
    b: Sequence[Statement],
) -> set[tuple[int, int]]:
    """The (a, b) index pairs that pins name, either way round (a pin names the level below
    first, and the pairing may run in either orientation)."""
    found = set()
    for pin in pins:
        for i, one in enumerate(a):
            for j, other in enumerate(b):
                if (named(pin.old, category_id, one) and named(pin.new, category_id, other)) or (
                    named(pin.new, category_id, one) and named(pin.old, category_id, other)
                ):
                    found.add((i, j))
    return found


def key_pairs(
    a: Sequence[Statement],
    b: Sequence[Statement],
    free_a: list[int],
    free_b: list[int],
    scorer: Scorer,
    apart: set[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Pairs of statements with the same key (``Statement.key``, case and spacing aside). A key
    with one statement each side pairs them; with more (a cell that holds several statements),
    the optimal assignment by similarity among them, so the one left over pairs as any other."""
    groups: dict[str, tuple[list[int], list[int]]] = {}
    for side, items, free in ((0, a, free_a), (1, b, free_b)):
        for k in free:
            if items[k].key:
                groups.setdefault(collapse(items[k].key or "").casefold(), ([], []))[side].append(k)
    found = []
    for left, right in groups.values():
        if len(left) == 1 and len(right) == 1:
            found.append((left[0], right[0]))
        elif left and right:
            # Every pair of the key may pair: a tiny weight above nothing keeps dissimilar ones.
            edges = [
                (i, j, scorer.similarity(a[i].text, b[j].text) + 1e-6) for i in left for j in right
            ]
            found.extend(max_weight_matching(len(a), len(b), edges))
    return [pair for pair in sorted(found) if pair not in apart]


class Pairing(NamedTuple):
    """``pairs``: ``{index in a: (index in b, similarity)}``; ``merges``: ``{index in b: [indexes
    in a]}`` folded into b's statement beside its partner; ``splits``: ``{index in a: [indexes in
    b]}`` folded into a's."""

    pairs: dict[int, tuple[int, float | None]]
    merges: dict[int, list[int]]
    splits: dict[int, list[int]]

    def mirrored(self) -> Pairing:
        return Pairing(
            {j: (i, score) for i, (j, score) in self.pairs.items()}, self.splits, self.merges
        )


def _pairs(
    a: Sequence[Statement],
    b: Sequence[Statement],
    level_a: Level,
    level_b: Level,
    scorer: Scorer,
    threshold: float,
    config: FrameworkConfig,
    category_id: str,
) -> Pairing:
    """The pairing in one orientation."""
    result: dict[int, tuple[int, float | None]] = {}

    def take(pairs: Iterable[tuple[int, int]], score: float | None = 1.0) -> None:
        for i, j in pairs:
            if i in free_a and j in free_b:  # a pin may name a statement already paired
                result[i] = (j, score)
                free_a.remove(i)
                free_b.remove(j)

    free_a, free_b = list(range(len(a))), list(range(len(b)))
    same_a = {i: identity(a[i]) for i in free_a}
    same_b = {j: identity(b[j]) for j in free_b}
    take(pair_in_order(free_a, free_b, same_a, same_b))

    inc_a = [i for i in free_a if a[i].include is not None]
    inc_b = [j for j in free_b if b[j].include is not None]
    keys_a = {i: include_key(a[i].include or "", level_a) for i in inc_a}
    keys_b = {j: include_key(b[j].include or "", level_b) for j in inc_b}
    take(pair_in_order(inc_a, inc_b, keys_a, keys_b), None)

    apart: set[tuple[int, int]] = set()
    if config.pairs or config.apart:
        for i, j in sorted(pinned(config.pairs, category_id, a, b)):
            take([(i, j)], scorer.similarity(a[i].text, b[j].text))
        apart = pinned(config.apart, category_id, a, b)

    if any(item.key for item in a) and any(item.key for item in b):
        for i, j in key_pairs(a, b, free_a, free_b, scorer, apart):
            take([(i, j)], scorer.similarity(a[i].text, b[j].text))

    text_a = [i for i in free_a if a[i].include is None]
    text_b = [j for j in free_b if b[j].include is None]
    edges = [
        edge
        for edge in candidates(a, b, text_a, text_b, scorer, threshold)
        if (edge[0], edge[1]) not in apart
    ]
    score = {(i, j): s for i, j, s in edges}
    matched = max_weight_matching(len(a), len(b), [(i, j, s - threshold) for i, j, s in edges])
    for i, j in matched:
        result[i] = (j, score[(i, j)])
    folded_into_b, folded_into_a = merges.find(a, b, {i: j for i, (j, _) in result.items()}, scorer)
    return Pairing(result, folded_into_b, folded_into_a)


def pair_items(
    old: Sequence[Statement],
    new: Sequence[Statement],
    old_level: Level,
    new_level: Level,
    scorer: Scorer,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    config: FrameworkConfig = NO_CONFIG,
    category_id: str = "",
) -> Pairing:
    """The pairing of ``old`` and ``new``, identical whichever side is called old."""
    old_key = [identity(c) for c in old]
    new_key = [identity(c) for c in new]
    args = (scorer, threshold, config, category_id)
    if old_key <= new_key:
        return _pairs(old, new, old_level, new_level, *args)
    return _pairs(new, old, new_level, old_level, *args).mirrored()
