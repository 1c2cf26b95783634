"""The N-level view: each competency's path up the ladder, as threads of statements.

A thread is one competency followed from level to level: its statement at the level where it
starts, then at each level above, its counterpart there (the same pairing ``career diff`` makes
between two neighbouring levels), until a level has no counterpart (it is dropped) or the ladder
ends. Chaining the pairwise alignments this way puts every statement of every level in exactly one
thread.

Rows keep the order a reader expects: each level's statements in page order, a thread that ends
staying where it stood (``align.merge_order`` applied to the rows so far and the next level). A
level without the category does not break its threads: the next level that has it continues them.

Pure functions over the model: no I/O, no rendering.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from career_cli.compare.align import diff_category, merge_order, scorer_for
from career_cli.compare.similarity import DEFAULT_THRESHOLD, Scorer
from career_cli.errors import UsageError
from career_cli.model import Category, Competency, DiffOp, Framework, FrameworkConfig, Level

CellStatus = Literal["start", "added", "unchanged", "changed", "split"]


@dataclass(frozen=True, eq=False)
class Cell:
    """A thread's statement at one level, and how it got there from the level below.

    ``start``: the category's first level, nothing to compare with; ``added``: the thread begins
    at this level; ``unchanged``/``changed``: the counterpart of the statement one level down,
    ``ops`` being the word diff from it (``similarity`` as ``career diff`` reports it);
    ``split``: the thread begins here, split from another thread's statement one level down
    (``Thread.split_from``).
    """

    item: Competency
    index: int  # 1-based position in the category at this level
    status: CellStatus
    similarity: float | None
    ops: tuple[DiffOp, ...]


@dataclass(frozen=True, eq=False)
class Thread:
    """One competency across the ladder: a cell per level, ``None`` where it is not."""

    cells: tuple[Cell | None, ...]
    dropped_at: int | None  # the level index at which the category goes on without it
    # Where a merge ends it: the level index at which its statement is folded into another
    # thread's, and that thread (its index in the category); or, for a thread that starts by
    # splitting from another, that thread.
    joined_at: int | None = None
    joins: int | None = None
    split_from: int | None = None

    @property
    def start(self) -> int:
        return next(k for k, cell in enumerate(self.cells) if cell is not None)

    @property
    def end(self) -> int:
        return max(k for k, cell in enumerate(self.cells) if cell is not None)


@dataclass(frozen=True, eq=False)
class LadderCategory:
    id: str
    title: str
    present: tuple[bool, ...]  # which levels have the category
    threads: tuple[Thread, ...]


@dataclass(frozen=True, eq=False)
class Ladder:
    framework: Framework
    levels: tuple[Level, ...]
    categories: tuple[LadderCategory, ...]
    threshold: float


def _by_id(level: Level) -> dict[str, Category]:
    """A level's categories by id; two sections with the same id read as one."""
    found: dict[str, Category] = {}
    for category in level.categories:
        seen = found.get(category.id)
        if seen is None:
            found[category.id] = category
        else:
            items = seen.items + category.items
            found[category.id] = Category(seen.id, seen.parts, items, seen.line)
    return found


def category_order(levels: Sequence[Level]) -> list[str]:
    """Every category id of the levels, each level's order kept, chained up the ladder."""
    order: list[str] = []
    for level in levels:
        ids = list(_by_id(level))
        position = {cid: j for j, cid in enumerate(ids)}
        pairs = {i: position[cid] for i, cid in enumerate(order) if cid in position}
        merged = []
        for i, j in merge_order(pairs, len(order), len(ids)):
            if i is not None:
                merged.append(order[i])
            elif j is not None:
                merged.append(ids[j])
        order = merged
    return order


