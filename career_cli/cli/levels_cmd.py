"""``career levels``: the framework's levels in ladder order."""

from career_cli.cli.context import Env, with_context
from career_cli.cli.options import command_app

EXAMPLES = """\b
Examples:
  career levels
  career levels --format json | jq -r '.levels[].id'
  career levels --framework infrastructure
"""

app = command_app()


@app.command(epilog=EXAMPLES)
@with_context("levels")
def levels(env: Env) -> None:
    """List the framework's levels in ladder order, with their size."""
    env.emit(env.open_framework())
