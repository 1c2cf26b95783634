"""The terminal view of ``career ladder``: threads as rows, levels as columns.

Columns never get narrower than ``MIN_COLUMN``: with more levels than fit, each category is shown
in level windows (levels 1–3, then 4–6), rows numbered so a thread can be followed from one window
to the next; when not even two columns fit, threads are stacked, one level per line.

A cell shows that level's wording. Against the level below: ``=`` unchanged (the wording is not
repeated, except in a window's first column, so each window reads on its own), ``~`` changed with
the inserted words marked (``{+…+}`` without colour), ``+`` a thread that starts here, ``-`` the
level where a thread is dropped.
"""

from __future__ import annotations

import bisect
import math

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from career_cli.features.ladder import Cell, Ladder, LadderCategory, Thread
from career_cli.render import RenderOptions
from career_cli.render.terminal import (
    ADDED,
    CHANGED,
    DIM,
    REMOVED,
    TITLE,
    statement,
    to_string,
    word_runs,
)
from career_cli.text import visible

MIN_COLUMN = 28
_NAMED = 5  # levels a category heading names as lacking it, before counting the rest
_GAP = 2
_NUMBER = 3  # the thread number column


def windows(levels: int, width: int) -> list[range] | None:
    """Level windows that fit ``width``, as even as possible; ``None`` when only stacking fits."""
    fit = (width - _NUMBER - 1 + _GAP) // (MIN_COLUMN + _GAP)
    if fit < 2 and levels > 1:
        return None
    fit = max(fit, 1)
    count = math.ceil(levels / fit)
    size = math.ceil(levels / count)
    return [range(start, min(start + size, levels)) for start in range(0, levels, size)]


def _mark(symbol: str, style: str) -> Text:
    return Text(f"{symbol} ", style)


def cell_text(
    thread: Thread,
    k: int,
    category: LadderCategory,
    options: RenderOptions,
    *,
    first_column: bool,
) -> Text:
    """What thread ``thread`` shows at level ``k``."""
    cell = thread.cell(k)
    if cell is None:
        if thread.dropped_at == k:
            return Text.assemble(_mark("-", REMOVED), ("dropped", DIM))
        if thread.joined_at == k and thread.joins is not None:
            return Text.assemble(_mark("→", CHANGED), (f"joins {thread.joins + 1}", DIM))
        if thread.start < k < (thread.dropped_at or thread.size) and not _has(category, k):
            return Text("no such category here", DIM)
        return Text()
    if cell.status == "split" and thread.split_from is not None:
        return Text.assemble(
            _mark("+", ADDED),
            (f"(split from {thread.split_from + 1}) ", DIM),
            statement(cell.item),
        )
    return _wording(cell, options, first_column=first_column)


def _wording(cell: Cell, options: RenderOptions, *, first_column: bool) -> Text:
    color = options.color
    if cell.status == "start":
        return statement(cell.item)
    if cell.status == "added":
        return Text.assemble(_mark("+", ADDED), statement(cell.item))
    if cell.status == "unchanged":
        if first_column:
            return Text.assemble(_mark("=", DIM), statement(cell.item, DIM))
        return Text.assemble(_mark("=", DIM), ("unchanged", DIM))
    if cell.item.include is not None:
        return Text.assemble(_mark("~", CHANGED), statement(cell.item))
    return Text.assemble(_mark("~", CHANGED), word_runs(cell.ops, "new", color))


def _has(category: LadderCategory, k: int) -> bool:
    """Whether level ``k`` has the category (its levels are sorted: a bisection)."""
    at = bisect.bisect_left(category.levels, k)
    return at < len(category.levels) and category.levels[at] == k


