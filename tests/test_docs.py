"""The generated documentation is current: README.md's command table and docs/reference.md's
option tables and JSON shapes are what ``docs/reference.py`` makes from the code today."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

COG = Path(sys.executable).parent / "cog"


def test_generated_documentation_is_current() -> None:
    result = subprocess.run(
        [str(COG), "-I", "docs", "--check", "README.md", "docs/reference.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (
        result.stdout
        + result.stderr
        + "\nrun: .venv/bin/cog -I docs -r README.md docs/reference.md"
    )


def test_every_command_and_schema_is_in_the_reference() -> None:
    from career_cli.cli import COMMANDS

    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"## `career {name}`" in reference
        assert f'command_reference("{name}")' in reference
        assert f'json_shape("{name}")' in reference
    schemas = {p.name.split(".")[0] for p in (ROOT / "career_cli" / "schemas").iterdir()}
    assert schemas == set(COMMANDS)
