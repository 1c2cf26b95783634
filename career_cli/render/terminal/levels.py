"""The terminal view of ``career levels``: one row per level in ladder order.

Words are never split: the table is used when its short columns (id, title, the counts) fit
beside a description of at least ``MIN_TEXT`` columns; otherwise each level is a stacked block.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from career_cli.model import Framework
from career_cli.render import RenderOptions
from career_cli.render.terminal import DIM, TITLE, fits_beside, to_string
from career_cli.text import visible

MIN_TEXT = 20  # the narrowest description column worth reading


def _table(framework: Framework) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style=TITLE)
    table.add_column(Text("id"), no_wrap=True)
    table.add_column(Text("title"), no_wrap=True)
    table.add_column(Text("categories"), justify="right", no_wrap=True)
    table.add_column(Text("competencies"), justify="right", no_wrap=True)
    table.add_column(Text("description"), ratio=1)
    for level in framework.levels:
        table.add_row(
            Text(visible(level.id), TITLE),
            Text(visible(level.title)),
            Text(str(len(level.categories))),
            Text(str(level.statement_count)),
            Text(visible(level.description), DIM),
        )
    return table


def _stacked(framework: Framework) -> RenderableType:
    blocks: list[RenderableType] = []
    for level in framework.levels:
        categories, statements = len(level.categories), level.statement_count
        blocks.append(Text())
        blocks.append(
            Text.assemble(
                (visible(level.id), TITLE),
                ("  ", ""),
                (visible(level.title), ""),
            )
        )
        counts = (
            f"{categories} categor{'y' if categories == 1 else 'ies'} · "
            f"{statements} competenc{'y' if statements == 1 else 'ies'}"
        )
        lines: list[RenderableType] = [Text(counts)]
        if level.description:
            lines.append(Text(visible(level.description), DIM))
        blocks.append(Padding(Group(*lines), (0, 0, 0, 2)))
    return Group(*blocks)


def render_levels(framework: Framework, options: RenderOptions) -> str:
    short = [
        ["id", *(visible(level.id) for level in framework.levels)],
        ["title", *(visible(level.title) for level in framework.levels)],
        ["categories"],
        ["competencies"],
    ]
    wide = fits_beside(short, MIN_TEXT, options.width)
    body = _table(framework) if wide else _stacked(framework)
    heading = Text(visible(framework.title), TITLE)
    return to_string(Group(heading, Text(visible(str(framework.path)), DIM), body), options)
