"""The terminal view of a calibration (``career gap -e SELF -e MANAGER``): per expectation, both
views side by side (stacked below 80 columns), disputed first, then a summary."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from career_cli.features.calibration import OUTCOMES, Calibration, Row
from career_cli.features.gap import Expectation, Gap
from career_cli.render import RenderOptions
from career_cli.render.terminal import (
    ADDED,
    CHANGED,
    DIM,
    REMOVED,
    STACKED_BELOW,
    TITLE,
    show,
    to_string,
    word_runs,
)
from career_cli.render.terminal.gap import unmatched
from career_cli.text import visible

HEADINGS = {"disputed": "Disputed", "open": "Open for both", "met": "Met by both"}
OUTCOME_STYLE = {"disputed": CHANGED, "open": REMOVED, "met": ADDED}


def _side(side: Expectation, differ: tuple[str, ...]) -> Text:
    met = side.status == "met"
    text = Text("[x] met" if met else "[ ] open", ADDED if met else REMOVED)
    if "status" in differ:
        text.stylize("bold")
    text.append(" · ", DIM)
    text.append(side.rating or "not rated", CHANGED if "rating" in differ else DIM)
    if side.evidence:
        text.append("\n")
        text.append(visible(side.evidence))
    return text


def _statement(row: Row, gap: Gap, color: bool) -> Text:
    e = row.expectation
    head = Text(f"{visible(e.category)}: ", DIM)
    if e.include is not None:
        head.append(f"include: {visible(e.include)}")
    elif e.kind == "raised":
        head.append_text(word_runs(e.ops, "new", color))
    else:
        head.append(show(e.text))
    head.append(f"  ({e.kind})", DIM)
    return head


def _blank(row: Row) -> bool:
    return row.outcome == "open" and not any(s.rating or s.evidence for s in row.sides)


def _row(row: Row, calibration: Calibration, gap: Gap, options: RenderOptions) -> RenderableType:
    names = [visible(view.author) for view in calibration.assessments]
    sides = [_side(side, row.differ) for side in row.sides]
    if options.width < STACKED_BELOW:
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True, style=TITLE)
        table.add_column(ratio=1, overflow="fold")
        for name, side in zip(names, sides, strict=True):
            table.add_row(name, side)
    else:
        table = Table(
            box=None, padding=(0, 2, 0, 0), expand=True, header_style=TITLE, footer_style=DIM
        )
        for name in names:
            table.add_column(name, header_style=TITLE, ratio=1, overflow="fold")
        table.add_row(*sides)
    return Group(_statement(row, gap, options.color), Padding(table, (0, 0, 0, 4)))


def calibration_renderable(gap: Gap, options: RenderOptions) -> RenderableType:
    calibration = gap.calibration
    assert calibration is not None
    views = " · ".join(
        f"{visible(view.author)}: {visible(str(view.path))}" for view in calibration.assessments
    )
    parts: list[RenderableType] = [
        Text.assemble(
            (visible(gap.framework.title), TITLE),
            (f": {visible(gap.current.title)} → {visible(gap.target.title)}", ""),
            (" · calibration", DIM),
        ),
        Text(f"{gap.summary()} expectations · {views}"),
    ]
    for outcome in OUTCOMES:
        rows = [row for row in calibration.rows if row.outcome == outcome]
        if not rows:
            continue
        parts += [Text(), Text(f"{HEADINGS[outcome]} ({len(rows)})", TITLE)]
        spaced = False  # a blank line between rows with views, none between bare statements
        for row in rows:
            if _blank(row):  # neither view says anything yet: the statement alone
                parts += [Text()] if spaced else []
                line = Table.grid(padding=(0, 1))
                line.add_column(no_wrap=True)
                line.add_column(ratio=1, overflow="fold")
                line.add_row(Text("-", DIM), _statement(row, gap, options.color))
                parts.append(Padding(line, (0, 0, 0, 2)))
                spaced = False
            else:
                parts += [Text(), Padding(_row(row, calibration, gap, options), (0, 0, 0, 2))]
                spaced = True
    if not calibration.rows:
        parts += [Text(), Text("No new or raised expectations.")]
    parts += unmatched(gap)
    disputed = calibration.count("disputed")
    parts += [
        Text(),
        Text.assemble(
            ("Summary: ", TITLE),
            (calibration.summary(), OUTCOME_STYLE["disputed"] if disputed else ""),
        ),
    ]
    if disputed:
        on = {
            reason: sum(1 for r in calibration.rows if reason in r.differ)
            for reason in ("status", "rating")
        }
        parts.append(
            Text(
                f"  {on['status']} differ on met or open, {on['rating']} on the rating; "
                "--format markdown writes a 1:1 document to agree them",
                DIM,
            )
        )
    return Group(*parts)


def render_calibration(gap: Gap, options: RenderOptions) -> str:
    return to_string(calibration_renderable(gap, options), options)
