"""The terminal view of ``career levels``: one row per level in ladder order."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from career_cli.model import Framework
from career_cli.render.terminal import DIM, TerminalOptions, to_string
from career_cli.text import visible


def render_levels(framework: Framework, options: TerminalOptions) -> str:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold" if options.color else "")
    table.add_column(Text("id"), no_wrap=True)
    table.add_column(Text("title"))
    table.add_column(Text("categories"), justify="right")
    table.add_column(Text("competencies"), justify="right")
    table.add_column(Text("description"), ratio=1, overflow="fold")
    for level in framework.levels:
        table.add_row(
            Text(visible(level.id), "bold" if options.color else ""),
            Text(visible(level.title)),
            Text(str(len(level.categories))),
            Text(str(level.competency_count)),
            Text(visible(level.description), DIM if options.color else ""),
        )
    heading = Text(visible(framework.title), "bold" if options.color else "")
    return to_string(Group(heading, Text(visible(str(framework.path)), DIM), table), options)
