"""``career lint [DIR]``: problems in a framework's pages, as a linter reports them."""

from enum import Enum
from typing import Annotated

import typer

from career_cli.cli.context import Env, with_context
from career_cli.cli.options import ThresholdOption, command_app, complete_rule

EXAMPLES = """\b
Examples:
  career lint
  career lint -f infrastructure --severity info --ignore carried-over
  career lint --format json | jq '.counts'
"""

app = command_app()


class SeverityChoice(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


@app.command(epilog=EXAMPLES)
@with_context("lint")
def lint(
    env: Env,
    directory: Annotated[
        str | None,
        typer.Argument(
            metavar="[DIR]",
            help=(
                "A handbook checkout (all its frameworks), a folder of its career matrix, or a "
                "framework folder (or a folder of them). Default: the framework -f names "
                "(the bundled one without -f), else every framework of --root."
            ),
            show_default=False,
        ),
    ] = None,
    severity: Annotated[
        SeverityChoice,
        typer.Option(
            "--severity",
            help="Show problems at least this severe; info adds empty categories and statements "
            "carried over unchanged, which most ladders have by design.",
            case_sensitive=False,
        ),
    ] = SeverityChoice.warning,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="CODE",
            help="Skip a rule, by code (W203) or name (weaker-statement); repeatable.",
            autocompletion=complete_rule,
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with status 1 on warnings too.")
    ] = False,
    threshold: ThresholdOption = None,
) -> None:
    """Check a framework's pages: path:line: CODE message per problem.

    Errors (E…) are broken pages, shortcodes and includes, and repeated statements; warnings (W…)
    are categories some levels lack, titles that disagree with their heading, and a higher level
    asking less than the one below; information (I…) notes empty categories and statements
    carried over unchanged. Exits with status 1 when there are errors (--strict: or warnings).
    """
    from career_cli.features import lint_rules as rules
    from career_cli.features.lint import lint as check
    from career_cli.sources.catalog import include_locator, lint_targets

    ignored = ignore or []
    for name in ignored:
        rules.rule(name)  # an unknown rule is a usage error before any work
    frameworks, root = lint_targets(directory, env.framework, root=env.root)
    for framework in frameworks:
        env.remember(framework)
    found = check(frameworks, locate=include_locator(root), threshold=threshold)
    shown = rules.select(found, severity=severity.value, ignore=ignored)
    env.emit(
        rules.LintReport(tuple(shown), tuple(frameworks), root, hidden=len(found) - len(shown))
    )
    tally = rules.counts(shown)
    if tally["error"] or (strict and tally["warning"]):
        raise typer.Exit(1)
