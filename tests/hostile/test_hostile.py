"""Every case of the hostile-input catalogue (``cases.py``), through the installed ``career``.

Each case gets a fresh directory holding its files, an empty HOME and an empty TMPDIR, and runs
there with a clean environment. Every run, in every format it names, must:

* end with the documented exit status, with no traceback and no "internal error";
* write output valid for its format: UTF-8; JSON that parses and validates against the shipped
  schema of its kind; text and Markdown with no raw control characters or bidi overrides (with
  colour forced, only SGR colour codes); errors on stderr as ``career: error:`` naming the file;
* write nothing: the case's directory (inputs, HOME, TMPDIR) is the same before and after, file
  by file, down to sizes, modification times and contents;
* stay within ``TIMEOUT`` seconds and a ``MEMORY_CAP`` address space, so a blow-up fails the run
  instead of the machine.

Runs of a case start in parallel, one per core, each process capped with ``setrlimit`` in
``preexec_fn`` (safe here: the test process starts no threads).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hostile.cases import (
    CASES,
    JSON,
    MARKDOWN,
    PLAIN,
    TEXT_60,
    TEXT_100,
    Case,
    Link,
    Run,
    Sparse,
    doc_table,
)

# POSIX processes: setrlimit, signals, descriptors closed in the child.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX processes")

CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"
ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "career_cli" / "schemas"
DOC = ROOT / "docs" / "hostile-inputs.md"
TIMEOUT = 60  # seconds for one run: generous, a bound on blow-ups rather than a benchmark
MEMORY_CAP = 1536 * 1024 * 1024  # address space of one run
WORKERS = min(4, max(2, os.cpu_count() or 2))  # runs at a time

# Options and width for each format. Text at 100 columns forces colour, so that what styles
# write is checked too; at 60 it shows the stacked layouts.
FORMAT_ARGS = {
    TEXT_100: (["--color", "always"], 100),
    TEXT_60: (["--color", "never"], 60),
    JSON: (["--format", "json"], 100),
    MARKDOWN: (["--format", "markdown"], 100),
    PLAIN: ([], 100),
}
# Variables that would change what career does; the case's environment has none of them.
UNSET = {"NO_COLOR", "FORCE_COLOR", "PAGER", "COLUMNS", "LINES", "TERM", "CLICOLOR_FORCE"}

SGR = re.compile(r"\x1b\[[0-9;]*m")
# What no output may carry raw: C0 controls but tab and newline, DEL, C1, bidi overrides and
# isolates (the same set ``text.visible`` escapes).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CAREER_COMMENT = re.compile(r"<!-- career:[^>]*-->")
SIDE_BY_SIDE_ROW = re.compile(r"^[~+\- ] {3}")


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _child(run: Run) -> Callable[[], None]:
    """What runs in the child before career: the memory cap, and the run's closed or full fds."""

    def setup() -> None:
        _limit_memory()
        for fd in run.closed:
            os.close(fd)
        for fd in run.full:
            full = os.open("/dev/full", os.O_WRONLY)
            os.dup2(full, fd)
            os.close(full)

    return setup


# ---------------------------------------------------------------------------------------------
# The case's world: its files, and a snapshot to prove nothing was written


def build(root: Path, case: Case) -> None:
    for relative, content in case.files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            path.symlink_to(content.target)
        elif isinstance(content, Sparse):
            with path.open("wb") as handle:
                handle.truncate(content.size)
        elif isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))  # bytes: keep CR and CRLF as written
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content())
    for folder in ("home", "tmp"):
        (root / folder).mkdir()
    if case.setup is not None:
        case.setup(root)


def snapshot(root: Path) -> dict[str, tuple[Any, ...]]:
    """Every entry under ``root`` (symlinks not followed): kind, size, mtime, and small contents."""
    entries: dict[str, tuple[Any, ...]] = {".": ("dir", os.lstat(root).st_mtime_ns)}
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder, name)
            info = path.lstat()
            key = str(path.relative_to(root))
            if stat.S_ISLNK(info.st_mode):
                entries[key] = ("link", str(path.readlink()))
            elif stat.S_ISDIR(info.st_mode):
                entries[key] = ("dir", info.st_mtime_ns)
            else:
                digest = None
                if info.st_size <= 1 << 20:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                entries[key] = ("file", info.st_size, info.st_mtime_ns, digest)
    return entries


