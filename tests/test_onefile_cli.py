"""One-file frameworks through the installed ``career``: a diff per format, bad input, start-up.

Each format of tests/fixtures/formats diffs L2 against L3 as a folder of pages would; the bad
inputs exit 2 with one error line naming the file and the row or cell; and the folder-of-pages
path imports none of the one-file readers (nor csv, zipfile or openpyxl).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"
FORMATS = Path(__file__).parent / "fixtures" / "formats"
READERS = ("onefile", "spreadsheet", "workbook", "matrix", "cells", "sections", "assemble")


def career(*args: str, cwd: Path = FORMATS) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "PAGER")}
    return subprocess.run(
        [CAREER, *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


@pytest.mark.parametrize(
    "name",
    [
        "matrix.csv",
        "matrix-transposed.csv",
        "matrix.tsv",
        "matrix-multiline.csv",
        "long-form.csv",
        "sections.md",
        "competency-major.md",
        "matrix.xlsx",
        "areas.xlsx",
        "per-level.xlsx",
    ],
)
def test_a_diff_of_each_format(name: str) -> None:
    done = career("diff", "l2", "l3", "-f", name, "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert (document["from"]["title"], document["to"]["title"]) == (
        "Engineer II",
        "Senior Engineer",
    )
    categories = {c["title"] for c in document["categories"]}
    assert {"Delivery", "Collaboration", "Craft"} <= categories


def test_show_levels_gap_ladder_lint_and_search_read_a_file() -> None:
    for args in (
        ("show", "l3", "-f", "matrix.xlsx"),
        ("levels", "-f", "long-form.csv"),
        ("gap", "l1", "l2", "-f", "matrix.csv"),
        ("ladder", "-f", "sections.md"),
        ("search", "observability", "-f", "matrix.tsv"),
        ("lint", "matrix-multiline.csv"),
    ):
        done = career(*args)
        assert done.returncode in (0, 1), (args, done.stderr)
        assert done.stdout.strip(), args


def error_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0].startswith("career: error: ")
    assert all(line.startswith("  hint: ") for line in lines[1:])
    return lines[0]


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("bad/ragged.csv", "bad/ragged.csv:2: row 2 has 4 cells"),
        ("bad/header-only.csv", "bad/header-only.csv: no statements"),
    ],
)
def test_bad_sheets_fail_in_one_line_naming_file_and_row(name: str, where: str) -> None:
    assert where in error_line(career("levels", "-f", name))


def test_a_million_row_csv_and_a_zip_bomb_fail_fast(tmp_path: Path) -> None:
    (tmp_path / "big.csv").write_text("Competency,L1,L2\n" + "x,a,b\n" * 1_000_000)
    assert "big.csv:100001: more than 100,000 rows" in error_line(
        career("levels", "-f", "big.csv", cwd=tmp_path)
    )
    with zipfile.ZipFile(tmp_path / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    assert "bomb.xlsx: the workbook unpacks to 300 MB" in error_line(
        career("levels", "-f", "bomb.xlsx", cwd=tmp_path)
    )


def test_a_guessed_encoding_is_a_warning() -> None:
    done = career("show", "l1", "-f", "bad/cp1252.csv")
    assert done.returncode == 0
    assert "read as Windows-1252" in done.stderr


PROBE = f"""
import sys
READERS = {READERS!r}
from career_cli.cli import main
sys.argv = ["career", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
readers = [f"career_cli.sources.{{n}}" for n in READERS]
loaded = [n for n in (*readers, "openpyxl", "csv", "zipfile") if n in sys.modules]
print(" ".join(loaded), file=sys.stderr)
"""


def imported(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=FORMATS,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return last.split()


def test_the_folder_path_imports_no_one_file_reader() -> None:
    assert imported("diff", "associate", "senior", "--json") == []
    assert imported("levels") == []


def test_a_csv_imports_no_workbook_reader() -> None:
    found = imported("levels", "-f", "matrix.csv")
    assert "career_cli.sources.spreadsheet" in found
    assert "openpyxl" not in found and "career_cli.sources.workbook" not in found
