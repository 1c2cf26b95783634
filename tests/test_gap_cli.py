"""``career gap`` end to end: the checklist round trip, the JSON contract, and bad evidence."""

from __future__ import annotations

import json
import re
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from conftest import BUNDLED, assert_golden, page
from typer.testing import CliRunner

from career_cli.cli import app


def run(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def template(runner: CliRunner, path: Path, *args: str) -> str:
    result = run(runner, "gap", *args, "--format", "markdown")
    assert result.exit_code == 0 and result.stderr == ""
    path.write_text(result.stdout, encoding="utf-8")
    return result.stdout


def tick(text: str, start: str, evidence: str | None = None) -> str:
    """Tick the item whose text starts with ``start``, as a person would in GitLab."""
    pattern = re.compile(rf"^- \[ \] ({re.escape(start)}.*)$", re.M)
    assert pattern.search(text), start
    text = pattern.sub(r"- [x] \1", text, count=1)
    if evidence:
        head, _, tail = text.partition(f"- [x] {start}")
        evidence = evidence.replace("\n", "\n    ")  # further lines indented under the bullet
        tail = tail.replace("  - Evidence:", f"  - Evidence: {evidence}", 1)
        text = f"{head}- [x] {start}{tail}"
    return text


def gap_json(runner: CliRunner, *args: str) -> dict[str, object]:
    return json.loads(run(runner, "gap", *args, "--json").stdout)  # type: ignore[no-any-return]


def test_round_trip_from_template_to_all_met(runner: CliRunner, tmp_path: Path) -> None:
    promo = tmp_path / "promotion.md"
    text = template(runner, promo, "intermediate", "senior")
    assert text.count("- [ ] ") == 32
    text = tick(
        text, "Plays an integral role in team hiring", "Led 12 interviews, [MR](https://x/1)"
    )
    text = tick(text, "Sets the standard for handling on-call rotations")
    promo.write_text(text, encoding="utf-8")

    result = run(
        runner, "gap", "intermediate", "senior", "--evidence", str(promo), "--width", "100"
    )
    assert result.exit_code == 1, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[2].startswith("2 of 32 met · 30 open  (evidence:")
    assert "evidence: Led 12 interviews, [MR](https://x/1)" in result.stdout

    document = gap_json(runner, "intermediate", "senior", "--evidence", str(promo))
    met = {e["id"]: e["evidence"] for e in document["expectations"] if e["status"] == "met"}  # type: ignore[index, union-attr]
    assert met == {
        "team-building/plays-integral-role-team-hiring": "Led 12 interviews, [MR](https://x/1)",
        "accountability/sets-standard-handling-on-call-rotations": None,
    }

    promo.write_text(text.replace("- [ ] ", "- [x] "), encoding="utf-8")
    done = run(runner, "gap", "intermediate", "senior", "--evidence", str(promo))
    assert done.exit_code == 0
    assert "32 of 32 met · 0 open" in done.stdout


def test_without_evidence_gap_lists_and_exits_0(runner: CliRunner) -> None:
    result = run(runner, "gap", "intermediate", "senior", "--width", "100")
    assert result.exit_code == 0 and result.stderr == ""
    assert (
        result.stdout.splitlines()[1] == "21 new · 11 raised expectations for Intermediate → Senior"
    )


def test_evidence_survives_a_reordered_and_reworded_page(runner: CliRunner, tmp_path: Path) -> None:
    framework = tmp_path / "fw"
    shutil.copytree(BUNDLED, framework)
    promo = tmp_path / "promotion.md"
    text = template(runner, promo, "intermediate", "senior", "-f", str(framework))
    text = tick(text, "Mentors others to help them grow", "paired weekly with two juniors")
    text = tick(text, "Plays an integral role in team hiring", "12 interviews")
    promo.write_text(text, encoding="utf-8")

    senior = framework / "senior.md"
    page = senior.read_text()
    mentor = "1. Mentors others to help them grow their technical skills.\n"
    hiring = next(line for line in page.splitlines(True) if "Plays an integral role" in line)
    page = page.replace(mentor, "").replace(hiring, hiring + mentor)  # reorder
    page = page.replace(
        "Mentors others to help them grow their technical skills.",
        "Mentors other engineers so that they grow their technical skills.",
    )  # reword: the id changes, the meaning does not
    senior.write_text(page)

    document = gap_json(
        runner, "intermediate", "senior", "-f", str(framework), "--evidence", str(promo)
    )
    met = {e["text"][:40]: e["evidence"] for e in document["expectations"] if e["status"] == "met"}  # type: ignore[index, union-attr]
    assert met == {
        "Mentors other engineers so that they gro": "paired weekly with two juniors",
        "Plays an integral role in team hiring th": "12 interviews",
    }
    assert document["unmatched_evidence"] == []


def test_unmatched_evidence_is_a_warning_never_dropped(runner: CliRunner, tmp_path: Path) -> None:
    promo = tmp_path / "promotion.md"
    text = template(runner, promo, "intermediate", "senior")
    text += "\n## My extras\n\n- [x] Organised the team offsite\n  - Evidence: photos\n"
    promo.write_text(text, encoding="utf-8")
    line = text.count("\n", 0, text.index("Organised")) + 1
    result = run(runner, "gap", "intermediate", "senior", "--evidence", str(promo), "--json")
    assert result.exit_code == 1
    assert f"career: warning: {promo}:{line}: unmatched evidence: Organised the team offsite" in (
        result.stderr
    )
    unmatched = json.loads(result.stdout)["unmatched_evidence"]
    assert unmatched == [
        {
            "id": None,
            "text": "Organised the team offsite",
            "met": True,
            "evidence": "photos",
            "line": line,
            "rating": None,
        }
    ]
    migrated = run(
        runner, "gap", "intermediate", "senior", "--evidence", str(promo), "--format", "markdown"
    )
    assert "## Unmatched evidence" in migrated.stdout
    assert "- [x] Organised the team offsite\n  - Evidence: photos" in migrated.stdout


def test_evidence_made_for_another_level_pair_is_flagged(runner: CliRunner, tmp_path: Path) -> None:
    promo = tmp_path / "promotion.md"
    template(runner, promo, "associate", "senior")
    result = run(runner, "gap", "intermediate", "senior", "--evidence", str(promo))
    assert result.exit_code == 1
    assert (
        f"career: warning: {promo} was made for associate → senior, not intermediate → senior"
        in result.stderr
    )


def test_markdown_checklist_golden(runner: CliRunner) -> None:
    assert_golden(
        "gap-intermediate-senior.md",
        run(runner, "gap", "intermediate", "senior", "--format", "markdown").stdout,
    )


def test_migrating_a_checklist_keeps_ticks_and_evidence(runner: CliRunner, tmp_path: Path) -> None:
    promo = tmp_path / "promotion.md"
    text = tick(
        template(runner, promo, "intermediate", "senior"),
        "Uses existing data",
        "dashboards\nand alerts",
    )
    promo.write_text(text, encoding="utf-8")
    migrated = run(
        runner, "gap", "intermediate", "senior", "--evidence", str(promo), "--format", "markdown"
    )
    assert migrated.stdout == text


def test_json_contract(runner: CliRunner) -> None:
    document = gap_json(runner, "associate", "senior", "--all")
    schema = json.loads(
        resources.files("career_cli").joinpath("schemas/gap.schema.json").read_text()
    )
    jsonschema.validate(document, schema)
    assert (document["schema_version"], document["kind"]) == (1, "gap")
    assert document["counts"] == {  # type: ignore[comparison-overlap]
        "expectations": 38,
        "new": 23,
        "raised": 9,
        "carried": 6,
        "met": 0,
        "open": 38,
    }
    first = document["expectations"][0]  # type: ignore[index]
    assert set(first) >= {"id", "category", "text", "kind", "previous", "status", "evidence"}


def test_target_must_be_above_current(runner: CliRunner) -> None:
    result = run(runner, "gap", "senior", "associate")
    assert result.exit_code == 2 and result.stdout == ""
    assert (
        "Associate is not above Senior on the ladder (associate < intermediate < senior)"
        in result.stderr
    )
    assert "hint: name the current level first: career gap associate senior" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("ev.yaml", b"a: {met: true\nb: [\n", ":2: invalid YAML"),
        ("ev.md", b"", ": evidence file is empty"),
        ("ev.md", b"\x00\x01binary", ": looks like a binary file"),
    ],
)
def test_bad_evidence_file_exits_2_naming_it(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes, where: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run(runner, "gap", "intermediate", "senior", "--evidence", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"career: error: {path}{where}")
    assert path.read_bytes() == content


@pytest.mark.parametrize("width", [100, 60])
def test_terminal_view_with_evidence_golden(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.chdir(tmp_path)
    text = template(runner, tmp_path / "promotion.md", "intermediate", "senior")
    text = tick(text, "Plays an integral role in team hiring", "Led 12 interviews\nTrained 3")
    text = tick(text, "Mentors others to help them grow")
    (tmp_path / "promotion.md").write_text(text, encoding="utf-8")
    args = ("--evidence", "promotion.md", "-c", "team", "--width", str(width))
    result = run(runner, "gap", "intermediate", "senior", *args)
    assert result.exit_code == 1
    assert_golden(f"gap-intermediate-senior-evidence-{width}.txt", result.stdout)


def test_a_full_checklist_checked_without_all_has_no_unmatched(
    runner: CliRunner, tmp_path: Path
) -> None:
    promo = tmp_path / "all.md"
    text = template(runner, promo, "associate", "senior", "--all")
    promo.write_text(text.replace("- [ ] ", "- [x] "), encoding="utf-8")
    result = run(runner, "gap", "associate", "senior", "--evidence", str(promo), "--json")
    assert result.stderr == ""
    assert json.loads(result.stdout)["unmatched_evidence"] == []
    assert result.exit_code == 0


def test_level_ids_with_spaces_round_trip(runner: CliRunner, make_framework) -> None:  # type: ignore[no-untyped-def]
    body = "## Craft\n\n1. Writes code.\n"
    directory = make_framework(
        {
            "senior engineer.md": page("Senior Engineer", body),
            "staff engineer.md": page("Staff Engineer", body + "1. Leads design reviews.\n"),
        }
    )
    checklist = run(
        runner,
        "gap",
        "senior engineer",
        "staff engineer",
        "-f",
        str(directory),
        "--format",
        "markdown",
    ).stdout
    assert 'from="senior engineer" to="staff engineer"' in checklist
    assert "`career gap 'senior engineer' 'staff engineer' --evidence FILE`" in checklist
    promo = directory.parent / "promo.md"
    promo.write_text(checklist.replace("- [ ]", "- [x]"), encoding="utf-8")
    args = ("-f", str(directory), "--evidence", str(promo))
    result = run(runner, "gap", "senior engineer", "staff engineer", *args)
    assert (result.exit_code, result.stderr) == (0, "")


def test_evidence_for_another_framework_is_flagged(runner: CliRunner, tmp_path: Path) -> None:
    promo = tmp_path / "promotion.md"
    text = template(runner, promo, "intermediate", "senior")
    promo.write_text(
        text.replace("framework=infrastructure", "framework=backend"), encoding="utf-8"
    )
    result = run(runner, "gap", "intermediate", "senior", "--evidence", str(promo))
    assert "was made for framework 'backend', not 'infrastructure'" in result.stderr