def environment(root: Path, columns: int) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in UNSET and not key.startswith(("CAREER_", "_CAREER", "XDG_"))
    }
    env.update(HOME=str(root / "home"), TMPDIR=str(root / "tmp"), COLUMNS=str(columns))
    return env


def missing_needs(case: Case, root: Path) -> str | None:
    for need in case.needs:
        if need == "case-sensitive":
            probe = root / "CaseProbe"
            probe.touch()
            folded = (root / "caseprobe").exists()
            probe.unlink()
            if folded:
                return "needs a case-sensitive file system"
        elif not Path(need).exists():
            return f"needs {need}"
    return None


# ---------------------------------------------------------------------------------------------
# Running


@dataclass
class Result:
    run: Run
    fmt: str
    status: int
    stdout: bytes
    stderr: bytes
    seconds: float

    def label(self) -> str:
        shown = " ".join(self.run.args).encode("unicode_escape").decode()
        return f"career {shown} [{self.fmt}]"


def argv(run: Run, fmt: str) -> list[str]:
    return [CAREER, *run.args, *FORMAT_ARGS[fmt][0]]


def run_all(case: Case, root: Path, out: Path) -> list[Result]:
    """Every run × format of a case, ``WORKERS`` at a time, output to files outside ``root``."""
    jobs = [(run, fmt) for run in case.runs for fmt in run.formats]
    results: list[Result] = []
    for start in range(0, len(jobs), WORKERS):
        started = []
        for number, (run, fmt) in enumerate(jobs[start : start + WORKERS], start):
            stdout, stderr = out / f"{number}.out", out / f"{number}.err"
            with stdout.open("wb") as o, stderr.open("wb") as e:
                process = subprocess.Popen(
                    argv(run, fmt),
                    cwd=root,
                    env=environment(root, FORMAT_ARGS[fmt][1]),
                    stdin=subprocess.DEVNULL if run.stdin is None else subprocess.PIPE,
                    stdout=o,
                    stderr=e,
                    preexec_fn=_child(run),
                )
            if process.stdin is not None and run.stdin is not None:
                with contextlib.suppress(BrokenPipeError), process.stdin:
                    process.stdin.write(run.stdin)  # small: the pipe buffer holds it
            started.append((run, fmt, process, stdout, stderr, time.monotonic()))
        for run, fmt, process, stdout, stderr, began in started:
            try:
                status = process.wait(timeout=max(1.0, TIMEOUT - (time.monotonic() - began)))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                status = -999
            seconds = time.monotonic() - began
            results.append(
                Result(run, fmt, status, stdout.read_bytes(), stderr.read_bytes(), seconds)
            )
    return results


def _watched(run: Run, fmt: str, root: Path, *, stdout: int) -> subprocess.Popen[bytes]:
    """A run started for the process modes, which watch it live: stderr on a pipe, no stdin."""
    return subprocess.Popen(
        argv(run, fmt),
        cwd=root,
        env=environment(root, FORMAT_ARGS[fmt][1]),
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        preexec_fn=_limit_memory,
    )


def run_closed_stdout(case: Case, root: Path) -> list[Result]:
    """Like ``career … | head -1``: read one line, then close the pipe."""
    results = []
    for run in case.runs:
        for fmt in run.formats:
            began = time.monotonic()
            process = _watched(run, fmt, root, stdout=subprocess.PIPE)
            assert process.stdout is not None and process.stderr is not None
            first = process.stdout.readline()
            process.stdout.close()
            stderr = process.stderr.read()
            status = process.wait(timeout=TIMEOUT)
            assert first, f"{fmt}: no first line to read"
            results.append(Result(run, fmt, status, b"", stderr, time.monotonic() - began))
    return results


