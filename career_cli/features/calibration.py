"""Calibration: two people's filled-in checklists of one gap, expectation by expectation.

A promotion case is two views of one checklist — the person's own and their manager's (or an
assessor's). Each view is the gap with that person's evidence applied; a ``Calibration`` lines
them up per expectation and says where they agree. An expectation is **disputed** when one
ticked it and the other did not, or both rated it and the ratings differ; **met** when both
ticked it (and their ratings, if both gave one, agree); **open** when neither did. Disputes come
first, as a calibration meeting takes them first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from career_cli.features.gap import Expectation, Gap
from career_cli.model import Record

Outcome = Literal["disputed", "open", "met"]
OUTCOMES: tuple[Outcome, ...] = ("disputed", "open", "met")  # the order rows are shown in


@dataclass(frozen=True, eq=False, repr=False)
class Assessment(Record):
    """One person's checklist: who wrote it, where it is, and the gap with it applied."""

    author: str
    path: Path
    gap: Gap


@dataclass(frozen=True, eq=False, repr=False)
class Row(Record):
    """One expectation as each view has it (``sides``, in the order of ``assessments``)."""

    expectation: Expectation
    sides: tuple[Expectation, ...]
    outcome: Outcome
    # What the views differ on: "status" (ticked or not), "rating"; empty when they agree.
    differ: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False, repr=False)
class Calibration(Record):
    assessments: tuple[Assessment, ...]
    rows: tuple[Row, ...]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    def summary(self) -> str:
        """``2 disputed · 5 open · 18 met by both``: the line every view ends with."""
        return (
            f"{self.count('disputed')} disputed · {self.count('open')} open · "
            f"{self.count('met')} met by both"
        )


def _row(expectation: Expectation, sides: tuple[Expectation, ...]) -> Row:
    differ = []
    if len({side.status for side in sides}) > 1:
        differ.append("status")
    ratings = {side.rating for side in sides}
    if None not in ratings and len(ratings) > 1:
        differ.append("rating")
    if differ:
        outcome: Outcome = "disputed"
    else:
        outcome = "met" if sides[0].status == "met" else "open"
    return Row(expectation, sides, outcome, tuple(differ))


def _agreed(row: Row) -> Expectation:
    """The expectation as both views agree on it: met only when met by both; a rating only when
    every view gave the same one; no evidence (each view keeps its own)."""
    ratings = {side.rating for side in row.sides}
    return replace(
        row.expectation,
        status="met" if row.outcome == "met" else "open",
        rating=ratings.pop() if len(ratings) == 1 else None,
        evidence=None,
    )


def calibrate(gap: Gap, views: list[Assessment]) -> Gap:
    """``gap`` (without evidence) with the views lined up: its expectations carry what every
    view agrees on, so ``gap.open`` counts disputed ones too; ``gap.calibration`` holds the rows,
    disputed first, then open, then met, each group in the gap's order."""
    by_id = [{e.id: e for e in view.gap.expectations} for view in views]
    rows = [
        _row(e, tuple(ids.get(e.id, e) for ids in by_id))
        for e in gap.expectations
        if all(e.id in ids for ids in by_id)
    ]
    rows.sort(key=lambda row: OUTCOMES.index(row.outcome))  # stable: the gap's order within
    calibration = Calibration(tuple(views), tuple(rows))
    agreed = {row.expectation.id: _agreed(row) for row in rows}
    return replace(
        gap,
        expectations=tuple(agreed.get(e.id, e) for e in gap.expectations),
        unmatched=tuple(u for view in views for u in view.gap.unmatched),
        with_evidence=True,
        calibration=calibration,
    )
