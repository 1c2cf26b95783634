"""``career steps``: how big each step up the ladder is, and what kind of change it asks."""

from typing import Annotated

from career_cli.cli.context import Env, with_context
from career_cli.cli.options import CategoryOption, ThresholdOption, command_app, level_option

EXAMPLES = """\b
Examples:
  career steps
  career steps --from intermediate -c team
  career steps --format svg -o steps.svg
  career steps --json | jq '.steps[] | {to: .to.id, size: .total.size}'
"""

app = command_app()


@app.command(epilog=EXAMPLES)
@with_context("steps")
def steps(
    env: Env,
    first: Annotated[str | None, level_option("--from", "Start at this level.")] = None,
    last: Annotated[str | None, level_option("--to", "End at this level.")] = None,
    category: CategoryOption = None,
    threshold: ThresholdOption = None,
) -> None:
    """Size up every step of the ladder: added, raised, reworded, dropped statements.

    For each pair of adjacent levels, per category and in total: statements added, raised (a
    rewording that raises scope, autonomy, ownership or influence), reworded, rephrased (the same
    meaning words), weaker, dropped; and a bar chart of each step, stacked by change kind
    (--format svg draws it as a picture).
    """
    from career_cli.cli.output import warn_notes, warn_problems
    from career_cli.compare.align import pick_categories, threshold_for
    from career_cli.errors import UsageError
    from career_cli.features.ladder import level_range
    from career_cli.features.steps import build_steps
    from career_cli.sources.catalog import find_level

    framework = env.open_framework(warn=False)
    start = find_level(framework, first) if first else None
    stop = find_level(framework, last) if last else None
    warn_problems(framework)
    levels = level_range(framework, start, stop)
    if len(levels) < 2:
        raise UsageError(
            f"a step needs two levels; {framework.title} has "
            + (f"only {levels[0].title} here" if levels else "none"),
            hint="name a range of two levels or more: --from LEVEL --to LEVEL",
        )
    warn_notes(levels)
    wanted: set[str] = set()
    if category:
        everything = [c for level in levels for c in level.categories]
        wanted = {c.id for c in pick_categories(everything, category, where=framework.title)}
    limit = threshold_for(framework, threshold)
    env.emit(build_steps(framework, levels, threshold=limit, categories=wanted))
