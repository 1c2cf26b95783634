"""``career show`` and ``career frameworks``: views, formats, errors."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from conftest import BUNDLED, REALWORLD, assert_golden, page
from test_cli import assert_error, run, schema
from test_render_terminal import FOREIGN_ESCAPE, HOSTILE
from typer.testing import CliRunner

from career_cli.model import ShownLevel
from career_cli.render import RenderOptions
from career_cli.render.markdown import render_show as markdown_show
from career_cli.render.terminal.level import render_show
from career_cli.sources.catalog import open_framework
from career_cli.sources.loader import load_framework

FRAMEWORK = load_framework(BUNDLED)
SENIOR = FRAMEWORK.levels[2]


@pytest.mark.parametrize("width", [100, 60])
def test_show_golden(width: int) -> None:
    text = render_show(ShownLevel(FRAMEWORK, SENIOR, SENIOR.categories), RenderOptions(width=width))
    assert_golden(f"show-senior-{width}.txt", text)
    assert all(len(line) <= width for line in text.splitlines())


def test_show_markdown_golden() -> None:
    assert_golden("show-senior.md", markdown_show(ShownLevel(FRAMEWORK, SENIOR, SENIOR.categories)))


def test_show_text(runner: CliRunner) -> None:
    result = run(runner, "show", "sen", "--width", "100")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Senior · Infrastructure Department Career Framework"
    assert "Accountability  5 statements" in lines
    # Engineering alignment's statements, expanded from the bundled include files.
    assert " 2. Able to take on large issues with vague requirements." in lines
    assert "    from senior-technical-competency.md" in lines
    assert not any("include:" in line for line in lines)


def test_show_json_is_valid_and_complete(runner: CliRunner) -> None:
    result = run(runner, "show", "senior", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("show"))
    assert document["level"]["counts"] == {"categories": 7, "competencies": 38}
    assert sum(len(c["items"]) for c in document["categories"]) == 38
    first = document["categories"][0]["items"][0]
    assert first["index"] == 1 and first["line"] == 14
    assert first["text"].startswith("Sets the standard for handling on-call rotations")


def test_show_category_filter(runner: CliRunner) -> None:
    document = json.loads(
        run(runner, "show", "senior", "-c", "team", "-c", "auto", "--json").stdout
    )
    assert [c["id"] for c in document["categories"]] == ["autonomy", "team-building"]
    assert_error(
        run(runner, "show", "senior", "-c", "nope"),
        "no category matches 'nope'",
        "hint: categories of Senior: Accountability, Credibility",
    )


def test_show_unknown_level(runner: CliRunner) -> None:
    assert_error(run(runner, "show", "senoir"), "no level 'senoir'", "did you mean 'senior'?")


def test_show_marks_where_included_statements_come_from(runner: CliRunner) -> None:
    result = run(
        runner,
        "show",
        "senior",
        "--root",
        str(REALWORLD),
        "-f",
        "distribution",
        "-c",
        "technical competencies",
        "--width",
        "100",
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    start = lines.index("Technical Competencies  19 statements")
    markers = [(n, line.strip()) for n, line in enumerate(lines) if "   from " in line]
    assert markers[:2] == [
        (start + 1, "from senior-technical-competency.md"),
        (start + 7, "from development-senior-technical-competency.md"),
    ]
    assert lines[start + 6] == "  4. Acts as a Coach and Mentor to others."
    assert "malformed include shortcode" in result.stderr  # the page's own problem, warned


def test_show_json_carries_include_sources(runner: CliRunner) -> None:
    result = run(runner, "show", "senior", "--root", str(REALWORLD), "-f", "infra", "--json")
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("show"))
    values = next(c for c in document["categories"] if c["id"].endswith("values-alignment"))
    assert len(values["items"]) == 6
    assert {i["source"] for i in values["items"]} == {
        "includes/engineering-careers/values-competency.md"
    }
    assert values["items"][0]["line"] == 3  # in the included file


def test_show_markdown_marks_sources() -> None:
    framework = open_framework("distribution", root=REALWORLD)
    senior = framework.levels[1]
    text = markdown_show(ShownLevel(framework, senior, senior.categories))
    assert "_From `senior-leadership-competency.md`:_" in text
    assert "\n1. Communicates clearly and effectively" in text


@pytest.mark.parametrize("color", [False, True])
def test_show_page_text_is_data(make_framework, color: bool) -> None:  # type: ignore[no-untyped-def]
    items = "".join(f"1. {text}\n" for text in HOSTILE)
    directory = make_framework(
        {"senior.md": page("Senior [red]x[/red]", f"## Cr \x1b[5m\n\n{items}")}
    )
    framework = load_framework(directory)
    level = framework.levels[0]
    out = render_show(
        ShownLevel(framework, level, level.categories), RenderOptions(width=80, color=color)
    )
    flat = re.sub(r"\s+", " ", re.sub(r"\x1b\[[0-9;]*m", "", out))
    assert "[bold red]markup[/]" in flat and "Senior [red]x[/red]" in flat
    assert not FOREIGN_ESCAPE.search(out)
    assert "\\x1b]0;pwned\\x07" in flat


# -- frameworks


def test_frameworks_lists_the_bundled_ones(runner: CliRunner) -> None:
    result = run(runner, "frameworks", "--width", "120")
    assert result.exit_code == 0 and result.stderr == ""
    assert "infrastructure   associate, intermediate, senior" in result.stdout
    assert "career frameworks --root HANDBOOK" in result.stdout


def test_frameworks_under_a_root(runner: CliRunner) -> None:
    result = run(runner, "frameworks", "--root", str(REALWORLD), "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("frameworks"))
    rows = [(f["source"], f["name"], len(f["levels"])) for f in document["frameworks"]]
    assert rows == [
        ("bundled", "infrastructure", 3),
        ("root", "infrastructure", 6),
        ("root", "infrastructure/core-platform/distribution", 2),
    ]
    text = run(runner, "frameworks", "--root", str(REALWORLD), "--width", "160").stdout
    assert "infrastructure/core-platform/distribution   intermediate, senior" in text


def test_frameworks_root_from_the_environment(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREER_ROOT", str(REALWORLD))
    document = json.loads(run(runner, "frameworks", "--json").stdout)
    assert document["root"] == str(REALWORLD)
    assert len(document["frameworks"]) == 3


def test_frameworks_markdown(runner: CliRunner) -> None:
    result = run(runner, "frameworks", "--format", "markdown")
    assert result.stdout.splitlines()[:3] == [
        "| name | source | levels | title |",
        "| --- | --- | --- | --- |",
        "| infrastructure | bundled | associate, intermediate, senior "
        "| Infrastructure Department Career Framework |",
    ]


def test_frameworks_bad_root(runner: CliRunner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert_error(
        run(runner, "frameworks", "--root", str(tmp_path / "nope")),
        "no such directory",
        "hint: --root is the top folder of a handbook checkout",
    )


def test_commands_select_frameworks_under_a_root(runner: CliRunner) -> None:
    levels = run(runner, "levels", "--root", str(REALWORLD), "-f", "infrastructure", "--json")
    assert [lv["id"] for lv in json.loads(levels.stdout)["levels"]] == [
        "intern",
        "associate",
        "intermediate",
        "senior",
        "staff",
        "principal",
    ]
    assert_error(
        run(runner, "levels", "--root", str(REALWORLD)),
        "has 2 frameworks; choose one with --framework",
        "hint: frameworks: infrastructure, infrastructure/core-platform/distribution",
    )
