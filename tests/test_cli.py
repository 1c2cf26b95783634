"""The command line through Typer's CliRunner: stdout, stderr and exit status, checked apart."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from conftest import page
from typer.testing import CliRunner

from career_cli import __version__
from career_cli.cli import COMMANDS, app


def schema(name: str) -> dict[str, object]:
    text = resources.files("career_cli").joinpath(f"schemas/{name}.schema.json").read_text()
    return json.loads(text)  # type: ignore[no-any-return]


def run(runner: CliRunner, *args: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), **kwargs)  # type: ignore[arg-type]


# -- diff


def test_diff_text(runner: CliRunner) -> None:
    result = run(runner, "diff", "intermediate", "senior", "--width", "100")
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Infrastructure Department Career Framework: Intermediate → Senior"
    assert lines[1] == "21 added · 11 changed · 18 removed · 6 unchanged · 1 merged"
    assert "\x1b" not in result.stdout


def test_diff_json_is_one_valid_document(runner: CliRunner) -> None:
    result = run(runner, "diff", "associate", "senior", "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("diff"))
    assert document["kind"] == "diff" and document["schema_version"] == 1
    assert document["framework"]["id"] == "infrastructure"
    assert (document["from"]["id"], document["to"]["title"]) == ("associate", "Senior")
    assert document["counts"] == {
        "unchanged": 6,
        "changed": 9,
        "added": 23,
        "removed": 14,
        "merged": 1,  # Associate's "Reliably follows established processes and runbooks…"
        "split": 0,
    }
    # The bundled framework keeps its included files beside its pages: Engineering alignment is
    # statements a reader can act on, not the names of the files that hold them.
    sub = next(c for c in document["categories"] if c["id"].endswith("technical-competencies"))
    assert sub["id"] == "engineering-alignment/technical-competencies"
    assert sub["title"] == "Engineering alignment › Technical Competencies"
    senior = [item["to"] for item in sub["items"] if item["to"]]
    assert "Able to take on large issues with vague requirements." in [s["text"] for s in senior]
    assert {s["source"] for s in senior} == {
        "includes/engineering-careers/senior-technical-competency.md"
    }
    assert not any("include" in (item["from"] or item["to"]) for item in sub["items"])


def test_json_items_carry_diffs_and_similarity(runner: CliRunner) -> None:
    document = json.loads(run(runner, "diff", "intermediate", "senior", "--json").stdout)
    items = [i for c in document["categories"] for i in c["items"]]
    changed = [i for i in items if i["status"] == "changed" and "include" not in i["from"]]
    assert changed and all(0.1 < i["similarity"] <= 1 for i in changed)
    for item in changed:
        new = "".join(op["text"] for op in item["diff"] if op["op"] != "delete")
        assert new == item["to"]["text"]
    added = [i for i in items if i["status"] == "added"]
    assert all(i["from"] is None and i["similarity"] is None for i in added)
    assert all(i["diff"] == [{"op": "insert", "text": i["to"]["text"]}] for i in added)


def test_json_flag_and_format_agree(runner: CliRunner) -> None:
    a = run(runner, "diff", "associate", "senior", "--json").stdout
    b = run(runner, "diff", "associate", "senior", "--format", "JSON").stdout
    assert a == b


def test_exit_code_like_git(runner: CliRunner) -> None:
    assert run(runner, "diff", "associate", "senior", "--exit-code").exit_code == 1
    same = run(runner, "diff", "senior", "senior", "--exit-code")
    assert same.exit_code == 0
    assert "0 added · 0 changed · 0 removed · 38 unchanged" in same.stdout
    assert run(runner, "diff", "associate", "senior").exit_code == 0


def test_category_filter_and_changes_only(runner: CliRunner) -> None:
    result = run(runner, "diff", "associate", "senior", "-c", "team", "-c", "ACC", "--json")
    document = json.loads(result.stdout)
    assert [c["id"] for c in document["categories"]] == ["accountability", "team-building"]
    text = run(runner, "diff", "senior", "senior", "--changes-only", "--width", "100").stdout
    assert "Accountability" not in text
    assert "38 unchanged statements hidden (--changes-only)" in text


def test_narrow_width_stacks(runner: CliRunner) -> None:
    result = run(runner, "diff", "associate", "senior", "--width", "60")
    assert result.exit_code == 0
    assert "────" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_color_choices(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" in run(runner, "diff", "associate", "senior", "--color", "always").stdout
    assert "\x1b[" not in run(runner, "diff", "associate", "senior", "--color", "never").stdout
    assert "\x1b[" not in run(runner, "diff", "associate", "senior").stdout  # not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(runner, "diff", "associate", "senior").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(runner, "diff", "associate", "senior").stdout
    assert "\x1b[" in run(runner, "diff", "associate", "senior", "--color", "always").stdout


def test_threshold_option(runner: CliRunner) -> None:
    strict = json.loads(
        run(runner, "diff", "intermediate", "senior", "--json", "--threshold", "0.9").stdout
    )
    assert strict["threshold"] == 0.9 and strict["counts"]["changed"] == 0
    bad = run(runner, "diff", "intermediate", "senior", "--threshold", "2")
    assert bad.exit_code == 2 and bad.stdout == "" and "threshold" in bad.stderr


# -- levels


def test_levels_text_and_json(runner: CliRunner) -> None:
    text = run(runner, "levels", "--width", "120")
    assert text.exit_code == 0 and text.stderr == ""
    rows = [line.split() for line in text.stdout.splitlines()]
    ids = [row[0] for row in rows if row and row[0] in {"associate", "intermediate", "senior"}]
    assert ids == ["associate", "intermediate", "senior"]
    assert ["senior", "Senior", "7", "38"] in [row[:4] for row in rows]
    document = json.loads(run(runner, "levels", "--json").stdout)
    jsonschema.validate(document, schema("levels"))
    assert [(lv["id"], lv["counts"]["competencies"]) for lv in document["levels"]] == [
        ("associate", 30),
        ("intermediate", 36),
        ("senior", 38),
    ]


# -- errors: one or two lines on stderr, naming the file or level and the fix; status 2


def assert_error(result, *fragments: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("career: error: ")
    assert len(result.stderr.strip().splitlines()) <= 2
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


def test_unknown_level(runner: CliRunner) -> None:
    assert_error(
        run(runner, "diff", "senoir", "senior"),
        "no level 'senoir' in framework 'infrastructure'",
        "did you mean 'senior'?",
    )


def test_unknown_category(runner: CliRunner) -> None:
    assert_error(
        run(runner, "diff", "associate", "senior", "-c", "nope"), "no category matches 'nope'"
    )


def test_missing_framework_directory(runner: CliRunner, tmp_path: Path) -> None:
    assert_error(
        run(runner, "diff", "a", "b", "--framework", str(tmp_path / "nowhere")),
        "not a bundled framework and not a directory",
    )


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "page is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (page("Staff", "## A\n\n- caf\xe9\n").encode("latin-1"), "not valid UTF-8"),
        (b"---\ntitle: [unclosed\n---\n## A\n- x\n", "invalid YAML frontmatter"),
        (page("Staff", "Only prose, no sections.\n").encode(), "no competency categories"),
    ],
)
def test_bad_page_fails_only_commands_that_need_it(  # type: ignore[no-untyped-def]
    runner: CliRunner, make_framework, content: bytes, fragment: str
) -> None:
    good = page("Senior - X", "## A\n\n1. Leads.\n")
    directory = make_framework({"senior.md": good, "intern.md": good, "staff.md": content})
    staff = str(directory / "staff.md")
    assert_error(run(runner, "diff", "senior", "staff", "-f", str(directory)), staff, fragment)
    other = run(runner, "diff", "intern", "senior", "-f", str(directory), "--json")
    assert other.exit_code == 0
    assert json.loads(other.stdout)["counts"]["unchanged"] == 1
    assert other.stderr.startswith("career: warning: skipped level 'staff': ")
    listing = run(runner, "levels", "-f", str(directory), "--json")
    assert listing.exit_code == 0 and "staff" in listing.stderr
    assert [p["id"] for p in json.loads(listing.stdout)["problems"]] == ["staff"]


def test_debug_shows_a_traceback(runner: CliRunner) -> None:
    result = run(runner, "--debug", "diff", "nope", "senior")
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "career: error: no level 'nope'" in result.stderr


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    result = run(runner, "diff", "associate")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "career: error: missing argument 'TO'\n  hint: see 'career diff --help'\n"
    )
    assert run(runner, "nonsense").exit_code == 2


# -- version, help


def test_version(runner: CliRunner) -> None:
    result = run(runner, "--version")
    assert (result.exit_code, result.stdout) == (0, f"career {__version__}\n")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_help_ends_with_real_examples(
    runner: CliRunner, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # examples may write files (-o): in order, like a user would
    result = run(runner, command, "--help")
    assert result.exit_code == 0
    tail = result.stdout.rstrip().split("Examples:")[-1].strip().splitlines()
    assert 2 <= len(tail) <= 4
    for example in tail:
        argv = example.split("|")[0].split()
        assert argv[:2] == ["career", command]
        # Each example must run: it is documentation that cannot rot.
        outcome = run(runner, *[a.strip("'") for a in argv[1:]])
        # With evidence, gap exits 1 while expectations are open, as documented.
        expected = {0, 1} if "-e" in argv else {0}
        assert outcome.exit_code in expected, (example, outcome.stderr)
        assert "error" not in outcome.stderr, (example, outcome.stderr)


@pytest.mark.parametrize(("columns", "widest"), [("-3", 20), ("abc", 100), ("100000", 1000)])
def test_columns_from_the_environment_stay_in_range(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: str, widest: int
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    result = run(runner, "levels")
    assert result.exit_code == 0 and result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= widest


@pytest.mark.parametrize("value", ["nan", "inf", "-0.5"])
def test_threshold_must_be_a_number_from_0_to_1(runner: CliRunner, value: str) -> None:
    result = run(runner, "diff", "associate", "senior", "--threshold", value)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--threshold" in result.stderr
