"""The installed ``career`` entry point in a subprocess: pipes, signals, the pager."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import page

CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "PAGER")}
    return {**base, **extra}


@pytest.fixture(scope="module")
def big_framework(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two levels large enough that a diff is still running when a signal or EOF arrives."""
    directory = tmp_path_factory.mktemp("big")
    words = "owns leads mentors hires reviews designs plans ships measures documents".split()
    for name, shift in (("associate", 0), ("senior", 3)):
        items = "".join(
            f"1. {words[(i + shift) % 10]} the {words[i % 7]} practice number {i} "
            f"with {words[(i * 3) % 10]} care.\n"
            for i in range(3000)
        )
        (directory / f"{name}.md").write_text(page(name.title(), f"## Craft\n\n{items}"))
    return directory


def test_installed_entry_point_runs_from_anywhere(tmp_path: Path) -> None:
    result = subprocess.run(
        [CAREER, "diff", "associate", "senior", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["to"]["id"] == "senior"
    assert result.stderr == ""


def test_python_dash_m_works_too(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "career_cli", "levels", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )
    assert result.returncode == 0
    assert [lv["id"] for lv in json.loads(result.stdout)["levels"]][-1] == "senior"


def test_a_large_output_reaches_a_pipe_whole(big_framework: Path) -> None:
    # The entry point ends with os._exit after flushing: nothing buffered may be lost.
    result = subprocess.run(
        [CAREER, "diff", "associate", "senior", "-f", str(big_framework), "--json"],
        capture_output=True,
        env=env(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    counts = document["counts"]
    assert counts["unchanged"] + counts["changed"] + counts["removed"] == 3000
    assert result.stdout.endswith(b"}\n")


def test_atexit_hooks_still_run_through_the_entry_point(tmp_path: Path) -> None:
    # What coverage.py or a sitecustomize registers must run, so teardown is not skipped then.
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('hook ran\\n'))\n"
        "sys.argv = ['career', 'levels', '--json']\n"
        "from career_cli.launch import run\n"
        "run()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env(), check=False
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["kind"] == "levels"
    assert result.stderr == "hook ran\n"


@pytest.mark.parametrize(
    ("args", "status"), [(["diff", "associate", "nope"], 2), (["--version"], 0)]
)
def test_exit_statuses_survive_the_fast_exit(args: list[str], status: int) -> None:
    result = subprocess.run([CAREER, *args], capture_output=True, text=True, env=env(), check=False)
    assert result.returncode == status
    assert (result.stderr == "") == (status == 0)


def test_closed_stdout_exits_quietly(big_framework: Path) -> None:
    process = subprocess.Popen(
        [CAREER, "diff", "associate", "senior", "-f", str(big_framework), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()  # like `| head -1`
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert stderr == ""


def test_ctrl_c_exits_130_without_a_traceback(big_framework: Path) -> None:
    process = subprocess.Popen(
        [CAREER, "diff", "associate", "senior", "-f", str(big_framework)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env(),
    )
    assert process.stderr is not None
    time.sleep(0.3)
    while process.poll() is None:
        process.send_signal(signal.SIGINT)
        time.sleep(0.05)
    stderr = process.stderr.read().decode()
    assert process.returncode == 130
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr


def _run_on_a_terminal(args: list[str], extra_env: dict[str, str]) -> tuple[int, str]:
    """Run with stdout on a pseudo-terminal of 24 rows × 100 columns; return (status, screen)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        [CAREER, *args], stdout=slave, stderr=subprocess.PIPE, env=env(**extra_env)
    )
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    status = process.wait(timeout=60)
    reader.join(timeout=5)
    os.close(master)
    return status, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_tall_output_on_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = {"PAGER": f"sh -c 'cat > {paged}'"}
    status, screen = _run_on_a_terminal(["diff", "associate", "senior"], pager)
    assert status == 0
    text = paged.read_text()
    assert "Associate" in text and "\x1b[" in text  # a terminal gets colour, through the pager
    assert "Team building" not in screen

    paged.unlink()
    status, screen = _run_on_a_terminal(["diff", "associate", "senior", "--no-pager"], pager)
    assert status == 0 and not paged.exists()
    assert "Team building" in screen


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("career diff se", "senior"),
        ("career gap intermediate s", "senior"),
        ("career diff i", "intermediate"),
    ],
)
def test_shell_completion_offers_level_names(words: str, expected: str) -> None:
    result = subprocess.run(
        [CAREER],
        env=env(
            _CAREER_COMPLETE="complete_bash",
            COMP_WORDS=words,
            COMP_CWORD=str(len(words.split()) - 1),
            _TYPER_COMPLETE_ARGS=words,
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.split() == [expected]


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["diff", "--help"], ["levels"]])
def test_a_closed_pipe_before_any_output_exits_0(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before career writes a byte, as with `| true`
    try:
        result = subprocess.run(
            [CAREER, *args], stdout=write_end, stderr=subprocess.PIPE, env=env(), check=False
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--version"], ["diff", "associate", "senior"]])
def test_a_full_disk_is_an_error_not_a_crash(args: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [CAREER, *args], stdout=full, stderr=subprocess.PIPE, text=True, env=env(), check=False
        )
    assert result.returncode == 2
    assert result.stderr.startswith("career: error: cannot write output: No space left on device")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "intermediate", "senior", "--json"),
        ("diff", "intermediate", "senior", "--format", "markdown"),
        ("gap", "intermediate", "senior", "--format", "markdown"),
        ("gap", "intermediate", "senior", "-e", "tests/fixtures/calibration/manager.md"),
    ],
)
def test_common_runs_import_no_calibration_or_html_module(args: tuple[str, ...]) -> None:
    """Issue 15's modules load only for the options that use them: start-up stays as it was."""
    probe = (
        "import sys\n"
        "from career_cli.cli import main\n"
        f"sys.argv = ['career', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "new = ('career_cli.render.html', 'career_cli.features.calibration',\n"
        "       'career_cli.render.markdown_calibration', 'career_cli.render.json_calibration',\n"
        "       'career_cli.render.terminal.calibration', 'career_cli.features.evidence_data')\n"
        "print([m for m in sys.modules if m.startswith(new)], file=sys.stderr)\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr
