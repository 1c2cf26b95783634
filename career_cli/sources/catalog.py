"""Finding things by name: bundled frameworks, framework directories, and levels within them.

It owns the lookup rules users type against — ``--framework NAME|DIR`` and level names by id,
title or unique prefix — and the did-you-mean messages when a name does not resolve.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from career_cli.errors import CareerError, FrameworkNotFound, LevelNotFound, UsageError
from career_cli.model import Framework, FrameworkList, Level
from career_cli.sources.loader import level_pages, load_framework, load_level, parse_page, read_page
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
    return load_with_root(path, ident, find_root(path))


def find_root(path: Path) -> Path | None:
    """Where the includes of a framework folder or page resolve (a few ``stat`` calls): the
    handbook checkout it sits in; else the framework folder itself when it keeps its included
    files in ``includes/`` beside its pages (the bundled framework does); else nowhere."""
    from career_cli.sources.handbook import find_root as find

    found = find(path)
    if found is not None:
        return found
    folder = path if path.is_dir() else path.parent
    return folder if (folder / "includes").is_dir() else None


def load_with_root(path: Path, ident: str, root: Path | None) -> Framework:
    """Load a framework directory; with a root, its include shortcodes are expanded."""
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
# Level arguments: NAME, NAME@REV, PATH, PATH@REV


class LevelArg:
    """A level as typed on the command line: a name or a page file, maybe at a git revision.

    A plain class, not a dataclass: it is built on every ``career diff``, and generating a
    dataclass's methods at import costs more start-up time than the whole lookup.
    """

    __slots__ = ("is_path", "name", "revision", "text")

    def __init__(self, text: str, name: str, revision: str | None, is_path: bool) -> None:
        self.text = text
        self.name = name
        self.revision = revision
        self.is_path = is_path

    def __repr__(self) -> str:
        return f"LevelArg({self.text!r}, {self.name!r}, {self.revision!r}, {self.is_path!r})"


def parse_level_arg(arg: str) -> LevelArg:
    """``senior``, ``senior@HEAD~3``, ``path/to/senior.md``, ``path/to/senior.md@v1``.

    A file that exists is a page even when its name holds an ``@``; otherwise the text after the
    first ``@`` is a git revision (revisions may hold ``@`` themselves: ``senior@HEAD@{1}``).
    """
    if Path(arg).expanduser().is_file():
        return LevelArg(arg, arg, None, True)
    name, at, revision = arg.partition("@")
    if at and not name:
        raise UsageError(
            f"'{arg}' names no level before '@'",
            hint="write LEVEL@REV, such as senior@HEAD~3",
        )
    if at and not revision:
        raise UsageError(
            f"'{arg}' has no revision after '@'",
            hint="write LEVEL@REV, such as senior@HEAD~3 or senior@v1.0",
        )
    is_path = (
        "/" in name
        or os.sep in name
        or name.lower().endswith(".md")
        or Path(name).expanduser().is_file()
    )
    return LevelArg(arg, name, revision or None, is_path)


def _page_level(page: Path, root: str | Path | None) -> tuple[Framework, Level]:
    """A page given by path, with the framework of its folder (for the title and word weights)."""
    # Not a regular file: the right PageError (no such file, a directory, …), or a pipe such as
    # <(git show v1:senior.md), which can be read only once, so its text is kept.
    text = None if page.is_file() else read_page(page)
    directory = page.parent
    root_path = Path(root).expanduser() if root is not None else find_root(page)
    if page in level_pages(directory):
        framework = load_with_root(directory, directory.resolve().name, root_path)
        for level in framework.levels:
            if level.path == page:
                return framework, level
        for problem in framework.problems:
            if problem.path == page:
                raise problem.error
    expand = include_resolver(root_path).expander_for(page) if root_path else None
    level = (
        load_level(page, expand=expand) if text is None else parse_page(text, page, expand=expand)
    )
    title = directory.resolve().name
    framework = Framework(id=title, title=title, path=directory, levels=(level,), root=root_path)
    return framework, level


def level_at(page: Path, revision: str, *, level_id: str, root: Path | None) -> Level:
    """``revisions.level_at``, imported only when a revision is asked for (it needs git)."""
    from career_cli.sources.revisions import RevisionError
    from career_cli.sources.revisions import level_at as read_at

    packaged = Path(__file__).parent.parent / "frameworks"
    if packaged.is_dir() and page.resolve().is_relative_to(packaged.resolve()):
        # Installed into a virtualenv, which may well sit inside some git clone: that clone's
        # history is not the framework's.
        raise RevisionError(
            f"'{level_id}@{revision}': the bundled framework is installed with career, not "
            "read from a git checkout, so it has no revisions",
            hint="LEVEL@REV reads pages as git recorded them: point -f at a git checkout's "
            "framework folder",
        )

    return read_at(page, revision, level_id=level_id, root=root)


def _root_for(page: Path, root: str | Path | None) -> Path | None:
    return Path(root).expanduser() if root is not None else find_root(page.parent)


def open_levels(
    args: list[str], spec: str | None, *, root: str | Path | None = None
) -> tuple[Framework, list[Level], bool]:
    """The levels named by ``args`` and the framework they are compared in.

    Names resolve in the framework ``spec`` names; page paths bring their own folder's framework
    (when no name is given, the first page's is the context). The flag says whether ``spec``'s
    framework was loaded, so that its skipped pages are worth a warning.
    """
    parsed = [parse_level_arg(arg) for arg in args]
    named = any(not arg.is_path for arg in parsed)
    framework = open_framework(spec, root=root) if named else None
    levels = []
    for arg in parsed:
        if arg.is_path:
            page = Path(arg.name).expanduser()
            if arg.revision is not None and not page.is_file():
                # Gone from the working tree (or never there): read it at the revision only.
                root_path = _root_for(page, root)
                level = level_at(page, arg.revision, level_id=page.stem.lower(), root=root_path)
                title = page.parent.resolve().name
                framework = framework or Framework(
                    id=title, title=title, path=page.parent, levels=(level,), root=root_path
                )
            else:
                context, level = _page_level(page, root)
                framework = framework or context
                if arg.revision is not None:
                    level = level_at(level.path, arg.revision, level_id=level.id, root=context.root)
        else:
            assert framework is not None
            try:
                level = find_level(framework, arg.name)
            except LevelNotFound as missing:
                if arg.revision is None:
                    raise
                # The page may be gone now but exist at the revision; if not, the name was wrong.
                page = framework.path / f"{slug(arg.name)}.md"
                try:
                    level = level_at(page, arg.revision, level_id=page.stem, root=framework.root)
                except CareerError:  # not at that revision either: the name was wrong
                    raise missing from None
            else:
                if arg.revision is not None:
                    level = level_at(
                        level.path, arg.revision, level_id=level.id, root=framework.root
                    )
        levels.append(level)
    assert framework is not None
    return framework, distinguish(levels), named


def distinguish(levels: list[Level]) -> list[Level]:
    """Two different pages with the same title get their folder added, so columns differ."""
    titles = [level.title for level in levels]
    result = []
    for level in levels:
        if titles.count(level.title) > 1 and len({lv.path for lv in levels}) > 1:
            where = level.path.parent.name or str(level.path.parent)
            level = replace(level, title=f"{level.title} ({where})")
        result.append(level)
    return result


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
    if not folder.is_dir():
        raise FrameworkNotFound(
            "no such directory" if not folder.exists() else "is a file, not a directory",
            path=folder,
            hint="career lint takes a framework folder or a handbook checkout",
        )
    root_path = root_path or handbook.find_root(folder, anywhere=True)
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
    """Where an include path (``Competency.source``) is on disk, for messages about its lines."""
    if root is None:
        return lambda source: None
    from pathlib import PurePosixPath

    from career_cli.sources.includes import DiskTree

    tree = DiskTree(root)
    return lambda source: tree.locate(PurePosixPath(source)).path
