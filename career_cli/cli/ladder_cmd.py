"""``career ladder [CATEGORY…]``: every competency's path up the whole ladder."""

from typing import Annotated

import typer

from career_cli.cli.options import (
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
  career ladder team
  career ladder --from intermediate --width 120
  career ladder accountability --format json | jq '.categories[].threads | length'
"""

app = command_app()


@app.command(epilog=EXAMPLES)
def ladder(
    categories: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[CATEGORY]...",
            help="Only these categories (case-insensitive prefixes of title or id).",
            show_default=False,
        ),
    ] = None,
    framework: FrameworkOption = None,
    root: RootOption = None,
    first: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="LEVEL",
            help="Start the ladder at this level.",
            autocompletion=complete_level,
            show_default=False,
        ),
    ] = None,
    last: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="LEVEL",
            help="End the ladder at this level.",
            autocompletion=complete_level,
            show_default=False,
        ),
    ] = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    fmt: FormatOption = Format.text,
    json_flag: JsonFlag = False,
    width: WidthOption = None,
    color: ColorOption = ColorChoice.auto,
    no_pager: NoPagerFlag = False,
) -> None:
    """Follow each competency up the ladder: one row per thread, one column per level.

    Each cell is that level's wording, the change from the level below marked: = unchanged,
    ~ changed (added words marked), + new at that level, - dropped. With more levels than fit
    the terminal, each category is shown in level windows; when too narrow, stacked.
    """
    from dataclasses import replace

    from career_cli.align import pick_categories
    from career_cli.catalog import find_level, open_framework
    from career_cli.ladder import build_ladder, level_range

    output = pick_format(fmt, json_flag)
    loaded = open_framework(framework, root=root)
    start = find_level(loaded, first) if first else None
    stop = find_level(loaded, last) if last else None
    warn_problems(loaded)
    levels = level_range(loaded, start, stop)
    warn_notes(levels)
    built = build_ladder(loaded, levels, threshold=threshold)
    if categories:
        everything = [c for level in levels for c in level.categories]
        wanted = {c.id for c in pick_categories(everything, categories, where=loaded.title)}
        built = replace(built, categories=tuple(c for c in built.categories if c.id in wanted))
    if output is Format.json:
        from career_cli.render.json_doc import dumps, ladder_document

        emit(dumps(ladder_document(built), pretty=stdout_is_terminal()))
    elif output is Format.markdown:
        from career_cli.render.markdown import render_ladder as markdown_ladder

        emit(markdown_ladder(built))
    else:
        from career_cli.render.terminal import TerminalOptions
        from career_cli.render.terminal.ladder import render_ladder

        options = TerminalOptions(width=output_width(width), color=use_color(color))
        emit(render_ladder(built, options), page=not no_pager)
