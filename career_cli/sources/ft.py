"""FT's engineering-progression data → a ``Framework``, read as the Financial Times publishes it.

Two shapes (github.com/Financial-Times/engineering-progression):

- ``levels.yml`` (``[{id, name, summary}]``, in ladder order) beside ``competencies.yml``
  (``[{id, summary, examples, supportingUrls, description, level, area, domain}]``): each
  competency is a statement of its level, in the category its ``area`` names; its ``examples``
  and supporting links are the statement's examples; a competency for one ``domain`` only sits in
  a sub-category (``Craft › Backend engineer``). A level no competency names (FT's Principal,
  whose summary is ``TODO``) is skipped with a warning, like an unreadable page; a level summary
  that is only ``TODO``/``TBD`` is no overview. Competency ids are not read (FT's ids are
  UUIDs, some malformed), and entries of ``levels.yml`` are levels as listed, roles included.
- a job family (``data/job-families/*.yml``): ``levels``, ``themes [{id, name, summary}]`` and
  ``competencies [{level, theme, summary, proficiency}]``, where one ``summary`` holds several
  statements (a numbered or bulleted list, blank-line paragraphs, or sentences run together),
  split apart here; the ``proficiency`` word goes into the level's overview.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from career_cli import notes
from career_cli.errors import PageError
from career_cli.model import Category, Framework, Level, Note, PageProblem, Statement
from career_cli.sources import files
from career_cli.sources.structured import (
    LADDER,
    KeyPath,
    Walker,
    build_framework,
    parse,
    shown_key,
)
from career_cli.text import category_id, collapse, title_line

_PLACEHOLDERS = frozenset({"todo", "tbd", "tbc", "n/a", "-", "…", "..."})
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
# A sentence ends at . ! or ? followed by space and a capital (or a digit, a quote): "e.g. the"
# stays one sentence.
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“'(0-9A-Z])")


def _overview(text: str) -> str:
    return "" if text.strip().lower() in _PLACEHOLDERS else text


def _title(ident: str) -> str:
    """``backend-engineer`` → ``Backend engineer``: FT names areas and domains by id only."""
    words = collapse(ident.replace("-", " ").replace("_", " "))
    return words[:1].upper() + words[1:]


def load_folder(directory: Path) -> Framework:
    """``levels.yml`` + ``competencies.yml``, else the one job family in ``job-families/``."""
    levels_file, competencies_file = directory / "levels.yml", directory / "competencies.yml"
    if levels_file.is_file() and competencies_file.is_file():
        levels_walker = _walker(levels_file)
        levels_doc = parse(levels_walker.source, levels_file)
        walker = _walker(competencies_file)
        competencies = parse(walker.source, competencies_file)
        framework = read_competencies(competencies, walker, (levels_doc, levels_walker))
        return _named(framework, directory)
    families = sorted((directory / "job-families").glob("*.yml"))
    if len(families) == 1:
        walker = _walker(families[0])
        family = walker.mapping(parse(walker.source, families[0]), ())
        return _named(read_job_family(family, walker), directory)
    if families:
        names = ", ".join(p.name for p in families)
        raise PageError(
            f"holds several job families ({names})",
            path=directory / "job-families",
            hint="pass one of them with -f",
        )
    raise PageError(
        "holds neither levels.yml + competencies.yml nor job-families/*.yml", path=directory
    )


def _walker(path: Path) -> Walker:
    return Walker(path, files.read(path, LADDER))


def _named(framework: Framework, directory: Path) -> Framework:
    from dataclasses import replace

    name = directory.resolve().name
    return replace(framework, id=name.lower(), title=framework.title or name, path=directory)


def _levels_list(document: object, walker: Walker) -> list[tuple[str, str, str]]:
    """``(id, name, summary)`` of each entry of ``levels.yml``, in order."""
    found = []
    for keys, raw in walker.items(document, ()):
        entry = walker.mapping(raw, keys)
        ident = walker.text(entry.get("id"), (*keys, "id"), required=True).lower()
        name = walker.text(entry.get("name"), (*keys, "name")) or ident
        summary = walker.text(entry.get("summary"), (*keys, "summary"))
        found.append((ident, title_line(name), _overview(summary)))
    return found


def read_competencies(
    document: object, walker: Walker, levels: tuple[object, Walker] | None
) -> Framework:
    """``competencies.yml`` with its ``levels.yml`` (without it, levels in order of appearance)."""
    listed = _levels_list(*levels) if levels is not None else []
    known = {ident for ident, _, _ in listed}
    # level id → category parts → statements, in file order
    grouped: dict[str, dict[tuple[str, ...], list[Statement]]] = {i: {} for i, _, _ in listed}
    level_notes: dict[str, list[Note]] = {}
    for keys, raw in walker.items(document, ()):
        entry = walker.mapping(raw, keys)
        level = walker.text(entry.get("level"), (*keys, "level"), required=True).lower()
        area = walker.text(entry.get("area"), (*keys, "area")) or "general"
        domain = walker.text(entry.get("domain"), (*keys, "domain"))
        text = walker.text(entry.get("summary"), (*keys, "summary"), required=True)
        examples = list(walker.texts(entry.get("examples"), (*keys, "examples")))
        examples += _links(walker, entry.get("supportingUrls"), (*keys, "supportingUrls"))
        description = walker.text(entry.get("description"), (*keys, "description"))
        if description:
            level_notes.setdefault(level, []).append(
                Note(
                    walker.line_of((*keys, "description")),
                    notes.UNREAD_CONTENT,
                    f"{shown_key((*keys, 'description'))}: a competency's description is not "
                    "a statement, and career does not show it",
                    path=walker.path,
                )
            )
        parts = (_title(area), _title(domain)) if domain else (_title(area),)
        grouped.setdefault(level, {}).setdefault(parts, []).append(
            Statement(text, key=None, examples=tuple(examples))
        )
    names = {ident: (name, summary) for ident, name, summary in listed}
    listing = levels[1].path if levels is not None else walker.path
    built: list[Level] = []
    problems: list[PageProblem] = []
    for ident, categories in grouped.items():
        name, summary = names.get(ident, (_title(ident), ""))
        if not categories:
            problems.append(_problem(ident, listing, "no competency names this level"))
            continue
        if levels is not None and ident not in known:
            problems.append(
                _problem(ident, walker.path, "competencies name a level levels.yml does not list")
            )
            continue
        built.append(
            Level(
                id=ident,
                title=name,
                path=walker.path,
                overview=summary,
                categories=tuple(
                    Category(category_id(parts), parts, tuple(items))
                    for parts, items in categories.items()
                ),
                notes=tuple(level_notes.get(ident, ())),
            )
        )
    return build_framework(
        walker, title="Engineering progression", description="", levels=built, problems=problems
    )


def _problem(ident: str, path: Path, message: str) -> PageProblem:
    return PageProblem(ident, path, PageError(message, path=path))


def _links(walker: Walker, value: object, keys: KeyPath) -> list[str]:
    """FT's ``supportingUrls [{label, url}]`` as examples: ``label <url>``."""
    found = []
    for at, raw in walker.items(value, keys):
        if isinstance(raw, dict):
            label = walker.text(raw.get("label"), (*at, "label"))
            url = walker.text(raw.get("url"), (*at, "url"))
            found.append(f"{label} <{url}>" if label and url else label or url)
        else:
            found.append(walker.text(raw, at))
    return [text for text in found if text]


