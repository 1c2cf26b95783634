"""The import contract in pyproject.toml holds, and breaking it is caught: each layer imports only
the layers below it, only the terminal renderer imports Rich, only the CLI imports Typer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=package_parent,
        env={"PYTHONPATH": str(package_parent), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_package_keeps_its_import_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("compare/align.py", "from career_cli.cli import app", "Layers"),
        ("sources/files.py", "from career_cli.render import render", "Layers"),
        ("features/search.py", "import rich.text", "Only the terminal renderer imports Rich"),
        ("render/markdown.py", "import typer", "Only the CLI imports Typer"),
    ],
)
def test_a_deliberate_violation_breaks_the_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    copy = tmp_path / "career_cli"
    shutil.copytree(
        ROOT / "career_cli", copy, ignore=shutil.ignore_patterns("__pycache__", "frameworks")
    )
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout
