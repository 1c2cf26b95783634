"""The terminal view of ``career frameworks``: bundled frameworks, then a checkout's."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from career_cli.model import Framework, FrameworkList
from career_cli.render import RenderOptions
from career_cli.render.terminal import DIM, TITLE, fits_beside, to_string
from career_cli.text import shown_path, visible

# The two wrapping columns (levels, title) each get at least this many columns, or the
# frameworks are stacked: a squeezed column would split words.
MIN_TEXT = 20


def _levels(framework: Framework) -> str:
    levels = ", ".join(level.id for level in framework.levels)
    if framework.problems:
        levels += f" (+{len(framework.problems)} unreadable)"
    return visible(levels)


def _table(frameworks: list[Framework]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style=TITLE)
    table.add_column(Text("name"), no_wrap=True)
    table.add_column(Text("levels"), ratio=1)
    table.add_column(Text("title"), ratio=1)
    for framework in frameworks:
        table.add_row(
            Text(visible(framework.id), TITLE),
            Text(_levels(framework)),
            Text(visible(framework.title), DIM),
        )
    return table


def _stacked(frameworks: list[Framework]) -> RenderableType:
    blocks: list[RenderableType] = []
    for framework in frameworks:
        lines: list[RenderableType] = [Text(visible(framework.title), DIM)]
        lines.append(Text(f"levels: {_levels(framework)}"))
        blocks.append(Text())
        blocks.append(Text(visible(framework.id), TITLE))
        blocks.append(Padding(Group(*lines), (0, 0, 0, 2)))
    blocks.append(Text())
    return Group(*blocks)


def _listed(frameworks: list[Framework], options: RenderOptions) -> RenderableType:
    names = ["name", *(visible(framework.id) for framework in frameworks)]
    # Two wrapping columns of MIN_TEXT, and the three columns of space between them.
    if fits_beside([names], 2 * MIN_TEXT + 3, options.width):
        return _table(frameworks)
    return _stacked(frameworks)


def render_frameworks(listing: FrameworkList, options: RenderOptions) -> str:
    entries, root = listing.entries, listing.root
    parts: list[RenderableType] = []
    bundled = [framework for source, framework in entries if source == "bundled"]
    found = [framework for source, framework in entries if source == "root"]
    parts.append(Text("Bundled", TITLE))
    parts.append(_listed(bundled, options) if bundled else Text("  none", DIM))
    if root is None:
        parts.append(
            Text("A handbook checkout's frameworks: career frameworks --root HANDBOOK", DIM)
        )
    else:
        parts.append(Text.assemble(("Under ", ""), (visible(shown_path(root)), TITLE)))
        parts.append(_listed(found, options) if found else Text("  none", DIM))
    return to_string(Group(*parts), options)
