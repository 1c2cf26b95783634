"""The wheel a user installs: built, installed into a fresh venv, run from outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("career_cli-*.whl")
    return built


def test_wheel_carries_the_bundled_frameworks_and_schemas(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for level in ("associate", "intermediate", "senior"):
        assert f"career_cli/frameworks/infrastructure/{level}.md" in names
    assert "career_cli/frameworks/README.md" in names
    assert "career_cli/schemas/diff.schema.json" in names
    assert "career_cli/schemas/levels.schema.json" in names
    for kind in ("show", "frameworks", "ladder", "search", "lint"):
        assert f"career_cli/schemas/{kind}.schema.json" in names
    for name in (
        "senior.md",
        "includes/SOURCES.md",
        "includes/engineering-careers/senior-technical-competency.md",
    ):
        bundled = zipfile.ZipFile(wheel).read(f"career_cli/frameworks/infrastructure/{name}")
        assert bundled == (ROOT / "frameworks" / "infrastructure" / name).read_bytes()


def test_installed_career_runs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    bin_dir = target / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CAREER_", "PYTHONPATH"))}

    def career(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bin_dir / "career"), *args],
            cwd=elsewhere,
            env=clean,
            capture_output=True,
            text=True,
            check=False,
        )

    text = career("diff", "associate", "senior", "--width", "100")
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Infrastructure Department Career Framework: Associate → Senior")
    document = json.loads(career("diff", "associate", "senior", "--json").stdout)
    assert Path(document["to"]["path"]).parts[-3:] == ("frameworks", "infrastructure", "senior.md")
    assert "site-packages" in document["to"]["path"]
    # The change kinds' word lists travel in the wheel (data beside the module, not code).
    changes = [i.get("change") for c in document["categories"] for i in c["items"]]
    assert ["scope", "influence"] in changes
    levels = json.loads(career("levels", "--json").stdout)
    assert [lv["id"] for lv in levels["levels"]] == ["associate", "intermediate", "senior"]
    # Engineering alignment expands into the statements of the bundled include files.
    texts = [i["to"]["text"] for c in document["categories"] for i in c["items"] if i["to"]]
    assert "Able to take on large issues with vague requirements." in texts
    assert "include:" not in text.stdout
    # The installed framework has no git history, wherever the virtualenv sits.
    revision = career("diff", "senior@HEAD~1", "senior")
    assert revision.returncode == 2 and revision.stdout == ""
    assert "the bundled framework is installed with career" in revision.stderr
