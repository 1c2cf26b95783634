"""``career frameworks``: the bundled frameworks, and those of a handbook checkout."""

from career_cli.cli.context import Env, with_context
from career_cli.cli.options import RootOption, command_app

EXAMPLES = """\b
Examples:
  career frameworks
  career frameworks --format json | jq -r '.frameworks[].name'
"""

app = command_app()


@app.command(epilog=EXAMPLES)
@with_context("frameworks", reads_framework=False)
def frameworks(env: Env, root: RootOption = None) -> None:
    """List the bundled frameworks and those found in a handbook checkout (--root)."""
    from career_cli.sources.catalog import list_frameworks

    listing = list_frameworks(root)
    for _, framework in listing.entries:
        env.remember(framework)
    env.emit(listing)
