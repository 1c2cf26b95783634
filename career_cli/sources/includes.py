"""Include shortcodes, expanded the way the handbook renders them, and safely.

A handbook page pulls shared statements in with ``{{% include "includes/…/x.md" %}}``, which Hugo
resolves against the checkout's ``assets/`` folder (then ``content/``). Expanding an include turns
the included file's list items into statements of the (sub-)category holding the shortcode, each
carrying the include in ``Statement.source``; headings inside the included file only group.

Page text is untrusted input, so resolution is fenced in:

* a path that is absolute, or has a ``..`` component, is refused before the file system is asked;
* what the path resolves to (symlinks followed) must stay inside the root, or it is refused;
* a cycle (a file that includes itself, directly or not) and nesting deeper than
  ``MAX_INCLUDE_DEPTH`` are reported and not followed;
* one page's includes bring in at most ``MAX_INCLUDES`` files and as much text as a page may
  hold; past that they are reported and not expanded (an "include bomb", ten files that each
  include the next ten times, would otherwise turn a few kilobytes into millions of statements);
* a file that is missing, or not readable text, stays an unresolved include item.

Each of these is a ``Note`` on the level (``code`` = ``include-*``), at the shortcode's line in
the file that holds it, so ``career lint`` reports it and the other commands can warn.

Files come from a ``Tree``: the working tree on disk, or a git revision (``revisions.GitTree``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Protocol

from career_cli import notes
from career_cli.errors import PageError
from career_cli.model import Note, Statement
from career_cli.sources import files
from career_cli.sources.loader import PAGE, IncludeExpander, decode_page, parse_fragment

MAX_INCLUDE_DEPTH = 5
MAX_INCLUDES = 1000  # expansions per page; a handbook page has a handful
INCLUDE_BASES = ("assets", "content")
# A framework folder outside any checkout (the bundled one, a folder passed with -f) that keeps its
# included files beside its pages is its own include root: ``includes/x.md`` is ``folder/includes/
# x.md``, as Hugo would find it had the folder been ``assets/``.
FOLDER_BASES = (".",)


def include_bases(root: Path) -> tuple[str, ...]:
    """Where include paths resolve under ``root``: a checkout's ``assets/`` then ``content/``, or
    the root itself for a framework folder that is its own root (it has neither)."""
    if (root / "assets").is_dir() or (root / "content").is_dir():
        return INCLUDE_BASES
    return FOLDER_BASES


MISSING = notes.INCLUDE_MISSING
UNSAFE = notes.INCLUDE_UNSAFE
CYCLE = notes.INCLUDE_CYCLE
TOO_DEEP = notes.INCLUDE_DEPTH
UNREADABLE = notes.INCLUDE_UNREADABLE

_DRIVE_RE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Located:
    """Where an include path led: a file (``path``), nothing (all ``None``), a refusal, or a path
    the file system would not look up."""

    path: Path | None = None
    refused: str | None = None
    unreadable: str | None = None  # the file system would not look it up (a name too long, …)


class Tree(Protocol):
    """The files of a handbook checkout, as they are now or as they were at a revision."""

    @property
    def label(self) -> str:
        """The root, as messages name it."""
        ...

    @property
    def bases(self) -> tuple[str, ...]:
        """The folders under the root that include paths resolve against, in order."""
        ...

    def locate(self, relative: PurePosixPath) -> Located:
        """Find ``relative`` under the root's include folders, refusing anything outside it."""
        ...

    def read(self, path: Path) -> bytes:
        """The bytes of a file ``locate`` found."""
        ...

    def key(self, path: Path) -> str:
        """The identity of a file, for cycle detection."""
        ...


def unsafe_path(include: str) -> str | None:
    """Why an include path is refused before it is even looked up, or ``None``."""
    if not include.strip():
        return "the include path is empty"
    if "\x00" in include:
        return "the include path contains a NUL character"
    if include.startswith(("/", "\\")) or _DRIVE_RE.match(include):
        return "absolute paths are not allowed; write the path relative to assets/"
    if ".." in re.split(r"[\\/]", include):
        return "'..' is not allowed in an include path; it could leave the handbook"
    return None


