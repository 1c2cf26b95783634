"""``career steps``: step sizes counted, drawn in the terminal and as SVG, and their documents."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import jsonschema
import probe
import pytest
from conftest import REALWORLD, assert_golden, page
from rich.style import Style
from typer.testing import CliRunner

from career_cli.cli import app
from career_cli.features.steps import SEGMENTS, StepCounts, tally
from career_cli.model import ItemDiff, Statement
from career_cli.render.terminal.steps import bar

Make = Callable[[dict[str, str | bytes]], Path]
HANDBOOK = ["--root", str(REALWORLD), "-f", "infrastructure"]
SVG = "{http://www.w3.org/2000/svg}"
CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"

JUNIOR = page(
    "Junior",
    "## Craft\n\n1. Fixes bugs with guidance.\n1. Writes tests.\n1. Reads the runbooks.\n"
    "1. Keeps the team's wiki tidy.\n",
    weight=1,
)
MIDDLE = page(
    "Middle",
    "## Craft\n\n1. Fixes bugs independently.\n1. Writes tests.\n1. Reads runbooks often.\n"
    "1. Mentors others in code review.\n",
    weight=2,
)
SENIOR = page(
    "Senior",
    "## Craft\n\n1. Fixes bugs across the company independently.\n1. Writes tests.\n",
    weight=3,
)


def item(status: str, change: tuple[str, ...] = ()) -> ItemDiff:
    old = None if status == "added" else Statement("a")
    new = None if status == "removed" else Statement("b")
    return ItemDiff(status, old, new, 1, 1, None, (), change=change)  # type: ignore[arg-type]


def test_items_are_counted_by_what_the_step_did() -> None:
    counts = tally(
        [
            item("added"),
            item("removed"),
            item("unchanged"),
            item("changed", ("scope", "ownership")),
            item("changed", ("scope", "weaker")),
            item("changed", ("rephrased",)),
            item("changed", ("weaker",)),
            item("changed"),
        ]
    )
    assert counts.counts == {
        "added": 1,
        "raised": 2,
        "reworded": 1,
        "rephrased": 1,
        "weaker": 1,
        "dropped": 1,
        "unchanged": 1,
    }
    assert counts.kinds == {"scope": 2, "autonomy": 0, "ownership": 1, "influence": 0}
    assert counts.segments["scope"] == 1.5 and counts.segments["ownership"] == 0.5
    assert counts.size == 4  # added + raised + reworded
    assert counts.changed == 7  # every statement but the unchanged one, once
    assert counts.summary() == (
        "1 added · 2 raised (scope 2, ownership 1) · 1 reworded · 1 rephrased · 1 weaker · "
        "1 dropped"
    )


def _counts(**segments: float) -> StepCounts:
    return StepCounts({}, {}, {name: segments.get(name, 0.0) for name in SEGMENTS})


def test_a_bar_is_drawn_in_eighths() -> None:
    # 3 statements at 12 eighths each: 36 eighths, four full cells and a half
    assert bar(_counts(added=2, dropped=1), 12, color=False).plain == "████▌"
    assert bar(_counts(), 12, color=False).plain == ""


def test_with_colour_a_boundary_cell_shows_both_parts() -> None:
    drawn = bar(_counts(added=1, scope=1), 12, color=True)  # parts end at 12 and 24 eighths
    assert drawn.plain == "█▌█"
    styles = [span.style for span in drawn.spans]
    assert styles[0] == "career.step.added"
    boundary = styles[1]
    assert isinstance(boundary, Style) and boundary.color and boundary.bgcolor
    assert (boundary.color.name, boundary.bgcolor.name) == ("green", "blue")


def test_steps_of_a_small_framework(make_framework: Make, runner: CliRunner) -> None:
    directory = make_framework({"junior.md": JUNIOR, "middle.md": MIDDLE, "senior.md": SENIOR})
    result = runner.invoke(app, ["steps", "-f", str(directory), "--json"])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    first, second = document["steps"]
    assert (first["from"]["id"], first["to"]["id"]) == ("junior", "middle")
    total = first["total"]
    assert (total["added"], total["raised"], total["dropped"], total["unchanged"]) == (1, 1, 1, 1)
    assert total["kinds"]["autonomy"] == 1
    assert second["total"]["kinds"]["scope"] == 1 and second["total"]["dropped"] == 2
    assert [c["id"] for c in first["categories"]] == ["craft"]


def test_from_to_and_category(make_framework: Make, runner: CliRunner) -> None:
    directory = make_framework({"junior.md": JUNIOR, "middle.md": MIDDLE, "senior.md": SENIOR})
    result = runner.invoke(app, ["steps", "-f", str(directory), "--from", "mid", "--json"])
    assert [s["to"]["id"] for s in json.loads(result.stdout)["steps"]] == ["senior"]
    result = runner.invoke(app, ["steps", "-f", str(directory), "--to", "junior"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "a step needs two levels" in result.stderr
    result = runner.invoke(app, ["steps", "-f", str(directory), "-c", "nope"])
    assert result.exit_code == 2 and "no category matches 'nope'" in result.stderr


def test_json_matches_its_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["steps", *HANDBOOK, "--json"])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    text = resources.files("career_cli").joinpath("schemas/steps.schema.json").read_text()
    jsonschema.validate(document, json.loads(text))
    assert len(document["steps"]) == len(document["levels"]) - 1 == 5


@pytest.mark.parametrize("width", [100, 60])
def test_text_golden(runner: CliRunner, width: int) -> None:
    result = runner.invoke(app, ["steps", *HANDBOOK, "--width", str(width), "--color", "never"])
    assert result.exit_code == 0 and result.stderr == ""
    assert_golden(f"steps-handbook-{width}.txt", result.stdout)


def test_the_legend_names_every_part_in_words(runner: CliRunner) -> None:
    result = runner.invoke(app, ["steps", *HANDBOOK, "--width", "100", "--color", "always"])
    assert "\x1b[" in result.stdout  # coloured: and still every part is named
    for name in ("added", "scope↑", "autonomy↑", "ownership↑", "influence↑", "dropped"):
        assert name in result.stdout
    assert "raised (scope" in result.stdout


def test_markdown_is_a_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["steps", *HANDBOOK, "--format", "markdown"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "| step | size | added | raised |" in result.stdout
    assert any(line.startswith("| Senior → Staff | ") for line in lines)
    assert "### Staff → Principal" in result.stdout


def test_svg_is_one_self_contained_chart(runner: CliRunner) -> None:
    result = runner.invoke(app, ["steps", *HANDBOOK, "--format", "svg"])
    assert result.exit_code == 0, result.stderr
    root = ET.fromstring(result.stdout)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    bars = [g for g in root.iter(f"{SVG}g") if g.get("class") == "bar"]
    assert len(bars) == 5  # one per step
    assert all(g.find(f"{SVG}rect") is not None for g in bars)
    for refused in ("href", "<script", "url(", "@import", "<style", "http://", "https://"):
        assert refused not in result.stdout.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_svg_escapes_page_text(make_framework: Make, runner: CliRunner) -> None:
    hostile = page("<script>alert(1)</script> & 'x' \u202e\x85", "## Craft\n\n1. Writes tests.\n")
    directory = make_framework({"a.md": hostile, "b.md": MIDDLE})
    result = runner.invoke(app, ["steps", "-f", str(directory), "--format", "svg"])
    assert result.exit_code == 0, result.stderr
    root = ET.fromstring(result.stdout)  # still well-formed XML
    assert "<script>" not in result.stdout and "\u202e" not in result.stdout
    assert "<script>alert(1)</script>" in "".join(root.itertext())  # shown as text


def test_svg_bars_start_after_a_long_step_name(make_framework: Make, runner: CliRunner) -> None:
    """A long level title is not hidden behind its bar: the bars start after the widest name."""
    title = "Associate Software Engineer in Infrastructure"
    directory = make_framework({"a.md": page(title, "## Craft\n\n1. Writes tests.\n"),
                                "b.md": MIDDLE})  # fmt: skip
    result = runner.invoke(app, ["steps", "-f", str(directory), "--format", "svg"])
    assert result.exit_code == 0, result.stderr
    [bar] = [g for g in ET.fromstring(result.stdout).iter(f"{SVG}g") if g.get("class") == "bar"]
    name = bar.find(f"{SVG}text")
    assert name is not None and name.text is not None and name.text.endswith(title)
    first = bar.find(f"{SVG}rect")
    assert first is not None and float(first.get("x", "0")) >= 7 * len(name.text)


def test_svg_is_for_steps_only(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diff", "associate", "senior", "--format", "svg"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "'svg' is not one of 'text', 'json', 'markdown'" in result.stderr
    assert "Traceback" not in result.stderr
    help_text = runner.invoke(app, ["steps", "--help"]).stdout
    assert "text|json|markdown|svg" in help_text
    assert "svg" not in runner.invoke(app, ["diff", "--help"]).stdout


def imported(*args: str) -> list[str]:
    return probe.imported(
        ("rich", "career_cli.features.steps", "career_cli.render.svg",
         "career_cli.render.terminal.steps", "career_cli.render.markdown_steps"),
        *args,
    )  # fmt: skip


def test_diff_json_imports_nothing_of_steps() -> None:
    assert imported("diff", "associate", "senior", "--json") == []
    # the probe sees them when they are used; a JSON run still imports no Rich
    assert imported("steps", "--json") == ["career_cli.features.steps"]
    assert imported("steps", "--format", "svg") == [
        "career_cli.features.steps",
        "career_cli.render.svg",
    ]


def test_through_the_installed_entry_point(tmp_path: Path) -> None:
    out = tmp_path / "steps.svg"
    done = subprocess.run(
        [CAREER, "steps", *HANDBOOK, "--format", "svg", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""
    assert len([g for g in ET.parse(out).iter(f"{SVG}g") if g.get("class") == "bar"]) == 5
    done = subprocess.run(
        [CAREER, "diff", "associate", "senior", "--format", "svg"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("career: error: invalid value for '--format'")


def test_long_labels_wrap_at_spaces_and_fold_long_words() -> None:
    from career_cli.render.terminal.steps import _wrap

    assert _wrap("Engineering alignment › Leadership", 12) == [
        "Engineering",
        "alignment ›",
        "Leadership",
    ]
    assert _wrap("Supercalifragilistic x", 8) == ["Supercal", "ifragili", "stic x"]
    assert _wrap("编程编程编程", 5) == ["编程", "编程", "编程"]  # two cells each
