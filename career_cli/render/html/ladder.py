"""The HTML report of ``career ladder``: per category, one row per thread and one column per
level (each cell its level's wording, the change from the level below marked); on a phone the
columns stack, each cell naming its level."""

from __future__ import annotations

from career_cli.features.ladder import Ladder, Thread
from career_cli.render import RenderOptions
from career_cli.render.html import esc, page, words


def _cell(thread: Thread, k: int) -> str:
    cell = thread.cell(k)
    if cell is None:
        if thread.joined_at == k and thread.joins is not None:
            return f'<p class="note">joins {thread.joins + 1}</p>'
        return '<p class="note">dropped</p>' if thread.dropped_at == k else ""
    if cell.item.include is not None:
        body = f"include <code>{esc(cell.item.include)}</code>"
    elif cell.status == "changed":
        body = words(cell.ops, "new")
    else:
        body = esc(cell.item.text)
    if cell.status == "unchanged":
        return f'<p class="note">= {body}</p>'
    if cell.status == "split" and thread.split_from is not None:
        split = f'<span class="note">(split from {thread.split_from + 1})</span>'
        return f"<p><ins>+</ins> {split} {body}</p>"
    return f"<p><ins>+</ins> {body}</p>" if cell.status == "added" else f"<p>{body}</p>"


def render_ladder(ladder: Ladder, options: RenderOptions) -> str:
    n = len(ladder.levels)
    columns = f"grid-template-columns:2rem repeat({n},minmax(0,1fr))"
    parts = [
        '<p class="meta">= unchanged from the level below · <ins>inserted words</ins> where it '
        "changed · <ins>+</ins> new at this level</p>"
    ]
    for category in ladder.categories:
        cells = ['<div class="num">#</div>']
        cells += [f"<div><strong>{esc(level.title)}</strong></div>" for level in ladder.levels]
        for number, thread in enumerate(category.threads, 1):
            cells.append(f'<div class="num">{number}</div>')
            for k, level in enumerate(ladder.levels):
                body = _cell(thread, k)
                label = f'<span class="label">{esc(level.title)}</span>' if body else ""
                cells.append(f"<div>{label}{body}</div>")
        parts.append(
            f"<section><h2>{esc(category.title)}</h2>"
            f'<div class="ladder" style="{columns}">{"".join(cells)}</div></section>'
        )
    first, last = ladder.levels[0], ladder.levels[-1]
    return page(
        f"{ladder.framework.title}: the ladder",
        f"career ladder --from {first.id} --to {last.id} --format html",
        ladder.framework,
        ladder.levels,
        "\n".join(parts),
    )