class DiskTree:
    """A handbook checkout on disk.

    Files are named under the root as given (``root/assets/includes/x.md``), so messages show
    paths the way the user wrote the root; containment and identity use resolved paths.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.bases = include_bases(root)

    @property
    def label(self) -> str:
        return str(self.root)

    def locate(self, relative: PurePosixPath) -> Located:
        for base in self.bases:
            candidate = self.root / base / Path(*relative.parts)
            try:
                if not (candidate.is_symlink() or candidate.exists()):
                    continue
            except (
                OSError
            ) as exc:  # the page names a path too long, or in a folder we may not enter
                return Located(unreadable=f"cannot look it up: {exc.strerror or exc}")
            try:
                real = candidate.resolve()
            except (OSError, RuntimeError):  # a symlink loop
                return Located(refused=f"{candidate} is a symlink loop")
            if not real.is_relative_to(self.real_root):
                return Located(refused=f"{candidate} resolves to {real}, outside {self.root}")
            if real.is_file():
                return Located(path=candidate)
            if real.exists():
                return Located(refused=f"{candidate} is not a file")
        return Located()

    def read(self, path: Path) -> bytes:
        # An included file is untrusted too: it may be gigabytes. Its size is checked before a
        # byte is read, and no more than a page may hold is read (``decode_page`` refuses that).
        size = path.stat().st_size
        if size > PAGE.limit:
            raise files.too_big(size, path, PAGE)
        with path.open("rb") as handle:
            return handle.read(PAGE.limit + 1)

    def key(self, path: Path) -> str:
        return str(path.resolve())


class _Budget:
    """What the includes of one page may still bring in: files, and bytes of text."""

    __slots__ = ("files", "size")

    def __init__(self) -> None:
        self.files = MAX_INCLUDES
        self.size = PAGE.limit


class IncludeResolver:
    """Expands the includes of pages under one root; each included file is read only once."""

    def __init__(self, tree: Tree, *, max_depth: int = MAX_INCLUDE_DEPTH) -> None:
        self.tree = tree
        self.max_depth = max_depth
        self._texts: dict[str, str | PageError] = {}

    def expander_for(self, page: Path) -> IncludeExpander:
        """The ``expand`` hook for one page (the page itself opens the chain, for cycles)."""
        return self._expander(page, (self.tree.key(page),), (page.name,), _Budget())

    def _expander(
        self, container: Path, chain: tuple[str, ...], names: tuple[str, ...], budget: _Budget
    ) -> IncludeExpander:
        def expand(include: str, line: int) -> tuple[list[Statement], list[Note]]:
            return self._expand(include, line, container, chain, names, budget)

        return expand

    def _text(self, path: Path) -> str | PageError:
        key = self.tree.key(path)
        if key not in self._texts:
            try:
                data = self.tree.read(path)
                self._texts[key] = "" if not data.strip() else decode_page(data, path)
            except PageError as exc:
                self._texts[key] = exc
            except OSError as exc:
                self._texts[key] = PageError(f"cannot read: {exc.strerror or exc}", path=path)
        return self._texts[key]

    def _expand(
        self,
        include: str,
        line: int,
        container: Path,
        chain: tuple[str, ...],
        names: tuple[str, ...],
        budget: _Budget,
    ) -> tuple[list[Statement], list[Note]]:
        def unresolved(code: str, message: str) -> tuple[list[Statement], list[Note]]:
            note = Note(line, code, message, path=container)
            return [Statement(include, line, include=include)], [note]

        refusal = unsafe_path(include)
        if refusal:
            return unresolved(UNSAFE, f"refused include '{include}': {refusal}")
        found = self.tree.locate(PurePosixPath(include.replace("\\", "/")))
        if found.refused:
            return unresolved(UNSAFE, f"refused include '{include}': {found.refused}")
        if found.unreadable:
            return unresolved(UNREADABLE, f"include '{include}' cannot be read: {found.unreadable}")
        if found.path is None:
            where = " or ".join(f"{base}/" for base in self.tree.bases)
            return unresolved(
                MISSING, f"include '{include}' not found under {where} of {self.tree.label}"
            )
        key = self.tree.key(found.path)
        if key in chain:
            loop = " → ".join((*names[chain.index(key) :], found.path.name))
            return unresolved(CYCLE, f"include cycle, not followed: {loop}")
        if len(chain) > self.max_depth:  # the page opens the chain: len - 1 includes are open
            return unresolved(
                TOO_DEEP,
                f"include '{include}' is nested more than {self.max_depth} deep, not followed: "
                + " → ".join((*names, found.path.name)),
            )
        text = self._text(found.path)
        if isinstance(text, PageError):
            return unresolved(UNREADABLE, f"include '{include}' cannot be read: {text.message}")
        budget.files -= 1
        budget.size -= len(text)
        if budget.files < 0 or budget.size < 0:
            return unresolved(
                UNREADABLE,
                f"include '{include}' not expanded: the includes of {names[0]} already bring in "
                f"more than {MAX_INCLUDES} files or {PAGE.limit // 1048576} MB",
            )
        nested = self._expander(found.path, (*chain, key), (*names, found.path.name), budget)
        try:
            items, notes = parse_fragment(text, expand=nested, path=found.path)
        except PageError as exc:  # more statements than a level may hold
            return unresolved(UNREADABLE, f"include '{include}' cannot be read: {exc.message}")
        statements = [
            item
            if item.source is not None or item.include is not None
            else replace(item, source=include)
            for item in items
        ]
        located = [
            note if note.path is not None else replace(note, path=found.path) for note in notes
        ]
        return statements, located
