"""The 1:1 document of a calibration (``career gap -e SELF -e MANAGER --format markdown``).

Per expectation, disputed first: a table of both views (met or not, rating, evidence) and, under
it, the agreed outcome as a checklist item — ticked and rated already where both views agree —
so the document, once the meeting has filled it in, reads back as one checklist
(``career gap … --evidence 1-1.md``). Only the agreed items are task items: the views are table
rows, which the evidence reader does not take for entries.
"""

from __future__ import annotations

import shlex

from career_cli.features.calibration import OUTCOMES, Calibration, Row
from career_cli.features.gap import Expectation, Gap
from career_cli.render.markdown import _attr, _evidence_lines
from career_cli.render.markdown_text import (
    at_line_start,
    code_span,
    comment_value,
    escape,
    heading,
    inline_diff,
)
from career_cli.text import plain

HEADINGS = {"disputed": "Disputed", "open": "Open for both", "met": "Met by both"}


def _cell(text: str) -> str:
    """Page or evidence text in a table cell: a pipe would end the cell, a newline the row."""
    return escape(text).replace("|", "\\|").replace("\n", "<br>")


def _table(row: Row, calibration: Calibration) -> list[str]:
    names = [_cell(view.author) for view in calibration.assessments]

    def mark(value: str, differs: bool) -> str:
        return f"**{value}**" if differs and value else value

    met = [mark("yes" if s.status == "met" else "no", "status" in row.differ) for s in row.sides]
    rating = [mark(s.rating or "", "rating" in row.differ) for s in row.sides]
    evidence = [_cell(s.evidence or "") for s in row.sides]
    return [
        "| | " + " | ".join(names) + " |",
        "| --- |" + " --- |" * len(names),
        "| met | " + " | ".join(met) + " |",
        "| rating | " + " | ".join(rating) + " |",
        "| evidence | " + " | ".join(evidence) + " |",
    ]


def _agreed(e: Expectation, gap: Gap) -> list[str]:
    box = "x" if e.status == "met" else " "
    text = f"include {code_span(e.include)}" if e.include else escape(e.text)
    lines = [
        f"- [{box}] {at_line_start(text)} <!-- career:id {comment_value(e.id, spaces=False)} -->"
    ]
    if e.kind == "raised":
        lines.append(f"  - Raised from: {inline_diff(e.ops)}")
    elif e.kind == "new":
        lines.append(f"  - New at {escape(gap.target.title)}")
    else:
        lines.append(f"  - Carried from {escape(gap.current.title)}")
    lines.append(f"  - Rating: {e.rating or ''}".rstrip())
    return lines + (_evidence_lines(e.evidence) if e.evidence else ["  - Evidence:"])


def _short(e: Expectation, limit: int = 60) -> str:
    """A heading's few words of the statement; the agreed item below has all of it."""
    text = plain(e.text) if e.include is None else e.include
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def render_calibration(gap: Gap) -> str:
    calibration = gap.calibration
    assert calibration is not None
    agreed = {e.id: e for e in gap.expectations}
    views = " and ".join(
        f"**{escape(view.author)}** ({code_span(view.path.name)})"
        for view in calibration.assessments
    )
    command = f"career gap {shlex.quote(gap.current.id)} {shlex.quote(gap.target.id)}"
    lines = [
        f"# Calibration: {escape(gap.current.title)} → {heading(gap.target.title)}",
        "",
        f"<!-- career:gap v1 framework={_attr(gap.framework.id)} from={_attr(gap.current.id)} "
        f"to={_attr(gap.target.id)} -->",
        "",
        f"**{escape(gap.framework.title)}** · {gap.summary()} expectations · "
        f"{calibration.summary()}",
        "",
        f"The views of {views}, disputed expectations first. Under each, record the agreed "
        "outcome: tick it when you agree it is met, and write the agreed rating and evidence. "
        f"This document then reads back as a checklist: {code_span(command + ' --evidence FILE')}.",
    ]
    for outcome in OUTCOMES:
        rows = [row for row in calibration.rows if row.outcome == outcome]
        if rows:
            lines += ["", f"## {HEADINGS[outcome]} ({len(rows)})"]
        for row in rows:
            e = row.expectation
            lines += ["", f"### {heading(f'{e.category}: {_short(e)} ({e.kind})')}", ""]
            if any(side.status == "met" or side.rating or side.evidence for side in row.sides):
                lines += [*_table(row, calibration), "", "Agreed:", ""]
            lines += _agreed(agreed.get(e.id, e), gap)
    if gap.unmatched:
        lines += ["", "## Unmatched evidence", ""]
        lines += [
            f"- line {u.line}: {at_line_start(escape(u.text or u.id or ''))}"
            + (f" — {_cell(u.evidence)}" if u.evidence else "")
            for u in gap.unmatched
        ]
    lines += ["", "## Outcome", "", "- Decision:", "- Agreed by:"]
    return "\n".join(lines) + "\n"
