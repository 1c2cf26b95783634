"""A promotion gap: what a target level expects beyond the current one, and which is met.

Pure functions over a ``LevelDiff``. An expectation is a target-level competency that is *new*
(added), *raised* (a reworded counterpart exists below) or, with ``--all``, *carried* (unchanged).
Each has an id derived from its content — category plus its first content words — so an evidence
file keeps matching after the page is reordered; after a rewording that changes the id, evidence
falls back to matching by text similarity (one to one, by the same optimal assignment as ``diff``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from career_cli.align import include_key
from career_cli.assignment import max_weight_matching
from career_cli.model import DiffOp, Framework, ItemDiff, Level, LevelDiff, Record
from career_cli.similarity import STOP_WORDS, Scorer
from career_cli.text import normalize, plain, slug

Kind = Literal["new", "raised", "carried"]
GapStatus = Literal["met", "open"]
KINDS: dict[str, Kind] = {"added": "new", "changed": "raised", "unchanged": "carried"}

# Evidence written for an expectation whose wording changed since must still find it, while
# evidence for a different statement must not: a stricter bar than diff's pairing threshold.
EVIDENCE_THRESHOLD = 0.3
_ID_WORDS = 5
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True, eq=False, repr=False)
class Expectation(Record):
    id: str
    category_id: str
    category: str
    text: str
    kind: Kind
    previous: str | None
    ops: tuple[DiffOp, ...]
    include: str | None = None
    status: GapStatus = "open"
    evidence: str | None = None


@dataclass(frozen=True, repr=False)
class EvidenceEntry(Record):
    """One entry of an evidence file: a ticked or open item, by id and/or by text."""

    id: str | None
    text: str | None
    met: bool
    evidence: str | None
    line: int = 0


@dataclass(frozen=True, eq=False, repr=False)
class Gap(Record):
    framework: Framework
    current: Level
    target: Level
    expectations: tuple[Expectation, ...]
    unmatched: tuple[EvidenceEntry, ...] = ()
    evidence_path: Path | None = None
    with_evidence: bool = False

    def count(self, *, kind: Kind | None = None, status: GapStatus | None = None) -> int:
        return sum(
            1
            for e in self.expectations
            if (kind is None or e.kind == kind) and (status is None or e.status == status)
        )

    @property
    def open(self) -> int:
        return self.count(status="open")


def expectation_id(category_id: str, text: str, include: str | None, level: Level) -> str:
    """``team-building/plays-integral-role-team-hiring``: readable, and stable under reordering."""
    if include is not None:
        key = include_key(include, level).rsplit("/", 1)[-1].removesuffix(".md")
        return f"{category_id}/include-{slug(key.replace('{level}', 'level'))}"
    words = [w for w in _WORD.findall(plain(text).lower()) if w not in STOP_WORDS]
    return f"{category_id}/{slug('-'.join(words[:_ID_WORDS])) or 'statement'}"


def _expectation(category_id: str, category: str, item: ItemDiff, target: Level) -> Expectation:
    assert item.new is not None
    kind = KINDS[item.status]
    return Expectation(
        id=expectation_id(category_id, item.new.text, item.new.include, target),
        category_id=category_id,
        category=category,
        text=item.new.text,
        kind=kind,
        previous=item.old.text if item.old is not None else None,
        ops=item.ops if kind == "raised" else (),
        include=item.new.include,
    )


def build_gap(diff: LevelDiff, *, include_carried: bool = False) -> Gap:
    """Every target competency that is new or raised (and carried ones, when asked)."""
    expectations: list[Expectation] = []
    seen: dict[str, int] = {}
    for category in diff.categories:
        for item in category.items:
            if item.new is None or (item.status == "unchanged" and not include_carried):
                continue
            expectation = _expectation(category.id, category.title, item, diff.new)
            seen[expectation.id] = seen.get(expectation.id, 0) + 1
            if seen[expectation.id] > 1:  # the same opening words twice in a category
                expectation = replace(expectation, id=f"{expectation.id}-{seen[expectation.id]}")
            expectations.append(expectation)
    return Gap(diff.framework, diff.old, diff.new, tuple(expectations))


def only_categories(gap: Gap, category_ids: set[str]) -> Gap:
    """The gap restricted to some categories (after evidence was matched against all of them)."""
    kept = tuple(e for e in gap.expectations if e.category_id in category_ids)
    return replace(gap, expectations=kept)


def _text_key(text: str | None) -> str:
    return normalize(text or "").casefold()


def apply_evidence(
    gap: Gap,
    entries: list[EvidenceEntry],
    scorer: Scorer,
    *,
    path: Path | None = None,
) -> Gap:
    """Match evidence entries to expectations: by id, then by exact text, then by similarity.

    An expectation is met when its matched entry is ticked. Entries that match nothing are kept
    as ``unmatched`` so the caller can warn about them; nothing is silently dropped.
    """
    expectations = list(gap.expectations)
    matched: dict[int, EvidenceEntry] = {}
    by_id = {e.id: i for i, e in enumerate(expectations)}
    rest: list[EvidenceEntry] = []
    for entry in entries:
        index = by_id.get(entry.id) if entry.id else None
        if index is not None and index not in matched:
            matched[index] = entry
        else:
            rest.append(entry)

    free = [i for i in range(len(expectations)) if i not in matched]
    by_text = {_text_key(expectations[i].text): i for i in free}
    unplaced: list[EvidenceEntry] = []
    for entry in rest:
        index = by_text.pop(_text_key(entry.text), None) if entry.text else None
        if index is not None and index not in matched:
            matched[index] = entry
        else:
            unplaced.append(entry)

    free = [i for i in range(len(expectations)) if i not in matched]
    edges = []
    for a, entry in enumerate(unplaced):
        if not entry.text:
            continue
        for b, index in enumerate(free):
            score = scorer.similarity(entry.text, expectations[index].text)
            if score > EVIDENCE_THRESHOLD:
                edges.append((a, b, score - EVIDENCE_THRESHOLD))
    placed = set()
    for a, b in max_weight_matching(len(unplaced), len(free), edges):
        matched[free[b]] = unplaced[a]
        placed.add(a)

    for index, entry in matched.items():
        expectations[index] = replace(
            expectations[index], status="met" if entry.met else "open", evidence=entry.evidence
        )
    return replace(
        gap,
        expectations=tuple(expectations),
        unmatched=tuple(e for i, e in enumerate(unplaced) if i not in placed),
        evidence_path=path,
        with_evidence=True,
    )
