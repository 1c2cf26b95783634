"""``career search TEXT…``: every statement that mentions a theme, and where it first appears."""

from typing import Annotated

import typer

from career_cli.cli.context import Env, with_context
from career_cli.cli.options import CategoryOption, command_app

EXAMPLES = """\b
Examples:
  career search interview
  career search on-call -c accountability
  career search mentoring --format json | jq -r '.matches[].level.id'
"""

app = command_app()


@app.command(epilog=EXAMPLES)
@with_context("search")
def search(
    env: Env,
    text: Annotated[
        list[str],
        typer.Argument(
            metavar="TEXT...",
            help="The theme: one or more words, all of which a statement must mention.",
            show_default=False,
        ),
    ],
    category: CategoryOption = None,
) -> None:
    """Find every statement that mentions a theme, and the level where it first appears.

    Words match by stem, ignoring case: "interview" finds "interviews", "hiring" finds "hires",
    "on-call" finds "oncall". Exits with status 1 when nothing matches, like grep.
    """
    from career_cli.cli.output import warn_notes
    from career_cli.compare.align import pick_categories
    from career_cli.features.search import search as find

    framework = env.open_framework()
    warn_notes(framework.levels)
    wanted = None
    if category:
        everything = [c for level in framework.levels for c in level.categories]
        wanted = [c.id for c in pick_categories(everything, category, where=framework.title)]
    result = find(framework, " ".join(text), categories=wanted)
    env.emit(result)
    if not result.matches:
        raise typer.Exit(1)
