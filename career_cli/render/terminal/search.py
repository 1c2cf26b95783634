"""The terminal view of ``career search``: where a theme first appears, then every mention.

Hits are highlighted like a marker pen (black on yellow); without colour they are marked
``*like this*``, as the diff view marks changes with ``{+…+}``, so they show in a pipe too.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from career_cli.features.search import Match, SearchResult, summary
from career_cli.render import RenderOptions
from career_cli.render.terminal import DIM, TITLE, to_string
from career_cli.text import plain, visible

HIT = "career.hit"


def highlighted(match: Match, color: bool) -> Text:
    text = plain(match.item.text)
    out = Text()
    position = 0
    for start, end in match.hits:
        out.append(visible(text[position:start]))
        word = visible(text[start:end])
        out.append(word, HIT) if color else out.append(f"*{word}*")
        position = end
    out.append(visible(text[position:]))
    return out


def render_search(result: SearchResult, options: RenderOptions) -> str:
    color = options.color
    parts: list[RenderableType] = [Text(visible(summary(result)), TITLE)]
    level = category = None
    table: Table | None = None
    for match in result.matches:
        if match.level is not level:
            level, category = match.level, None
            parts.append(Text())
            parts.append(Text(visible(level.title), TITLE))
        if match.category is not category:
            category = match.category
            parts.append(Padding(Text(visible(category.title), DIM), (0, 0, 0, 2)))
            table = Table.grid(padding=(0, 1))
            table.add_column(justify="right", no_wrap=True, min_width=3)
            table.add_column(ratio=1, overflow="fold")
            parts.append(Padding(table, (0, 0, 0, 2)))
        assert table is not None
        table.add_row(Text(f"{match.index}.", DIM), highlighted(match, color))
    return to_string(Group(*parts), options)
