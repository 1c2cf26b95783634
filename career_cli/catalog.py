"""Finding things by name: bundled frameworks, framework directories, and levels within them.

It owns the lookup rules users type against — ``--framework NAME|DIR`` and level names by id,
title or unique prefix — and the did-you-mean messages when a name does not resolve.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from career_cli.errors import FrameworkNotFound, LevelNotFound
from career_cli.loader import level_pages, load_framework
from career_cli.model import Framework, Level
from career_cli.text import slug

DEFAULT_FRAMEWORK = "infrastructure"
FRAMEWORK_ENV = "CAREER_FRAMEWORK"


def bundled_root() -> Path:
    """Inside a wheel the frameworks sit in the package; in a checkout, next to it."""
    packaged = Path(__file__).parent / "frameworks"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "frameworks"


def bundled_frameworks() -> dict[str, Path]:
    root = bundled_root()
    if not root.is_dir():
        return {}
    return {p.name: p for p in sorted(root.iterdir()) if p.is_dir() and level_pages(p)}


def _looks_like_path(spec: str) -> bool:
    return os.sep in spec or "/" in spec or spec.startswith((".", "~"))


def framework_dir(spec: str | None) -> tuple[str, Path]:
    """``(id, directory)`` for ``--framework``: a bundled name, or a directory of level pages."""
    spec = spec or os.environ.get(FRAMEWORK_ENV) or DEFAULT_FRAMEWORK
    bundled = bundled_frameworks()
    if not _looks_like_path(spec):
        named = [name for name in bundled if name.startswith(spec.lower())]
        if spec.lower() in bundled or len(named) == 1:
            name = spec.lower() if spec.lower() in bundled else named[0]
            return name, bundled[name]
    path = Path(spec).expanduser()
    if path.is_dir():
        if not level_pages(path):
            raise FrameworkNotFound(
                "holds no level pages (*.md other than _index.md)",
                path=path,
                hint="point --framework at the directory that holds associate.md, senior.md, …",
            )
        return path.resolve().name, path
    if path.exists():
        raise FrameworkNotFound(
            "is a file, not a framework directory",
            path=path,
            hint="pass the directory that contains the level pages",
        )
    names = ", ".join(bundled) or "none"
    close = difflib.get_close_matches(spec.lower(), list(bundled), n=1, cutoff=0.5)
    suggestion = f"did you mean '{close[0]}'? " if close else ""
    raise FrameworkNotFound(
        f"no framework '{spec}': not a bundled framework and not a directory",
        hint=f"{suggestion}bundled frameworks: {names}; or pass a directory of level pages",
    )


def open_framework(spec: str | None) -> Framework:
    ident, path = framework_dir(spec)
    return load_framework(path, ident=ident)


def level_names(framework: Framework) -> list[str]:
    names = [level.id for level in framework.levels]
    names += [p.id for p in framework.problems if p.id not in names]
    return names


def find_level(framework: Framework, name: str) -> Level:
    """A level by id or title (any case), or by a unique prefix of either (``sen``, ``assoc``).

    A level whose page failed to load is found too, and then its page's error is raised.
    """
    wanted = slug(name)
    entries: list[tuple[str, Level | Exception]] = []
    for level in framework.levels:
        entries.append((level.id, level))
    for problem in framework.problems:
        entries.append((problem.id, problem.error))

    def keys(entry: tuple[str, Level | Exception]) -> set[str]:
        ident, value = entry
        found = {slug(ident)}
        if isinstance(value, Level):
            found.add(slug(value.title))
        return found

    # An exact id beats an exact title, which beats a prefix of either.
    by_id = [e for e in entries if slug(e[0]) == wanted]
    exact = [e for e in entries if wanted in keys(e)]
    matches = by_id or exact or [e for e in entries if any(k.startswith(wanted) for k in keys(e))]
    unique = dict(matches)
    available = ", ".join(level_names(framework)) or "none"
    if len(unique) == 1 and wanted:
        value = next(iter(unique.values()))
        if isinstance(value, Exception):
            raise value
        return value
    if len(unique) > 1:
        raise LevelNotFound(
            f"level '{name}' is ambiguous: it could be {', '.join(unique)}",
            hint="type more of the name",
        )
    close = difflib.get_close_matches(
        wanted, [k for e in entries for k in keys(e)], n=1, cutoff=0.5
    )
    suggestion = f"did you mean '{close[0]}'? " if close else ""
    raise LevelNotFound(
        f"no level '{name}' in framework '{framework.id}'",
        hint=f"{suggestion}levels: {available}",
    )
