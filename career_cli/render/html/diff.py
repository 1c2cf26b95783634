"""The HTML report of ``career diff``: per category, the two levels side by side (stacked on a
phone), reworded statements marked word by word with ``<del>``/``<ins>``."""

from __future__ import annotations

import shlex

from career_cli.model import CategoryDiff, ItemDiff, LevelDiff, Statement
from career_cli.render import RenderOptions, change_tags
from career_cli.render.html import esc, page, words
from career_cli.render.markdown import counts_text

MARKS = {"added": "+", "removed": "−", "changed": "~", "unchanged": ""}


def keyed(item: Statement, body: str) -> str:
    """A table row's name before its words, as ``show`` gives it: **Scope** — …"""
    return f"<strong>{esc(item.key)}</strong> — {body}" if item.key is not None else body


def statement(item: Statement | None) -> str:
    if item is None:
        return ""
    if item.include is not None:
        return f"<p>include <code>{esc(item.include)}</code></p>"
    return f"<p>{keyed(item, esc(item.text))}</p>"


def _folded(extra: tuple[tuple[int, Statement], ...], what: str) -> str:
    return "".join(f'<p class="also">{what}: {esc(s.text)}</p>' for _, s in extra)


def tags(change: tuple[str, ...]) -> str:
    """What a new wording raises, under it: ``scope↑ ownership↑`` (features.change_kinds)."""
    return f'<p class="tags">{esc(change_tags(change))}</p>' if change else ""


def side(label: str, body: str, which: str) -> str:
    """One side of a row; its level's name shows above it only when the columns stack."""
    if not body:
        return f'<div class="side {which}"></div>'
    return f'<div class="side {which}"><span class="label">{esc(label)}</span>{body}</div>'


def _row(item: ItemDiff, old: str, new: str) -> str:
    if item.status == "changed" and item.old and item.new and item.old.include is None:
        left = f"<p>{keyed(item.old, words(item.ops, 'old'))}</p>"
        right = f"<p>{keyed(item.new, words(item.ops, 'new'))}</p>"
    else:
        left, right = statement(item.old), statement(item.new)
    left += _folded(item.also_old, "also")
    right += _folded(item.also_new, "also")
    right += tags(item.change)
    return (
        f'<div class="row {item.status}"><div class="mark" title="{item.status}">'
        f"{MARKS[item.status]}</div>{side(old, left, 'old')}{side(new, right, 'new')}</div>"
    )


def rows(old: str, new: str, body: list[str]) -> str:
    """A two-column grid with a header row naming the levels."""
    head = (
        f'<div class="row head"><div></div><div class="side">{esc(old)}</div>'
        f'<div class="side">{esc(new)}</div></div>'
    )
    return f'<div class="rows">{head}{"".join(body)}</div>'


def _category(category: CategoryDiff, diff: LevelDiff, options: RenderOptions) -> str:
    items = [i for i in category.items if not (options.changes_only and i.status == "unchanged")]
    counts = counts_text(category.counts)
    if category.status in ("added", "removed"):
        counts = f"category {category.status} · {counts}"
    body = [_row(item, diff.old.title, diff.new.title) for item in items]
    return (
        f'<section><h2>{esc(category.title)}<span class="counts">{counts}</span></h2>'
        f"{rows(diff.old.title, diff.new.title, body) if body else ''}</section>"
    )


def render_diff(diff: LevelDiff, options: RenderOptions) -> str:
    parts = [f'<p class="summary">{counts_text(diff.counts)}</p>']
    if diff.overview.status != "unchanged":
        old = f"<p>{words(diff.overview.ops, 'old')}</p>"
        new = f"<p>{words(diff.overview.ops, 'new')}</p>"
        overview = [
            '<div class="row changed"><div class="mark">~</div>'
            f"{side(diff.old.title, old, 'old')}{side(diff.new.title, new, 'new')}</div>"
        ]
        parts.append(f"<section><h2>Overview</h2>{rows(diff.old.title, diff.new.title, overview)}")
        parts.append("</section>")
    parts += [_category(category, diff, options) for category in diff.categories]
    command = f"career diff {shlex.quote(diff.old.id)} {shlex.quote(diff.new.id)} --format html"
    return page(
        f"{diff.old.title} → {diff.new.title}",
        command,
        diff.framework,
        (diff.old, diff.new),
        "\n".join(parts),
    )