# ---------------------------------------------------------------------------------------------
# A job family


def split_statements(summary: str) -> list[str]:
    """A summary holding several statements → each: list items, else blank-line paragraphs, else
    sentences run together."""
    lines = summary.strip().split("\n")
    if any(_LIST_ITEM_RE.match(line) for line in lines):
        found: list[str] = []
        for line in lines:
            marker = _LIST_ITEM_RE.match(line)
            if marker:
                found.append(line[marker.end() :])
            elif found and line.strip():
                found[-1] += " " + line  # a continuation line
        return [collapse(text) for text in found if collapse(text)]
    paragraphs = [collapse(p) for p in re.split(r"\n\s*\n", summary) if collapse(p)]
    if len(paragraphs) > 1:
        return paragraphs
    return [s for s in (collapse(s) for s in _SENTENCE_RE.split(collapse(summary))) if s]


def read_job_family(document: Mapping[Any, Any], walker: Walker) -> Framework:
    levels = [
        (ident, name)
        for ident, name, _ in _levels_list(document.get("levels"), _Sub(walker, "levels"))
    ]
    themes: dict[str, tuple[str, str]] = {}
    for keys, raw in walker.items(document.get("themes"), ("themes",)):
        entry = walker.mapping(raw, keys)
        ident = walker.text(entry.get("id"), (*keys, "id"), required=True).lower()
        name = walker.text(entry.get("name"), (*keys, "name")) or _title(ident)
        themes[ident] = (title_line(name), walker.text(entry.get("summary"), (*keys, "summary")))
    grouped: dict[str, dict[str, list[Statement]]] = {ident: {} for ident, _ in levels}
    proficiency: dict[str, list[str]] = {}
    for keys, raw in walker.items(document.get("competencies"), ("competencies",)):
        entry = walker.mapping(raw, keys)
        level = walker.text(entry.get("level"), (*keys, "level"), required=True).lower()
        theme = walker.text(entry.get("theme"), (*keys, "theme"), required=True).lower()
        summary = entry.get("summary")
        walker.text(summary, (*keys, "summary"), required=True)  # its type, and not empty
        if level not in grouped:
            raise walker.error((*keys, "level"), f"names no level of 'levels': '{level:.40}'")
        statements = [Statement(text) for text in split_statements(str(summary))]
        walker.tick(keys, len(statements))
        grouped[level].setdefault(theme, []).extend(statements)
        scale = walker.text(entry.get("proficiency"), (*keys, "proficiency"))
        if scale:
            name = themes.get(theme, (_title(theme), ""))[0]
            proficiency.setdefault(level, []).append(f"{name}: {scale}")
    built = []
    problems = []
    for ident, name in levels:
        if not grouped[ident]:
            problems.append(_problem(ident, walker.path, "no competency names this level"))
            continue
        categories = []
        for theme, items in grouped[ident].items():
            parts = (themes.get(theme, (_title(theme), ""))[0],)
            categories.append(Category(category_id(parts), parts, tuple(items)))
        overview = "Proficiency — " + "; ".join(proficiency[ident]) if ident in proficiency else ""
        built.append(
            Level(
                id=ident,
                title=name,
                path=walker.path,
                overview=overview,
                categories=tuple(categories),
            )
        )
    description = walker.text(document.get("summary"), ("summary",))
    described = [f"{name}: {summary}" for name, summary in themes.values() if summary]
    return build_framework(
        walker,
        title=walker.text(document.get("name"), ("name",)),
        description="\n\n".join(filter(None, [description, *described])),
        levels=built,
        problems=problems,
    )


class _Sub(Walker):
    """The walker of a part of the document: key paths start at ``prefix``."""

    def __init__(self, parent: Walker, prefix: str) -> None:
        super().__init__(parent.path, parent.source)
        self.prefix = prefix

    def error(self, keys: KeyPath, message: str, hint: str | None = None) -> PageError:
        return super().error((self.prefix, *keys), message, hint)
