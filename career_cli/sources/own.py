"""career's own YAML and JSON shape (what ``career export yaml|json`` writes), read back.

It owns that shape's keys: a document (``career: 1``, title, description, levels), a level (id,
title, description, overview, categories), a category (id, title, statements) and a statement
(text, key, examples). A key it does not read — a typo such as ``statments`` would otherwise
empty a category without a word — is a warning and lint W208 naming its line and key path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from career_cli import notes
from career_cli.model import Category, Framework, Level, Note, Statement
from career_cli.sources.structured import (
    FORMAT_VERSION,
    KeyPath,
    Walker,
    build_framework,
    check_categories,
    shown_key,
)
from career_cli.text import category_id, collapse, title_line

DOCUMENT_KEYS = frozenset({"career", "title", "description", "levels"})
LEVEL_KEYS = frozenset({"id", "title", "description", "overview", "categories"})
CATEGORY_KEYS = frozenset({"id", "title", "statements"})
STATEMENT_KEYS = frozenset({"text", "key", "examples"})


def unknown(
    walker: Walker, entry: Mapping[Any, Any], keys: KeyPath, known: frozenset[str]
) -> list[Note]:
    """A note for each key of ``entry`` this shape does not read."""
    return [
        Note(
            walker.line_of((*keys, key)),
            notes.UNREAD_CONTENT,
            f"{shown_key((*keys, str(key))) if keys else key}: not a key career reads "
            f"(it reads {', '.join(sorted(known))})",
        )
        for key in entry
        if key not in known
    ]


def read_own(document: Mapping[Any, Any], walker: Walker) -> Framework:
    version = document.get("career")
    if version != FORMAT_VERSION:
        raise walker.error(
            ("career",),
            f"is {version!r:.20}; this career reads version {FORMAT_VERSION}",
            hint="export the ladder again with this version of career",
        )
    levels: list[Level] = []
    seen: set[str] = set()
    said = unknown(walker, document, (), DOCUMENT_KEYS)  # the first level carries the file's
    for keys, raw in walker.items(document.get("levels"), ("levels",)):
        entry = walker.mapping(raw, keys)
        ident = walker.text(entry.get("id"), (*keys, "id"), required=True)
        if ident.lower() in seen:
            raise walker.error((*keys, "id"), f"level '{ident}' is defined twice")
        seen.add(ident.lower())
        said += unknown(walker, entry, keys, LEVEL_KEYS)
        categories = []
        for ckeys, craw in walker.items(entry.get("categories"), (*keys, "categories")):
            categories.append(_own_category(walker, craw, ckeys, said))
        check_categories(walker, keys, len(categories))
        levels.append(
            Level(
                id=ident.lower(),
                title=title_line(walker.text(entry.get("title"), (*keys, "title"))) or ident,
                path=walker.path,
                description=walker.text(entry.get("description"), (*keys, "description")),
                overview=_paragraphs(walker, entry.get("overview"), (*keys, "overview")),
                categories=tuple(categories),
                notes=tuple(said),
            )
        )
        said = []
    return build_framework(
        walker,
        title=walker.text(document.get("title"), ("title",)),
        description=walker.text(document.get("description"), ("description",)),
        levels=levels,
    )


def _paragraphs(walker: Walker, value: object, keys: KeyPath) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        walker.text(value, keys)  # the error for a list or mapping; numbers read as written
        return str(value)
    return "\n\n".join(p for p in (collapse(p) for p in value.split("\n\n")) if p)


def _own_category(walker: Walker, raw: object, keys: KeyPath, said: list[Note]) -> Category:
    entry = walker.mapping(raw, keys)
    said += unknown(walker, entry, keys, CATEGORY_KEYS)
    parts = walker.texts(entry.get("title"), (*keys, "title"))
    if not parts:
        raise walker.error((*keys, "title"), "is missing or empty")
    parts = tuple(title_line(part) for part in parts)
    ident = walker.text(entry.get("id"), (*keys, "id")) or category_id(parts)
    items = []
    for skeys, sraw in walker.items(entry.get("statements"), (*keys, "statements")):
        if isinstance(sraw, dict):
            said += unknown(walker, sraw, skeys, STATEMENT_KEYS)
            text = walker.text(sraw.get("text"), (*skeys, "text"), required=True)
            key = walker.text(sraw.get("key"), (*skeys, "key")) or None
            examples = walker.texts(sraw.get("examples"), (*skeys, "examples"))
            items.append(Statement(text, key=key, examples=examples))
        else:
            items.append(Statement(walker.text(sraw, skeys, required=True)))
    return Category(ident, parts, tuple(items))
