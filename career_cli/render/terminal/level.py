"""The terminal view of one level (``career show``): its overview, then statements by category.

Named ``level``, not ``show``: a submodule named ``show`` would shadow the package's ``show()``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from career_cli.model import Category, Framework, Level, ShownLevel
from career_cli.render import RenderOptions
from career_cli.render.terminal import DIM, TITLE, show, statement, to_string
from career_cli.text import visible


def source_label(source: str | None) -> str:
    """Where a run of statements comes from: an included file, or the page itself."""
    return "on this page" if source is None else f"from {source.rsplit('/', 1)[-1]}"


def _items(category: Category) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    sources = {item.source for item in category.items}
    previous: object = object()  # no statement yet
    for number, item in enumerate(category.items, 1):
        if len(sources) > 1 or None not in sources:
            if item.source != previous:
                table.add_row(Text(), Text(visible(source_label(item.source)), DIM))
            previous = item.source
        table.add_row(Text(f"{number}.", DIM), statement(item))
        for example in item.examples:  # illustrations, not statements: never numbered
            table.add_row(Text(), Text.assemble(("  example: ", DIM), (show(example), DIM)))
    return table


def show_renderable(
    framework: Framework, level: Level, categories: Sequence[Category], options: RenderOptions
) -> RenderableType:
    parts: list[RenderableType] = [
        Text.assemble(
            (visible(level.title), TITLE),
            (" · ", DIM),
            (visible(framework.title), ""),
        )
    ]
    if level.description:
        parts.append(Text(visible(level.description), DIM))
    for paragraph in level.overview.split("\n\n") if level.overview else ():
        parts.append(Text())
        parts.append(Padding(Text(show(paragraph)), (0, 0, 0, 2)))
    for category in categories:
        parts.append(Text())
        count = len(category.items)
        parts.append(
            Text.assemble(
                (visible(category.title), TITLE),
                ("  ", ""),
                (f"{count} statement{'s' if count != 1 else ''}" if count else "empty", DIM),
            )
        )
        if category.items:
            parts.append(Padding(_items(category), (0, 0, 0, 1)))
    return Group(*parts)


def render_show(shown: ShownLevel, options: RenderOptions) -> str:
    return to_string(
        show_renderable(shown.framework, shown.level, shown.categories, options), options
    )
