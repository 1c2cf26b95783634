"""Monzo's progression-framework pages → a ``Framework``, read as Monzo publishes them
(github.com/monzo/progression-framework): a Markdown page whose YAML frontmatter holds
``topics``, each ``{name, title, description, content: [{level, criteria, exampleCriteria}]}``.

A topic is a category; its ``content`` entries give the statements of level N (levels ``1``…
the frontmatter's ``levels``, else the highest named). ``criteria`` are statements;
``exampleCriteria: [{criteria, examples}]`` is a statement with its examples. A topic whose
``title`` is empty takes its title and description from the topic of the same ``name`` in
``generic.md`` (the shared framework, in the page's folder or the one above), as Monzo's site
does, and that topic's criteria come first in each level; with no such topic, its ``name`` is
its title. The Markdown body after the frontmatter describes the framework: it becomes the
framework's description, not statements.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from career_cli.errors import PageError
from career_cli.model import Category, Framework, Level, Statement
from career_cli.sources.structured import (
    KeyPath,
    Walker,
    build_framework,
    check_categories,
)
from career_cli.text import category_id, collapse, title_line

MAX_LEVEL = 100  # a level number beyond this is a typo, not a ladder


def load_page(path: Path, text: str) -> Framework:
    from career_cli.sources.loader import split_frontmatter

    meta, body, body_line = split_frontmatter(text, path)
    if "topics" not in meta:
        raise PageError(
            "has no 'topics' in its frontmatter: not a Monzo-style framework page",
            path=path,
            hint="a Markdown ladder of level pages is a folder: pass the folder with -f",
        )
    # The YAML between the '---' lines, for the lines of errors: from line 2 to the closing one.
    frontmatter = "\n".join(text.split("\n")[1 : max(body_line - 2, 1)])
    return read_topics(meta, Walker(path, frontmatter, first_line=2), body=body)


def _generic_topics(path: Path) -> dict[str, Mapping[Any, Any]]:
    """The topics of ``generic.md`` beside the page or one folder up, by ``name``."""
    from career_cli.sources.loader import read_page, split_frontmatter

    for folder in (path.parent, path.parent.parent):
        generic = folder / "generic.md"
        if generic.is_file() and generic.resolve() != path.resolve():
            try:
                meta, _, _ = split_frontmatter(read_page(generic), generic)
            except PageError:
                return {}  # its own errors show when it is read itself
            topics = meta.get("topics")
            if not isinstance(topics, list):
                return {}
            return {
                str(t["name"]): t
                for t in topics
                if isinstance(t, dict) and isinstance(t.get("name"), (str, int))
            }
    return {}


def read_topics(meta: Mapping[Any, Any], walker: Walker, *, body: str) -> Framework:
    declared = meta.get("levels")
    count = declared if isinstance(declared, int) and not isinstance(declared, bool) else 0
    generic: dict[str, Mapping[Any, Any]] | None = None
    by_level: dict[int, list[Category]] = {}
    for keys, raw in walker.items(meta.get("topics"), ("topics",)):
        topic = walker.mapping(raw, keys)
        name = walker.text(topic.get("name"), (*keys, "name"))
        title = walker.text(topic.get("title"), (*keys, "title"))
        inherited: Mapping[Any, Any] | None = None
        if not title:
            if generic is None:
                generic = _generic_topics(walker.path)
            inherited = generic.get(name)
            if inherited is not None:
                title = collapse(str(inherited.get("title") or ""))
            title = title or name
        if not title:
            raise walker.error((*keys, "title"), "a topic needs a title or a name")
        parts = (title_line(title),)
        statements: dict[int, list[Statement]] = {}
        if inherited is not None:  # the shared topic's criteria, then the page's own
            sub = Walker(walker.path, walker.source, first_line=walker.first_line)
            sub.visited = walker.visited
            _content(sub, inherited.get("content"), (*keys, "(generic.md)"), statements)
            walker.visited = sub.visited
        _content(walker, topic.get("content"), (*keys, "content"), statements)
        for level, items in statements.items():
            by_level.setdefault(level, []).append(Category(category_id(parts), parts, tuple(items)))
    top = max([count, *by_level]) if by_level else count
    levels = []
    for number in range(1, top + 1):
        categories = by_level.get(number, [])
        if not categories:
            continue
        check_categories(walker, ("topics",), len(categories))
        levels.append(
            Level(
                id=str(number),
                title=f"Level {number}",
                path=walker.path,
                categories=tuple(categories),
            )
        )
    return build_framework(
        walker,
        title=walker.text(meta.get("title"), ("title",)),
        description=collapse(re.sub(r"(?m)^\s*#{1,6}\s+", "", body)),
        levels=levels,
    )


def _content(
    walker: Walker, value: object, keys: KeyPath, into: dict[int, list[Statement]]
) -> None:
    for at, raw in walker.items(value, keys):
        entry = walker.mapping(raw, at)
        level = entry.get("level")
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= MAX_LEVEL:
            raise walker.error((*at, "level"), f"expected a level number from 1 to {MAX_LEVEL}")
        items = into.setdefault(level, [])
        items.extend(Statement(t) for t in walker.texts(entry.get("criteria"), (*at, "criteria")))
        for ekeys, eraw in walker.items(entry.get("exampleCriteria"), (*at, "exampleCriteria")):
            example = walker.mapping(eraw, ekeys)
            text = walker.text(example.get("criteria"), (*ekeys, "criteria"), required=True)
            shown = walker.texts(example.get("examples"), (*ekeys, "examples"))
            items.append(Statement(text, examples=shown))
