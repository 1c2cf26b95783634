"""Handbook checkouts: where their frameworks are, and which one ``--framework`` names.

A handbook checkout (``--root``) keeps every department's career framework under
``content/handbook/engineering/careers/matrix/``: each folder there that holds level pages is a
framework, nested ones too (``infrastructure/core-platform/distribution``). A framework is named by
its path relative to ``matrix/``, by any unique suffix of it (``distribution``,
``core-platform/distribution``), or by a unique prefix of its folder's name (``dist``). Include
shortcodes resolve against the checkout's ``assets/``.

A framework folder or page that sits inside a checkout finds its root by itself, as git finds its
repository: the nearest folder above it that holds ``content/`` (with the page under it) and
``assets/``.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from career_cli.errors import FrameworkNotFound
from career_cli.sources.loader import level_pages

MATRIX = Path("content", "handbook", "engineering", "careers", "matrix")
ROOT_ENV = "CAREER_ROOT"


class FrameworkRef:
    """A framework found under a root: its name (path relative to ``matrix/``) and folder.

    A plain class: this module is imported on every run that may sit in a checkout, and a
    dataclass's generated methods would be most of its import time.
    """

    __slots__ = ("name", "path")

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path

    def __repr__(self) -> str:
        return f"FrameworkRef({self.name!r}, {self.path!r})"


def is_root(path: Path) -> bool:
    return (path / "content").is_dir() and (path / "assets").is_dir()


def find_checkout(start: Path, *, anywhere: bool = False) -> Path | None:
    """The checkout a framework folder or page lives in, or ``None`` when it is not in one.

    Pages live under ``content/``; ``anywhere`` also accepts a folder elsewhere in the checkout
    (``assets/``), for commands that must know they were pointed at the wrong place.
    """
    start = start.resolve()
    if is_root(start):
        return start
    for parent in start.parents:
        if is_root(parent) and (anywhere or start.is_relative_to(parent / "content")):
            return parent
    return None


def check_root(root: Path) -> Path:
    """``--root`` as given, after checking that it is a handbook checkout."""
    if not root.is_dir():
        raise FrameworkNotFound(
            "no such directory" if not root.exists() else "is a file, not a handbook checkout",
            path=root,
            hint="--root is the top folder of a handbook checkout (it holds content/ and assets/)",
        )
    if not ((root / "content").is_dir() or (root / "assets").is_dir()):
        raise FrameworkNotFound(
            "is not a handbook checkout: it has neither content/ nor assets/",
            path=root,
            hint="--root is the top folder of a handbook checkout (it holds content/ and assets/)",
        )
    return root


def _is_framework(directory: Path) -> bool:
    try:
        return bool(level_pages(directory))
    except OSError:
        return False


def frameworks_under(directory: Path, *, base: Path | None = None) -> list[FrameworkRef]:
    """Every folder at or below ``directory`` that holds level pages, named relative to ``base``
    (default: ``directory``'s parent, so the folder's own name comes first).

    Symlinked folders are not followed (they could loop, or leave the checkout); hidden folders
    are skipped.
    """
    anchor = (base or directory.resolve().parent).resolve()
    found = []
    for current, subdirs, _ in os.walk(directory):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        folder = Path(current)
        if _is_framework(folder):
            found.append(FrameworkRef(_name(folder, anchor), folder))
    return found


def _name(folder: Path, anchor: Path) -> str:
    real = folder.resolve()
    if real == anchor or not real.is_relative_to(anchor):
        return real.name
    return real.relative_to(anchor).as_posix()


def frameworks_in(folder: Path, root: Path | None) -> list[FrameworkRef]:
    """The frameworks ``career lint DIR`` checks.

    In a handbook checkout: every framework of the matrix when DIR is the checkout (or a folder
    above the matrix), the frameworks at and below DIR when DIR is in the matrix. Elsewhere, DIR
    itself and its direct subfolders (a folder of frameworks, such as ``frameworks/``): searching
    deeper would take any folder of Markdown for a framework.
    """
    real = folder.resolve()
    if root is not None:
        matrix = (root / MATRIX).resolve()
        if matrix.is_relative_to(real) and real.is_relative_to(root.resolve()):
            return discover(root)
        if real.is_relative_to(matrix):
            return frameworks_under(folder, base=matrix)
        if real.is_relative_to(root.resolve()):
            raise FrameworkNotFound(
                f"is in the handbook at {root} but not in its career matrix",
                path=folder,
                hint=f"lint the checkout, or a folder under {MATRIX.as_posix()}/",
            )
    refs = [FrameworkRef(real.name, folder)] if _is_framework(folder) else []
    try:
        subfolders = sorted(
            p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")
        )
    except OSError:
        subfolders = []
    for sub in subfolders:
        if _is_framework(sub):
            refs.append(FrameworkRef(f"{real.name}/{sub.name}" if refs else sub.name, sub))
    return refs


def discover(root: Path) -> list[FrameworkRef]:
    """The frameworks of a handbook checkout, in path order."""
    matrix = root / MATRIX
    if not matrix.is_dir():
        raise FrameworkNotFound(
            f"no career frameworks: {MATRIX.as_posix()}/ does not exist",
            path=root,
            hint="--root is the top folder of a handbook checkout (it holds content/ and assets/)",
        )
    return frameworks_under(matrix, base=matrix)


def select(refs: list[FrameworkRef], spec: str | None, root: Path) -> FrameworkRef:
    """The framework ``--framework`` names: its path under ``matrix/`` or a unique suffix of it."""
    names = ", ".join(ref.name for ref in refs) or "none"
    if not refs:
        raise FrameworkNotFound(
            f"no framework folders (with level pages) under {MATRIX.as_posix()}/",
            path=root,
            hint="a framework is a folder of level pages such as senior.md",
        )
    if spec is None:
        if len(refs) == 1:
            return refs[0]
        raise FrameworkNotFound(
            f"the handbook at {root} has {len(refs)} frameworks; choose one with --framework",
            hint=f"frameworks: {names}",
        )
    wanted = spec.replace("\\", "/").strip("/").lower()
    exact = [ref for ref in refs if ref.name.lower() == wanted]
    suffix = [ref for ref in refs if ref.name.lower().endswith("/" + wanted)]
    # As with bundled names and levels, a unique prefix of a folder name is enough ("dist").
    prefix = [ref for ref in refs if ref.name.lower().rsplit("/", 1)[-1].startswith(wanted)]
    matches = exact or suffix or prefix
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise FrameworkNotFound(
            f"framework '{spec}' is ambiguous under {root}: it could be "
            + ", ".join(ref.name for ref in matches),
            hint="write more of its path under matrix/",
        )
    keys = [ref.name for ref in refs] + [ref.name.rsplit("/", 1)[-1] for ref in refs]
    close = difflib.get_close_matches(wanted, keys, n=1, cutoff=0.5)
    suggestion = f"did you mean '{close[0]}'? " if close else ""
    raise FrameworkNotFound(
        f"no framework '{spec}' under {root / MATRIX}",
        hint=f"{suggestion}frameworks: {names}",
    )
