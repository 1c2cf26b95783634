"""Calibration (issue 15 part 3): ratings in checklists, two views lined up, the 1:1 document."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from conftest import assert_golden
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from career_cli.cli import app
from career_cli.compare.align import diff_levels, scorer_for
from career_cli.features import rating
from career_cli.features.calibration import Assessment, calibrate
from career_cli.features.evidence import EvidenceError, parse_markdown, read_evidence
from career_cli.features.gap import Gap, apply_evidence, build_gap
from career_cli.render.markdown import render_gap
from career_cli.sources.catalog import open_framework

TESTS = Path(__file__).resolve().parent
CALIBRATION = TESTS / "fixtures" / "calibration"
SELF, MANAGER = "fixtures/calibration/self.md", "fixtures/calibration/manager.md"


def run(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def entries(text: str) -> list[tuple[str | None, bool, str | None, str | None]]:
    return [
        (e.text, e.met, e.rating, e.evidence) for e in parse_markdown(text, Path("c.md")).entries
    ]


# -- ratings in an inline checklist


def test_rating_lines_are_read_in_any_common_spelling() -> None:
    text = (
        "- [x] Leads interviews\n  - Rating: meeting\n  - Evidence: twelve\n"
        "- [ ] Mentors others\n  - **Rating:** Working Towards\n"
        "- [x] Owns on-call\n  * rating: exceeds.\n  - Evidence: the rota\n"
        "- [ ] Writes proposals\n  - Rating:\n  - Evidence:\n"
    )
    assert entries(text) == [
        ("Leads interviews", True, "meeting", "twelve"),
        ("Mentors others", False, "working towards", None),
        ("Owns on-call", True, "exceeding", "the rota"),
        ("Writes proposals", False, None, None),
    ]


def test_a_rating_after_the_evidence_counts_but_one_inside_a_paragraph_is_evidence() -> None:
    text = (
        "- [x] Leads interviews\n  - Evidence: twelve\n  - Rating: meeting\n"
        "- [x] Mentors\n  Evidence: two mentees;\n  Rating: high, says one of them\n"
    )
    assert entries(text) == [
        ("Leads interviews", True, "meeting", "twelve"),
        ("Mentors", True, None, "two mentees;\nRating: high, says one of them"),
    ]


def test_an_unknown_rating_is_an_error_naming_file_and_line() -> None:
    text = "- [x] Leads interviews\n  - Rating: meeting\n- [x] Mentors\n  - Rating: great\n"
    with pytest.raises(EvidenceError) as caught:
        parse_markdown(text, Path("self.md"))
    message = caught.value.render()
    assert "self.md:4" in message and "unknown rating 'great'" in message
    assert "working towards, meeting, exceeding" in message


def test_structured_evidence_carries_a_rating_and_an_author(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("author: Sam\na/b: {met: true, rating: Meeting}\n", encoding="utf-8")
    found = read_evidence(path)
    assert found.author == "Sam" and found.name == "Sam"
    assert [(e.id, e.rating) for e in found.entries] == [("a/b", "meeting")]
    path.write_text("a/b: {met: true, rating: 5}\n", encoding="utf-8")
    with pytest.raises(EvidenceError, match="unknown rating '5'"):
        read_evidence(path)


def test_the_author_is_the_frontmatter_s_or_the_file_name(tmp_path: Path) -> None:
    item = "- [x] Leads interviews\n"
    for front, name in (("author: Alex\n", "Alex"), ("by: 'Sam  Lee'\n", "Sam Lee"), ("", "me")):
        path = tmp_path / "me.md"
        path.write_text(f"---\n{front}---\n{item}" if front else item, encoding="utf-8")
        found = read_evidence(path)
        assert found.name == name
        assert [e.line for e in found.entries] == [4 if front else 1]  # lines stay the file's


# -- the round trip keeps ratings


def _bundled_gap() -> tuple[Gap, object]:
    framework = open_framework(None)
    below, above = framework.levels[1], framework.levels[2]
    scorer = scorer_for(framework, below, above)
    return build_gap(diff_levels(framework, below, above, scorer=scorer)), scorer


GAP, SCORER = _bundled_gap()


@settings(max_examples=30)
@given(
    st.lists(
        st.tuples(st.booleans(), st.sampled_from((None, *rating.RATINGS))),
        min_size=len(GAP.expectations),
        max_size=len(GAP.expectations),
    ),
    st.none() | st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20),
)
def test_ratings_survive_the_markdown_round_trip(
    marks: list[tuple[bool, rating.Rating | None]], author: str | None
) -> None:
    from dataclasses import replace

    filled = replace(
        GAP,
        expectations=tuple(
            replace(e, status="met" if met else "open", rating=rated)
            for e, (met, rated) in zip(GAP.expectations, marks, strict=True)
        ),
        author=" ".join(author.split()) or None if author else None,
    )
    found = parse_markdown(render_gap(filled), Path("c.md"))
    assert found.author == filled.author
    back = apply_evidence(GAP, list(found.entries), SCORER)  # type: ignore[arg-type]
    assert [(e.status, e.rating) for e in back.expectations] == [
        (e.status, e.rating) for e in filled.expectations
    ]


# -- two views lined up


def test_outcomes_disputed_first() -> None:
    from dataclasses import replace

    first, second, third = GAP.expectations[:3]
    a = replace(GAP, expectations=(first, replace(second, status="met"), third))
    b = replace(
        GAP,
        expectations=(
            replace(first, status="met", rating="meeting"),
            replace(second, status="met"),
            replace(third, rating="meeting"),
        ),
    )
    base = replace(GAP, expectations=(first, second, third))
    result = calibrate(base, [Assessment("a", Path("a.md"), a), Assessment("b", Path("b.md"), b)])
    assert result.calibration is not None
    rows = [(r.expectation.id, r.outcome, r.differ) for r in result.calibration.rows]
    assert rows == [
        (first.id, "disputed", ("status",)),
        (third.id, "open", ()),
        (second.id, "met", ()),
    ]
    assert result.open == 2  # disputed counts as open: exit 1 until it is agreed
    assert [e.rating for e in result.expectations] == [None, None, None]  # not agreed: not kept


# -- the command


def test_calibration_text_golden(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TESTS)
    result = run(
        runner, "gap", "intermediate", "senior", "-e", SELF, "-e", MANAGER, "--width", "100"
    )
    assert result.exit_code == 1 and result.stderr == ""
    assert result.stdout.index("Disputed (3)") < result.stdout.index("Open for both (22)")
    assert result.stdout.index("Open for both") < result.stdout.index("Met by both (7)")
    assert result.stdout.index("Met by both") < result.stdout.index("Summary: 3 disputed")
    assert_golden("gap-calibration-100.txt", result.stdout)
    narrow = run(
        runner, "gap", "intermediate", "senior", "-e", SELF, "-e", MANAGER, "--width", "60"
    )
    assert_golden("gap-calibration-60.txt", narrow.stdout)


def test_calibration_json_is_valid_and_additive(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(TESTS)
    result = run(runner, "gap", "intermediate", "senior", "-e", SELF, "-e", MANAGER, "--json")
    assert result.exit_code == 1 and result.stderr == ""
    document = json.loads(result.stdout)
    schema = json.loads(
        resources.files("career_cli.schemas").joinpath("gap.schema.json").read_text()
    )
    jsonschema.validate(document, schema)
    calibration = document["calibration"]
    assert [v["author"] for v in calibration["assessments"]] == ["Alex (self)", "manager"]
    assert calibration["counts"] == {"disputed": 3, "open": 22, "met": 7}
    first = calibration["expectations"][0]
    assert first["outcome"] == "disputed" and first["differ"] == ["rating"]
    assert [v["rating"] for v in first["assessments"]] == ["exceeding", "meeting"]
    assert document["counts"]["open"] == 25  # disputed and open alike


def test_the_1_1_document_reads_back_as_the_agreed_checklist(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(TESTS)
    out = tmp_path / "1-1.md"
    result = run(
        runner, "gap", "intermediate", "senior", "-e", SELF, "-e", MANAGER,
        "--format", "markdown", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 1 and result.stdout == "" and result.stderr == ""
    text = out.read_text(encoding="utf-8")
    assert text.index("## Disputed (3)") < text.index("## Open for both") < text.index("## Outcome")
    assert "| rating | **exceeding** | **meeting** |" in text
    agreed = run(runner, "gap", "intermediate", "senior", "-e", str(out), "--json")
    assert agreed.exit_code == 1 and agreed.stderr == ""
    document = json.loads(agreed.stdout)
    assert document["counts"]["met"] == 7  # what both met, pre-ticked
    ratings = [e["rating"] for e in document["expectations"] if e["status"] == "met"]
    assert ratings.count("meeting") == 5 and ratings.count("exceeding") == 1


def test_all_agreed_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    template = run(runner, "gap", "intermediate", "senior", "--format", "markdown").stdout
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(template.replace("- [ ]", "- [x]"), encoding="utf-8")
    result = run(
        runner, "gap", "intermediate", "senior",
        "-e", str(tmp_path / "a.md"), "-e", str(tmp_path / "b.md"),
    )  # fmt: skip
    assert result.exit_code == 0 and result.stderr == ""
    assert "Summary: 0 disputed · 0 open · 32 met by both" in result.stdout


def test_bad_calibrations_are_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    from test_cli import assert_error

    for name in ("a.md", "b.md", "c.md"):
        shutil.copy(CALIBRATION / "manager.md", tmp_path / name)
    a, b, c = (str(tmp_path / n) for n in ("a.md", "b.md", "c.md"))
    assert_error(
        run(runner, "gap", "intermediate", "senior", "-e", a, "-e", b, "-e", c),
        "--evidence given 3 times; a calibration compares two checklists",
    )
    other = run(runner, "gap", "associate", "senior", "--format", "markdown").stdout
    Path(b).write_text(other, encoding="utf-8")
    assert_error(
        run(runner, "gap", "intermediate", "senior", "-e", a, "-e", b),
        "the checklists were made for different levels",
        "for intermediate → senior",
        "for associate → senior",
    )
    Path(b).write_text("- [x] Leads\n  - Rating: superb\n", encoding="utf-8")
    assert_error(
        run(runner, "gap", "intermediate", "senior", "-e", a, "-e", b),
        f"{b}:2: unknown rating 'superb'",
    )


def test_two_files_of_one_name_are_told_apart_by_path(runner: CliRunner, tmp_path: Path) -> None:
    for folder in ("alex", "sam"):
        (tmp_path / folder).mkdir()
        shutil.copy(CALIBRATION / "manager.md", tmp_path / folder / "promotion.md")
    result = run(
        runner, "gap", "intermediate", "senior", "--json",
        "-e", str(tmp_path / "alex" / "promotion.md"), "-e", str(tmp_path / "sam" / "promotion.md"),
    )  # fmt: skip
    views = json.loads(result.stdout)["calibration"]["assessments"]
    assert [v["author"] for v in views] == [v["evidence_file"] for v in views]
    assert json.loads(result.stdout)["calibration"]["counts"]["disputed"] == 0
