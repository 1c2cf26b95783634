"""``career show LEVEL``: one level's overview and statements, category by category."""

from typing import Annotated

from career_cli.cli.context import Env, with_context
from career_cli.cli.options import CategoryOption, command_app, level_argument

EXAMPLES = """\b
Examples:
  career show senior
  career show intermediate -c team -c autonomy
  career show associate --format json | jq '.categories[].title'
"""

app = command_app()


@app.command(epilog=EXAMPLES)
@with_context("show")
def show(
    env: Env,
    level: Annotated[
        str,
        level_argument(
            "LEVEL",
            "The level: id, title or unique prefix; a page file; either with @REV for that "
            "git revision.",
        ),
    ],
    category: CategoryOption = None,
) -> None:
    """Show a level: its overview and its statements by category."""
    from career_cli.compare.align import pick_categories
    from career_cli.model import ShownLevel

    framework, [found] = env.open_levels([level], skip_warning=True)
    categories = pick_categories(found.categories, category or [], where=found.title)
    env.emit(ShownLevel(framework, found, tuple(categories)))
