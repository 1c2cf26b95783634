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
from dataclasses import dataclass
from pathlib import Path

from career_cli.errors import FrameworkNotFound
from career_cli.loader import level_pages

MATRIX = Path("content", "handbook", "engineering", "careers", "matrix")
ROOT_ENV = "CAREER_ROOT"


@dataclass(frozen=True)
class FrameworkRef:
    """A framework found under a root: its name (path relative to ``matrix/``) and folder."""

    name: str
    path: Path


def is_root(path: Path) -> bool:
    return (path / "content").is_dir() and (path / "assets").is_dir()


def find_root(start: Path) -> Path | None:
    """The checkout a framework folder or page lives in, or ``None`` when it is not in one."""
    start = start.resolve()
    if is_root(start):
        return start
    for parent in start.parents:
        if is_root(parent) and start.is_relative_to(parent / "content"):
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
    """Every folder at or below ``directory`` that holds level pages, named relative to ``base``.

    Symlinked folders are not followed (they could loop, or leave the checkout); hidden folders
    are skipped.
    """
    base = base or directory
    found = []
    for current, subdirs, _ in os.walk(directory):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        folder = Path(current)
        if _is_framework(folder):
            name = folder.relative_to(base).as_posix()
            found.append(FrameworkRef(base.name if name == "." else name, folder))
    return found


def discover(root: Path) -> list[FrameworkRef]:
    """The frameworks of a handbook checkout, in path order."""
    matrix = root / MATRIX
    if not matrix.is_dir():
        raise FrameworkNotFound(
            f"no career frameworks: {MATRIX.as_posix()}/ does not exist",
            path=root,
            hint="--root is the top folder of a handbook checkout (it holds content/ and assets/)",
        )
    return frameworks_under(matrix)


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
