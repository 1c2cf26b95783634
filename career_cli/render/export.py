"""``career export``'s writers: a framework in, its text out, as career's own YAML or JSON, a
matrix CSV (levels as columns, for a tracking sheet), or per-level Markdown pages.

Each format is written so that career reads it back as the same levels, categories, statements
and order (the round trip the tests check): YAML and JSON keep everything (keys, examples,
overviews) under a ``career: 1`` marker; pages keep what a level page holds (no keys or examples,
see ``lost``); the CSV keeps statements, categories and keys, with every cell a spreadsheet
would run as a formula neutralised (OWASP's CSV injection advice: a leading ``'``), which
``text.formula_text`` undoes exactly.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from career_cli.model import Category, Framework, Level, Statement
from career_cli.text import neutralise_formula, slug

FORMAT_VERSION = 1
NOT_LEVEL_NAMES = frozenset({"_index", "index", "readme"})


# ---------------------------------------------------------------------------------------------
# YAML and JSON


def _statement(statement: Statement) -> str | dict[str, Any]:
    if statement.key is None and not statement.examples:
        return statement.text
    found: dict[str, Any] = {"text": statement.text}
    if statement.key is not None:
        found["key"] = statement.key
    if statement.examples:
        found["examples"] = list(statement.examples)
    return found


def _category(category: Category) -> dict[str, Any]:
    return {
        "id": category.id,
        "title": category.parts[0] if len(category.parts) == 1 else list(category.parts),
        "statements": [_statement(s) for s in category.items],
    }


def _level(level: Level) -> dict[str, Any]:
    found: dict[str, Any] = {"id": level.id, "title": level.title}
    if level.description:
        found["description"] = level.description
    if level.overview:
        found["overview"] = level.overview
    found["categories"] = [_category(c) for c in level.categories]
    return found


def document(framework: Framework) -> dict[str, Any]:
    """career's own document: what ``sources.own.read_own`` reads."""
    found: dict[str, Any] = {"career": FORMAT_VERSION, "title": framework.title}
    if framework.description:
        found["description"] = framework.description
    found["levels"] = [_level(level) for level in framework.levels]
    return found


def to_json(framework: Framework) -> str:
    import json

    return json.dumps(document(framework), ensure_ascii=False, indent=2) + "\n"


