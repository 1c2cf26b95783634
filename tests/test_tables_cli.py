"""Tables in level pages through the command line: ``show``/``diff``/``lint`` on the two table
fixtures (CliRunner and the installed ``career``), the warnings for unread content, the golden
``show`` of a table page, and the start-up promise (no table module without a table)."""

from __future__ import annotations

import json
import subprocess

import jsonschema
import probe
from conftest import BUNDLED, ROOT, assert_golden
from test_cli import run, schema
from test_entrypoint import CAREER, env
from typer.testing import CliRunner

MD = str(ROOT / "tests" / "fixtures" / "formats" / "md-table-page")
HTML = str(ROOT / "tests" / "fixtures" / "formats" / "html-table-page")


def test_show_lists_every_table_row_with_its_key(runner: CliRunner) -> None:
    result = run(runner, "show", "senior", "-f", MD, "--width", "100", "--color", "never")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "Technical Competencies › Delivery  3 statements" in lines
    assert " 1. Slicing — Breaks projects into milestones that each ship value." in lines
    assert " 3. Debugging — Writes the incident review within a week." in lines
    # The paragraph and the image in Craft: warned about once each, naming file and line.
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2
    assert (
        warnings[0].startswith("career: warning: ")
        and "senior.md:39: text in a category" in warnings[0]
    )
    assert "senior.md:42: an image in a category" in warnings[1]


def test_show_golden_of_a_table_page(runner: CliRunner) -> None:
    result = run(runner, "show", "senior", "-f", MD, "--width", "100", "--color", "never")
    assert_golden("show-md-table-senior-100.txt", result.stdout)
    markdown = run(runner, "show", "staff", "-f", MD, "--format", "markdown")
    assert "2. **Mentoring** — Mentors senior engineers and grows future technical leads." in (
        markdown.stdout
    )


def test_show_json_carries_keys(runner: CliRunner) -> None:
    result = run(runner, "show", "staff", "-f", MD, "--format", "json")
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("show"))
    items = [i for c in document["categories"] for i in c["items"]]
    assert [i.get("key") for i in items[:3]] == ["Scope", "Visibility", "Slicing"]
    assert "key" not in items[-1]  # the plain list of Values Alignment


def test_diff_pairs_rows_by_key(runner: CliRunner) -> None:
    result = run(runner, "diff", "engineer-1", "senior", "-f", HTML, "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("diff"))
    delivery = document["categories"][0]["items"]
    pairs = {(i["from"] or {}).get("key"): (i["to"] or {}).get("key") for i in delivery}
    assert pairs == {"Scope": "Scope", "Visibility": "Visibility", None: "Slicing"}
    assert "senior.html:108: a table row across every column" in result.stderr


def test_every_view_names_a_reworded_row_by_its_key(runner: CliRunner) -> None:
    """A changed pair of table rows shows its name as added, removed and kept rows do."""
    args = ("diff", "engineer-1", "senior", "-f", HTML, "-c", "delivery")
    text = run(runner, *args, "--width", "120").stdout
    assert any(line.startswith("~   Scope — ") for line in text.splitlines()), text
    assert "**Changed" in (md := run(runner, *args, "--format", "markdown").stdout)
    assert "** **Scope** — " in md
    assert "<strong>Scope</strong> — " in run(runner, *args, "--format", "html").stdout


def test_lint_reports_unread_content_and_the_column_read(runner: CliRunner) -> None:
    result = run(runner, "lint", "-f", HTML, "--format", "json", "--severity", "info")
    document = json.loads(result.stdout)
    codes = [p["code"] for p in document["problems"]]
    assert codes.count("W208") == 1 and codes.count("I304") == 12  # 4 pages × 3 tables
    md = json.loads(run(runner, "lint", "-f", MD, "--format", "json").stdout)
    assert [p["line"] for p in md["problems"] if p["code"] == "W208"] == [39, 42]


def test_the_bundled_framework_has_no_unread_content(runner: CliRunner) -> None:
    result = run(runner, "lint", "-f", str(BUNDLED), "--format", "json")
    assert all(p["code"] not in ("W208", "I304") for p in json.loads(result.stdout)["problems"])


def test_diff_through_the_installed_career() -> None:
    done = subprocess.run(
        [CAREER, "diff", "engineer-1", "senior", "-f", HTML, "--width", "100"],
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Engineer I → Senior Engineer" in done.stdout
    assert done.stderr.count("career: warning:") == 1 and "Traceback" not in done.stderr


def imported(*args: str) -> list[str]:
    names = ("tables", "htmltables", "pagetable", "category_content", "htmlpage", "ladder_order")
    found = probe.imported([*(f"career_cli.sources.{n}" for n in names), "html.parser"], *args,
                           env=env())  # fmt: skip
    return [n.removeprefix("career_cli.sources.") for n in found]


def test_start_up_imports_table_modules_only_for_tables() -> None:
    assert imported("diff", "intermediate", "senior") == []
    assert imported("diff", "intermediate", "senior", "--format", "json") == []
    assert imported("show", "senior", "-f", MD) == [
        "tables",
        "pagetable",
        "category_content",
        "ladder_order",  # engineer-1 and engineer-2 are no names of the known ladder
    ]
    assert imported("show", "senior", "-f", HTML) == [
        "tables",
        "htmltables",
        "pagetable",
        "category_content",
        "htmlpage",
        "ladder_order",
        "html.parser",
    ]