def run_interrupted(case: Case, root: Path) -> list[Result]:
    """Ctrl-C while the command works: SIGINT until it ends."""
    results = []
    for run in case.runs:
        for fmt in run.formats:
            began = time.monotonic()
            process = _watched(run, fmt, root, stdout=subprocess.DEVNULL)
            assert process.stderr is not None
            time.sleep(0.3)
            while process.poll() is None and time.monotonic() - began < TIMEOUT:
                process.send_signal(signal.SIGINT)
                time.sleep(0.05)
            stderr = process.stderr.read()
            status = process.wait(timeout=TIMEOUT)
            results.append(Result(run, fmt, status, b"", stderr, time.monotonic() - began))
    return results


# ---------------------------------------------------------------------------------------------
# Checking


_VALIDATORS: dict[str, Any] = {}


def validator(kind: str) -> Any:
    """The shipped schema of a kind, checked once (``jsonschema.validate`` checks it every call)."""
    if kind not in _VALIDATORS:
        schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        _VALIDATORS[kind] = jsonschema.Draft202012Validator(schema)
    return _VALIDATORS[kind]


def cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def misaligned(text: str, width: int) -> list[str]:
    """Rows of a side-by-side diff whose right column does not start at its cell."""
    left = (width - 1 - 6) // 2
    right_start = 1 + 3 + left + 3
    bad = []
    in_table = False
    for line in text.split("\n"):
        if line.startswith("─"):
            in_table = True
            continue
        if not in_table:
            continue
        if line and not SIDE_BY_SIDE_ROW.match(line):
            in_table = False  # the next category's heading
            continue
        if cells(line) <= right_start - 3:
            continue  # only the left column (trailing blanks are trimmed)
        # Measured as Rich measures a string (grapheme clusters such as 👩‍👩‍👧‍👦 count once).
        index = next(i for i in range(len(line) + 1) if cells(line[:i]) >= right_start)
        if cells(line[:index]) != right_start or line[index - 3 : index] != "   ":
            bad.append(line)
    return bad


def check(result: Result) -> list[str]:
    """What is wrong with one run; empty when all is well."""
    run, fmt = result.run, result.fmt
    try:
        out = result.stdout.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"stdout is not UTF-8: {exc}: {result.stdout[:200]!r}"]
    try:
        err = result.stderr.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"stderr is not UTF-8: {exc}"]
    problems = []
    # What career could not write, it could not be checked on either.
    said = 2 not in run.closed + run.full
    if result.status == -999:
        problems.append(f"still running after {TIMEOUT} s")
    if "Traceback" in err or "internal error" in err or "KeyboardInterrupt" in err:
        problems.append(f"crashed: {err[-1500:]}")
    if result.status != run.status:
        problems.append(f"exit status {result.status}, documented {run.status}: {err[-800:]}")
    for fragment in run.stderr if said else ():
        found = fragment.search(err) if isinstance(fragment, re.Pattern) else fragment in err
        if not found:
            problems.append(f"stderr lacks {fragment!r}: {err[:800]}")
    if said and run.status == 2 and not err.startswith("career: error: "):
        problems.append(f"stderr does not start with 'career: error: ': {err[:300]}")
    if err and any(
        line and not line.startswith(("career: ", "  ")) for line in err.rstrip("\n").split("\n")
    ):
        problems.append(f"stderr has lines that are not career's messages: {err[:500]}")
    if UNSAFE.search(err):
        problems.append(f"raw control characters on stderr: {err[:300]!r}")
    if run.status == 2 and out:
        problems.append(f"output despite the error: {out[:200]!r}")
    shown = SGR.sub("", out) if fmt == TEXT_100 else out
    if UNSAFE.search(shown):
        found = UNSAFE.search(shown)
        assert found is not None
        where = shown[max(0, found.start() - 60) : found.end() + 20]
        problems.append(f"raw control character in stdout: {where!r}")
    for fragment in run.absent:
        if fragment in shown or fragment in err:
            problems.append(f"{fragment!r} appears in the output")
    if run.most is not None and len(result.stdout) > run.most:
        problems.append(f"{len(result.stdout):,} bytes of output, more than {run.most:,}")
    if not out:
        return problems
    if fmt == JSON:
        problems += _check_json(out, run)
    else:
        for fragment in run.stdout:
            if fragment not in shown:
                problems.append(f"stdout lacks {fragment!r}")
    if fmt in (TEXT_100, TEXT_60) and run.args[0] != "lint":  # lint's lines are never wrapped
        width = FORMAT_ARGS[fmt][1]
        wide = [line for line in shown.split("\n") if cells(line) > width]
        if wide:
            problems.append(f"{len(wide)} lines wider than {width} cells: {wide[0][:120]!r}")
    if fmt == TEXT_100 and run.args[0] == "diff":
        bad = misaligned(shown, 100)
        if bad:
            problems.append(f"side-by-side misaligned ({len(bad)} lines): {bad[0]!r}")
    if fmt == MARKDOWN:
        stray = CAREER_COMMENT.sub("", out)
        if "<" in stray:
            at = stray.index("<")
            problems.append(f"raw '<' in Markdown: {stray[max(0, at - 40) : at + 40]!r}")
    return problems


