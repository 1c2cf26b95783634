"""``career frameworks``: the bundled frameworks, and those of a handbook checkout."""

from pathlib import Path

from career_cli.cli.options import (
    ColorOption,
    Format,
    FormatOption,
    JsonFlag,
    RootOption,
    WidthOption,
    command_app,
    pick_format,
)
from career_cli.cli.output import ColorChoice, emit, output_width, stdout_is_terminal, use_color
from career_cli.model import Framework

EXAMPLES = """\b
Examples:
  career frameworks
  career frameworks --format json | jq -r '.frameworks[].name'
"""

app = command_app()


@app.command(epilog=EXAMPLES)
def frameworks(
    root: RootOption = None,
    fmt: FormatOption = Format.text,
    json_flag: JsonFlag = False,
    color: ColorOption = ColorChoice.auto,
    width: WidthOption = None,
) -> None:
    """List the bundled frameworks and those found in a handbook checkout (--root)."""
    from career_cli.catalog import bundled_frameworks
    from career_cli.loader import load_framework

    entries: list[tuple[str, Framework]] = [
        ("bundled", load_framework(path, ident=name)) for name, path in bundled_frameworks().items()
    ]
    root_path = None
    if root is not None:
        from career_cli.handbook import check_root, discover

        root_path = check_root(Path(root).expanduser())
        entries += [
            ("root", load_framework(ref.path, ident=ref.name)) for ref in discover(root_path)
        ]
    output = pick_format(fmt, json_flag)
    if output is Format.json:
        from career_cli.render.json_doc import dumps, frameworks_document

        emit(dumps(frameworks_document(entries, root_path), pretty=stdout_is_terminal()))
    elif output is Format.markdown:
        from career_cli.render.markdown import render_frameworks as markdown_frameworks

        emit(markdown_frameworks(entries))
    else:
        from career_cli.render.terminal import TerminalOptions
        from career_cli.render.terminal.frameworks import render_frameworks

        options = TerminalOptions(width=output_width(width), color=use_color(color))
        emit(render_frameworks(entries, root_path, options))
