"""Handbook checkouts: discovering frameworks under --root and naming them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REALWORLD, page

from career_cli.errors import FrameworkNotFound
from career_cli.sources.catalog import open_framework
from career_cli.sources.handbook import MATRIX, check_root, discover, find_checkout, select

MATRIX_DIR = REALWORLD / MATRIX
INFRASTRUCTURE = ["intern", "associate", "intermediate", "senior", "staff", "principal"]


def test_discovers_every_framework_of_the_realworld_handbook() -> None:
    refs = discover(REALWORLD)
    assert [ref.name for ref in refs] == [
        "infrastructure",
        "infrastructure/core-platform/distribution",
    ]
    assert refs[1].path == MATRIX_DIR / "infrastructure" / "core-platform" / "distribution"


def test_realworld_infrastructure_has_all_six_levels_in_ladder_order() -> None:
    framework = open_framework("infrastructure", root=REALWORLD)
    assert [level.id for level in framework.levels] == INFRASTRUCTURE
    assert framework.id == "infrastructure"
    assert framework.title == "Infrastructure Department Career Framework"
    assert framework.root == REALWORLD
    assert not framework.problems


@pytest.mark.parametrize(
    "spec",
    [
        "distribution",
        "core-platform/distribution",
        "infrastructure/core-platform/distribution",
        "DISTRIBUTION",
        "/distribution/",
        "dist",
    ],
)
def test_sub_framework_by_path_or_unique_suffix(spec: str) -> None:
    framework = open_framework(spec, root=REALWORLD)
    assert framework.id == "infrastructure/core-platform/distribution"
    assert [level.id for level in framework.levels] == ["intermediate", "senior"]
    assert framework.title == "Core Platform Career Framework › Distribution"


def test_exact_name_beats_a_suffix_which_beats_a_prefix() -> None:
    assert open_framework("infrastructure", root=REALWORLD).id == "infrastructure"
    assert open_framework("infra", root=REALWORLD).id == "infrastructure"


def test_suffix_matches_whole_folder_names_only() -> None:
    with pytest.raises(FrameworkNotFound) as caught:
        open_framework("bution", root=REALWORLD)
    assert "no framework 'bution'" in caught.value.message
    assert caught.value.hint is not None and "did you mean 'distribution'?" in caught.value.hint


def test_several_frameworks_and_no_choice_asks_for_one() -> None:
    with pytest.raises(FrameworkNotFound) as caught:
        open_framework(None, root=REALWORLD)
    assert "has 2 frameworks; choose one with --framework" in caught.value.message
    assert caught.value.hint == (
        "frameworks: infrastructure, infrastructure/core-platform/distribution"
    )


def _tree(tmp_path: Path, folders: list[str]) -> Path:
    root = tmp_path / "hb"
    (root / "assets").mkdir(parents=True)
    for folder in folders:
        directory = root / MATRIX / folder
        directory.mkdir(parents=True)
        (directory / "senior.md").write_text(page("Senior", "## A\n\n- x\n"))
    return root


def test_ambiguous_suffix_lists_the_candidates(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["dev/backend", "ops/backend"])
    with pytest.raises(FrameworkNotFound, match=r"ambiguous.*dev/backend, ops/backend"):
        select(discover(root), "backend", root)
    assert select(discover(root), "ops/backend", root).name == "ops/backend"


def test_a_single_framework_needs_no_name(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["only"])
    assert open_framework(None, root=root).id == "only"


def test_folders_with_only_an_index_are_not_frameworks(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["a/b"])
    (root / MATRIX / "a" / "_index.md").write_text(page("A", "Intro.\n"))
    (root / MATRIX / ".hidden").mkdir()
    (root / MATRIX / ".hidden" / "senior.md").write_text(page("Senior", "## A\n\n- x\n"))
    assert [ref.name for ref in discover(root)] == ["a/b"]


def test_root_errors_say_what_a_root_is(tmp_path: Path) -> None:
    with pytest.raises(FrameworkNotFound, match="no such directory"):
        check_root(tmp_path / "missing")
    with pytest.raises(FrameworkNotFound, match="neither content/ nor assets/"):
        check_root(tmp_path)
    (tmp_path / "assets").mkdir()
    with pytest.raises(FrameworkNotFound, match="does not exist") as caught:
        open_framework("x", root=tmp_path)
    assert caught.value.hint is not None and "content/ and assets/" in caught.value.hint


def test_a_framework_inside_a_checkout_finds_its_root() -> None:
    distribution = MATRIX_DIR / "infrastructure" / "core-platform" / "distribution"
    assert find_checkout(distribution) == REALWORLD.resolve()
    assert find_checkout(distribution / "senior.md") == REALWORLD.resolve()
    assert find_checkout(REALWORLD) == REALWORLD.resolve()
    framework = open_framework(str(distribution))
    assert framework.root == REALWORLD.resolve()
    senior = framework.levels[1]
    assert senior.categories[0].items[0].source is not None  # includes expanded


def test_outside_a_checkout_there_is_no_root(make_framework) -> None:  # type: ignore[no-untyped-def]
    directory = make_framework({"senior.md": page("Senior", '## A\n\n{{% include "x.md" %}}\n')})
    assert find_checkout(directory) is None
    framework = open_framework(str(directory))
    assert framework.root is None
    assert framework.levels[0].categories[0].items[0].include == "x.md"


def test_a_directory_framework_with_a_root_resolves_includes_there(
    make_framework,  # type: ignore[no-untyped-def]
) -> None:
    body = '## A\n\n{{% include "includes/engineering-careers/senior-technical-competency.md" %}}\n'
    directory = make_framework({"senior.md": page("Senior", body)})
    framework = open_framework(str(directory), root=REALWORLD)
    assert len(framework.levels[0].categories[0].items) == 4