def _check_json(out: str, run: Run) -> list[str]:
    try:
        document = json.loads(out)
    except json.JSONDecodeError as exc:
        return [f"stdout is not one JSON document: {exc}"]
    try:
        validator(document["kind"]).validate(document)
    except (jsonschema.ValidationError, KeyError, TypeError) as exc:
        return [f"JSON does not validate against its schema: {str(exc)[:500]}"]
    if run.json is not None:
        try:
            run.json(document)
        except AssertionError as exc:
            return [f"JSON check failed: {str(exc)[:500]}"]
    return []


# ---------------------------------------------------------------------------------------------
# The tests


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, id=case.id, marks=[pytest.mark.slow] if case.slow else [])
        for case in CASES
    ],
)
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    root = tmp_path / "case"
    root.mkdir()
    reason = missing_needs(case, root)
    if reason:
        pytest.skip(reason)
    build(root, case)
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(root)
    if case.mode == "closed-stdout":
        results = run_closed_stdout(case, root)
    elif case.mode == "sigint":
        results = run_interrupted(case, root)
    else:
        results = run_all(case, root, out)
    after = snapshot(root)

    failures = [f"{result.label()}: {problem}" for result in results for problem in check(result)]
    if case.mode == "closed-stdout":  # a reader that goes away is no error: nothing to say
        failures += [f"{r.label()}: stderr {r.stderr[:300]!r}" for r in results if r.stderr]
    changed = sorted(
        key for key in before.keys() | after.keys() if before.get(key) != after.get(key)
    )
    if changed:
        failures.append(f"written or changed: {changed[:10]}")
    assert not failures, "\n".join(failures)


def test_the_catalogue_is_big_enough_and_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) >= 30
    assert len(set(ids)) == len(ids)
    assert all(case.runs for case in CASES)


def test_the_documented_table_is_the_catalogue() -> None:
    """``docs/hostile-inputs.md`` carries the table ``cases.doc_table()`` makes (UPDATE_GOLDEN=1
    rewrites it)."""
    text = DOC.read_text(encoding="utf-8")
    start, end = "<!-- cases:start -->\n", "<!-- cases:end -->"
    assert start in text and end in text, f"{DOC} lacks the {start.strip()} … {end} markers"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    fresh = f"{head}{start}{doc_table()}{end}{tail}"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        DOC.write_text(fresh, encoding="utf-8")
    assert text == fresh, f"{DOC} is out of date with cases.py: UPDATE_GOLDEN=1 pytest {__file__}"


def test_the_documented_limits_are_the_code_s() -> None:
    """Each row of the doc's limits table names a constant; its value there is the constant's."""
    import importlib

    section = DOC.read_text(encoding="utf-8").split("## Limits", 1)[1].split("\n## ", 1)[0]
    found = 0
    for row in section.split("\n"):
        for module, name in re.findall(r"`((?:\w+\.)*\w+)\.(MAX_\w+)`", row):
            value = getattr(importlib.import_module(f"career_cli.{module}"), name)
            shown = f"{value // 1048576} MB" if name.endswith("_BYTES") else f"{value:,}"
            assert f"| {shown}" in row, f"{module}.{name} is {shown}, the doc says: {row}"
            found += 1
    assert found >= 7
