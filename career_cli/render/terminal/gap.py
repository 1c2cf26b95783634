"""The terminal view of ``career gap``: expectations by category, met or open, with progress."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from career_cli.features.gap import Expectation, Gap
from career_cli.render import RenderOptions, change_tags, reworded_as
from career_cli.render.terminal import (
    ADDED,
    CHANGED,
    DIM,
    REMOVED,
    TITLE,
    show,
    to_string,
    word_runs,
)
from career_cli.render.terminal.diff import explanation
from career_cli.text import visible

BAR_WIDTH = 12
KIND_STYLE = {"new": ADDED, "raised": CHANGED, "carried": DIM}


def _bar(met: int, total: int) -> Text:
    filled = round(BAR_WIDTH * met / total) if total else 0
    return Text.assemble(
        ("█" * filled, ADDED),
        ("░" * (BAR_WIDTH - filled), DIM),
        (f" {met}/{total} met", ""),
    )


def _marker(expectation: Expectation, with_evidence: bool) -> Text:
    if not with_evidence:
        return Text({"new": "+", "raised": "~", "carried": " "}[expectation.kind])
    met = expectation.status == "met"
    return Text("[x]" if met else "[ ]", ADDED if met else REMOVED)


def _body(expectation: Expectation, gap: Gap, color: bool) -> Text:
    style = KIND_STYLE[expectation.kind]
    if expectation.include is not None:
        body = Text.assemble(("include: ", DIM), visible(expectation.include))
    elif expectation.kind == "raised":
        body = word_runs(expectation.ops, "new", color)
    else:
        body = Text(show(expectation.text))
    kind: str = expectation.kind
    if expectation.change:  # what it raises: "(raised: scope↑ ownership↑)", "(reworded: weaker)"
        kind = f"{reworded_as(expectation.change)}: {change_tags(expectation.change)}"
    body.append(f"  ({kind})", style or "")
    if expectation.kind == "raised" and expectation.include is None:
        body.append("\n")
        body.append(f"was at {visible(gap.current.title)}: ", DIM)
        body.append_text(word_runs(expectation.ops, "old", color))
        for previous in expectation.also_previous:  # a merge: raised from these too
            body.append("\n")
            body.append(f"and at {visible(gap.current.title)}: ", DIM)
            body.append(show(previous))
    if expectation.explain is not None:
        body.append("\n")
        body.append_text(explanation(expectation.explain))
    if expectation.rating:
        body.append("\n")
        body.append("rating: ", TITLE)
        body.append(expectation.rating)
    if expectation.evidence:
        body.append("\n")
        body.append("evidence: ", TITLE)
        body.append(visible(expectation.evidence).replace("\n", "\n          "))
    return body


def unmatched(gap: Gap) -> list[Text]:
    """Evidence entries no expectation took, by line: the gap's and the calibration's views."""
    if not gap.unmatched:
        return []
    parts = [Text(), Text("Unmatched evidence", TITLE)]
    for entry in gap.unmatched:
        where = f"line {entry.line}: " if entry.line else ""
        label = entry.text or entry.id or "(no text)"
        parts.append(Text(f"  {where}{visible(label)}", REMOVED))
    return parts


def gap_renderable(gap: Gap, options: RenderOptions) -> RenderableType:
    color = options.color
    summary = gap.summary()
    parts: list[RenderableType] = [
        Text.assemble(
            (visible(gap.framework.title), TITLE),
            (f": {visible(gap.current.title)} → {visible(gap.target.title)}", ""),
        ),
        Text(
            f"{summary} expectations for {visible(gap.current.title)} → {visible(gap.target.title)}"
        ),
    ]
    if gap.with_evidence:
        met, total = gap.count(status="met"), len(gap.expectations)
        parts.append(
            Text.assemble(
                (f"{met} of {total} met", ADDED if met else ""),
                (" · ", DIM),
                (f"{gap.open} open", REMOVED if gap.open else ""),
                (f"  (evidence: {visible(str(gap.evidence_path))})", DIM),
            )
        )
    category = None
    table: Table | None = None
    for expectation in gap.expectations:
        if expectation.category_id != category:
            category = expectation.category_id
            members = [e for e in gap.expectations if e.category_id == category]
            heading = Text(visible(expectation.category), TITLE)
            if gap.with_evidence:
                heading.append("  ")
                heading.append_text(_bar(sum(e.status == "met" for e in members), len(members)))
            table = Table.grid(padding=(0, 1))
            table.add_column(no_wrap=True)
            table.add_column(ratio=1, overflow="fold")
            parts += [Text(), heading, Padding(table, (0, 0, 0, 2))]
        assert table is not None
        table.add_row(_marker(expectation, gap.with_evidence), _body(expectation, gap, color))
    if not gap.expectations:
        parts += [Text(), Text("No new or raised expectations.")]
    parts += unmatched(gap)
    return Group(*parts)


def render_gap(gap: Gap, options: RenderOptions) -> str:
    if gap.calibration is not None:
        from career_cli.render.terminal.calibration import render_calibration

        return render_calibration(gap, options)
    return to_string(gap_renderable(gap, options), options)
