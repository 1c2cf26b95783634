"""``career lint [DIR]``: problems in a framework's pages, as a linter reports them."""

from enum import Enum
from typing import Annotated

import typer

from career_cli.cli.options import (
    ColorOption,
    Format,
    FormatOption,
    FrameworkOption,
    JsonFlag,
    RootOption,
    ThresholdOption,
    command_app,
    pick_format,
)
from career_cli.cli.output import ColorChoice, emit, stdout_is_terminal, use_color
from career_cli.similarity import DEFAULT_THRESHOLD

EXAMPLES = """\b
Examples:
  career lint -f infrastructure
  career lint -f infrastructure --severity info --ignore carried-over
  career lint -f infrastructure --format json | jq '.counts'
"""

app = command_app()


class SeverityChoice(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


@app.command(epilog=EXAMPLES)
def lint(
    directory: Annotated[
        str | None,
        typer.Argument(
            metavar="[DIR]",
            help=(
                "A handbook checkout (all its frameworks), a folder of its career matrix, or a "
                "framework folder. Default: --framework, else every framework of --root, "
                "else the current directory."
            ),
            show_default=False,
        ),
    ] = None,
    framework: FrameworkOption = None,
    root: RootOption = None,
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
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with status 1 on warnings too.")
    ] = False,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    fmt: FormatOption = Format.text,
    json_flag: JsonFlag = False,
    color: ColorOption = ColorChoice.auto,
) -> None:
    """Check a framework's pages: path:line: CODE message per problem.

    Errors (E…) are broken pages, shortcodes and includes, and repeated statements; warnings (W…)
    are categories some levels lack, titles that disagree with their heading, and a higher level
    asking less than the one below; information (I…) notes empty categories and statements
    carried over unchanged. Exits with status 1 when there are errors (--strict: or warnings).
    """
    from career_cli import lint as checks
    from career_cli.catalog import include_locator, lint_targets

    output = pick_format(fmt, json_flag)
    ignored = ignore or []
    for name in ignored:
        checks.rule(name)  # an unknown rule is a usage error before any work
    frameworks, root_path = lint_targets(directory, framework, root=root)
    found = checks.lint(frameworks, locate=include_locator(root_path), threshold=threshold)
    shown = checks.select(found, severity=severity.value, ignore=ignored)
    pages = sum(len(f.levels) + len(f.problems) for f in frameworks)
    if output is Format.json:
        from career_cli.render.json_doc import dumps, lint_document

        emit(dumps(lint_document(shown, frameworks, root_path), pretty=stdout_is_terminal()))
    elif output is Format.markdown:
        from career_cli.render.markdown import render_lint as markdown_lint

        emit(markdown_lint(shown))
    else:
        from career_cli.render.terminal import TerminalOptions
        from career_cli.render.terminal.lint import render_lint

        options = TerminalOptions(color=use_color(color))
        emit(render_lint(shown, len(frameworks), pages, options, hidden=len(found) - len(shown)))
    tally = checks.counts(shown)
    if tally["error"] or (strict and tally["warning"]):
        raise typer.Exit(1)
