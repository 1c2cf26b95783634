"""``career search TEXT…``: every statement that mentions a theme, and where it first appears."""

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
  career search interview
  career search on-call -c accountability
  career search mentoring --format json | jq -r '.matches[].level.id'
"""

app = command_app()


@app.command(epilog=EXAMPLES)
def search(
    text: Annotated[
        list[str],
        typer.Argument(
            metavar="TEXT...",
            help="The theme: one or more words, all of which a statement must mention.",
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
    """Find every statement that mentions a theme, and the level where it first appears.

    Words match by stem, ignoring case: "interview" finds "interviews", "hiring" finds "hires",
    "on-call" finds "oncall". Exits with status 1 when nothing matches, like grep.
    """
    from career_cli.align import pick_categories
    from career_cli.catalog import open_framework
    from career_cli.search import search as find

    output = pick_format(fmt, json_flag)
    loaded = open_framework(framework, root=root)
    warn_problems(loaded)
    warn_notes(loaded.levels)
    wanted = None
    if category:
        everything = [c for level in loaded.levels for c in level.categories]
        wanted = [c.id for c in pick_categories(everything, category, where=loaded.title)]
    result = find(loaded, " ".join(text), categories=wanted)
    if output is Format.json:
        from career_cli.render.json_doc import dumps, search_document

        emit(dumps(search_document(result), pretty=stdout_is_terminal()))
    elif output is Format.markdown:
        from career_cli.render.markdown import render_search as markdown_search

        emit(markdown_search(result))
    else:
        from career_cli.render.terminal import TerminalOptions
        from career_cli.render.terminal.search import render_search

        options = TerminalOptions(width=output_width(width), color=use_color(color))
        emit(render_search(result, options), page=not no_pager)
    if not result.matches:
        raise typer.Exit(1)
