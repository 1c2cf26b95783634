"""Levels as a user names them on the command line: ``NAME``, ``NAME@REV``, ``PATH``, ``PATH@REV``.

It owns turning those arguments into levels and the framework they are compared in
(``open_levels``): a name resolves in the framework ``--framework`` names (``catalog``), a page file
brings its own folder's framework, a revision is read with git (``revisions``, imported only
then), and two pages with the same title get their folder added so columns tell them apart.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from career_cli.errors import CareerError, LevelNotFound, UsageError
from career_cli.model import Framework, Level
from career_cli.sources.catalog import (
    find_level,
    include_resolver,
    include_root,
    load_with_root,
    open_framework,
)
from career_cli.sources.loader import level_pages, load_level, parse_page, read_page
from career_cli.text import slug


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
    root_path = Path(root).expanduser() if root is not None else include_root(page)
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
    return Path(root).expanduser() if root is not None else include_root(page.parent)


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
            if arg.revision is not None and framework.path.is_file():
                raise UsageError(
                    f"'{arg.text}': LEVEL@REV reads level pages as git recorded them; a "
                    f"framework in one file ({framework.path.name}) is not read at a revision",
                    hint=f"write the old file out and compare with -f: git show "
                    f"{arg.revision}:{framework.path.name} > old{framework.path.suffix}",
                )
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
