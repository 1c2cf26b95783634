"""Reading the files users point ``career`` at: level pages, included files, evidence files.

One set of rules for all of them — a size limit, empty files, binary files, UTF-8 with the line
of the first bad byte, line endings, and YAML errors turned into a line — so every reader fails
the same way: a ``CareerError`` naming the file, the line when there is one, and the fix. Each
reader describes its files with a ``FileKind`` (its error class and its words).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from career_cli.errors import CareerError


@dataclass(frozen=True)
class FileKind:
    error: type[CareerError]
    noun: str  # "page": "page is empty"
    a_noun: str  # "a level page": "is a directory, not a level page"
    limit: int  # bytes
    empty_hint: str | None = None
    binary_hint: str | None = None
    size_hint: str = "check that this is the right file"


def too_big(size: int | None, path: Path, kind: FileKind) -> CareerError:
    """The kind's error for a file over its limit; ``size`` ``None`` when it cannot be known."""
    over = f"is {size / 1048576:.1f} MB, over" if size is not None else "goes on past"
    return kind.error(
        f"{kind.noun} {over} the {kind.limit // 1048576} MB limit",
        path=path,
        hint=kind.size_hint,
    )


def decode(data: bytes, path: Path, kind: FileKind) -> str:
    """Bytes → text with ``\\n`` line ends, or the kind's error saying what is wrong with it."""
    if len(data) > kind.limit:
        raise too_big(len(data), path, kind)
    if not data.strip():
        raise kind.error(f"{kind.noun} is empty", path=path, hint=kind.empty_hint)
    if b"\x00" in data:
        raise kind.error(
            f"looks like a binary file (it contains NUL bytes), not {kind.a_noun}",
            path=path,
            hint=kind.binary_hint,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise kind.error(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            path=path,
            # Lines as the text will have them: CRLF and lone CR end a line too.
            line=data[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1,
            hint="re-save the file as UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read(path: Path, kind: FileKind) -> str:
    """Read and decode a file; the size is checked before a byte is read, and no more than the
    limit is ever read (a device such as /dev/zero, or a pipe, has no size to check)."""
    return decode(read_bytes(path, kind), path, kind)


def read_bytes(path: Path, kind: FileKind) -> bytes:
    """A file's bytes, within the kind's limit (checked before reading), for readers that decode
    them their own way (a spreadsheet in UTF-16, a workbook's zip)."""
    try:
        size = path.stat().st_size
        if size > kind.limit:
            raise too_big(size, path, kind)  # without reading a file that may be gigabytes
        with path.open("rb") as handle:
            data = handle.read(kind.limit + 1)
        if len(data) > kind.limit:
            raise too_big(None, path, kind)
    except IsADirectoryError:
        raise kind.error(f"is a directory, not {kind.a_noun}", path=path) from None
    except FileNotFoundError:
        raise kind.error("no such file", path=path, hint="check the path") from None
    except OSError as exc:
        raise kind.error(f"cannot read: {exc.strerror or exc}", path=path) from None
    return data


def yaml_error(
    exc: Exception,
    path: Path,
    kind: FileKind,
    *,
    what: str,
    source: str,
    first_line: int,
    hint: str,
) -> CareerError:
    """A YAML parse error as the kind's error, at the file line (``source`` starts there).

    The line is counted from the mark's offset, not taken from YAML's own count: YAML also breaks
    lines at U+0085, U+2028 and U+2029, and libyaml puts an error at the end of a file that does
    not end in a newline on a line after the last one.
    """
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    return kind.error(
        f"{what}: {problem}",
        path=path,
        line=source.count("\n", 0, mark.index) + first_line if mark is not None else None,
        hint=hint,
    )


def load_yaml(text: str, path: Path, kind: FileKind, *, hint: str) -> Any:
    """A whole YAML file read safely (``yamlsafe``: no tags, aliases bounded), or the kind's
    error at the file line; a document nested past the parser's stack is "nested too deeply"."""
    import yaml

    from career_cli.sources import yamlsafe

    try:
        return yamlsafe.load(text)
    except yaml.YAMLError as exc:
        raise yaml_error(
            exc, path, kind, what="invalid YAML", source=text, first_line=1, hint=hint
        ) from None
    except RecursionError:
        raise kind.error(
            f"YAML nested too deeply (more than {yamlsafe.MAX_DEPTH} levels)", path=path, line=1
        ) from None
