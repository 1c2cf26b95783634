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

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from career_cli.compare.align import diff_category, merge_order, scorer_for
from career_cli.compare.similarity import DEFAULT_THRESHOLD, Scorer
from career_cli.errors import UsageError
from career_cli.model import (
    NO_CONFIG,
    Category,
    DiffOp,
    Framework,
    FrameworkConfig,
    Level,
    Statement,
)

CellStatus = Literal["start", "added", "unchanged", "changed", "split"]
# Cells of a ladder as a table (a cell per level per thread), which JSON and Markdown write in
# full: a ladder of a thousand levels and a thousand threads would be a million of them.
MAX_CELLS = 1_000_000


@dataclass(frozen=True, eq=False)
class Cell:
    """A thread's statement at one level, and how it got there from the level below.

    ``start``: the category's first level, nothing to compare with; ``added``: the thread begins
    at this level; ``unchanged``/``changed``: the counterpart of the statement one level down,
    ``ops`` being the word diff from it (``similarity`` as ``career diff`` reports it);
    ``split``: the thread begins here, split from another thread's statement one level down
    (``Thread.split_from``).
    """

    item: Statement
    index: int  # 1-based position in the category at this level
    status: CellStatus
    similarity: float | None
    ops: tuple[DiffOp, ...]


@dataclass(frozen=True, eq=False)
class Thread:
    """One competency across the ladder: its cells by level index (sparse: a long ladder has many
    levels a thread never reaches), and where it starts, ends and is dropped."""

    at: dict[int, Cell]
    size: int  # the number of levels of the ladder
    start: int
    end: int
    dropped_at: int | None  # the level index at which the category goes on without it
    # Where a merge ends it: the level index at which its statement is folded into another
    # thread's, and that thread (its index in the category); or, for a thread that starts by
    # splitting from another, that thread.
    joined_at: int | None = None
    joins: int | None = None
    split_from: int | None = None

    def cell(self, k: int) -> Cell | None:
        return self.at.get(k)

    @property
    def cells(self) -> tuple[Cell | None, ...]:
        """A cell per level, ``None`` where the thread is not: as long as the ladder."""
        return tuple(self.at.get(k) for k in range(self.size))


@dataclass(frozen=True, eq=False)
class LadderCategory:
    id: str
    title: str
    levels: tuple[int, ...]  # the indexes of the levels that have the category, in order
    threads: tuple[Thread, ...]
    size: int  # the number of levels of the ladder

    @property
    def present(self) -> tuple[bool, ...]:
        """Which levels have the category, one flag per level."""
        having = set(self.levels)
        return tuple(k in having for k in range(self.size))


@dataclass(frozen=True, eq=False)
class Ladder:
    framework: Framework
    levels: tuple[Level, ...]
    categories: tuple[LadderCategory, ...]
    threshold: float

    @property
    def cells(self) -> int:
        """How many cells a table of every thread by every level holds (JSON, Markdown)."""
        return sum(len(c.threads) for c in self.categories) * len(self.levels)


def require_table(ladder: Ladder) -> None:
    """Refuse a ladder whose table (one cell per level per thread) passes ``MAX_CELLS``."""
    if ladder.cells > MAX_CELLS:
        threads = sum(len(c.threads) for c in ladder.categories)
        raise UsageError(
            f"the ladder of {len(ladder.levels):,} levels has {threads:,} threads: "
            f"{ladder.cells:,} cells, more than the {MAX_CELLS:,} a JSON or Markdown table holds",
            hint="take part of it with --from/--to or CATEGORY arguments, or use the text view",
        )


def _by_id(level: Level) -> dict[str, Category]:
    """A level's categories by id (unique: ``Level`` folds a repeated heading into one)."""
    return {category.id: category for category in level.categories}


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


class _Row:
    """A thread being built: its cells, and the rows that follow it in the table (threads that
    ended below it, which move with it when a level reorders its statements)."""

    __slots__ = ("after", "cells", "joins", "split_from")

    def __init__(self) -> None:
        self.cells: dict[int, Cell] = {}
        self.after: list[_Row] = []
        self.joins: tuple[int, _Row] | None = None  # (level, row) a merge folds it into
        self.split_from: _Row | None = None


