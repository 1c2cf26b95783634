"""``career ladder [CATEGORY…]``: every competency's path up the whole ladder."""

from typing import Annotated

import typer

from career_cli.cli.context import Env, with_context
from career_cli.cli.options import ThresholdOption, command_app, complete_category, level_option

EXAMPLES = """\b
Examples:
  career ladder team
  career ladder --from intermediate --width 120
  career ladder accountability --format json | jq '.categories[].threads | length'
"""

app = command_app()


@app.command(epilog=EXAMPLES)
@with_context("ladder")
def ladder(
    env: Env,
    categories: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[CATEGORY]...",
            help="Only these categories (case-insensitive prefixes of title or id).",
            autocompletion=complete_category,
            show_default=False,
        ),
    ] = None,
    first: Annotated[str | None, level_option("--from", "Start the ladder at this level.")] = None,
    last: Annotated[str | None, level_option("--to", "End the ladder at this level.")] = None,
    threshold: ThresholdOption = None,
) -> None:
    """Follow each competency up the ladder: one row per thread, one column per level.

    Each cell is that level's wording, the change from the level below marked: = unchanged,
    ~ changed (added words marked), + new at that level, - dropped. With more levels than fit
    the terminal, each category is shown in level windows; when too narrow, stacked.
    """
    from dataclasses import replace

    from career_cli.cli.output import warn_notes, warn_problems
    from career_cli.compare.align import pick_categories
    from career_cli.features.ladder import build_ladder, level_range
    from career_cli.sources.catalog import find_level

    framework = env.open_framework(warn=False)
    start = find_level(framework, first) if first else None
    stop = find_level(framework, last) if last else None
    warn_problems(framework)
    levels = level_range(framework, start, stop)
    warn_notes(levels)
    from career_cli.compare.align import threshold_for

    built = build_ladder(framework, levels, threshold=threshold_for(framework, threshold))
    if categories:
        everything = [c for level in levels for c in level.categories]
        wanted = {c.id for c in pick_categories(everything, categories, where=framework.title)}
        built = replace(built, categories=tuple(c for c in built.categories if c.id in wanted))
    env.emit(built)
