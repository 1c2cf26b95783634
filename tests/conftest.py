"""Shared test helpers: tiny inline frameworks on disk, the bundled framework, golden files."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from career_cli.model import LevelDiff

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "frameworks" / "infrastructure"
GOLDEN = Path(__file__).resolve().parent / "golden"
# GitLab handbook content, CC BY-SA 4.0: see tests/fixtures/README.md.
REALWORLD = ROOT / "tests" / "fixtures" / "handbook"

# Two Hypothesis profiles. "ci", the default, gives the same result on every run of a commit: the
# examples are derived from each test's name (derandomize), no example database carries what an
# earlier run found into this one, and no deadline turns a slow machine into a failure.
# HYPOTHESIS_PROFILE=fuzz explores: random examples, remembered in .hypothesis/ when they fail,
# the property and fuzz tests (test_properties.py, test_fuzz.py) a hundred times their CI budget
# and every other test 2,000 examples.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile(
    "fuzz", derandomize=False, max_examples=2_000, deadline=None, print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def page(title: str | None, body: str, **meta: object) -> str:
    """A level page: frontmatter with a title (and more keys), then the Markdown body."""
    lines = ["---"]
    if title is not None:
        lines.append(f'title: "{title}"')
    lines += [f"{key}: {value}" for key, value in meta.items()]
    lines.append("---")
    return "\n".join(lines) + "\n" + body


@pytest.fixture
def make_framework(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write ``{file name: text or bytes}`` into a fresh framework directory."""
    counter = iter(range(1000))

    def make(files: dict[str, str | bytes]) -> Path:
        directory = tmp_path / f"fw{next(counter)}"
        directory.mkdir()
        for name, content in files.items():
            target = directory / name
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return directory

    return make


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's environment must not leak into expectations."""
    for name in (
        "CAREER_FRAMEWORK",
        "CAREER_ROOT",
        "NO_COLOR",
        "FORCE_COLOR",
        "PAGER",
        "CAREER_PAGER",
        "COLUMNS",
        "CAREER_SEMANTIC_MODEL",
    ):
        monkeypatch.delenv(name, raising=False)


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; ``UPDATE_GOLDEN=1 pytest`` rewrites the files."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run UPDATE_GOLDEN=1 pytest"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"output differs from {path} (UPDATE_GOLDEN=1 pytest to accept)"


Row = tuple[str, str, str | None, str | None, tuple[str, ...], tuple[str, ...]]


def pairing(diff: LevelDiff) -> Counter[Row]:
    """Each row of a diff as (category, status, old text, new text, texts merged in from the old
    level, texts split off to the new level), counted."""
    return Counter(
        (
            c.id,
            item.status,
            item.old.text if item.old else None,
            item.new.text if item.new else None,
            tuple(extra.text for _, extra in item.also_old),
            tuple(extra.text for _, extra in item.also_new),
        )
        for c in diff.categories
        for item in c.items
    )


def mirror(rows: Counter[Row]) -> Counter[Row]:
    """What ``diff b a`` must be when ``diff a b`` is ``rows``: sides swapped, added and removed
    swapped, a merge become a split."""
    swap = {"added": "removed", "removed": "added", "changed": "changed", "unchanged": "unchanged"}
    return Counter(
        {
            (c, swap[s], new, old, split, merged): k
            for (c, s, old, new, merged, split), k in rows.items()
        }
    )