def _by_window(category: LadderCategory, size: int) -> dict[int, list[int]]:
    """For each window (levels ``size`` at a time), the threads that show in it (a cell or their
    drop there), by number: each thread is looked at where it has cells, not at every level."""
    shown: dict[int, list[int]] = {}
    for number, thread in enumerate(category.threads, 1):
        marks = {k // size for k in thread.at}
        for mark in (thread.dropped_at, thread.joined_at):  # where it is dropped or joins
            if mark is not None:
                marks.add(mark // size)
        for window in sorted(marks):
            shown.setdefault(window, []).append(number)
    return shown


def _window_table(
    ladder: Ladder,
    category: LadderCategory,
    window: range,
    numbers: list[int],
    options: RenderOptions,
) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        show_lines=True,
        expand=True,
        padding=(0, 1),
        pad_edge=False,
        header_style=TITLE,
    )
    table.add_column(Text(""), width=_NUMBER, justify="right", no_wrap=True)
    for k in window:
        table.add_column(Text(visible(ladder.levels[k].title)), ratio=1, overflow="fold")
    for number in numbers:
        thread = category.threads[number - 1]
        cells = [
            cell_text(thread, k, category, options, first_column=k == window.start) for k in window
        ]
        table.add_row(Text(str(number), DIM), *cells)
    return table


def _stacked(ladder: Ladder, category: LadderCategory, options: RenderOptions) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True)
    label = min(max(len(level.title) for level in ladder.levels), 16)
    table.add_column(width=label, overflow="fold")
    table.add_column(ratio=1, overflow="fold")
    for number, thread in enumerate(category.threads, 1):
        if number > 1:
            table.add_row(Text(), Text(), Text())
        first = True
        # Only the levels from its start on can show anything: the rest are blank.
        for k in range(thread.start, thread.size):
            level = ladder.levels[k]
            shown = cell_text(thread, k, category, options, first_column=False)
            if not shown.plain:
                continue
            table.add_row(
                Text(str(number) if first else "", DIM),
                Text(visible(level.title), DIM),
                shown,
            )
            first = False
    return table


def _heading(ladder: Ladder, category: LadderCategory) -> Text:
    n = len(category.threads)
    first = category.levels[0]
    added = sum(1 for t in category.threads if t.start > first and t.split_from is None)
    split = sum(1 for thread in category.threads if thread.split_from is not None)
    dropped = sum(1 for thread in category.threads if thread.dropped_at is not None)
    joined = sum(1 for thread in category.threads if thread.joined_at is not None)
    parts = [f"{n} thread{'s' if n != 1 else ''}"]
    if added:
        parts.append(f"{added} new above {ladder.levels[first].title}")
    if split:
        parts.append(f"{split} split off")
    if joined:
        parts.append(f"{joined} joined")
    if dropped:
        parts.append(f"{dropped} dropped")
    lacking = len(ladder.levels) - len(category.levels)
    if lacking:
        # Named when few (a heading per category naming every level would grow with their
        # product), counted when many.
        having = set(category.levels)
        missing = [lv.title for k, lv in enumerate(ladder.levels) if k not in having][:_NAMED]
        more = f" and {lacking - _NAMED:,} more" if lacking > _NAMED else ""
        parts.append("not in " + ", ".join(missing) + more)
    return Text.assemble(
        (visible(category.title), TITLE),
        ("  ", ""),
        (visible(" · ".join(parts)), DIM),
    )


def ladder_renderable(ladder: Ladder, options: RenderOptions) -> RenderableType:
    titles = " → ".join(level.title for level in ladder.levels)
    parts: list[RenderableType] = [
        Text(visible(ladder.framework.title), TITLE),
        Text(visible(titles), DIM),
    ]
    spans = windows(len(ladder.levels), options.width)
    size = len(spans[0]) if spans else 1
    for category in ladder.categories:
        parts.append(Text())
        parts.append(_heading(ladder, category))
        if not category.threads:
            continue
        if spans is None:
            parts.append(Padding(_stacked(ladder, category, options), (1, 0, 0, 0)))
            continue
        shown = _by_window(category, size)
        for index, window in enumerate(spans):
            if index not in shown and len(spans) > 1:
                continue  # no thread of the category shows at these levels
            if len(spans) > 1:
                first, last = ladder.levels[window.start], ladder.levels[window.stop - 1]
                parts.append(
                    Text(
                        visible(
                            f"levels {window.start + 1}–{window.stop} of {len(ladder.levels)}: "
                            f"{first.title} → {last.title}"
                        ),
                        DIM,
                    )
                )
            parts.append(_window_table(ladder, category, window, shown.get(index, []), options))
    return Group(*parts)


def render_ladder(ladder: Ladder, options: RenderOptions) -> str:
    return to_string(ladder_renderable(ladder, options), options)