def _in_order(head: list[_Row], active: list[_Row]) -> list[_Row]:
    """Every row in table order: each followed by the rows that hang after it, depth first."""
    order: list[_Row] = []
    stack = list(reversed([*head, *active]))
    while stack:
        row = stack.pop()
        order.append(row)
        stack.extend(reversed(row.after))
    return order


def _threads(
    ident: str,
    levels: Sequence[Level],
    tables: list[dict[str, Category]],
    having: list[int],
    scorer: Scorer,
    threshold: float,
    config: FrameworkConfig = NO_CONFIG,
) -> list[Thread]:
    """The threads of one category over the levels that have it (``having``, in order).

    Each level places only the rows alive at the level below it (``align.merge_order``'s rule: a
    row that ends stays after the nearest row above it that goes on), so the work is linear in the
    number of cells, however many levels and ended threads there are.
    """
    head: list[_Row] = []  # rows that ended above every row still going on
    active: list[_Row] = []  # the rows of the previous level that has the category, in its order
    previous: tuple[int, Category] | None = None
    for k in having:
        category = tables[k][ident]
        if previous is None:
            active = []
            for first, item in enumerate(category.items):
                row = _Row()
                row.cells[k] = Cell(item, first + 1, "start", None, ())
                active.append(row)
            previous = (k, category)
            continue
        k0, before = previous
        compared = diff_category(before, category, levels[k0], levels[k], scorer, threshold, config)
        placed: list[_Row | None] = [None] * len(category.items)
        cells: dict[int, Cell] = {}
        paired: dict[int, int] = {}
        born: dict[int, _Row] = {}  # a statement split off: the row it split from
        for entry in compared.items:
            if entry.new is None or entry.new_index is None:
                continue
            j = entry.new_index - 1
            if entry.old_index is None:
                cells[j] = Cell(entry.new, j + 1, "added", None, ())
                continue
            paired[entry.old_index - 1] = j
            status: CellStatus = "unchanged" if entry.status == "unchanged" else "changed"
            cells[j] = Cell(entry.new, j + 1, status, entry.similarity, entry.ops)
            target = active[entry.old_index - 1]
            for index, _ in entry.also_old:  # merged: its row ends here, joining the pair's
                active[index - 1].joins = (k, target)
            for index, extra in entry.also_new:
                cells[index - 1] = Cell(extra, index, "split", None, ())
                born[index - 1] = target
        anchor: _Row | None = None
        for i, row in enumerate(active):
            if i in paired:
                anchor = row
                placed[paired[i]] = row
            else:  # it ends: it stays after the nearest row above it that goes on
                (anchor.after if anchor is not None else head).append(row)
        active = []
        for j, row_or_none in enumerate(placed):
            row = row_or_none if row_or_none is not None else _Row()
            row.cells[k] = cells[j]
            if j in born:
                row.split_from = born[j]
            active.append(row)
        previous = (k, category)
    rows = _in_order(head, active)
    number = {id(row): n for n, row in enumerate(rows)}
    threads = []
    for row in rows:
        keys = list(row.cells)  # added in ladder order
        at = bisect.bisect_right(having, keys[-1])
        dropped = having[at] if at < len(having) and row.joins is None else None
        joined_at, joins = (row.joins[0], number[id(row.joins[1])]) if row.joins else (None, None)
        split_from = number[id(row.split_from)] if row.split_from is not None else None
        threads.append(
            Thread(row.cells, len(levels), keys[0], keys[-1], dropped, joined_at, joins, split_from)
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
    having: dict[str, list[int]] = {}
    for k, table in enumerate(tables):
        for ident in table:
            having.setdefault(ident, []).append(k)
    categories = []
    for ident in category_order(chosen):
        at = having[ident]
        categories.append(
            LadderCategory(
                ident,
                tables[at[-1]][ident].title,
                tuple(at),
                tuple(_threads(ident, chosen, tables, at, scorer, threshold, framework.config)),
                len(chosen),
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
