"""Finding things by name: bundled frameworks, framework directories, and levels within them.

It owns the lookup rules users type against — ``--framework NAME|DIR`` and level names by id,
title or unique prefix — and the did-you-mean messages when a name does not resolve.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from career_cli.errors import FrameworkNotFound, LevelNotFound
from career_cli.model import Framework, FrameworkList, Level
from career_cli.sources.loader import level_pages, load_framework
from career_cli.text import slug

if TYPE_CHECKING:
    from career_cli.sources.includes import IncludeResolver

DEFAULT_FRAMEWORK = "infrastructure"
FRAMEWORK_ENV = "CAREER_FRAMEWORK"


def bundled_root() -> Path:
    """Inside a wheel the frameworks sit in the package; in a checkout, next to it."""
    package = Path(__file__).parent.parent
    packaged = package / "frameworks"
    return packaged if packaged.is_dir() else package.parent / "frameworks"


def bundled_frameworks() -> dict[str, Path]:
    root = bundled_root()
    if not root.is_dir():
        return {}
    return {p.name: p for p in sorted(root.iterdir()) if p.is_dir() and level_pages(p)}


def _looks_like_path(spec: str) -> bool:
    return os.sep in spec or "/" in spec or spec.startswith((".", "~"))


def list_frameworks(root: str | Path | None) -> FrameworkList:
    """What ``--framework`` can name: the bundled frameworks, and those of the checkout
    ``root`` (``--root``) when one is given, each loaded (without expanding includes)."""
    entries: list[tuple[str, Framework]] = [
        ("bundled", load_framework(path, ident=name)) for name, path in bundled_frameworks().items()
    ]
    root_path = None
    if root is not None:
        from career_cli.sources.handbook import check_root, discover

        root_path = check_root(Path(root).expanduser())
        for ref in discover(root_path):
            entries.append(("root", load_framework(ref.path, ident=ref.name)))
    return FrameworkList(tuple(entries), root_path)


def framework_dir(spec: str | None) -> tuple[str, Path]:
    """``(id, directory)`` for ``--framework``: a bundled name, or a directory of level pages."""
    explicit = spec or os.environ.get(FRAMEWORK_ENV)
    spec = explicit or DEFAULT_FRAMEWORK
    bundled = bundled_frameworks()
    # A name you type that is also a folder of level pages right here means that folder: standing
    # in a handbook's matrix/ folder, "-f infrastructure" is the checkout's, not the bundled copy.
    here = Path(spec)
    shadowing = bool(explicit) and here.is_dir() and bool(level_pages(here))
    if not _looks_like_path(spec) and not shadowing:
        named = [name for name in bundled if name.startswith(spec.lower())]
        if spec.lower() in bundled or len(named) == 1:
            name = spec.lower() if spec.lower() in bundled else named[0]
            return name, bundled[name]
    try:
        path = Path(spec).expanduser()
    except RuntimeError:  # "~nosuchuser/…": no such home directory
        raise FrameworkNotFound(
            f"no framework '{spec}': cannot find that home directory",
            hint="write the directory's full path",
        ) from None
    if path.is_dir():
        if structured_ladder(path):  # FT's data folder (sources.structured)
            return path.resolve().name.lower(), path
        if not level_pages(path):
            raise FrameworkNotFound(
                "holds no level pages (*.md other than _index.md)",
                path=path,
                hint="point --framework at the directory that holds associate.md, senior.md, …",
            )
        return path.resolve().name, path
    if path.exists():
        from career_cli.sources.onefile import SHOWN, readable

        if readable(path):  # a framework in one file: ladder.csv, ladder.xlsx, ladder.md, …
            return path.stem, path
        raise FrameworkNotFound(
            "is a file, not a framework directory",
            path=path,
            hint=f"pass the directory that contains the level pages, or a {SHOWN} file",
        )
    names = ", ".join(bundled) or "none"
    import difflib  # only for the message

    close = difflib.get_close_matches(spec.lower(), list(bundled), n=1, cutoff=0.5)
    suggestion = f"did you mean '{close[0]}'? " if close else ""
    raise FrameworkNotFound(
        f"no framework '{spec}': not a bundled framework and not a directory",
        hint=f"{suggestion}bundled frameworks: {names}; or pass a directory of level pages",
    )


def open_framework(spec: str | None, *, root: str | Path | None = None) -> Framework:
    """The framework ``--framework`` (and ``--root``) name, loaded, with includes expanded.

    With a root (a handbook checkout), ``spec`` names one of its frameworks (see ``handbook``);
    without one, a framework directory that sits inside a checkout uses that checkout as its root.
    """
    if root is not None:
        from career_cli.sources import handbook

        root_path = handbook.check_root(Path(root).expanduser())
        spec = spec or os.environ.get(FRAMEWORK_ENV) or None
        if spec is not None and _looks_like_path(spec) and Path(spec).expanduser().is_dir():
            ident, path = framework_dir(spec)
        else:
            ref = handbook.select(handbook.discover(root_path), spec, root_path)
            ident, path = ref.name, ref.path
        return load_with_root(path, ident, root_path)
    ident, path = framework_dir(spec)
    return load_with_root(path, ident, include_root(path))


def include_root(path: Path) -> Path | None:
    """Where the includes of a framework folder or page resolve (a few ``stat`` calls): the
    handbook checkout it sits in; else the framework folder itself when it keeps its included
    files in ``includes/`` beside its pages (the bundled framework does); else nowhere."""
    from career_cli.sources.handbook import find_checkout

    found = find_checkout(path)
    if found is not None:
        return found
    folder = path if path.is_dir() else path.parent
    return folder if (folder / "includes").is_dir() else None


def structured_ladder(path: Path) -> bool:
    """A folder of FT's data (levels.yml + competencies.yml, or job-families/), which
    ``sources.structured`` reads (a YAML or JSON file goes through ``sources.onefile``). A few
    ``stat`` calls, no import."""
    if not path.is_dir():
        return False
    pair = (path / "levels.yml").is_file() and (path / "competencies.yml").is_file()
    return pair or (path / "job-families").is_dir()


def load_with_root(path: Path, ident: str, root: Path | None) -> Framework:
    """Load a framework directory (or a one-file framework); with a root, its include shortcodes
    are expanded."""
    if path.is_dir() and structured_ladder(path):  # FT's data folder
        from career_cli.sources.structured import load_ft

        return replace(load_ft(path), id=ident)
    if not path.is_dir():  # a YAML, JSON, CSV, XLSX, Markdown or HTML ladder in one file
        from career_cli.sources import onefile

        return onefile.load(path, ident)
    if root is None:
        return load_framework(path, ident=ident)
    resolver = include_resolver(root)
    framework = load_framework(path, ident=ident, expand_for=resolver.expander_for)
    return replace(framework, root=root)


def include_resolver(root: Path) -> IncludeResolver:
    from career_cli.sources.includes import DiskTree, IncludeResolver

    return IncludeResolver(DiskTree(root))


def level_names(framework: Framework) -> list[str]:
    names = [level.id for level in framework.levels]
    names += [p.id for p in framework.problems if p.id not in names]
    return names


# A level named by its number: "2", "l2", "level-2" (ladders in one file number their levels in
# every style: Monzo's YAML says 2, its Markdown "Level 2", a sheet's header "L2").
_NUMBERED_RE = re.compile(r"(?:l|level-?)?0*(\d{1,4})")


def _numbered(key: str) -> str | None:
    found = _NUMBERED_RE.fullmatch(key)
    return f"#{found.group(1)}" if found else None


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
        return found | {n for k in found if (n := _numbered(k))}

    # An exact id beats an exact title (or the level's number), which beats a prefix of either.
    by_id = [e for e in entries if slug(e[0]) == wanted]
    number = _numbered(wanted)
    exact = [e for e in entries if wanted in keys(e) or (number and number in keys(e))]
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
    import difflib  # only for the message

    close = difflib.get_close_matches(
        wanted, [k for e in entries for k in keys(e)], n=1, cutoff=0.5
    )
    suggestion = f"did you mean '{close[0]}'? " if close else ""
    raise LevelNotFound(
        f"no level '{name}' in framework '{framework.id}'",
        hint=f"{suggestion}levels: {available}",
    )


# ---------------------------------------------------------------------------------------------
# What career lint checks


def lint_targets(
    directory: str | Path | None, spec: str | None, *, root: str | Path | None = None
) -> tuple[list[Framework], Path | None]:
    """The frameworks ``career lint [DIR]`` checks, and the root their includes resolve in.

    DIR: a handbook checkout (every framework), a folder in its matrix (those at and below it),
    or a framework folder (or a folder of them). Without DIR: the framework ``--framework``
    names, else every framework of ``--root``, else the bundled default framework — as every
    other command reads — never whatever Markdown happens to be in the current directory.
    """
    from career_cli.sources import handbook

    root_path = handbook.check_root(Path(root).expanduser()) if root is not None else None
    if directory is None:
        if spec is None and not os.environ.get(FRAMEWORK_ENV) and root_path is not None:
            refs = handbook.discover(root_path)
            return [load_with_root(r.path, r.name, root_path) for r in refs], root_path
        framework = open_framework(spec, root=root_path)
        return [framework], framework.root
    folder = Path(directory).expanduser()
    if folder.is_file():
        from career_cli.sources import onefile

        if onefile.readable(folder):
            return [onefile.load(folder)], root_path
    if not folder.is_dir():
        raise FrameworkNotFound(
            "no such directory" if not folder.exists() else "is a file, not a directory",
            path=folder,
            hint="career lint takes a framework folder or a handbook checkout",
        )
    root_path = root_path or handbook.find_checkout(folder, anywhere=True)
    refs = handbook.frameworks_in(folder, root_path)
    if not refs:
        raise FrameworkNotFound(
            "holds no level pages (*.md other than _index.md), nor do its folders",
            path=folder,
            hint="career lint DIR takes a framework folder or a handbook checkout; "
            "or name a framework with -f",
        )
    return [load_with_root(r.path, r.name, root_path) for r in refs], root_path


def include_locator(root: Path | None) -> Callable[[str], Path | None]:
    """Where an include path (``Statement.source``) is on disk, for messages about its lines."""
    if root is None:
        return lambda source: None
    from pathlib import PurePosixPath

    from career_cli.sources.includes import DiskTree

    tree = DiskTree(root)
    return lambda source: tree.locate(PurePosixPath(source)).path
