"""The ``career steps --format markdown`` view: a table of the steps, then one per step by
category, for GitLab issues and merge requests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from career_cli.render.markdown_text import escape, heading

if TYPE_CHECKING:
    from career_cli.features.steps import StepCounts, Steps
    from career_cli.render import RenderOptions

COLUMNS = ("size", "added", "raised", "reworded", "rephrased", "weaker", "dropped", "unchanged")


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|").replace("\n", " ")


def raises(counts: StepCounts) -> str:
    """``scope 1 · ownership 3``: the scales a step's raised statements raise, in the scales'
    order (scope, autonomy, ownership, influence), as the terminal view lists them."""
    return " · ".join(f"{kind} {n}" for kind, n in counts.kinds.items() if n)


def _row(label: str, counts: StepCounts) -> str:
    numbers = [str(counts.size)] + [str(counts.counts[c]) for c in COLUMNS[1:]]
    return f"| {label} | " + " | ".join(numbers) + f" | {raises(counts)} |"


def _table(rows: list[str], first: str) -> list[str]:
    head = f"| {first} | " + " | ".join(COLUMNS) + " | raises |"
    rule = "| --- | " + " | ".join("---:" for _ in COLUMNS) + " | --- |"
    return [head, rule, *rows]


def render_steps(steps: Steps, options: RenderOptions | None = None) -> str:
    """Totals per step, then each step's categories."""
    lines = [
        f"## {heading(steps.framework.title)}: step sizes",
        "",
        "**size** = added + raised + reworded: what a level asks beyond the one below. "
        "**raised**: reworded to raise scope, autonomy, ownership or influence.",
        "",
    ]
    names = [(_cell(step.below.title), _cell(step.above.title), step) for step in steps.steps]
    lines += _table([_row(f"{b} → {a}", step.total) for b, a, step in names], "step")
    for below, above, step in names:
        lines += ["", f"### {below} → {above}", ""]
        rows = [_row(_cell(c.title), c.counts) for c in step.categories]
        lines += _table([*rows, _row("**total**", step.total)], "category")
    return "\n".join(lines) + "\n"
