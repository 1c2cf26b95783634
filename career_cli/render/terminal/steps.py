"""The terminal view of ``career steps``: a table of the steps, a bar chart of their sizes
stacked by change kind, and each step's categories.

A bar is drawn in eighths of a cell (``█▉▊▋▌▍▎▏``). With colour, each part of a bar has its
theme colour, and a cell where one part ends and the next begins is drawn as the first part's
eighths over the next one's colour. Colour is never the only key: the legend names the parts in
the order they are stacked, and a line under each bar names its parts with their counts.
Without colour a bar is its length alone.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from career_cli.features.steps import SEGMENTS, Step, StepCounts, Steps
from career_cli.model import CHANGE_SCALES
from career_cli.render import RenderOptions
from career_cli.render.markdown_steps import COLUMNS
from career_cli.render.terminal import DIM, THEME_STYLES, TITLE, to_string
from career_cli.text import visible

EIGHTHS = " ▏▎▍▌▋▊▉█"
MIN_BAR = 10  # the narrowest bar area worth drawing
TABLE_FROM = 90  # narrower, the counts are lines: eight number columns need ~70 columns


def segment_style(name: str) -> str:
    return f"career.step.{name}"


def _counts(rows: list[tuple[str, StepCounts]], first: str, width: int) -> RenderableType:
    """The table where its columns fit beside a label, else one line of counts per row."""
    if width >= TABLE_FROM:
        return Group(Text(), _table(rows, first, width), Text())
    lines: list[RenderableType] = [Text()]  # the blank lines a table's edges would give
    for label, counts in rows:
        numbers = " · ".join(f"{counts.counts[c]} {c}" for c in COLUMNS[1:])
        lines.append(Text.assemble((label, TITLE), ("  ", ""), (f"size {counts.size}", TITLE)))
        lines.append(Padding(Text(numbers, DIM), (0, 0, 0, 2)))
    return Group(*lines, Text())


def _wrap(label: str, width: int) -> list[str]:
    """A label in lines of at most ``width`` cells, broken at spaces (a longer word folded)."""
    lines, line = [], ""
    for word in label.split(" "):
        while cell_len(word) > width:  # no space to break at: fold the word
            if line:
                lines.append(line)
                line = ""
            cut = 1
            while cut < len(word) and cell_len(word[: cut + 1]) <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        joined = f"{line} {word}" if line else word
        if cell_len(joined) <= width:
            line = joined
        else:
            lines.append(line)
            line = word
    return [*lines, line]


def _table(rows: list[tuple[str, StepCounts]], first: str, width: int) -> Text:
    """Counts by column, laid out by hand (a Rich table measures every cell: at six steps of
    seven categories it was a third of the command's time); what raised statements raise is
    under each bar, and in Markdown."""
    gap = "  "
    numbers_width = sum(len(gap) + len(c) for c in COLUMNS)
    label_width = max(width - numbers_width, 8)
    longest = max((cell_len(label) for label, _ in rows), default=0)
    label_width = min(label_width, max(longest, len(first)))
    text = Text(first.ljust(label_width), TITLE)
    for column in COLUMNS:
        text.append(gap + column, TITLE)
    text.append("\n" + "─" * (label_width + numbers_width))
    for label, counts in rows:
        wrapped = _wrap(label, label_width)
        text.append("\n" + wrapped[0] + " " * (label_width - cell_len(wrapped[0])))
        for k, column in enumerate(COLUMNS):
            n = counts.size if k == 0 else counts.counts[column]
            style = TITLE if k == 0 else ("" if n else DIM)
            text.append(gap + str(n).rjust(len(column)), style)
        for more in wrapped[1:]:
            text.append("\n" + more)
    return text


def bar(counts: StepCounts, per_statement: float, color: bool) -> Text:
    """One step's bar: ``per_statement`` eighths of a cell for each statement it changes."""
    ends: list[tuple[int, str]] = []  # (where a part ends, in eighths; the part)
    total = 0.0
    for name in SEGMENTS:
        if counts.segments[name] > 0:
            total += counts.segments[name]
            ends.append((round(total * per_statement), name))
    length = ends[-1][0] if ends else 0
    text = Text()
    if not color:
        text.append("█" * (length // 8) + EIGHTHS[length % 8].strip())
        return text
    for cell in range(0, length, 8):
        part = next(k for k, (end, _) in enumerate(ends) if end > cell)
        end, name = ends[part]
        fore = THEME_STYLES[segment_style(name)]
        if end >= cell + 8:
            text.append("█", segment_style(name))
            continue
        # The cell where this part ends: its eighths over the colour of the part that follows.
        after = next((n for e, n in ends[part + 1 :] if e > end), None)
        back = THEME_STYLES[segment_style(after)] if after else None
        text.append(EIGHTHS[end - cell], Style(color=fore, bgcolor=back))
    return text


def _label(step: Step) -> str:
    return f"{visible(step.below.title)} → {visible(step.above.title)}"


def chart(steps: Steps, options: RenderOptions) -> RenderableType:
    """Each step's bar, the longest filling the width, with a legend in words."""
    labels = [_label(step) for step in steps.steps]
    label_width = min(max(map(len, labels), default=0), max(options.width // 3, 10))
    longest = max((step.total.changed for step in steps.steps), default=0.0)
    digits = len(str(round(longest)))
    room = max(options.width - label_width - digits - 4, MIN_BAR)
    per_statement = room * 8 / longest if longest else 0.0
    rows = Table.grid(padding=(0, 1))
    rows.add_column(width=label_width, overflow="fold")
    rows.add_column()
    for label, step in zip(labels, steps.steps, strict=True):
        drawn = bar(step.total, per_statement, options.color)
        drawn.append(f" {round(step.total.changed)}")
        rows.add_row(Text(label), drawn)
        rows.add_row(Text(), Text(step.total.summary(), DIM))
    legend = Text("stacked left to right: ", DIM)
    for number, name in enumerate(SEGMENTS):
        if number:
            legend.append("  ")
        legend.append("█" if options.color else "", segment_style(name))
        shown = f"{name}↑" if name in CHANGE_SCALES else name
        legend.append(f" {shown}" if options.color else shown)
    return Group(rows, Text(), legend)


def steps_renderable(steps: Steps, options: RenderOptions) -> RenderableType:
    title = Text.assemble((visible(steps.framework.title), TITLE), (": step sizes", ""))
    note = Text(
        "size = added + raised + reworded: what a level asks beyond the one below; "
        "raised: reworded to raise scope, autonomy, ownership or influence",
        DIM,
    )
    totals = _counts([(_label(step), step.total) for step in steps.steps], "step", options.width)
    parts: list[RenderableType] = [title, note, totals]
    parts += [Text("Statements changed per step, by change kind", TITLE), chart(steps, options)]
    for step in steps.steps:
        rows = [(visible(c.title), c.counts) for c in step.categories]
        parts += [Text(), Text(_label(step), TITLE), _counts(rows, "category", options.width)]
    return Group(*parts)


def render_steps(steps: Steps, options: RenderOptions) -> str:
    return to_string(steps_renderable(steps, options), options)
