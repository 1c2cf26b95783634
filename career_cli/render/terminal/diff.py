"""Terminal output with Rich: side-by-side tables when there is room, a stacked layout when not.

This is the only module that imports Rich. It builds renderables from ``Text`` objects only — page
text is never parsed as markup — and every string from a page goes through ``text.visible`` first,
so control characters and escape sequences in a document never reach the terminal raw. Without
colour, word changes are marked the way ``git diff --word-diff`` marks them: ``[-old-]{+new+}``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from career_cli.model import (
    CategoryDiff,
    Competency,
    Counts,
    DiffOp,
    Framework,
    ItemDiff,
    LevelDiff,
)
from career_cli.text import plain, visible

STACKED_BELOW = 80

ADDED = "green"
REMOVED = "red"
CHANGED = "yellow"
DELETED_WORDS = "red strike"
INSERTED_WORDS = "bold green"
DIM = "dim"
MARKERS = {"added": "+", "removed": "-", "changed": "~", "unchanged": " "}
# Rich pads every line to the full width; trailing blanks (before any closing style codes) are noise
# in a pager, a file or a golden snapshot.
_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


@dataclass(frozen=True)
class TerminalOptions:
    width: int = 100
    color: bool = False
    changes_only: bool = False


def _show(text: str) -> str:
    """What a reader sees of page text: links by their text, control characters escaped."""
    return visible(plain(text))


def to_string(renderable: RenderableType, options: TerminalOptions) -> str:
    """Render to a string with ANSI styles (or none), at a fixed width, independent of the env."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        _environ={},
    )
    console.print(renderable)
    return _TRAILING.sub(r"\1", buffer.getvalue())


def _word_runs(ops: Iterable[DiffOp], side: str, color: bool) -> Text:
    """One side of a word diff: the old side shows deletions, the new side insertions."""
    text = Text()
    hidden = "insert" if side == "old" else "delete"
    for op in ops:
        if op.op == hidden:
            continue
        shown = _show(op.text)
        if op.op == "equal":
            text.append(shown)
        elif color:
            text.append(shown, DELETED_WORDS if op.op == "delete" else INSERTED_WORDS)
        else:
            text.append(f"[-{shown}-]" if op.op == "delete" else f"{{+{shown}+}}")
    return text


def _inline(ops: Iterable[DiffOp], color: bool) -> Text:
    """Both sides in one paragraph, deletions then insertions, for prose such as the overview."""
    text = Text()
    for op in ops:
        shown = _show(op.text)
        if op.op == "equal":
            text.append(shown)
        elif color:
            text.append(shown, DELETED_WORDS if op.op == "delete" else INSERTED_WORDS)
        else:
            text.append(f"[-{shown}-]" if op.op == "delete" else f"{{+{shown}+}}")
    return text


def _statement(item: Competency, style: str = "") -> Text:
    if item.include is not None:
        # The directory is the same for every include of a handbook; the file name is the news.
        name = item.include.rsplit("/", 1)[-1]
        return Text.assemble(("include: ", DIM), (visible(name), style))
    return Text(_show(item.text), style)


def _sides(item: ItemDiff, color: bool) -> tuple[Text, Text]:
    if item.status == "changed":
        assert item.old is not None and item.new is not None
        if item.old.include is not None:
            return _statement(item.old, REMOVED if color else ""), _statement(
                item.new, ADDED if color else ""
            )
        return _word_runs(item.ops, "old", color), _word_runs(item.ops, "new", color)
    if item.status == "added":
        assert item.new is not None
        return Text(), _statement(item.new, ADDED if color else "")
    if item.status == "removed":
        assert item.old is not None
        return _statement(item.old, REMOVED if color else ""), Text()
    assert item.old is not None and item.new is not None
    return _statement(item.old, DIM), _statement(item.new, DIM)


def _marker(status: str, color: bool) -> Text:
    style = {"added": ADDED, "removed": REMOVED, "changed": CHANGED}.get(status, DIM)
    return Text(MARKERS[status], style if color else "")


def counts_line(counts: Counts, color: bool) -> Text:
    parts = [
        (counts.added, "added", ADDED),
        (counts.changed, "changed", CHANGED),
        (counts.removed, "removed", REMOVED),
        (counts.unchanged, "unchanged", DIM),
    ]
    line = Text()
    for n, label, style in parts:
        if line:
            line.append(" · ", DIM)
        line.append(f"{n} {label}", style if color and n else "")
    return line


