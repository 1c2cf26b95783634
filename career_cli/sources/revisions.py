"""Level pages as they were at a git revision: ``career diff senior@v1.2 senior``.

The revision is one of the git repository that holds the page (``git rev-parse --show-toplevel``
from the page's folder), so it works for the bundled framework in a clone of this project and for a
handbook checkout alike. The page is read with ``git cat-file`` (what ``git show REV:path`` prints),
and so are the files its includes name, as they were at that revision: ``GitTree`` is the
revision's counterpart of ``includes.DiskTree``, with the same fences (symlinks are followed inside
the tree and refused when they leave the root).

A revision is verified (``rev-parse --verify REV^{commit}``) before anything else uses it, and a
revision that starts with ``-`` is refused, so user input can never be read as a git option.
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
        folder = path if path.is_dir() else path.parent
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
        found = {}
        for record in result.stdout.split(b"\0"):
            if not record:
                continue
            meta, _, name = record.partition(b"\t")
            mode, kind, obj = meta.decode().split()
            if kind in ("blob",):
                found[name.decode("utf-8", "surrogateescape")] = _Entry(mode, obj)
        return found

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
        """Follow symlinks component by component; ``None`` when they leave the repository."""
        pending = [p for p in path.split("/") if p]
        resolved: list[str] = []
        hops = 0
        while pending:
            part = pending.pop(0)
            candidate = "/".join([*resolved, part])
            entry = self.files.get(candidate)
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
            if entry is not None and entry.mode != _SYMLINK:
                return Located(path=Path(f"{self.revision}:{real}"))
        return Located()

    def read(self, path: Path) -> bytes:
        name = str(path).split(":", 1)[1]
        return self.repo.blob(self.files[name].object)

    def key(self, path: Path) -> str:
        return str(path)


def level_at(
    page: Path,
    revision: str,
    *,
    level_id: str,
    root: Path | None = None,
) -> Level:
    """The level page ``page`` as it was at ``revision`` (includes read at that revision too)."""
    repo = GitRepo.containing(page)
    commit = repo.commit(revision)
    relative = repo.relative(page)
    shown = Path(f"{revision}:{relative.as_posix()}")
    result = repo.git("cat-file", "-e", f"{commit}:{relative.as_posix()}")
    if result.returncode != 0 and page.is_file():
        tracked = repo.git("ls-files", "-z", "--", relative.as_posix())
        if not tracked.stdout:  # e.g. a virtualenv's copy of a page, inside some clone
            raise RevisionError(
                f"is not tracked by the git repository at {repo.top}, so it has no history",
                path=page,
                hint="LEVEL@REV reads a page as git recorded it: use the pages of a git checkout "
                "(-f DIR)",
            )
    if result.returncode != 0:
        raise RevisionError(
            f"{relative.as_posix()} does not exist at revision '{revision}'",
            path=page,
            hint="the page may have been added or renamed since; pick a later revision",
        )
    data = repo.blob(f"{commit}:{relative.as_posix()}", shown)
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