def to_yaml(framework: Framework) -> str:
    import yaml

    try:
        from yaml import CSafeDumper as Dumper
    except ImportError:  # PyYAML built without libyaml
        from yaml import SafeDumper as Dumper  # type: ignore[assignment]
    text: str = yaml.dump(
        document(framework), Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    return text


# ---------------------------------------------------------------------------------------------
# A matrix CSV


def category_order(levels: Sequence[Level]) -> list[str]:
    """One category order for every level (a matrix has one): each level's own order kept
    (a topological order of "comes before" at every level), ties and contradictions resolved by
    where a category is first met."""
    seen: dict[str, int] = {}
    after: dict[str, set[str]] = {}
    waiting: dict[str, int] = {}
    for level in levels:
        ids = [category.id for category in level.categories]
        for cid in ids:
            seen.setdefault(cid, len(seen))
            after.setdefault(cid, set())
            waiting.setdefault(cid, 0)
        for first, then in pairwise(ids):
            if then not in after[first]:
                after[first].add(then)
                waiting[then] += 1
    ready = [(seen[c], c) for c, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, cid = heapq.heappop(ready)
        order.append(cid)
        for then in after[cid]:
            waiting[then] -= 1
            if waiting[then] == 0:
                heapq.heappush(ready, (seen[then], then))
    placed = set(order)  # levels that order categories in contradicting ways: first met first
    return order + [cid for cid in seen if cid not in placed]


def matrix_rows(framework: Framework) -> list[list[str]]:
    """The matrix: a header (``Category``, ``Key``, one column per level), then one row per
    competency. Statements share a row when they are in the same category with the same key (or
    both without one), in order: each level's column lists its statements in the level's order,
    so the matrix reads back as the framework it came from."""
    levels = framework.levels
    titles = [level.title for level in levels]
    header = ["Category", "Key"] + [
        title if titles.count(title) == 1 else f"{title} ({level.id})"
        for title, level in zip(titles, levels, strict=True)
    ]
    # category id → (title, rows); a row is [key, cell per level]
    table: dict[str, tuple[str, list[list[str | None]]]] = {}
    order = category_order(levels)
    for column, level in enumerate(levels):
        for category in level.categories:
            rows = table.setdefault(category.id, (category.title, []))[1]
            last = -1  # the row of this level's previous statement in this category
            for statement in category.items:
                at = next(
                    (
                        i
                        for i in range(last + 1, len(rows))
                        if rows[i][0] == statement.key and rows[i][column + 1] is None
                    ),
                    None,
                )
                if at is None:
                    at = last + 1
                    rows.insert(at, [statement.key, *([None] * len(levels))])
                rows[at][column + 1] = statement.text
                last = at
    body = [
        [title, key or "", *(cell or "" for cell in cells)]
        for title, rows in (table[cid] for cid in order)
        for key, *cells in rows
    ]
    return [[neutralise_formula(cell) for cell in row] for row in [header, *body]]


def to_csv(framework: Framework) -> str:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(matrix_rows(framework))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Per-level Markdown pages


def page_names(framework: Framework) -> list[str]:
    """A file name per level, from its id: safe on every file system, unique, never a name the
    page reader skips (``_index``, ``index``, ``readme``)."""
    names: list[str] = []
    for number, level in enumerate(framework.levels, start=1):
        name = slug(level.id)[:80].strip("-") or f"level-{number}"
        if name in NOT_LEVEL_NAMES:
            name = f"level-{name}"
        while name in names:
            name = f"{name}-{number}"
        names.append(name)
    return [f"{name}.md" for name in names]


def _frontmatter(values: dict[str, Any]) -> str:
    import yaml

    shown = {k: v for k, v in values.items() if v not in ("", None)}
    dumped: str = yaml.safe_dump(shown, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{dumped}---\n"


def level_page(framework: Framework, level: Level, weight: int) -> str:
    # "Title - Framework": the page reader takes a title's part before " - " (GitLab's
    # convention), so a level title holding ": " reads back whole.
    lines = [
        _frontmatter(
            {
                "title": f"{level.title} - {framework.title}",
                "description": level.description,
                "weight": weight,
            }
        )
    ]
    if level.overview:
        lines += [f"## {level.title}", "", level.overview, ""]
    written: tuple[str, ...] = ()
    for category in level.categories:
        parts = category.parts
        shared = 0
        while shared < min(len(parts), len(written)) and parts[shared] == written[shared]:
            shared += 1
        if shared == len(parts):  # a parent after its own sub-category: head it again
            shared = len(parts) - 1
        for depth in range(shared, len(parts)):
            lines += [f"{'#' * min(depth + 2, 6)} {parts[depth]}", ""]
        lines += [f"- {statement.text}" for statement in category.items]
        lines.append("")
        written = parts
    return "\n".join(lines)


def to_pages(framework: Framework) -> dict[str, str]:
    """File name → text: ``_index.md`` (the framework's title and description) and a page per
    level, weighted in ladder order."""
    pages = {
        "_index.md": _frontmatter({"title": framework.title, "description": framework.description})
    }
    for number, (name, level) in enumerate(
        zip(page_names(framework), framework.levels, strict=True), start=1
    ):
        pages[name] = level_page(framework, level, number * 10)
    return pages


def lost(framework: Framework, fmt: str) -> list[str]:
    """What a format cannot hold of this framework, for a warning: nothing is dropped unsaid."""
    statements = [s for level in framework.levels for c in level.categories for s in c.items]
    found = []
    examples = sum(1 for s in statements if s.examples)
    keys = sum(1 for s in statements if s.key is not None)
    if fmt in ("csv", "pages") and examples:
        found.append(f"the examples of {examples} statements")
    if fmt == "pages" and keys:
        found.append(f"the keys of {keys} statements")
    if fmt == "csv":
        described = sum(1 for level in framework.levels if level.overview or level.description)
        if described:
            found.append(f"the overviews and descriptions of {described} levels")
    return found
