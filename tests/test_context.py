"""The one command context: every command reads the same framework however it is named, and
writes, pages and reports errors the same way."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import BUNDLED
from typer.testing import CliRunner

from career_cli.cli import app

CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"
MATRIX = Path("content", "handbook", "engineering", "careers", "matrix")


def run(runner: CliRunner, *args: str, **kwargs: Any):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), **kwargs)


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled framework as a folder of its own, and inside a handbook checkout."""
    base = tmp_path_factory.mktemp("copies")
    folder = base / "folder" / "infrastructure"
    shutil.copytree(BUNDLED, folder)
    root = base / "handbook"
    shutil.copytree(
        BUNDLED, root / MATRIX / "infrastructure", ignore=shutil.ignore_patterns("includes")
    )
    shutil.copytree(BUNDLED / "includes", root / "assets" / "includes")
    return {"folder": folder, "root": root}


# Every command that reads levels, with arguments that give each something to show.
COMMANDS = [
    ("diff", "intermediate", "senior"),
    ("gap", "intermediate", "senior", "--all"),
    ("show", "senior"),
    ("levels",),
    ("ladder",),
    ("search", "requirements"),
    ("lint", "--severity", "info"),
]


def _statements(document: Any) -> Any:
    """A JSON document with where things are on disk left out: what a command saw."""
    if isinstance(document, dict):
        return {
            key: _statements(value)
            for key, value in document.items()
            if key not in ("path", "root", "evidence_file")
        }
    if isinstance(document, list):
        return [_statements(value) for value in document]
    return document


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_way_of_naming_the_framework_reads_the_same_levels(
    runner: CliRunner,
    copies: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
) -> None:
    ways = {
        "bundled": (),
        "-f DIR": ("-f", str(copies["folder"])),
        "--root + -f": ("--root", str(copies["root"]), "-f", "infrastructure"),
    }
    seen = {}
    for way, options in ways.items():
        result = run(runner, *command, *options, "--json")
        assert result.exit_code in (0, 1), (way, result.stderr)
        seen[way] = _statements(json.loads(result.stdout))
    monkeypatch.setenv("CAREER_ROOT", str(copies["root"]))
    monkeypatch.setenv("CAREER_FRAMEWORK", "infrastructure")
    result = run(runner, *command, "--json")
    seen["CAREER_ROOT + CAREER_FRAMEWORK"] = _statements(json.loads(result.stdout))
    reference = seen.pop("bundled")
    texts = json.dumps(reference)
    if command[0] not in ("levels", "lint"):
        # The included statements are there, not the names of the files that hold them.
        assert "Able to take on large issues with vague requirements." in texts
    for way, document in seen.items():
        assert document == reference, way


