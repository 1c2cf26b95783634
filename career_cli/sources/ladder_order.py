"""A folder's ladder order when its pages say nothing of it: the index's links, or page links.

``loader.ladder_key`` orders levels by frontmatter ``weight``, then by the known ladder (intern …
fellow), then by file name. A folder whose levels have no weight and names outside the known
ladder (``engineer-1``, ``senior``) is ordered here instead, by what its author wrote:

1. Jekyll-style ``previous_page``/``next_page`` frontmatter on the pages, followed from the page
   with no previous one;
2. else the order in which the folder's ``_index.md`` (or ``index.md``) links to the levels (a link
   whose last path part is the level's id, as Hugo's section pages list them).

Levels neither names keep ``ladder_key``'s order, after those named. Imported only for such
folders.
"""

from __future__ import annotations

import re
from pathlib import Path

from career_cli.errors import PageError
from career_cli.model import Level

_LINK = re.compile(r"\]\(([^()\s]*)\)|href=[\"']([^\"'<>]*)[\"']")
_NEIGHBOURS = ("previous_page", "next_page")


def _stem(target: str) -> str:
    """``/careers/platform/engineer-1/`` or ``engineer-1.md#x`` → ``engineer-1``."""
    path = target.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    name = path.rsplit("/", 1)[-1].lower()
    for suffix in (".md", ".html", ".htm"):
        name = name.removesuffix(suffix)
    return name


def _chain(levels: list[Level]) -> list[str]:
    """Level ids in the order their pages' previous/next links make, or [] without such links."""
    from career_cli.sources.loader import read_page, split_frontmatter

    ids = {level.id for level in levels}
    after: dict[str, str] = {}
    for level in levels:
        try:
            meta, _, _ = split_frontmatter(read_page(level.path), level.path)
        except PageError:
            continue
        before, following = (meta.get(key) for key in _NEIGHBOURS)
        if isinstance(before, str) and _stem(before) in ids:
            after.setdefault(_stem(before), level.id)
        if isinstance(following, str) and _stem(following) in ids:
            after.setdefault(level.id, _stem(following))
    if not after:
        return []
    first = [k for k in after if k not in set(after.values())]
    order: list[str] = []
    at = first[0] if first else None
    while at is not None and at not in order:
        order.append(at)
        at = after.get(at)
    return order


def _index(directory: Path, ids: set[str]) -> list[str]:
    from career_cli.sources.loader import read_page

    for name in ("_index.md", "index.md"):
        page = directory / name
        if not page.is_file():
            continue
        try:
            text = read_page(page)
        except PageError:
            return []
        order: list[str] = []
        for m in _LINK.finditer(text):
            stem = _stem(m.group(1) or m.group(2) or "")
            if stem in ids and stem not in order:
                order.append(stem)
        return order
    return []


def ordered(levels: list[Level], directory: Path) -> list[Level]:
    """The levels (sorted by ``ladder_key``) in their author's order, where pages give one."""
    order = _chain(levels) or _index(directory, {level.id for level in levels})
    if len(order) < 2:
        return levels
    rank = {ident: k for k, ident in enumerate(order)}
    return sorted(levels, key=lambda level: rank.get(level.id, len(rank)))