def _category_counts(category: CategoryDiff) -> str:
    counts = category.counts
    tally = {
        "added": counts.added,
        "changed": counts.changed,
        "removed": counts.removed,
        "unchanged": counts.unchanged,
    }
    parts = [f"{n} {label}" for label, n in tally.items() if n]
    if category.status in ("added", "removed"):
        parts.insert(0, f"category {category.status}")
    return " · ".join(parts) or "empty"


def _heading(category: CategoryDiff, color: bool) -> Text:
    return Text.assemble(
        (visible(category.title), "bold" if color else ""),
        ("  ", ""),
        (_category_counts(category), DIM if color else ""),
    )


def _visible_items(category: CategoryDiff, options: TerminalOptions) -> list[ItemDiff]:
    return [i for i in category.items if not (options.changes_only and i.status == "unchanged")]


def _side_by_side(diff: LevelDiff, items: list[ItemDiff], options: TerminalOptions) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        show_lines=True,
        expand=True,
        padding=(0, 1),
        pad_edge=False,
        header_style="bold" if options.color else "",
    )
    table.add_column(Text(""), width=1, no_wrap=True)
    table.add_column(Text(visible(diff.old.title)), ratio=1, overflow="fold")
    table.add_column(Text(visible(diff.new.title)), ratio=1, overflow="fold")
    for item in items:
        left, right = _sides(item, options.color)
        table.add_row(_marker(item.status, options.color), left, right)
    return table


def _stacked(items: list[ItemDiff], options: TerminalOptions) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1, no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for number, item in enumerate(items):
        if number:
            table.add_row(Text(), Text())  # a blank line between statements, as the table has
        left, right = _sides(item, options.color)
        if item.status == "changed":
            table.add_row(_marker("changed", options.color), left)
            table.add_row(Text("→", CHANGED if options.color else ""), right)
        else:
            table.add_row(_marker(item.status, options.color), left if item.old else right)
    return table


def diff_renderable(diff: LevelDiff, options: TerminalOptions) -> RenderableType:
    color = options.color
    arrow = " → "
    title = Text.assemble(
        (visible(diff.framework.title), "bold" if color else ""),
        (": ", ""),
        (visible(diff.old.title), REMOVED if color else ""),
        (arrow, ""),
        (visible(diff.new.title), ADDED if color else ""),
    )
    parts: list[RenderableType] = [title, counts_line(diff.counts, color), Text()]
    if diff.overview.status == "unchanged":
        parts.append(Text("Overview unchanged", DIM if color else ""))
    else:
        parts.append(Text(f"Overview ({diff.overview.status})", "bold" if color else ""))
        parts.append(Padding(_inline(diff.overview.ops, color), (0, 0, 0, 2)))
    stacked = options.width < STACKED_BELOW
    hidden = 0
    for category in diff.categories:
        items = _visible_items(category, options)
        hidden += len(category.items) - len(items)
        if options.changes_only and not items:
            continue
        parts.append(Text())
        parts.append(_heading(category, color))
        if not items:
            continue
        if stacked:
            parts.append(Padding(_stacked(items, options), (1, 0, 0, 0)))
        else:
            parts.append(_side_by_side(diff, items, options))
    if hidden:
        noun = "statement" if hidden == 1 else "statements"
        parts.append(Text())
        parts.append(
            Text(f"{hidden} unchanged {noun} hidden (--changes-only)", DIM if color else "")
        )
    return Group(*parts)


def render_diff(diff: LevelDiff, options: TerminalOptions) -> str:
    return to_string(diff_renderable(diff, options), options)


def render_levels(framework: Framework, options: TerminalOptions) -> str:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold" if options.color else "")
    table.add_column(Text("id"), no_wrap=True)
    table.add_column(Text("title"))
    table.add_column(Text("categories"), justify="right")
    table.add_column(Text("competencies"), justify="right")
    table.add_column(Text("description"), ratio=1, overflow="fold")
    for level in framework.levels:
        table.add_row(
            Text(visible(level.id), "bold" if options.color else ""),
            Text(visible(level.title)),
            Text(str(len(level.categories))),
            Text(str(level.competency_count)),
            Text(visible(level.description), DIM if options.color else ""),
        )
    heading = Text(visible(framework.title), "bold" if options.color else "")
    return to_string(Group(heading, Text(visible(str(framework.path)), DIM), table), options)
