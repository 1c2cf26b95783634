"""Why statements paired as they did: ``career diff --explain`` and ``career gap --explain``.

For each pair: its similarity against the threshold, the features that carried it (shared stems
and phrases, each with its weight: rarer words weigh more), the thesaurus matches and, with the
semantic extra, the meaning score and its cosine, and the
runner-up — the next best statement of the other level. For a statement left without a partner:
the best candidate it had, and why it was not taken (below the threshold, or taken by a pair that
scores higher overall). Nothing here changes a pairing; it reads the one ``align`` made.
"""

from __future__ import annotations

from dataclasses import replace

from career_cli.compare.pairing import candidates
from career_cli.compare.similarity import Scorer
from career_cli.model import (
    Candidate,
    CategoryDiff,
    Explanation,
    ItemDiff,
    LevelDiff,
    Statement,
)
from career_cli.text import collapse

_FEATURES_SHOWN = 8  # the heaviest shared features; the rest add little to read


def _statements(category: CategoryDiff) -> tuple[list[Statement], list[Statement]]:
    """The category's statements at each level, by their 1-based index."""
    old: dict[int, Statement] = {}
    new: dict[int, Statement] = {}
    for item in category.items:
        if item.old is not None and item.old_index is not None:
            old[item.old_index] = item.old
        if item.new is not None and item.new_index is not None:
            new[item.new_index] = item.new
        old.update(dict(item.also_old))
        new.update(dict(item.also_new))
    return [old[k] for k in sorted(old)], [new[k] for k in sorted(new)]


Features = tuple[tuple[str, float], ...]
Synonyms = tuple[tuple[str, str, float, float], ...]


def _carried(scorer: Scorer, a: str, b: str) -> tuple[Features, Synonyms]:
    shared = sorted(scorer.features(a) & scorer.features(b))
    weights = sorted(((f, round(scorer.weight(f), 3)) for f in shared), key=lambda fw: -fw[1])
    synonyms = tuple(
        (" ".join(s.one), " ".join(s.other), s.strength, round(s.weight, 3))
        for s in scorer.synonyms(a, b)
    )
    return tuple(weights[:_FEATURES_SHOWN]), synonyms


def _ranked(
    scores: dict[int, dict[int, float]], index: int, exclude: int | None
) -> list[tuple[float, int]]:
    return sorted((-score, j) for j, score in scores.get(index, {}).items() if j != exclude)


def explain_category(category: CategoryDiff, scorer: Scorer, threshold: float) -> CategoryDiff:
    """The category with an ``Explanation`` on every item."""
    old, new = _statements(category)
    text_old = [i for i, s in enumerate(old) if s.include is None]
    text_new = [j for j, s in enumerate(new) if s.include is None]
    forward: dict[int, dict[int, float]] = {}
    backward: dict[int, dict[int, float]] = {}
    for i, j, score in candidates(old, new, text_old, text_new, scorer, 0.0):
        forward.setdefault(i + 1, {})[j + 1] = score
        backward.setdefault(j + 1, {})[i + 1] = score
    items = tuple(
        replace(item, explain=_explain(item, old, new, forward, backward, scorer, threshold))
        for item in category.items
    )
    return replace(category, items=items)


def _explain(
    item: ItemDiff,
    old: list[Statement],
    new: list[Statement],
    forward: dict[int, dict[int, float]],
    backward: dict[int, dict[int, float]],
    scorer: Scorer,
    threshold: float,
) -> Explanation:
    def candidate(ranked: list[tuple[float, int]], side: list[Statement]) -> Candidate | None:
        if not ranked:
            return None
        negative, index = ranked[0]
        return Candidate(index, side[index - 1].text, round(-negative, 4))

    if item.old is not None and item.new is not None:
        if item.status == "unchanged":
            return Explanation(1.0, threshold, reason="the same statement")
        if item.old.include is not None:
            return Explanation(None, threshold, reason="the same include, for this level")
        features, synonyms = _carried(scorer, item.old.text, item.new.text)
        runner = candidate(_ranked(forward, item.old_index or 0, item.new_index), new)
        score = round(item.similarity, 4) if item.similarity is not None else None
        reason = ""
        if (
            item.old.key
            and item.new.key
            and collapse(item.old.key).casefold() == collapse(item.new.key).casefold()
        ):
            reason = f"the same key, '{item.new.key}'"  # keys pair first (compare.pairing)
        elif (score or 0) <= threshold:
            reason = "paired by a pin in career.toml"
        meaning = None
        if scorer.semantic is not None:  # the semantic extra's part in the similarity
            one, other = item.old.text, item.new.text
            meaning = (
                round(scorer.semantic.score(one, other), 4),
                round(scorer.semantic.cosine(one, other), 4),
            )
        return Explanation(score, threshold, features, synonyms, runner, reason, meaning)
    if item.old is not None:  # removed: its best candidate among the next level's
        ranked = _ranked(forward, item.old_index or 0, None)
        best = candidate(ranked, new)
        return Explanation(None, threshold, runner_up=best, reason=_why_not(best, threshold))
    assert item.new is not None
    best = candidate(_ranked(backward, item.new_index or 0, None), old)
    return Explanation(None, threshold, runner_up=best, reason=_why_not(best, threshold))


def _why_not(best: Candidate | None, threshold: float) -> str:
    if best is None:
        return "no statement of the other level shares a meaning word with it"
    if best.similarity <= threshold:
        return "not above the threshold"
    return "its best candidate pairs better with another statement"


def explain(diff: LevelDiff, scorer: Scorer) -> LevelDiff:
    """``diff`` with every item explained."""
    return replace(
        diff,
        categories=tuple(explain_category(c, scorer, diff.threshold) for c in diff.categories),
    )
