"""Level pages as they were at a git revision: ``career diff senior@v1.2 senior``.

The revision is one of the git repository that holds the page (``git rev-parse --show-toplevel``
from the page's folder), so it works for the bundled framework in a clone of this project and for a
handbook checkout alike. The page is read with ``git cat-file`` (what ``git show REV:path`` prints),
and so are the files its includes name, as they were at that revision: ``GitTree`` is the
revision's counterpart of ``includes.DiskTree``, with the same fences (symlinks are followed inside
the tree and refused when they leave the root).

A revision is verified (``rev-parse --verify REV^{commit}``) before anything else uses it, and a
revision that starts with ``-`` is refused, so user input can never be read as a git option.

A file at a revision is addressed as (commit, path): looked up in the commit's tree (``ls-tree``
with literal pathspecs) and read by its object id, never by a ``REV:path`` string split on its
colon (revision names hold colons: ``HEAD^{/fix: x}``, ``@{2024-01-01 10:00}``). Submodule
boundaries are kept: the repository of a page is that of its folder (a page that became a
submodule is looked up in the repository it was a page of); a page inside a submodule at the
revision is read from the submodule's checkout at the commit the revision records; an include
that leads into a submodule is reported, not looked up in the wrong tree.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from career_cli.errors import CareerError
from career_cli.model import Level, Revision
from career_cli.sources import files
from career_cli.sources.includes import IncludeResolver, Located, include_bases
from career_cli.sources.loader import PAGE, decode_page, parse_page

_SYMLINK = "120000"
_GITLINK = "160000"  # a submodule: a commit of another repository
_TREE = "040000"
_MAX_SYMLINKS = 40


class RevisionError(CareerError):
    """A revision that cannot be used: no git, not a repository, unknown, or the file is absent."""


@dataclass(frozen=True)
class _Entry:
    mode: str
    object: str


def _git_env() -> dict[str, str]:
    env = dict(os.environ)
    env["LC_ALL"] = "C"  # stable messages; we never parse them, but users may read them
    env.pop("GIT_DIR", None)  # the page's own repository, whatever the caller's shell says
    env.pop("GIT_WORK_TREE", None)
    return env


class GitRepo:
    """The repository a path lives in."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self._blobs: dict[str, bytes] = {}

    @classmethod
    def containing(cls, path: Path) -> GitRepo:
        if shutil.which("git") is None:
            raise RevisionError(
                "git is not installed, and LEVEL@REV reads pages with git",
                hint="install git, or compare two page files: career diff OLD.md NEW.md",
            )
        # The page's folder holds it (the page may be gone, or be a submodule's folder now): the
        # nearest folder that still exists.
        folder = path.parent
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        result = _run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"])
        if result.returncode != 0:
            raise RevisionError(
                "not in a git repository, so it has no revisions",
                path=folder,
                hint="LEVEL@REV needs the framework's pages in a git checkout",
            )
        return cls(Path(result.stdout.decode("utf-8", "replace").strip()))

    def git(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        return _run(["git", "-C", str(self.top), *args])

    def superproject(self) -> GitRepo | None:
        """The repository this one is a submodule of, if it is one."""
        result = self.git("rev-parse", "--show-superproject-working-tree")
        top = result.stdout.decode("utf-8", "surrogateescape").strip()
        return GitRepo(Path(top)) if result.returncode == 0 and top else None

    def knows(self, revision: str) -> bool:
        """Whether ``revision`` names a commit here (what ``commit`` would find)."""
        if not revision or revision.startswith("-"):
            return False
        args = ("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
        return self.git(*args).returncode == 0

    def commit(self, revision: str) -> str:
        """The commit ``revision`` names, or a ``RevisionError`` saying it names none."""
        if not revision or revision.startswith("-"):
            raise RevisionError(
                f"'{revision}' is not a revision",
                hint="write LEVEL@REV with a commit, tag or branch, such as senior@HEAD~3",
            )
        result = self.git(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
        )
        if result.returncode != 0:
            raise RevisionError(
                f"unknown revision '{revision}' in the git repository at {self.top}",
                hint="use a commit, tag or branch that exists there (git log --oneline)",
            )
        return result.stdout.decode().strip()

    def relative(self, path: Path) -> PurePosixPath:
        real = Path(os.path.realpath(path))
        top = Path(os.path.realpath(self.top))
        if not real.is_relative_to(top):
            raise RevisionError(f"is outside the git repository at {self.top}", path=path)
        return PurePosixPath(real.relative_to(top).as_posix())

    def entries(self, commit: str, under: PurePosixPath) -> dict[str, _Entry]:
        """Every file (and symlink) of ``commit`` under a folder, by repository-relative path."""
        args = ["ls-tree", "-r", "-z", "--full-tree", commit]
        if str(under) not in ("", "."):
            args += ["--", str(under)]
        result = self.git(*args)
        if result.returncode != 0:
            raise RevisionError(f"cannot list the files of {commit[:12]}", path=self.top)
        return {
            name: entry
            for name, entry in _records(result.stdout).items()
            if entry.mode != _TREE  # files, symlinks, and submodules (to say where they are)
        }

    def lookup(self, commit: str, path: PurePosixPath) -> dict[str, _Entry]:
        """The entries of ``commit`` at ``path`` and at each folder above it (literal paths)."""
        prefixes = [PurePosixPath(*path.parts[: n + 1]).as_posix() for n in range(len(path.parts))]
        # -t: the folders on the way too (ls-tree leaves out the trees it goes into).
        result = self.git(
            "--literal-pathspecs", "ls-tree", "-t", "-z", "--full-tree", commit, "--", *prefixes
        )
        if result.returncode != 0:
            raise RevisionError(f"cannot list the files of {commit[:12]}", path=self.top)
        return _records(result.stdout)

    def blob(self, obj: str, shown: Path | None = None) -> bytes:
        """A file's bytes at a revision; its size is asked first, so a huge file in history is
        refused like one on disk, never read whole."""
        if obj not in self._blobs:
            size = self.git("cat-file", "-s", obj)
            if size.returncode == 0 and int(size.stdout or 0) > PAGE.limit:
                raise files.too_big(int(size.stdout), shown or self.top / obj, PAGE)
            result = self.git("cat-file", "blob", obj)
            if result.returncode != 0:
                raise RevisionError(f"cannot read git object {obj[:12]}", path=self.top)
            self._blobs[obj] = result.stdout
        return self._blobs[obj]


def _records(output: bytes) -> dict[str, _Entry]:
    """``ls-tree -z`` output by path."""
    found = {}
    for record in output.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, _kind, obj = meta.decode().split()
        found[name.decode("utf-8", "surrogateescape")] = _Entry(mode, obj)
    return found


def _run(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(args, capture_output=True, env=_git_env(), check=False)
    except OSError as exc:
        raise RevisionError(f"cannot run git: {exc.strerror or exc}") from None


class GitTree:
    """A handbook checkout as it was at a commit, for include resolution at that revision."""

    def __init__(
        self,
        repo: GitRepo,
        commit: str,
        revision: str,
        root: PurePosixPath,
        bases: tuple[str, ...],
    ) -> None:
        self.repo = repo
        self.commit = commit
        self.revision = revision
        self.root = root
        self.bases = bases
        self._entries: dict[str, _Entry] | None = None
        self._located: dict[str, str] = {}  # what ``locate`` returned → the path in the commit

    @property
    def label(self) -> str:
        return f"{self.revision}:{'' if str(self.root) == '.' else self.root.as_posix()}"

    @property
    def files(self) -> dict[str, _Entry]:
        if self._entries is None:
            self._entries = self.repo.entries(self.commit, self.root)
        return self._entries

    def _inside(self, path: str) -> bool:
        root = str(self.root)
        return root in ("", ".") or path == root or path.startswith(root + "/")

    def _resolve(self, path: str) -> str | None:
        """Follow symlinks component by component; ``None`` when they leave the repository. A
        submodule on the way ends the path there: what lies in it is not in this tree."""
        pending = [p for p in path.split("/") if p]
        resolved: list[str] = []
        hops = 0
        while pending:
            part = pending.pop(0)
            candidate = "/".join([*resolved, part])
            entry = self.files.get(candidate)
            if entry is not None and entry.mode == _GITLINK:
                return candidate
            if entry is None or entry.mode != _SYMLINK:
                resolved.append(part)
                continue
            hops += 1
            target = self.repo.blob(entry.object).decode("utf-8", "surrogateescape")
            if hops > _MAX_SYMLINKS or target.startswith("/"):
                return None
            joined = posixpath.normpath(posixpath.join("/".join(resolved) or ".", target))
            if joined == ".." or joined.startswith("../"):
                return None
            pending = [p for p in joined.split("/") if p not in ("", ".")] + pending
            resolved = []
        return "/".join(resolved)

    def locate(self, relative: PurePosixPath) -> Located:
        for base in self.bases:
            wanted = (self.root / base / relative).as_posix()
            real = self._resolve(wanted)
            if real is None or not self._inside(real):
                return Located(refused=f"{wanted} resolves outside {self.label}")
            entry = self.files.get(real)
            if entry is not None and entry.mode == _GITLINK:
                return Located(
                    unreadable=f"{wanted} leads into the submodule {real} at {self.revision}, "
                    "whose files are not in this repository's tree"
                )
            if entry is not None and entry.mode != _SYMLINK:
                shown = Path(f"{self.revision}:{real}")  # for messages; read by its entry
                self._located[str(shown)] = real
                return Located(path=shown)
        return Located()

    def read(self, path: Path) -> bytes:
        return self.repo.blob(self.files[self._located[str(path)]].object)

    def key(self, path: Path) -> str:
        return str(path)


def _page_blob(
    repo: GitRepo, commit: str, relative: PurePosixPath, revision: str, page: Path
) -> tuple[GitRepo, _Entry]:
    """The repository and tree entry holding the page at ``commit``, following symlinks and
    crossing into submodules on the way; a ``RevisionError`` saying why when there is none."""
    for _ in range(_MAX_SYMLINKS):
        entries = repo.lookup(commit, relative)
        parts = relative.parts
        for n in range(1, len(parts) + 1):
            here = PurePosixPath(*parts[:n])
            entry = entries.get(here.as_posix())
            last = n == len(parts)
            if entry is None:
                if page.is_file() and not repo.git("ls-files", "-z", "--", str(page)).stdout:
                    # E.g. a virtualenv's copy of a page, inside some clone: git has the
                    # folder, not the file; "renamed since" would send the user astray.
                    raise RevisionError(
                        f"is not tracked by the git repository at {repo.top}, so it has no history",
                        path=page,
                        hint="LEVEL@REV reads a page as git recorded it: use the pages of a git "
                        "checkout (-f DIR)",
                    )
                raise RevisionError(
                    f"{relative.as_posix()} does not exist at revision '{revision}'",
                    path=page,
                    hint="the page may have been added or renamed since; pick a later revision",
                )
            if entry.mode == _GITLINK:
                if last:
                    raise RevisionError(
                        f"{relative.as_posix()} is a submodule at revision '{revision}', not a "
                        "page",
                        path=page,
                        hint="pick a revision at which it is a page",
                    )
                repo, commit = _submodule(repo, here, entry.object, revision, page)
                relative = PurePosixPath(*parts[n:])
                break
            if entry.mode == _SYMLINK:
                target = repo.blob(entry.object).decode("utf-8", "surrogateescape")
                joined = posixpath.normpath(posixpath.join(here.parent.as_posix(), target))
                if target.startswith("/") or joined == ".." or joined.startswith("../"):
                    raise RevisionError(
                        f"{here.as_posix()} is a symlink out of the repository at '{revision}'",
                        path=page,
                    )
                relative = PurePosixPath(joined, *parts[n:])
                break
            if last:
                if entry.mode == _TREE:
                    raise RevisionError(
                        f"{relative.as_posix()} is a folder at revision '{revision}', not a page",
                        path=page,
                    )
                return repo, entry
    raise RevisionError(f"too many symlinks or submodules on the way at '{revision}'", path=page)


def _submodule(
    repo: GitRepo, folder: PurePosixPath, commit: str, revision: str, page: Path
) -> tuple[GitRepo, str]:
    """The checkout of the submodule at ``folder`` and the commit the revision records for it."""
    checkout = repo.top / Path(*folder.parts)
    result = _run(["git", "-C", str(checkout), "rev-parse", "--show-toplevel"])
    top = result.stdout.decode("utf-8", "surrogateescape").strip()
    inner = GitRepo(Path(top)) if result.returncode == 0 else None
    if inner is None or os.path.realpath(top) != os.path.realpath(checkout):
        raise RevisionError(
            f"the page is in the submodule {folder.as_posix()} at revision '{revision}', "
            "which is not checked out here",
            path=page,
            hint=f"check it out: git submodule update --init {folder.as_posix()}",
        )
    if inner.git("cat-file", "-e", f"{commit}^{{commit}}").returncode != 0:
        raise RevisionError(
            f"the submodule {folder.as_posix()} has no commit {commit[:12]}, which revision "
            f"'{revision}' records for it",
            path=page,
            hint=f"fetch it: git -C {folder.as_posix()} fetch",
        )
    return inner, commit


def level_at(
    page: Path,
    revision: str,
    *,
    level_id: str,
    root: Path | None = None,
) -> Level:
    """The level page ``page`` as it was at ``revision`` (includes read at that revision too).

    The revision is one of the repository holding the page's folder; when that repository is a
    submodule that does not know it, of the superproject that holds it (a framework folder that
    became a submodule keeps its history there).
    """
    repo = GitRepo.containing(page)
    outer: GitRepo | None = repo
    while outer is not None and not outer.knows(revision):
        outer = outer.superproject()
    repo = outer or repo
    commit = repo.commit(revision)
    relative = repo.relative(page)
    shown = Path(f"{revision}:{relative.as_posix()}")  # git's name for it, in messages
    holder, entry = _page_blob(repo, commit, relative, revision, page)
    data = holder.blob(entry.object, shown)
    expand = None
    if root is not None:
        try:
            root_relative = repo.relative(root)
        except RevisionError:
            from career_cli.sources.includes import DiskTree  # the root is outside the repository

            expand = IncludeResolver(DiskTree(root)).expander_for(shown)
        else:
            tree = GitTree(repo, commit, revision, root_relative, include_bases(root))
            expand = IncludeResolver(tree).expander_for(shown)
    level = parse_page(decode_page(data, shown), shown, level_id=level_id, expand=expand)
    return replace(level, title=f"{level.title}@{revision}", revision=Revision(revision, commit))