def _threads(
    ident: str,
    levels: Sequence[Level],
    tables: list[dict[str, Category]],
    scorer: Scorer,
    threshold: float,
    config: FrameworkConfig,
) -> list[Thread]:
    n = len(levels)
    rows: list[list[Cell | None]] = []
    keys: list[int] = []  # each row's identity, which merges and splits refer to
    next_key = 0
    joins: dict[int, tuple[int, int]] = {}  # row key → (level, row key it joins)
    splits: dict[int, int] = {}  # row key → row key it split from
    previous: tuple[int, Category] | None = None
    row_of: dict[int, int] = {}  # index in the previous level's category → row
    for k, level in enumerate(levels):
        category = tables[k].get(ident)
        if category is None:
            continue
        if previous is None:
            rows = [[None] * n for _ in category.items]
            keys = list(range(len(rows)))
            next_key = len(rows)
            for first, item in enumerate(category.items):
                rows[first][k] = Cell(item, first + 1, "start", None, ())
            row_of = {i: i for i in range(len(category.items))}
            previous = (k, category)
            continue
        k0, before = previous
        compared = diff_category(before, category, levels[k0], level, scorer, threshold, config)
        pairs: dict[int, int] = {}
        cells: dict[int, Cell] = {}
        joined: dict[int, int] = {}  # row → the new index whose row it joins
        born: dict[int, int] = {}  # new index → the row it split from
        for entry in compared.items:
            if entry.new is None or entry.new_index is None:
                continue
            j = entry.new_index - 1
            if entry.old_index is None:
                cells[j] = Cell(entry.new, j + 1, "added", None, ())
                continue
            source = row_of[entry.old_index - 1]
            pairs[source] = j
            status: CellStatus = "unchanged" if entry.status == "unchanged" else "changed"
            cells[j] = Cell(entry.new, j + 1, status, entry.similarity, entry.ops)
            for index, _ in entry.also_old:
                joined[row_of[index - 1]] = j
            for index, extra in entry.also_new:
                cells[index - 1] = Cell(extra, index, "split", None, ())
                born[index - 1] = source
        merged: list[list[Cell | None]] = []
        merged_keys: list[int] = []
        row_of = {}
        key_of_new: dict[int, int] = {}
        for r, new in merge_order(pairs, len(rows), len(category.items)):
            row: list[Cell | None] = rows[r] if r is not None else [None] * n
            if r is not None:
                key = keys[r]
            else:
                key, next_key = next_key, next_key + 1
            if new is not None:
                row[k] = cells[new]
                row_of[new] = len(merged)
                key_of_new[new] = key
            merged.append(row)
            merged_keys.append(key)
        for r, j in joined.items():
            joins[keys[r]] = (k, key_of_new[j])
        for j, r in born.items():
            splits[key_of_new[j]] = keys[r]
        rows, keys = merged, merged_keys
        previous = (k, category)
    present = [ident in table for table in tables]
    position = {key: number for number, key in enumerate(keys)}
    threads = []
    for row, key in zip(rows, keys, strict=True):
        end = max(k for k, cell in enumerate(row) if cell is not None)
        joined_at, joins_key = joins.get(key, (None, None))
        dropped = None
        if joined_at is None:
            dropped = next((k for k in range(end + 1, n) if present[k]), None)
        threads.append(
            Thread(
                tuple(row),
                dropped,
                joined_at,
                position[joins_key] if joins_key is not None else None,
                position[splits[key]] if key in splits else None,
            )
        )
    return threads


def build_ladder(
    framework: Framework,
    levels: Sequence[Level] | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    scorer: Scorer | None = None,
) -> Ladder:
    """Threads for every category of ``levels`` (default: the framework's, in ladder order)."""
    chosen = tuple(levels if levels is not None else framework.levels)
    scorer = scorer or scorer_for(framework, *chosen)
    tables = [_by_id(level) for level in chosen]
    categories = []
    for ident in category_order(chosen):
        title = next(table[ident].title for table in reversed(tables) if ident in table)
        categories.append(
            LadderCategory(
                ident,
                title,
                tuple(ident in table for table in tables),
                tuple(_threads(ident, chosen, tables, scorer, threshold, framework.config)),
            )
        )
    return Ladder(framework, chosen, tuple(categories), threshold)


def level_range(framework: Framework, first: Level | None, last: Level | None) -> list[Level]:
    """The levels from ``first`` to ``last`` (inclusive) in ladder order."""
    levels = list(framework.levels)
    start = levels.index(first) if first is not None else 0
    stop = levels.index(last) if last is not None else len(levels) - 1
    if start > stop:
        raise UsageError(
            f"--from {levels[start].title} is above --to {levels[stop].title} on the ladder",
            hint="ladder order: " + ", ".join(level.id for level in levels),
        )
    return levels[start : stop + 1]
