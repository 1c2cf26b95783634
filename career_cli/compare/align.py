"""Aligning two levels: which category and which competency of one level is which of the other.

Pure functions over the model. Categories pair by id (their normalised title). Within a category:

1. statements with the same text (whitespace and link targets aside) pair as ``unchanged``;
2. includes pair by identity — their path with the level's own name taken out, so
   ``associate-technical-competency.md`` pairs with ``senior-technical-competency.md``;
3. the remaining statements pair by meaning (``similarity.Scorer``), one to one, by an optimal
   assignment in which leaving a statement unpaired is priced at the threshold.

The pairing is computed in a canonical orientation and mirrored when needed, so ``diff b a`` is
exactly the mirror of ``diff a b`` whatever the tie-breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeVar

from career_cli.compare.assignment import max_weight_matching
from career_cli.compare.similarity import DEFAULT_THRESHOLD, Scorer
from career_cli.compare.worddiff import word_diff
from career_cli.errors import UsageError
from career_cli.model import (
    Category,
    CategoryDiff,
    Competency,
    DiffOp,
    Framework,
    ItemDiff,
    Level,
    LevelDiff,
    Status,
    TextDiff,
)
from career_cli.text import normalize, slug

# Scale guards, which change nothing for categories of handbook size (up to 50 statements):
# - a feature shared by more than _CANDIDATES statements of the other level is too common to find
#   candidates by; a statement that has one is scored exactly on every feature afterwards;
# - each statement considers only its _CANDIDATES strongest candidates, ranked by the weight of
#   the features they share, so time grows linearly with the number of statements. The
#   assignment is still optimal over those candidates; with at most _CANDIDATES statements on the
#   other side, that is every statement sharing a word.
_CANDIDATES = 50


def corpus(levels: Iterable[Level]) -> list[str]:
    """Every statement's text, the document collection that feature rarity is measured on."""
    return [
        item.text
        for level in levels
        for category in level.categories
        for item in category.items
        if item.include is None
    ]


def scorer_for(framework: Framework, *extra: Level) -> Scorer:
    return Scorer(corpus((*framework.levels, *(lv for lv in extra if lv not in framework.levels))))


def include_key(path: str, level: Level) -> str:
    """An include's identity: its path with the level's own name in the file name made generic."""
    head, _, name = path.replace("\\", "/").rpartition("/")
    names = {level.id.lower(), slug(level.title)}
    parts = re.split(r"([-_.])", name.lower())
    generic = "".join("{level}" if part in names else part for part in parts)
    return f"{head.lower()}/{generic}"


def _identity(item: Competency) -> str:
    return f"include:{item.include}" if item.include is not None else normalize(item.text)


