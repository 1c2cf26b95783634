"""``career diff FROM TO``: what one level asks that another does not, category by category.

FROM and TO are level names, page files, or either at a git revision (``senior@v1.0``).
"""

from typing import Annotated

import typer

from career_cli.cli.context import Env, with_context
from career_cli.cli.options import (
    CategoryOption,
    ExplainFlag,
    ThresholdOption,
    command_app,
    level_argument,
)

EXAMPLES = """\b
Examples:
  career diff intermediate senior
  career diff associate senior --changes-only -c team
  career diff intermediate senior --format markdown -o promotion.md
"""

app = command_app()


@app.command(epilog=EXAMPLES)
@with_context("diff")
def diff(
    env: Env,
    from_level: Annotated[
        str,
        level_argument(
            "FROM",
            "The level to compare from: id, title or unique prefix; a page file; "
            "either with @REV for that git revision (senior@HEAD~5).",
        ),
    ],
    to_level: Annotated[str, level_argument("TO", "The level to compare to (as FROM).")],
    changes_only: Annotated[
        bool, typer.Option("--changes-only", help="Hide unchanged statements.")
    ] = False,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="Markdown: list unchanged statements too (text shows them)."),
    ] = False,
    category: CategoryOption = None,
    threshold: ThresholdOption = None,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit with status 1 when the levels differ, as git."),
    ] = False,
    explain: ExplainFlag = False,
) -> None:
    """Compare two levels: new, reworded (word by word), dropped and kept statements."""
    from career_cli.compare.align import diff_levels, scorer_for, select_categories, threshold_for

    if show_all and changes_only:
        raise typer.BadParameter("--all and --changes-only contradict each other")
    framework, (old, new) = env.open_levels([from_level, to_level])
    scorer = scorer_for(framework, old, new)
    limit = threshold_for(framework, threshold)
    result = diff_levels(framework, old, new, threshold=limit, scorer=scorer)
    result = select_categories(result, category or [])
    from career_cli.features.change_kinds import tag_diff

    result = tag_diff(result)  # what each rewording raises: cheap, per changed pair
    if explain:
        from career_cli.compare.explain import explain as explained

        result = explained(result, scorer)
    env.emit(result, changes_only=changes_only, show_all=show_all)
    if exit_code and result.has_differences:
        raise typer.Exit(1)
