"""Step sizes: what each step up a ladder asks, counted, per category and in total.

A **step** is a pair of adjacent levels. Its statements are counted by what happened to them on
the way up: ``added``; ``raised`` (a changed pair whose new wording raises a scale of a change
kind, ``features.change_kinds``); ``rephrased`` (the same meaning words); ``weaker`` (it asks less,
lint's W203 rule); ``reworded`` (any other changed pair); ``dropped`` (removed); ``unchanged``.
Each raised pair also counts once under every scale it raises (``kinds``). The **size** of a step
is what it asks beyond the level below: added + raised + reworded.

For a picture, ``segments`` splits a step into parts that add up to the statements it changes,
in a fixed order: added, one part per scale (a pair raising two scales gives half to each, so
the parts still add up), reworded, rephrased, weaker, dropped. Every view draws the same parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from career_cli.model import CHANGE_SCALES, Framework, ItemDiff, Level, LevelDiff, Record

COUNTS = ("added", "raised", "reworded", "rephrased", "weaker", "dropped", "unchanged")
SEGMENTS = ("added", *CHANGE_SCALES, "reworded", "rephrased", "weaker", "dropped")


@dataclass(frozen=True, eq=False, repr=False)
class StepCounts(Record):
    """Statements by what a step did to them (``COUNTS``), and raised pairs by scale."""

    counts: dict[str, int]
    kinds: dict[str, int]
    segments: dict[str, float]

    @property
    def size(self) -> int:
        """What the step asks beyond the level below: added, raised and reworded statements."""
        return self.counts["added"] + self.counts["raised"] + self.counts["reworded"]

    def summary(self) -> str:
        """What a step's bar is made of, in words, as every view says it: ``6 added · 3 raised
        (autonomy 1, ownership 2) · 1 dropped``."""
        found = [f"{self.counts['added']} added"] if self.counts["added"] else []
        if self.counts["raised"]:
            kinds = ", ".join(f"{k} {n}" for k, n in self.kinds.items() if n)
            found.append(f"{self.counts['raised']} raised ({kinds})")
        found += [
            f"{self.counts[n]} {n}"
            for n in ("reworded", "rephrased", "weaker", "dropped")
            if self.counts[n]
        ]
        return " · ".join(found) or "no change"

    @property
    def changed(self) -> float:
        """Every statement the step changes: the length of its bar."""
        return sum(self.segments.values())


@dataclass(frozen=True, eq=False, repr=False)
class StepCategory(Record):
    id: str
    title: str
    counts: StepCounts


@dataclass(frozen=True, eq=False, repr=False)
class Step(Record):
    """One step up the ladder: from ``below`` to ``above``, per category and in total."""

    below: Level
    above: Level
    categories: tuple[StepCategory, ...]
    total: StepCounts


@dataclass(frozen=True, eq=False, repr=False)
class Steps(Record):
    framework: Framework
    levels: tuple[Level, ...]
    steps: tuple[Step, ...]
    threshold: float


def state(item: ItemDiff) -> str:
    """What a step did to one item, as ``COUNTS`` names it; a changed pair by its change kinds
    (raising a scale wins over ``weaker``, which a tag list may also hold)."""
    if item.status == "added":
        return "added"
    if item.status == "removed":
        return "dropped"
    if item.status == "unchanged":
        return "unchanged"
    if any(kind in CHANGE_SCALES for kind in item.change):
        return "raised"
    for kind in ("rephrased", "weaker"):
        if kind in item.change:
            return kind
    return "reworded"


def tally(items: Sequence[ItemDiff]) -> StepCounts:
    counts = dict.fromkeys(COUNTS, 0)
    kinds = dict.fromkeys(CHANGE_SCALES, 0)
    segments = dict.fromkeys(SEGMENTS, 0.0)
    for item in items:
        found = state(item)
        counts[found] += 1
        if found == "raised":
            scales = [kind for kind in item.change if kind in CHANGE_SCALES]
            for scale in scales:
                kinds[scale] += 1
                segments[scale] += 1 / len(scales)
        elif found != "unchanged":
            segments[found] += 1
    return StepCounts(counts, kinds, segments)


def step_of(diff: LevelDiff) -> Step:
    """The counts of one tagged comparison of adjacent levels."""
    categories = tuple(
        StepCategory(category.id, category.title, tally(category.items))
        for category in diff.categories
    )
    every = [item for category in diff.categories for item in category.items]
    return Step(diff.old, diff.new, categories, tally(every))


def build_steps(
    framework: Framework, levels: Sequence[Level], *, threshold: float, categories: set[str]
) -> Steps:
    """Every step between adjacent ``levels`` (in ladder order), each comparison scored with the
    framework's word weights, as ``career diff`` scores it; only ``categories`` (ids) when given."""
    from dataclasses import replace

    from career_cli.compare.align import diff_levels, scorer_for
    from career_cli.features.change_kinds import tag_diff

    scorer = scorer_for(framework)
    steps = []
    for below, above in pairwise(levels):
        diff = diff_levels(framework, below, above, threshold=threshold, scorer=scorer)
        if categories:
            kept = tuple(c for c in diff.categories if c.id in categories)
            diff = replace(diff, categories=kept)
        steps.append(step_of(tag_diff(diff)))
    return Steps(framework, tuple(levels), tuple(steps), threshold)
