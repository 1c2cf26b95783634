"""Where output goes: colour and width decisions, the pager, ``-o`` files, and stderr messages.

The rules follow git: colour only for a terminal unless asked (``--color``, ``NO_COLOR``,
``FORCE_COLOR``), and a pager (``$PAGER``, default ``less -R``) only when stdout is a terminal and
the output is taller than the screen.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, TextIO

from career_cli import notes
from career_cli.errors import CareerError
from career_cli.text import one_line, shown_path

if TYPE_CHECKING:  # the model is for type hints only: --help and --version need not load it
    from pathlib import Path

    from career_cli.model import Framework, Level

DEFAULT_PAGER = "less -R"
DEFAULT_FILE_WIDTH = 100
MIN_WIDTH, MAX_WIDTH = 20, 1000  # as --width accepts


class OutputError(CareerError):
    """Standard output cannot be written (a full disk, a closed device)."""


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def use_color(
    choice: ColorChoice, stream: TextIO | None = None, *, terminal: bool | None = None
) -> bool:
    """``--color`` wins; then NO_COLOR, FORCE_COLOR, TERM=dumb; then whether the output goes to
    a terminal (``terminal``; by default, whether ``stream`` or stdout is a tty)."""
    if choice is ColorChoice.always:
        return True
    if choice is ColorChoice.never:
        return False
    if os.environ.get("NO_COLOR", "") != "":
        return False
    if _env_flag("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return terminal if terminal is not None else _isatty(stream or sys.stdout)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def stdout_is_terminal() -> bool:
    return _isatty(sys.stdout)


def output_width(requested: int | None, *, terminal: bool | None = None) -> int:
    """``--width``, else the terminal's width, else ``$COLUMNS``, else 100 for files and pipes.
    ``terminal`` says whether the output goes to the terminal (by default: is stdout a tty).

    Whatever the environment says is held to the range ``--width`` accepts: ``COLUMNS=-3`` must
    not print nothing, nor ``COLUMNS=100000`` take minutes.
    """
    if requested:
        return requested
    if _isatty(sys.stdout) if terminal is None else terminal:
        width = shutil.get_terminal_size().columns
    else:
        try:
            width = int(os.environ.get("COLUMNS", "")) or DEFAULT_FILE_WIDTH
        except ValueError:
            width = DEFAULT_FILE_WIDTH
    return min(max(width, MIN_WIDTH), MAX_WIDTH)


def _pager_command() -> list[str] | None:
    import shlex

    command = os.environ.get("CAREER_PAGER", os.environ.get("PAGER", DEFAULT_PAGER)).strip()
    if not command or command == "cat":
        return None
    try:
        return shlex.split(command)
    except ValueError:
        return None


def emit(text: str, *, page: bool = False) -> None:
    """Write to stdout, through the pager when asked and the text does not fit the screen."""
    # A file name that is not UTF-8 arrives as lone surrogates (Python's surrogateescape). Written
    # as they are, they make stdout invalid UTF-8, or fail to encode at all (exit 70) where stdout
    # is strict. As backslash escapes (\udcff) they are visible in text and Markdown, and in JSON
    # strings they are JSON escapes that decode back to the file name.
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if page and _isatty(sys.stdout) and text.count("\n") >= shutil.get_terminal_size().lines:
        command = _pager_command()
        if command and _run_pager(command, text):
            return
    if sys.stdout is None:  # started with stdout closed (career … >&-): Python has none to give
        raise OutputError(
            "cannot write output: standard output is closed",
            hint="redirect it to a file, or to /dev/null to keep only the exit status",
        )
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader went away: the CLI ends quietly
    except OSError as exc:
        raise OutputError(
            f"cannot write output: {exc.strerror or exc}",
            hint="check the disk or device that standard output goes to",
        ) from None


def _run_pager(command: list[str], text: str) -> bool:
    import subprocess

    env = dict(os.environ)
    # As git: quit if one screen, keep colours, no screen clear. A user's own LESS without R
    # would show our colours as raw escapes; like git, delta and bat, add it.
    less = env.get("LESS")
    if less is None:
        env["LESS"] = "FRX"
    elif "R" not in less and "r" not in less:
        env["LESS"] = less + "R"
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False  # no such pager: print directly rather than fail
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode("utf-8", "replace"))
        pager.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager early; that is not an error
    while True:
        try:
            pager.wait()
            break
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager (less uses it to stop a search)
    return True


def message(kind: str, text: str) -> None:
    """``career: error: …`` on stderr; page-supplied text is shown, never interpreted.

    A message is one line, and a hint line when there is one (``CareerError.render``): any other
    newline came from a file name or a page and is shown as ``\\n``, so it cannot start a line.
    """
    head, hint_line, hint = text.partition("\n  hint: ")
    try:
        sys.stderr.write(f"career: {kind}: {one_line(head)}{hint_line}{one_line(hint)}\n")
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        # No stderr to tell (closed: None; full: ENOSPC): the exit status still does. Dropped, so
        # that Python's final flush of what is left in the buffer cannot fail the exit status too.
        sys.stderr = None


def warn_problems(framework: Framework, skip: set[str] | None = None) -> None:
    """A broken page only fails the commands that need it; the others say it was skipped."""
    for problem in framework.problems:
        if skip and problem.id in skip:
            continue
        render = getattr(problem.error, "render", None)
        text = render() if callable(render) else str(problem.error)
        message("warning", f"skipped level '{problem.id}': {text}")


def warn_notes(levels: Iterable[Level]) -> None:
    """``career: warning: path:line: message`` once for each include problem of these levels."""
    seen: set[tuple[str, int, str]] = set()
    for level in levels:
        for note in level.notes:
            if note.code not in notes.WARNED:
                continue
            where = shown_path(note.path or level.path)
            if (where, note.line, note.message) in seen:
                continue
            seen.add((where, note.line, note.message))
            message("warning", f"{where}:{note.line}: {note.message}")


def _protected(frameworks: Iterable[Framework]) -> tuple[set[str], dict[str, Framework]]:
    """The files ``-o`` must not overwrite — every level page and included file these frameworks
    were read from — and their folders, where a new ``.md`` file would become a level page."""
    from pathlib import PurePosixPath

    pages: set[str] = set()
    folders: dict[str, Framework] = {}
    for framework in frameworks:
        folders[os.path.realpath(framework.path)] = framework
        tree = None
        if framework.root is not None:
            from career_cli.sources.includes import DiskTree

            tree = DiskTree(framework.root)
        for level in framework.levels:
            pages.add(os.path.realpath(level.path))
            sources = {c.source for cat in level.categories for c in cat.items if c.source}
            for source in sorted(sources):
                found = tree.locate(PurePosixPath(source)).path if tree else None
                if found is not None:
                    pages.add(os.path.realpath(found))
        pages.update(os.path.realpath(problem.path) for problem in framework.problems)
    return pages, folders


def write_file(path: Path, text: str, *, protected: Iterable[Framework] = ()) -> None:
    """Write ``text`` to ``path`` all at once: into a temporary file beside it, then renamed over
    it, so a reader (or a crash, or a full disk) never sees half a file and a failure leaves the
    old file as it was. Refused, before anything is written, for a file the command read its
    levels from, or a new page in one of their framework folders."""
    import contextlib
    import stat
    import tempfile
    from pathlib import Path

    shown = shown_path(path)
    target = Path(os.path.realpath(path))  # through a symbolic link, to the file it names
    pages, folders = _protected(protected)
    if str(target) in pages:
        raise OutputError(
            f"{shown}: refusing to overwrite a file the levels were read from",
            hint="write the output somewhere else",
        )
    if target.suffix.lower() == ".md" and str(target.parent) in folders:
        raise OutputError(
            f"{shown}: refusing to write a page into the folder of framework "
            f"'{folders[str(target.parent)].id}', where it would be read as a level",
            hint="write the output somewhere else",
        )
    if target.is_dir():
        raise OutputError(f"{shown}: is a directory", hint="give a file name with -o")
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from None
    try:
        descriptor, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise OutputError(
            f"{shown}: cannot write: {exc.strerror or exc}",
            hint="check that its folder exists and that you may write there",
        ) from None
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(mode)
        temporary.replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise OutputError(
                f"{shown}: cannot write: {exc.strerror or exc}", hint="nothing was changed"
            ) from None
        raise