def _pair_in_order(
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
    a: Sequence[Competency],
    b: Sequence[Competency],
    free_a: list[int],
    free_b: list[int],
    scorer: Scorer,
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Scored pairs that share at least one content word and beat the threshold: each of
    ``free_a`` against at most ``_CANDIDATES`` of ``free_b``, found through an index of features,
    so the time grows with the number of statements, not with its square. Pairs by index into
    ``a`` and ``b``."""
    postings: dict[str, list[int]] = {}
    for j in free_b:
        for feature in scorer.features(b[j].text):
            postings.setdefault(feature, []).append(j)
    edges = []
    for i in free_a:
        # The dot product of the two weighted feature sets, accumulated through the postings.
        shared: dict[int, float] = {}
        skipped = False
        for feature in sorted(scorer.features(a[i].text)):  # sorted: the same sum every run
            posting = postings.get(feature, ())
            if len(posting) > _CANDIDATES:
                skipped = True
                continue
            weight = scorer.weight(feature)
            for j in posting:
                shared[j] = shared.get(j, 0.0) + weight
        if len(shared) > _CANDIDATES:
            shared = dict(sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:_CANDIDATES])
        norm = scorer.norm(a[i].text)
        for j in sorted(shared):
            if skipped:  # a common feature was left out of the sum: score on all of them
                score = scorer.similarity(a[i].text, b[j].text)
            else:
                score = min(1.0, shared[j] / (norm * scorer.norm(b[j].text)))
            if score > threshold:
                edges.append((i, j, score))
    return edges


def _pairs(
    a: Sequence[Competency],
    b: Sequence[Competency],
    level_a: Level,
    level_b: Level,
    scorer: Scorer,
    threshold: float,
) -> dict[int, tuple[int, float | None]]:
    """``{index in a: (index in b, similarity)}`` for one orientation."""
    result: dict[int, tuple[int, float | None]] = {}

    def take(pairs: Iterable[tuple[int, int]], score: float | None) -> None:
        for i, j in pairs:
            result[i] = (j, score)
            free_a.remove(i)
            free_b.remove(j)

    free_a, free_b = list(range(len(a))), list(range(len(b)))
    same_a = {i: _identity(a[i]) for i in free_a}
    same_b = {j: _identity(b[j]) for j in free_b}
    take(_pair_in_order(free_a, free_b, same_a, same_b), 1.0)

    inc_a = [i for i in free_a if a[i].include is not None]
    inc_b = [j for j in free_b if b[j].include is not None]
    keys_a = {i: include_key(a[i].include or "", level_a) for i in inc_a}
    keys_b = {j: include_key(b[j].include or "", level_b) for j in inc_b}
    take(_pair_in_order(inc_a, inc_b, keys_a, keys_b), None)

    text_a = [i for i in free_a if a[i].include is None]
    text_b = [j for j in free_b if b[j].include is None]
    edges = candidates(a, b, text_a, text_b, scorer, threshold)
    score = {(i, j): s for i, j, s in edges}
    matched = max_weight_matching(len(a), len(b), [(i, j, s - threshold) for i, j, s in edges])
    for i, j in matched:
        result[i] = (j, score[(i, j)])
    return result


def pair_items(
    old: Sequence[Competency],
    new: Sequence[Competency],
    old_level: Level,
    new_level: Level,
    scorer: Scorer,
    threshold: float = DEFAULT_THRESHOLD,
) -> dict[int, tuple[int, float | None]]:
    """``{old index: (new index, similarity)}``, identical whichever side is called old."""
    old_key = [_identity(c) for c in old]
    new_key = [_identity(c) for c in new]
    if old_key <= new_key:
        return _pairs(old, new, old_level, new_level, scorer, threshold)
    mirrored = _pairs(new, old, new_level, old_level, scorer, threshold)
    return {i: (j, score) for j, (i, score) in mirrored.items()}


def merge_order(
    pairs: dict[int, int], n_old: int, n_new: int
) -> list[tuple[int | None, int | None]]:
    """The new side's order, with each unpaired old entry placed where it stood: right after the
    new position of the nearest paired entry above it (or first, when none is above it)."""
    after: dict[int | None, list[int]] = {}
    anchor: int | None = None
    for i in range(n_old):
        if i in pairs:
            anchor = pairs[i]
        else:
            after.setdefault(anchor, []).append(i)
    new_to_old = {j: i for i, j in pairs.items()}
    order: list[tuple[int | None, int | None]] = [(i, None) for i in after.get(None, [])]
    for j in range(n_new):
        order.append((new_to_old.get(j), j))
        order.extend((i, None) for i in after.get(j, []))
    return order


def _item(
    old: Competency | None,
    new: Competency | None,
    old_index: int | None,
    new_index: int | None,
    similarity: float | None,
) -> ItemDiff:
    if new is None:
        assert old is not None
        return ItemDiff("removed", old, None, old_index, None, None, (DiffOp("delete", old.text),))
    if old is None:
        return ItemDiff("added", None, new, None, new_index, None, (DiffOp("insert", new.text),))
    if _identity(old) == _identity(new):
        return ItemDiff(
            "unchanged", old, new, old_index, new_index, 1.0, word_diff(new.text, new.text)
        )
    return ItemDiff(
        "changed", old, new, old_index, new_index, similarity, word_diff(old.text, new.text)
    )


def diff_category(
    old: Category | None,
    new: Category | None,
    old_level: Level,
    new_level: Level,
    scorer: Scorer,
    threshold: float,
) -> CategoryDiff:
    old_items = old.items if old else ()
    new_items = new.items if new else ()
    paired = pair_items(old_items, new_items, old_level, new_level, scorer, threshold)
    items = []
    for i, j in merge_order({i: j for i, (j, _) in paired.items()}, len(old_items), len(new_items)):
        items.append(
            _item(
                old_items[i] if i is not None else None,
                new_items[j] if j is not None else None,
                i + 1 if i is not None else None,
                j + 1 if j is not None else None,
                paired[i][1] if i is not None and i in paired else None,
            )
        )
    status: Status
    if old is None:
        status = "added"
    elif new is None:
        status = "removed"
    elif all(item.status == "unchanged" for item in items):
        status = "unchanged"
    else:
        status = "changed"
    category = new or old
    assert category is not None
    return CategoryDiff(category.id, category.title, status, tuple(items))


def _occurrences(categories: Sequence[Category]) -> tuple[list[int], dict[int, str]]:
    """Positions and keys for pairing categories by id; the loader merges a repeated heading,
    but a level built in code may still repeat one, and nothing may be lost then either."""
    return list(range(len(categories))), {i: c.id for i, c in enumerate(categories)}


def diff_text(old: str, new: str) -> TextDiff:
    status: Status
    if normalize(old) == normalize(new):
        status = "unchanged"
    elif not old.strip():
        status = "added"
    elif not new.strip():
        status = "removed"
    else:
        status = "changed"
    return TextDiff(status, old, new, word_diff(old, new))


def diff_levels(
    framework: Framework,
    old: Level,
    new: Level,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    scorer: Scorer | None = None,
) -> LevelDiff:
    """Compare two levels category by category, in the new level's order."""
    scorer = scorer or scorer_for(framework, old, new)
    old_at, old_ids = _occurrences(old.categories)
    new_at, new_ids = _occurrences(new.categories)
    pairs = dict(_pair_in_order(old_at, new_at, old_ids, new_ids))
    categories = []
    for i, j in merge_order(pairs, len(old.categories), len(new.categories)):
        categories.append(
            diff_category(
                old.categories[i] if i is not None else None,
                new.categories[j] if j is not None else None,
                old,
                new,
                scorer,
                threshold,
            )
        )
    return LevelDiff(
        framework=framework,
        old=old,
        new=new,
        overview=diff_text(old.overview, new.overview),
        categories=tuple(categories),
        threshold=threshold,
    )


def category_matches(category: Category | CategoryDiff, name: str) -> bool:
    """``--category`` matching: a case-insensitive prefix of the title, the id or the leaf title."""
    wanted = name.strip().lower()
    prefixes = tuple(p for p in (wanted, slug(wanted)) if p)  # "." slugs to "": no prefix at all
    leaf = category.title.rsplit(" › ", 1)[-1]
    candidates = (category.title.lower(), category.id, leaf.lower(), slug(category.title))
    return bool(prefixes) and any(c.startswith(prefixes) for c in candidates)


_Titled = TypeVar("_Titled", Category, CategoryDiff)


def pick_categories(
    categories: Sequence[_Titled], names: Sequence[str], *, where: str
) -> list[_Titled]:
    """The categories ``--category`` prefixes name (all without names); an unknown name is a
    usage error that lists what there is (``where`` says where we looked)."""
    if not names:
        return list(categories)
    for name in names:
        if not any(category_matches(c, name) for c in categories):
            import difflib

            available = ", ".join(dict.fromkeys(c.title for c in categories)) or "none"
            keys = {key: c.title for c in categories for key in (c.id, slug(c.title))}
            keys.update({slug(c.title.rsplit(" › ", 1)[-1]): c.title for c in categories})
            # A prefix is enough to name a category, so a typo is usually in its first word.
            keys.update({word: c.title for c in categories for word in slug(c.title).split("-")})
            close = difflib.get_close_matches(slug(name), list(keys), n=1, cutoff=0.6)
            suggestion = f"did you mean '{keys[close[0]]}'? " if close else ""
            raise UsageError(
                f"no category matches '{name}'",
                hint=f"{suggestion}categories of {where}: {available}",
            )
    return [c for c in categories if any(category_matches(c, n) for n in names)]


def select_categories(diff: LevelDiff, names: Sequence[str]) -> LevelDiff:
    """Keep the categories named by ``--category`` prefixes; an unknown name is a usage error."""
    if not names:
        return diff
    where = f"{diff.old.title} → {diff.new.title}"
    kept = tuple(pick_categories(diff.categories, names, where=where))
    return LevelDiff(
        framework=diff.framework,
        old=diff.old,
        new=diff.new,
        overview=diff.overview,
        categories=kept,
        threshold=diff.threshold,
        hidden_categories=tuple(c.id for c in diff.categories if c not in kept),
    )