def test_gap_reads_the_root_like_every_other_command(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Following the README: a checkout's framework has levels the bundled one lacks.
    from conftest import REALWORLD

    monkeypatch.setenv("CAREER_ROOT", str(REALWORLD))
    monkeypatch.setenv("CAREER_FRAMEWORK", "infrastructure")
    levels = json.loads(run(runner, "levels", "--json").stdout)
    assert "staff" in [level["id"] for level in levels["levels"]]
    result = run(runner, "gap", "senior", "staff", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["to"]["id"] == "staff"


# -- -o/--output


def test_output_file_holds_what_stdout_would(runner: CliRunner, tmp_path: Path) -> None:
    for fmt in ("text", "json", "markdown"):
        target = tmp_path / f"out.{fmt}"
        printed = run(runner, "diff", "associate", "senior", "--format", fmt)
        written = run(runner, "diff", "associate", "senior", "--format", fmt, "-o", str(target))
        assert (written.exit_code, written.stdout, written.stderr) == (0, "", "")
        assert target.read_text(encoding="utf-8") == printed.stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporaries


def test_output_dash_is_stdout(runner: CliRunner) -> None:
    result = run(runner, "levels", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("Infrastructure Department")


@pytest.mark.parametrize(
    "target",
    [
        "senior.md",
        "includes/engineering-careers/senior-technical-competency.md",
        "notes.md",  # a new page in the framework's folder would be read as a level
    ],
)
def test_output_never_overwrites_what_the_levels_are_read_from(
    runner: CliRunner, copies: dict[str, Path], tmp_path: Path, target: str
) -> None:
    folder = tmp_path / "fw"
    shutil.copytree(copies["folder"], folder)
    path = folder / target
    before = path.read_bytes() if path.exists() else None
    result = run(runner, "diff", "associate", "senior", "-f", str(folder), "-o", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert (
        result.stderr.startswith("career: error: ") and target.rsplit("/", 1)[-1] in result.stderr
    )
    assert (path.read_bytes() if path.exists() else None) == before


def test_output_failure_leaves_the_old_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    target.chmod(0o640)
    assert run(runner, "levels", "-o", str(target)).exit_code == 0
    assert (
        target.read_text().startswith("Infrastructure") and target.stat().st_mode & 0o777 == 0o640
    )
    folder = tmp_path / "missing" / "out.txt"
    result = run(runner, "levels", "-o", str(folder))
    assert result.exit_code == 2 and "out.txt: cannot write" in result.stderr
    directory = run(runner, "levels", "-o", str(tmp_path))
    assert directory.exit_code == 2 and "is a directory" in directory.stderr


def test_a_write_that_fails_midway_changes_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")

    def full_disk(self: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full_disk)
    result = run(runner, "levels", "-o", str(target))
    assert result.exit_code == 2 and result.stdout == ""
    assert "out.txt: cannot write: No space left on device" in result.stderr
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # the temporary file is gone


def test_migrating_a_checklist_onto_itself_keeps_every_tick_and_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    checklist = tmp_path / "promotion.md"
    made = run(
        runner, "gap", "intermediate", "senior", "--format", "markdown", "-o", str(checklist)
    )
    assert made.exit_code == 0
    text = checklist.read_text(encoding="utf-8")
    ticked = text.replace(
        "- [ ] Sets the standard for handling on-call rotations",
        "- [x] Sets the standard for handling on-call rotations",
    ).replace(
        "  - Evidence:\n",
        "  - Evidence: Ran the on-call handover for Q3\n    second line of evidence\n",
        1,
    )
    ticked += (
        "\n## Old section\n\n- [x] A statement the framework no longer has\n  - Evidence: kept\n"
    )
    checklist.write_text(ticked, encoding="utf-8")
    args = ("gap", "intermediate", "senior", "-e", str(checklist))
    migrated = run(runner, *args, "--format", "markdown", "-o", str(checklist))
    assert migrated.exit_code == 1  # expectations are still open
    assert "unmatched evidence: A statement the framework no longer has" in migrated.stderr
    after = checklist.read_text(encoding="utf-8")
    assert "- [x] Sets the standard for handling on-call rotations" in after
    assert "Ran the on-call handover for Q3" in after and "second line of evidence" in after
    assert "A statement the framework no longer has" in after and "kept" in after
    # Reading the migrated file back gives the same statuses as the file it replaced did.
    again = json.loads(run(runner, *args, "--json").stdout)
    assert again["counts"]["met"] == 1
    assert [u["text"] for u in again["unmatched_evidence"]] == [
        "A statement the framework no longer has"
    ]


# -- global options, pager, errors


def test_global_options_apply_unless_the_command_says_otherwise(runner: CliRunner) -> None:
    assert "\x1b[" in run(runner, "--color", "always", "diff", "associate", "senior").stdout
    plain = run(runner, "--color", "always", "diff", "associate", "senior", "--color", "never")
    assert "\x1b[" not in plain.stdout
    assert run(runner, "--no-pager", "levels").exit_code == 0


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (("dif", "a", "b"), "no command 'dif'", "did you mean 'diff'?"),
        (("gap", "--rot", "x"), "no such option: --rot", "did you mean --root?"),
        (("diff", "associate"), "missing argument 'TO'", "see 'career diff --help'"),
        (
            ("diff", "associate", "senior", "-c", "teem"),
            "no category matches 'teem'",
            "'Team building'",
        ),
        (
            ("lint", "--ignore", "weaker-statment"),
            "no lint rule",
            "did you mean 'weaker-statement'?",
        ),
        (
            ("levels", "--format", "xml"),
            "invalid value for '--format'",
            "see 'career levels --help'",
        ),
    ],
)
def test_every_error_is_one_style(
    runner: CliRunner, args: tuple[str, ...], message: str, hint: str
) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2 and result.stdout == ""
    first, second = result.stderr.splitlines()
    assert first.startswith("career: error: ") and message in first
    assert second.startswith("  hint: ") and hint in second


def test_usage_errors_through_the_installed_career_have_the_same_style(tmp_path: Path) -> None:
    result = subprocess.run(
        [CAREER, "dif"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("career: error: no command 'dif'\n  hint: did you mean 'diff'?")
    assert "Usage:" not in result.stderr and "╭" not in result.stderr


def test_the_pager_gets_r_in_less(monkeypatch: pytest.MonkeyPatch) -> None:
    from career_cli.cli import output

    seen: dict[str, str] = {}

    class Pager:
        def __init__(self, command: list[str], stdin: object, env: dict[str, str]) -> None:
            seen["LESS"] = env["LESS"]
            self.stdin = Path(os.devnull).open("wb")  # noqa: SIM115

        def wait(self) -> int:
            return 0

    monkeypatch.setattr("subprocess.Popen", Pager)
    for less, expected in ((None, "FRX"), ("-S", "-SR"), ("FRX", "FRX"), ("-r", "-r")):
        if less is None:
            monkeypatch.delenv("LESS", raising=False)
        else:
            monkeypatch.setenv("LESS", less)
        assert output._run_pager(["less"], "text\n")
        assert seen["LESS"] == expected


# -- completion, through the shell script bash runs


def _complete(words: str, cwd: Path) -> list[str]:
    """What bash offers after ``words`` (the last one is the word being completed)."""
    script = (
        f'eval "$({CAREER} --show-completion bash)"\n'
        f"COMP_WORDS=({words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n"
        '_career_completion career\nprintf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    environment = {**os.environ, "PATH": f"{Path(CAREER).parent}{os.pathsep}{os.environ['PATH']}"}
    environment.pop("CAREER_ROOT", None)
    result = subprocess.run(
        ["bash", "--norc", "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return [line for line in result.stdout.splitlines() if line]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_completion_in_bash(tmp_path: Path) -> None:
    from conftest import REALWORLD

    assert _complete("career show S", tmp_path) == ["Senior"]
    assert _complete("career diff senior int", tmp_path) == ["intermediate"]
    assert _complete("career diff -c Te", tmp_path) == ["Team-building"]
    assert _complete("career lint --ignore W20", tmp_path) == [f"W20{n}" for n in range(1, 10)]
    assert _complete("career diff -f inf", tmp_path) == ["infrastructure"]
    (tmp_path / "ladders").mkdir()
    assert _complete("career diff -f lad", tmp_path) == ["ladders/"]
    root = f"--root {REALWORLD}"
    assert _complete(f"career levels {root} -f dist", tmp_path) == ["distribution"]
    assert _complete(f"career gap {root} -f infrastructure senior St", tmp_path) == ["Staff"]
