"""Finding frameworks and levels by the names users type."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUNDLED, page

from career_cli.errors import FrameworkNotFound, LevelNotFound, PageError
from career_cli.sources.catalog import bundled_frameworks, find_level, framework_dir, open_framework


def test_bundled_framework_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "infrastructure" in bundled_frameworks()
    ident, path = framework_dir(None)
    assert (ident, path.resolve()) == ("infrastructure", BUNDLED)


def test_env_var_names_the_framework(monkeypatch: pytest.MonkeyPatch, make_framework) -> None:  # type: ignore[no-untyped-def]
    directory = make_framework({"senior.md": page("Senior", "## A\n\n- x\n")})
    monkeypatch.setenv("CAREER_FRAMEWORK", str(directory))
    assert framework_dir(None)[1] == directory


@pytest.mark.parametrize("name", ["senior", "SENIOR", "Senior", "sen", "s"])
def test_level_by_id_title_or_unique_prefix(name: str) -> None:
    assert find_level(open_framework("infrastructure"), name).id == "senior"


def test_a_unique_prefix_resolves_and_an_unknown_name_does_not() -> None:
    framework = open_framework("infrastructure")
    assert find_level(framework, "in").id == "intermediate"
    with pytest.raises(LevelNotFound, match="no level 'x'"):
        find_level(framework, "x")


def test_unknown_level_suggests_the_closest() -> None:
    with pytest.raises(LevelNotFound) as caught:
        find_level(open_framework("infrastructure"), "senoir")
    assert caught.value.hint == "did you mean 'senior'? levels: associate, intermediate, senior"


def test_ambiguous_level(make_framework) -> None:  # type: ignore[no-untyped-def]
    body = "## A\n\n- x\n"
    directory = make_framework({"staff.md": page(None, body), "stable.md": page(None, body)})
    with pytest.raises(LevelNotFound, match="ambiguous: it could be staff, stable"):
        find_level(open_framework(str(directory)), "sta")


def test_a_level_whose_page_is_broken_raises_that_pages_error(make_framework) -> None:  # type: ignore[no-untyped-def]
    directory = make_framework({"senior.md": page("Senior", "## A\n\n- x\n"), "staff.md": b""})
    framework = open_framework(str(directory))
    assert find_level(framework, "senior").id == "senior"
    with pytest.raises(PageError, match="empty"):
        find_level(framework, "staff")


def test_unknown_framework_lists_the_bundled_ones(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert framework_dir("infra")[0] == "infrastructure"
    with pytest.raises(FrameworkNotFound) as caught:
        framework_dir("infrastucture")
    assert caught.value.hint is not None and "did you mean 'infrastructure'" in caught.value.hint
    with pytest.raises(FrameworkNotFound, match="holds no level pages"):
        framework_dir(str(tmp_path))
    with pytest.raises(FrameworkNotFound, match="not a bundled framework and not a directory"):
        framework_dir(str(tmp_path / "missing"))


def test_a_named_folder_here_beats_the_bundled_framework_of_that_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    local = tmp_path / "infrastructure"
    local.mkdir()
    (local / "staff.md").write_text(page("Staff", "## A\n\n- x\n"))
    monkeypatch.chdir(tmp_path)
    assert framework_dir("infrastructure")[1] == Path("infrastructure")
    assert framework_dir(None)[1].resolve() == BUNDLED  # the default stays the bundled one


def test_an_unknown_home_directory_is_an_input_error() -> None:
    with pytest.raises(FrameworkNotFound, match="cannot find that home directory"):
        framework_dir("~nosuchuser-career/x")


@pytest.mark.parametrize(
    ("ids", "titles", "name", "found"),
    [
        (["1", "2"], ["Level 1", "Level 2"], "l2", "2"),  # Monzo's YAML numbers its levels
        (["l1", "l2"], ["Level 1", "Level 2"], "2", "l2"),  # its Markdown says "Level 2"
        (["l1", "l2"], ["Engineer I", "Engineer II"], "level-2", "l2"),
        (["2", "l2"], ["Two", "Also two"], "l2", "l2"),  # an exact id still wins
    ],
)
def test_a_level_by_its_number_in_any_style(
    ids: list[str], titles: list[str], name: str, found: str
) -> None:
    from career_cli.model import Framework, Level

    levels = tuple(Level(i, t, Path(f"{i}.md")) for i, t in zip(ids, titles, strict=True))
    assert find_level(Framework("f", "F", Path(), levels=levels), name).id == found
