"""The terminal view of ``career diff``: side by side when there is room, stacked when not."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from career_cli.model import CategoryDiff, Explanation, ItemDiff, LevelDiff, Statement
from career_cli.render import RenderOptions, change_tags
from career_cli.render.terminal import (
    ADDED,
    CHANGED,
    DIM,
    INFO,
    REMOVED,
    STACKED_BELOW,
    TITLE,
    SideBySide,
    counts_line,
    marker,
    show,
    statement,
    to_string,
    word_runs,
)
from career_cli.text import plain, visible


def _folded(side: Text, extra: tuple[tuple[int, Statement], ...]) -> Text:
    """A side of a merge or split: its own wording, then each statement folded into the pair,
    marked ``+`` (it is there too, not a change of wording)."""
    if not extra:
        return side
    text = side.copy()
    for _, statement_ in extra:
        text.append("\n+ ", CHANGED)
        text.append_text(statement(statement_, DIM))
    return text


def explanation(explain: Explanation) -> Text:
    """``--explain`` as one dim paragraph: score and threshold, what carried it, the runner-up."""
    parts = []
    if explain.similarity is not None:
        relation = ">" if explain.similarity > explain.threshold else "≤"
        parts.append(f"{explain.similarity:.3f} {relation} {explain.threshold:g}")
    if explain.features:
        parts.append("shared: " + ", ".join(f"{f} {w:.1f}" for f, w in explain.features))
    if explain.synonyms:
        parts.append(
            "synonyms: " + ", ".join(f"{a} ≈ {b} ({s:g})" for a, b, s, _ in explain.synonyms)
        )
    if explain.semantic is not None:
        parts.append(f"meaning {explain.semantic[0]:.3f} (cosine {explain.semantic[1]:.3f})")
    runner = explain.runner_up
    if runner is not None:
        label = "runner-up" if explain.similarity is not None else "best candidate"
        shown = plain(runner.text)
        shown = shown if len(shown) <= 60 else shown[:59].rstrip() + "…"
        parts.append(f'{label} {runner.similarity:.3f} #{runner.index} "{shown}"')
    if explain.reason:
        parts.append(explain.reason)
    return Text(show("; ".join(parts)), DIM)


def _sides(item: ItemDiff, color: bool) -> tuple[Text, Text]:
    left, right = _words(item, color)
    left, right = _folded(left, item.also_old), _folded(right, item.also_new)
    if item.change:  # what the new wording raises, beside it: "scope↑ ownership↑"
        right.append("\n")
        right.append(change_tags(item.change), INFO)
    if item.explain is not None:
        side = left if item.new is None else right
        side.append("\n")
        side.append_text(explanation(item.explain))
    return left, right


def _keyed(item: Statement, runs: Text) -> Text:
    """A reworded table row keeps its name in front, as every other row shows it."""
    if item.key is None:
        return runs
    return Text.assemble((show(item.key), TITLE), (" — ", DIM), runs)


def _words(item: ItemDiff, color: bool) -> tuple[Text, Text]:
    if item.status == "changed":
        assert item.old is not None and item.new is not None
        if item.old.include is not None:
            return statement(item.old, REMOVED), statement(item.new, ADDED)
        return _keyed(item.old, word_runs(item.ops, "old", color)), _keyed(
            item.new, word_runs(item.ops, "new", color)
        )
    if item.status == "added":
        assert item.new is not None
        return Text(), statement(item.new, ADDED)
    if item.status == "removed":
        assert item.old is not None
        return statement(item.old, REMOVED), Text()
    assert item.old is not None and item.new is not None
    return statement(item.old, DIM), statement(item.new, DIM)


def _category_counts(category: CategoryDiff) -> str:
    counts = category.counts
    tally = {
        "added": counts.added,
        "changed": counts.changed,
        "removed": counts.removed,
        "unchanged": counts.unchanged,
    }
    parts = [f"{n} {label}" for label, n in tally.items() if n]
    parts += [
        f"{n} {label}" for label, n in (("merged", counts.merged), ("split", counts.split)) if n
    ]
    if category.status in ("added", "removed"):
        parts.insert(0, f"category {category.status}")
    return " · ".join(parts) or "empty"


def _heading(category: CategoryDiff) -> Text:
    return Text.assemble(
        (visible(category.title), TITLE),
        ("  ", ""),
        (_category_counts(category), DIM),
    )


def _visible_items(category: CategoryDiff, options: RenderOptions) -> list[ItemDiff]:
    return [i for i in category.items if not (options.changes_only and i.status == "unchanged")]


def _side_by_side(diff: LevelDiff, items: list[ItemDiff], options: RenderOptions) -> SideBySide:
    bold = TITLE
    header = (Text(visible(diff.old.title), bold), Text(visible(diff.new.title), bold))
    rows = []
    for item in items:
        left, right = _sides(item, options.color)
        rows.append((marker(item.status), left, right))
    return SideBySide(header, rows)


def _stacked(items: list[ItemDiff], options: RenderOptions) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1, no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for number, item in enumerate(items):
        if number:
            table.add_row(Text(), Text())  # a blank line between statements, as the table has
        left, right = _sides(item, options.color)
        if item.status == "changed":
            table.add_row(marker("changed"), left)
            table.add_row(Text("→", CHANGED), right)
        else:
            table.add_row(marker(item.status), left if item.old else right)
    return table


def diff_renderable(diff: LevelDiff, options: RenderOptions) -> RenderableType:
    color = options.color
    arrow = " → "
    title = Text.assemble(
        (visible(diff.framework.title), TITLE),
        (": ", ""),
        (visible(diff.old.title), REMOVED),
        (arrow, ""),
        (visible(diff.new.title), ADDED),
    )
    parts: list[RenderableType] = [title, counts_line(diff.counts), Text()]
    if diff.overview.status == "unchanged":
        if diff.old.overview.strip():  # nothing to say of two levels that have no overview
            parts.append(Text("Overview unchanged", DIM))
    else:
        parts.append(Text(f"Overview ({diff.overview.status})", TITLE))
        parts.append(Padding(word_runs(diff.overview.ops, "both", color), (0, 0, 0, 2)))
    stacked = options.width < STACKED_BELOW
    hidden = 0
    for category in diff.categories:
        items = _visible_items(category, options)
        hidden += len(category.items) - len(items)
        if options.changes_only and not items:
            continue
        parts.append(Text())
        parts.append(_heading(category))
        if not items:
            continue
        if stacked:
            parts.append(Padding(_stacked(items, options), (1, 0, 0, 0)))
        else:
            parts.append(_side_by_side(diff, items, options))
    if hidden:
        noun = "statement" if hidden == 1 else "statements"
        parts.append(Text())
        parts.append(Text(f"{hidden} unchanged {noun} hidden (--changes-only)", DIM))
    return Group(*parts)


def render_diff(diff: LevelDiff, options: RenderOptions) -> str:
    return to_string(diff_renderable(diff, options), options)
