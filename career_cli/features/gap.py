"""A promotion gap: what a target level expects beyond the current one, and which is met.

Pure functions over a ``LevelDiff``. An expectation is a target-level competency that is *new*
(added), *raised* (a reworded counterpart exists below) or, with ``--all``, *carried* (unchanged).
Each has an id derived from its content — category plus its first content words — so an evidence
file keeps matching after the page is reordered; after a rewording that changes the id, evidence
falls back to matching by text similarity (one to one, by the same optimal assignment as ``diff``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from career_cli.compare.assignment import max_weight_matching
from career_cli.compare.pairing import candidates, include_key
from career_cli.compare.similarity import STOP_WORDS, Scorer
from career_cli.features.rating import Rating
from career_cli.model import (
    DiffOp,
    Explanation,
    Framework,
    ItemDiff,
    Level,
    LevelDiff,
    Record,
    Statement,
)
from career_cli.text import WORD_RE, nfc, normalize, plain, slug

if TYPE_CHECKING:
    from career_cli.features.calibration import Calibration

ExpectationKind = Literal["new", "raised", "carried"]
GapStatus = Literal["met", "open"]
KINDS: dict[str, ExpectationKind] = {"added": "new", "changed": "raised", "unchanged": "carried"}

# Evidence written for an expectation whose wording changed since must still find it, while
# evidence for a different statement must not: a stricter bar than diff's pairing threshold.
EVIDENCE_THRESHOLD = 0.3
_ID_WORDS = 5
_MAX_ID_WORDS = 12  # past this many shared words, a hash tells statements apart


@dataclass(frozen=True, eq=False, repr=False)
class Expectation(Record):
    id: str
    category_id: str
    category: str
    text: str
    kind: ExpectationKind
    previous: str | None
    ops: tuple[DiffOp, ...]
    include: str | None = None
    status: GapStatus = "open"
    evidence: str | None = None
    # More statements of the current level that this one covers (a merge): raised from each.
    also_previous: tuple[str, ...] = ()
    explain: Explanation | None = None  # why it is new or raised (--explain)
    change: tuple[str, ...] = ()  # what a raised one raises (features.change_kinds)
    rating: Rating | None = None  # how far the evidence's author judges it met


@dataclass(frozen=True, repr=False)
class EvidenceEntry(Record):
    """One entry of an evidence file: a ticked or open item, by id and/or by text."""

    id: str | None
    text: str | None
    met: bool
    evidence: str | None
    line: int = 0
    rating: Rating | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Gap(Record):
    framework: Framework
    current: Level
    target: Level
    expectations: tuple[Expectation, ...]
    unmatched: tuple[EvidenceEntry, ...] = ()
    evidence_path: Path | None = None
    with_evidence: bool = False
    author: str | None = None  # the evidence file's own ``author:``, written back with it
    calibration: Calibration | None = None  # two people's evidence side by side

    def count(self, *, kind: ExpectationKind | None = None, status: GapStatus | None = None) -> int:
        return sum(
            1
            for e in self.expectations
            if (kind is None or e.kind == kind) and (status is None or e.status == status)
        )

    @property
    def open(self) -> int:
        return self.count(status="open")

    def summary(self) -> str:
        """``14 new · 11 raised`` (and carried, when listed): the headline every view shows."""
        text = f"{self.count(kind='new')} new · {self.count(kind='raised')} raised"
        carried = self.count(kind="carried")
        return f"{text} · {carried} carried" if carried else text


def _id_words(text: str) -> list[str]:
    return [w for w in WORD_RE.findall(plain(nfc(text)).lower()) if w not in STOP_WORDS]


def expectation_id(
    category_id: str, text: str, include: str | None, level: Level, words: int = _ID_WORDS
) -> str:
    """``team-building/plays-integral-role-team-hiring``: readable, and stable under reordering."""
    if include is not None:
        key = include_key(include, level).rsplit("/", 1)[-1].removesuffix(".md")
        return f"{category_id}/include-{slug(key.replace('{level}', 'level'))}"
    return f"{category_id}/{slug('-'.join(_id_words(text)[:words])) or 'statement'}"


def _shared(a: list[str], b: list[str]) -> int:
    """How many opening words two word lists share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha1(normalize(text).encode()).hexdigest()[:6]


def _unique_ids(expectations: list[Expectation], level: Level) -> list[Expectation]:
    """Ids unique by construction, and made from content only, so no id depends on which
    statement comes first.

    An id no other expectation has keeps its first content words. Statements whose ids clash take
    as many words as tell them apart (up to ``_MAX_ID_WORDS``); those that still clash — beyond
    that many shared words, identical content words, no content words at all, an include and a
    statement alike — take a short hash of their text; identical texts repeated in a category are
    told apart by order, and anything still taken by a counter.
    """
    result = list(expectations)
    groups: dict[str, list[int]] = {}
    for index, e in enumerate(result):
        groups.setdefault(e.id, []).append(index)
    hashed: set[int] = set()
    for group in groups.values():
        if len(group) == 1:
            continue
        words = {i: _id_words(result[i].text)[: _MAX_ID_WORDS + 1] for i in group}
        order = sorted((i for i in group if result[i].include is None), key=words.__getitem__)
        for position, index in enumerate(order):
            shared = (
                max(
                    _shared(words[index], words[order[other]])
                    for other in (position - 1, position + 1)
                    if 0 <= other < len(order)
                )
                if len(order) > 1
                else 0
            )
            wanted = max(_ID_WORDS, shared + 1)
            e = result[index]
            if wanted > _MAX_ID_WORDS:
                hashed.add(index)
            else:
                ident = expectation_id(e.category_id, e.text, None, level, wanted)
                result[index] = replace(e, id=ident)
        hashed.update(i for i in group if result[i].include is not None)
    counts: dict[str, int] = {}
    for e in result:
        counts[e.id] = counts.get(e.id, 0) + 1
    taken: set[str] = set()
    for index, e in enumerate(result):
        ident = e.id
        if index in hashed or counts[ident] > 1:
            ident = f"{ident}-{_digest(e.text)}"
        unique, n = ident, 1
        while unique in taken:  # identical texts repeated in one category: only order tells
            n += 1
            unique = f"{ident}-{n}"
        taken.add(unique)
        result[index] = replace(e, id=unique)
    return result


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
        also_previous=tuple(extra.text for _, extra in item.also_old),
        explain=item.explain,
    )


