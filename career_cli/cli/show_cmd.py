"""``career show LEVEL``: one level's overview and statements, category by category."""

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

EXAMPLES = """\b
Examples:
  career show senior
  career show intermediate -c team -c autonomy
  career show associate --format json | jq '.categories[].title'
"""

app = command_app()


@app.command(epilog=EXAMPLES)
def show(
    level: Annotated[
        str,
        typer.Argument(
            metavar="LEVEL",
            help=(
                "The level: id, title or unique prefix; a page file; either with @REV for that "
                "git revision."
            ),
            autocompletion=complete_level,
            show_default=False,
        ),
    ],
    framework: FrameworkOption = None,
    root: RootOption = None,
    category: CategoryOption = None,
    fmt: FormatOption = Format.text,
    json_flag: JsonFlag = False,
    width: WidthOption = None,
    color: ColorOption = ColorChoice.auto,
    no_pager: NoPagerFlag = False,
) -> None:
    """Show a level: its overview and its statements by category."""
    from career_cli.align import pick_categories
    from career_cli.catalog import open_levels

    output = pick_format(fmt, json_flag)
    loaded, [found], named = open_levels([level], framework, root=root)
    if named:
        warn_problems(loaded, skip={found.id})
    warn_notes([found])
    categories = pick_categories(found.categories, category or [], where=found.title)
    if output is Format.json:
        from career_cli.render.json_doc import dumps, show_document

        emit(dumps(show_document(loaded, found, categories), pretty=stdout_is_terminal()))
    elif output is Format.markdown:
        from career_cli.render.markdown import render_show as markdown_show

        emit(markdown_show(loaded, found, categories))
    else:
        from career_cli.render.terminal import TerminalOptions
        from career_cli.render.terminal.level import render_show

        options = TerminalOptions(width=output_width(width), color=use_color(color))
        emit(render_show(loaded, found, categories, options), page=not no_pager)
