"""The terminal view of ``career frameworks``: bundled frameworks, then a checkout's."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from career_cli.model import Framework
from career_cli.render.terminal import DIM, TerminalOptions, to_string
from career_cli.text import shown_path, visible


def _table(frameworks: list[Framework], color: bool) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold" if color else "")
    table.add_column(Text("name"), no_wrap=True)
    table.add_column(Text("levels"), ratio=1, overflow="fold")
    table.add_column(Text("title"), ratio=1, overflow="fold")
    for framework in frameworks:
        levels = ", ".join(level.id for level in framework.levels)
        if framework.problems:
            levels += f" (+{len(framework.problems)} unreadable)"
        table.add_row(
            Text(visible(framework.id), "bold" if color else ""),
            Text(visible(levels)),
            Text(visible(framework.title), DIM if color else ""),
        )
    return table


def render_frameworks(
    entries: Sequence[tuple[str, Framework]], root: Path | None, options: TerminalOptions
) -> str:
    color = options.color
    parts: list[RenderableType] = []
    bundled = [framework for source, framework in entries if source == "bundled"]
    found = [framework for source, framework in entries if source == "root"]
    parts.append(Text("Bundled", "bold" if color else ""))
    parts.append(_table(bundled, color) if bundled else Text("  none", DIM))
    if root is None:
        parts.append(
            Text("A handbook checkout's frameworks: career frameworks --root HANDBOOK", DIM)
        )
    else:
        parts.append(
            Text.assemble(("Under ", ""), (visible(shown_path(root)), "bold" if color else ""))
        )
        parts.append(_table(found, color) if found else Text("  none", DIM))
    return to_string(Group(*parts), options)