def _split_expectations(
    category_id: str, category: str, item: ItemDiff, target: Level
) -> list[Expectation]:
    """The statements of the target that a split made of one current statement: each raised
    from it, as its partner is."""
    from career_cli.compare.worddiff import word_diff

    assert item.old is not None
    return [
        Expectation(
            id=expectation_id(category_id, extra.text, extra.include, target),
            category_id=category_id,
            category=category,
            text=extra.text,
            kind="raised",
            previous=item.old.text,
            ops=word_diff(item.old.text, extra.text),
            include=extra.include,
        )
        for _, extra in item.also_new
    ]


def _changed(expectations: list[Expectation], diff: LevelDiff) -> list[Expectation]:
    """Each raised expectation with what it raises over everything it is raised from."""
    if not any(e.kind == "raised" and e.include is None for e in expectations):
        return expectations
    from career_cli.features.change_kinds import classifier

    classify = classifier(diff)
    return [
        replace(e, change=classify(" ".join([e.previous or "", *e.also_previous]), e.text))
        if e.kind == "raised" and e.include is None
        else e
        for e in expectations
    ]


def build_gap(diff: LevelDiff, *, include_carried: bool = False) -> Gap:
    """Every target competency that is new or raised (and carried ones, when asked)."""
    expectations = []
    for category in diff.categories:
        for item in category.items:
            if item.new is not None and (item.status != "unchanged" or include_carried):
                expectations.append(_expectation(category.id, category.title, item, diff.new))
            if item.also_new:
                expectations += _split_expectations(category.id, category.title, item, diff.new)
    expectations = _changed(_unique_ids(expectations, diff.new), diff)
    return Gap(diff.framework, diff.old, diff.new, tuple(expectations))


def restrict(gap: Gap, category_ids: set[str], *, carried: bool) -> Gap:
    """The gap limited to some categories, with or without carried expectations — applied after
    evidence was matched against all of them, so entries for what is left out are not mistaken
    for unmatched evidence."""
    kept = tuple(
        e
        for e in gap.expectations
        if e.category_id in category_ids and (carried or e.kind != "carried")
    )
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
    """Match evidence entries to expectations: by exact text, then by id, then by similarity.

    An expectation is met when its matched entry is ticked. Entries that match nothing are kept
    as ``unmatched`` so the caller can warn about them; nothing is silently dropped.
    """
    expectations = list(gap.expectations)
    matched: dict[int, EvidenceEntry] = {}
    # The exact text wins over the id: if statements were reordered, an id made from shared
    # opening words could point at a sibling, but the same text is the same expectation.
    by_text: dict[str, int] = {}
    for position, e in enumerate(expectations):
        by_text.setdefault(_text_key(e.text), position)
    by_id = {e.id: position for position, e in enumerate(expectations)}

    def place(found: int | None, entry: EvidenceEntry, otherwise: list[EvidenceEntry]) -> None:
        if found is not None and found not in matched:
            matched[found] = entry
        else:
            otherwise.append(entry)

    rest: list[EvidenceEntry] = []
    for entry in entries:
        place(by_text.get(_text_key(entry.text)) if entry.text else None, entry, rest)
    unplaced: list[EvidenceEntry] = []
    for entry in rest:
        place(by_id.get(entry.id) if entry.id else None, entry, unplaced)

    # By similarity, one to one: each entry is scored against the expectations that share its
    # rarer words (as diff pairs statements), not against all of them.
    free = [i for i in range(len(expectations)) if i not in matched]
    written = [Statement(entry.text or "") for entry in unplaced]
    wanted = [Statement(expectations[index].text) for index in free]
    with_text = [a for a, entry in enumerate(unplaced) if entry.text]
    edges = [
        (a, b, score - EVIDENCE_THRESHOLD)
        for a, b, score in candidates(
            written, wanted, with_text, list(range(len(free))), scorer, EVIDENCE_THRESHOLD
        )
    ]
    placed = set()
    for a, b in max_weight_matching(len(unplaced), len(free), edges):
        matched[free[b]] = unplaced[a]
        placed.add(a)

    for index, entry in matched.items():
        expectations[index] = replace(
            expectations[index],
            status="met" if entry.met else "open",
            evidence=entry.evidence,
            rating=entry.rating,
        )
    return replace(
        gap,
        expectations=tuple(expectations),
        unmatched=tuple(e for i, e in enumerate(unplaced) if i not in placed),
        evidence_path=path,
        with_evidence=True,
    )
