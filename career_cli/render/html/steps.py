"""The HTML report of ``career steps``: the bar chart (the same SVG as ``--format svg``, inline,
so the file stays self-contained), a table of the steps, then each step by category."""

from __future__ import annotations

import shlex

from career_cli.features.steps import StepCounts, Steps
from career_cli.render import RenderOptions
from career_cli.render.html import esc, page
from career_cli.render.markdown_steps import COLUMNS, raises
from career_cli.render.svg import render_steps as svg_chart


def _row(label: str, counts: StepCounts) -> str:
    numbers = [counts.size] + [counts.counts[c] for c in COLUMNS[1:]]
    cells = "".join(f"<td>{n}</td>" for n in numbers)
    return f"<tr><td>{label}</td>{cells}<td>{esc(raises(counts))}</td></tr>"


def _table(rows: list[str], first: str) -> str:
    head = "".join(f"<th>{name}</th>" for name in (first, *COLUMNS, "raises"))
    return (
        f'<table class="steps"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def render_steps(steps: Steps, options: RenderOptions) -> str:
    names = [(f"{esc(s.below.title)} → {esc(s.above.title)}", s) for s in steps.steps]
    parts = [
        '<p class="meta"><strong>size</strong> = added + raised + reworded: what a level asks '
        "beyond the one below; <strong>raised</strong>: reworded to raise scope, autonomy, "
        "ownership or influence.</p>",
        f'<div class="chart">{svg_chart(steps, options)}</div>',
        _table([_row(label, step.total) for label, step in names], "step"),
    ]
    for label, step in names:
        rows = [_row(esc(c.title), c.counts) for c in step.categories]
        rows.append(_row("<strong>total</strong>", step.total))
        parts.append(f"<section><h2>{label}</h2>{_table(rows, 'category')}</section>")
    first, last = steps.levels[0], steps.levels[-1]
    return page(
        f"{steps.framework.title}: step sizes",
        f"career steps --from {shlex.quote(first.id)} --to {shlex.quote(last.id)} --format html",
        steps.framework,
        steps.levels,
        "\n".join(parts),
    )
