"""``career diff FROM TO``: what one level asks that another does not, category by category.

FROM and TO are level names, page files, or either at a git revision (``senior@v1.0``).
"""

from typing import Annotated

import typer

from career_cli.cli.options import (
    CategoryOption,
    ColorOption,
    Format,
    FormatOption,
    FrameworkOption,
    JsonFlag,
    NoPagerFlag,
    RootOption,
    ThresholdOption,
    WidthOption,
    command_app,
    complete_level,
    pick_format,
)
from career_cli.cli.output import (
    ColorChoice,
    emit,
    output_width,
    stdout_is_terminal,
    use_color,
    warn_notes,
    warn_problems,
)
from career_cli.similarity import DEFAULT_THRESHOLD

EXAMPLES = """\b
Examples:
  career diff intermediate senior
  career diff associate senior --changes-only -c team
  career diff intermediate senior --format markdown
"""

app = command_app()


@app.command(epilog=EXAMPLES)
def diff(
    from_level: Annotated[
        str,
        typer.Argument(
            metavar="FROM",
            help=(
                "The level to compare from: id, title or unique prefix; a page file; "
                "either with @REV for that git revision (senior@HEAD~5)."
            ),
            autocompletion=complete_level,
            show_default=False,
        ),
    ],
    to_level: Annotated[
        str,
        typer.Argument(
            metavar="TO",
            help="The level to compare to (as FROM).",
            autocompletion=complete_level,
            show_default=False,
        ),
    ],
    framework: FrameworkOption = None,
    root: RootOption = None,
    fmt: FormatOption = Format.text,
    json_flag: JsonFlag = False,
    changes_only: Annotated[
        bool, typer.Option("--changes-only", help="Hide unchanged statements.")
    ] = False,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="Markdown: list unchanged statements too (text shows them)."),
    ] = False,
    category: CategoryOption = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit with status 1 when the levels differ, as git."),
    ] = False,
    width: WidthOption = None,
    color: ColorOption = ColorChoice.auto,
    no_pager: NoPagerFlag = False,
) -> None:
    """Compare two levels: new, reworded (word by word), dropped and kept statements."""
    from career_cli.align import diff_levels, select_categories
    from career_cli.catalog import open_levels

    output = pick_format(fmt, json_flag)
    if show_all and changes_only:
        raise typer.BadParameter("--all and --changes-only contradict each other")
    loaded, (old, new), named = open_levels([from_level, to_level], framework, root=root)
    if named:
        warn_problems(loaded)
    warn_notes([old, new])
    result = select_categories(diff_levels(loaded, old, new, threshold=threshold), category or [])
    if output is Format.json:
        from career_cli.render.json_doc import diff_document, dumps

        emit(dumps(diff_document(result, changes_only=changes_only), pretty=stdout_is_terminal()))
    elif output is Format.markdown:
        from career_cli.render.markdown import render_diff as markdown_diff

        emit(markdown_diff(result, show_all=show_all))
    else:
        from career_cli.render.terminal import TerminalOptions
        from career_cli.render.terminal.diff import render_diff

        options = TerminalOptions(
            width=output_width(width), color=use_color(color), changes_only=changes_only
        )
        emit(render_diff(result, options), page=not no_pager)
    if exit_code and result.has_differences:
        raise typer.Exit(1)
