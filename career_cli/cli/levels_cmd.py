"""``career levels``: the framework's levels in ladder order."""

from career_cli.cli.options import (
    ColorOption,
    Format,
    FormatOption,
    FrameworkOption,
    JsonFlag,
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
    warn_problems,
)

EXAMPLES = """\b
Examples:
  career levels
  career levels --format json | jq -r '.levels[].id'
  career levels --framework infrastructure
"""

app = command_app()


@app.command(epilog=EXAMPLES)
def levels(
    framework: FrameworkOption = None,
    root: RootOption = None,
    fmt: FormatOption = Format.text,
    json_flag: JsonFlag = False,
    color: ColorOption = ColorChoice.auto,
    width: WidthOption = None,
) -> None:
    """List the framework's levels in ladder order, with their size."""
    from career_cli.catalog import open_framework

    loaded = open_framework(framework, root=root)
    warn_problems(loaded)
    output = pick_format(fmt, json_flag)
    if output is Format.json:
        from career_cli.render.json_doc import dumps, levels_document

        emit(dumps(levels_document(loaded), pretty=stdout_is_terminal()))
        return
    if output is Format.markdown:
        from career_cli.render.markdown import render_levels as markdown_levels

        emit(markdown_levels(loaded))
        return
    from career_cli.render.terminal import TerminalOptions
    from career_cli.render.terminal.levels import render_levels

    options = TerminalOptions(width=output_width(width), color=use_color(color))
    emit(render_levels(loaded, options))
