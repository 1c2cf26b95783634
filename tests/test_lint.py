"""``career lint``: each rule on a fixture that triggers it and one that does not; the command."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import BUNDLED, REALWORLD, page
from test_cli import assert_error, run, schema
from typer.testing import CliRunner

from career_cli.errors import UsageError
from career_cli.features.lint import lint, weaker
from career_cli.features.lint_rules import RULES, Problem, rule, select
from career_cli.sources.catalog import include_locator, lint_targets
from career_cli.sources.handbook import MATRIX
from career_cli.sources.loader import load_framework

ASSOCIATE = page("Associate - Team", "## Craft\n\n1. Reviews code carefully.\n")
SENIOR_BODY = "## Craft\n\n1. Reviews code carefully and mentors reviewers.\n"
SENIOR = page("Senior - Team", SENIOR_BODY)


def senior(extra: str = "", *, before: str = "", title: str | None = "Senior - Team") -> str:
    return page(title, before + SENIOR_BODY + extra)


def include(path: str) -> str:
    return f'\n{{{{% include "{path}" %}}}}\n'


def chain(depth: int) -> dict[str, str]:
    """Include files d1 → d2 → … → d<depth>, each with one statement."""
    files = {}
    for n in range(1, depth + 1):
        nested = include(f"includes/d{n + 1}.md") if n < depth else ""
        files[f"includes/d{n}.md"] = f"* Depth {n}.\n{nested}"
    return files


def checked(
    tmp_path: Path, pages: dict[str, str | bytes], includes: dict[str, str]
) -> list[Problem]:
    """Lint a handbook checkout holding one framework ('team') and these include files."""
    root = tmp_path / "handbook"
    framework = root / MATRIX / "team"
    framework.mkdir(parents=True)
    (root / "assets").mkdir()
    for name, content in pages.items():
        target = framework / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    for name, content in includes.items():
        target = root / "assets" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    frameworks, found_root = lint_targets(root, None)
    return lint(frameworks, locate=include_locator(found_root))


X = {"includes/x.md": "* Writes tests.\n"}

# (code, pages and includes that trigger it, pages and includes that do not)
CASES = [
    (
        "E101",
        ({"associate.md": ASSOCIATE, "senior.md": b""}, {}),
        ({"associate.md": ASSOCIATE, "senior.md": SENIOR}, {}),
    ),
    (
        "E102",
        ({"associate.md": ASSOCIATE, "senior.md": senior(title=None)}, {}),
        ({"associate.md": ASSOCIATE, "senior.md": SENIOR}, {}),
    ),
    (
        "E103",
        (
            {"associate.md": ASSOCIATE, "senior.md": senior('\n{{$ include "includes/x.md" %}}\n')},
            X,
        ),
        ({"associate.md": ASSOCIATE, "senior.md": senior(include("includes/x.md"))}, X),
    ),
    (
        "E104",
        ({"associate.md": ASSOCIATE, "senior.md": senior(include("includes/nowhere.md"))}, X),
        ({"associate.md": ASSOCIATE, "senior.md": senior(include("includes/x.md"))}, X),
    ),
    (
        "E105",
        ({"associate.md": ASSOCIATE, "senior.md": senior(include("../includes/x.md"))}, X),
        ({"associate.md": ASSOCIATE, "senior.md": senior(include("includes/x.md"))}, X),
    ),
    (
        "E106",
        (
            {"associate.md": ASSOCIATE, "senior.md": senior(include("includes/a.md"))},
            {
                "includes/a.md": "* A.\n" + include("includes/b.md"),
                "includes/b.md": "* B.\n" + include("includes/a.md"),
            },
        ),
        (
            {"associate.md": ASSOCIATE, "senior.md": senior(include("includes/a.md"))},
            {"includes/a.md": "* A.\n" + include("includes/b.md"), "includes/b.md": "* B.\n"},
        ),
    ),
    (
        "E107",
        ({"associate.md": ASSOCIATE, "senior.md": senior(include("includes/d1.md"))}, chain(6)),
        ({"associate.md": ASSOCIATE, "senior.md": senior(include("includes/d1.md"))}, chain(5)),
    ),
    (
        "E108",
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": senior(
                    "\n## Other\n\n1. Reviews code carefully and mentors reviewers.\n"
                ),
            },
            {},
        ),
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": senior("\n## Other\n\n1. Plans the work.\n"),
            },
            {},
        ),
    ),
    (
        "W201",
        (
            {"associate.md": ASSOCIATE, "senior.md": senior("\n## Other\n\n1. Plans the work.\n")},
            {},
        ),
        (
            {
                "associate.md": page(
                    "Associate - Team",
                    "## Craft\n\n1. Reviews code carefully.\n\n## Other\n\n1. Plans the work.\n",
                ),
                "senior.md": senior("\n## Other\n\n1. Plans the work.\n"),
            },
            {},
        ),
    ),
    (
        "W202",
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": senior(title="Staff - Team", before="## Senior\n\nSeniors lead.\n\n"),
            },
            {},
        ),
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": senior(before="## Senior\n\nSeniors lead.\n\n"),
            },
            {},
        ),
    ),
    (
        "W203",
        (
            {
                "associate.md": page(
                    "Associate - Team", "## Craft\n\n1. Leads the team's incident reviews.\n"
                ),
                "senior.md": page(
                    "Senior - Team", "## Craft\n\n1. Joins the team's incident reviews.\n"
                ),
            },
            {},
        ),
        (
            {
                "associate.md": page(
                    "Associate - Team", "## Craft\n\n1. Leads the team's incident reviews.\n"
                ),
                "senior.md": page(
                    "Senior - Team",
                    "## Craft\n\n1. Leads the team's incident reviews across teams.\n",
                ),
            },
            {},
        ),
    ),
    (
        "W204",
        ({"associate.md": ASSOCIATE, "senior.md": senior(before=include("includes/x.md"))}, X),
        ({"associate.md": ASSOCIATE, "senior.md": senior(include("includes/x.md"))}, X),
    ),
    (
        "W206",
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": page("Senior - Team", SENIOR_BODY, lang="tlh"),
            },
            {},
        ),
        (
            {"associate.md": ASSOCIATE, "senior.md": page("Senior - Team", SENIOR_BODY, lang="en")},
            {},
        ),
    ),
    (
        "W207",
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": SENIOR,
                "career.toml": (
                    '[[pair]]\nfrom = "Writes code"\nto = "Designs the whole platform"\n'
                ),
            },
            {},
        ),
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": SENIOR,
                "career.toml": '[[pair]]\nfrom = "Reviews code"\nto = "Reviews code carefully"\n',
            },
            {},
        ),
    ),
    (
        "W205",
        (
            {"associate.md": ASSOCIATE, "senior.md": senior("\n## Craft\n\n1. Designs systems.\n")},
            {},
        ),
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": senior("\n## Design\n\n1. Designs systems.\n"),
            },
            {},
        ),
    ),
    (
        "W208",
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": senior("\nSenior engineers also own the on-call rota.\n"),
            },
            {},
        ),
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": senior(before="", extra="\n## Design\n\nA lead-in.\n\n- Designs.\n"),
            },
            {},
        ),
    ),
    (
        "I301",
        ({"associate.md": ASSOCIATE, "senior.md": senior("\n## Empty\n\nJust prose.\n")}, {}),
        ({"associate.md": ASSOCIATE, "senior.md": SENIOR}, {}),
    ),
    (
        "I302",
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": page("Senior - Team", "## Craft\n\n1. Reviews code carefully.\n"),
            },
            {},
        ),
        ({"associate.md": ASSOCIATE, "senior.md": SENIOR}, {}),
    ),
    (
        "I304",
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": senior(
                    "\n## Design\n\n| Skill | Associate | Senior |\n| - | - | - |\n"
                    "| Design | Sketches. | Designs systems. |\n"
                ),
            },
            {},
        ),
        (
            {
                "associate.md": ASSOCIATE,
                "senior.md": senior(
                    "\n## Design\n\n| Skill | Description |\n| - | - |\n"
                    "| Design | Designs systems. |\n"
                ),
            },
            {},
        ),
    ),
    (
        "I303",
        ({"associate.md": ASSOCIATE, "senior.md": senior(before="Some prose.\n\n")}, {}),
        (
            {"associate.md": ASSOCIATE, "senior.md": senior(before="## Senior\n\nSome prose.\n\n")},
            {},
        ),
    ),
]


# Rules of notes only one-file frameworks make: their cases are in test_onefile.py.
ONE_FILE_RULES = ["W209", "I305"]


def test_every_rule_has_a_case() -> None:
    codes = [*(code for code, _, _ in CASES), *ONE_FILE_RULES]
    assert sorted(codes) == sorted(r.code for r in RULES)


@pytest.mark.parametrize(("code", "bad", "good"), CASES, ids=[c for c, _, _ in CASES])
def test_rule_triggers_on_its_fixture_and_not_on_the_clean_one(
    tmp_path: Path,
    code: str,
    bad: tuple[dict[str, str | bytes], dict[str, str]],
    good: tuple[dict[str, str | bytes], dict[str, str]],
) -> None:
    found = checked(tmp_path / "bad", *bad)
    assert code in {p.rule.code for p in found}, [f"{p.rule.code} {p.message}" for p in found]
    clean = checked(tmp_path / "good", *good)
    assert code not in {p.rule.code for p in clean}, [f"{p.rule.code} {p.message}" for p in clean]


def problem(problems: list[Problem], code: str) -> Problem:
    [found] = [p for p in problems if p.rule.code == code]
    return found


def test_problems_point_at_the_file_and_line(tmp_path: Path) -> None:
    pages: dict[str, str | bytes] = {
        "associate.md": ASSOCIATE,
        "senior.md": senior('\n{{$ include "includes/x.md" %}}\n'),
    }
    found = problem(checked(tmp_path, pages, X), "E103")
    assert found.path.name == "senior.md" and found.line == 8
    assert '{{$ include "includes/x.md" %}}' in found.message
    assert found.message.endswith('(write {{% include "includes/x.md" %}})')


def test_a_problem_in_an_included_file_points_into_that_file(tmp_path: Path) -> None:
    pages: dict[str, str | bytes] = {
        "associate.md": ASSOCIATE,
        "senior.md": senior(include("includes/a.md")),
    }
    includes = {"includes/a.md": "* A.\n" + include("includes/missing.md")}
    found = problem(checked(tmp_path, pages, includes), "E104")
    assert found.path.as_posix().endswith("assets/includes/a.md") and found.line == 3


def test_weaker_statement_names_both_levels_and_statements(tmp_path: Path) -> None:
    pages: dict[str, str | bytes] = {
        "associate.md": page(
            "Associate - Team", "## Craft\n\n1. Leads the team's incident reviews.\n"
        ),
        "senior.md": page("Senior - Team", "## Craft\n\n1. Joins the team's incident reviews.\n"),
    }
    found = problem(checked(tmp_path, pages, {}), "W203")
    assert found.rule.severity == "warning"
    assert found.message == (
        'Senior asks less than Associate in Craft: drops "leads". '
        'Associate: "Leads the team\'s incident reviews." → Senior: "Joins the team\'s incident '
        'reviews."'
    )
    assert [(q.level, q.line) for q in found.statements] == [("associate", 6), ("senior", 6)]
    assert found.path.name == "senior.md"


@pytest.mark.parametrize(
    ("lower", "higher", "why"),
    [
        ("Leads incident reviews.", "Joins incident reviews.", 'drops "leads"'),
        ("Always documents decisions.", "Documents decisions.", 'drops "always"'),
        (
            "Looks for opportunities for process improvements within their team and works with "
            "others to implement process changes.",
            "Improves team processes.",
            "keeps 3 of 11 content words",
        ),
        (
            "Balances short term gains with team's help, for example advocating for fixes.",
            "Independently balances short term gains.",
            None,
        ),  # gains "independently"
        (
            "Collaborates with counterparts, understanding their roles and responsibilities.",
            "Engages with counterparts.",
            None,
        ),  # "responsibilities" is a noun here
        ("Reviews code.", "Reviews code.", None),
        ("Owns the roadmap.", "Takes responsibility for the roadmap.", None),
    ],
)
def test_weaker(lower: str, higher: str, why: str | None) -> None:
    assert weaker(lower, higher) == why


def test_carried_over_skips_a_shared_include(tmp_path: Path) -> None:
    pages: dict[str, str | bytes] = {
        "associate.md": page("Associate - Team", "## Values\n" + include("includes/x.md")),
        "senior.md": page("Senior - Team", "## Values\n" + include("includes/x.md")),
    }
    assert "I302" not in {p.rule.code for p in checked(tmp_path, pages, X)}


def test_title_mismatch_when_the_first_heading_names_another_level(tmp_path: Path) -> None:
    pages: dict[str, str | bytes] = {
        "associate.md": ASSOCIATE,
        "senior.md": senior(before="## Staff\n\nStaff engineers lead.\n\n"),
    }
    found = problem(checked(tmp_path, pages, {}), "W202")
    assert found.message == "the title says 'Senior' but the page's heading says 'Staff'"
    assert found.line == 4


def test_sub_framework_titles_match_their_longer_heading() -> None:
    frameworks, root = lint_targets(REALWORLD, None)
    found = lint(frameworks, locate=include_locator(root))
    assert "W202" not in {p.rule.code for p in found}


def test_select_by_severity_and_ignore() -> None:
    frameworks, _ = lint_targets(None, "infrastructure")
    found = lint(frameworks)
    assert {p.rule.code for p in found} == {"W203", "I302"}
    assert {p.rule.code for p in select(found, severity="warning")} == {"W203"}
    assert select(found, severity="error") == []
    assert {p.rule.code for p in select(found, ignore=["carried-over"])} == {"W203"}
    assert {p.rule.code for p in select(found, ignore=["w203", "I302"])} == set()
    with pytest.raises(UsageError, match="no lint rule 'nope'"):
        rule("nope")


def test_realworld_handbook() -> None:
    frameworks, root = lint_targets(REALWORLD, None)
    assert [f.id for f in frameworks] == [
        "infrastructure",
        "infrastructure/core-platform/distribution",
    ]
    found = lint(frameworks, locate=include_locator(root))
    [error] = [p for p in found if p.rule.severity == "error"]
    assert (error.rule.name, error.path.name, error.line) == (
        "malformed-shortcode",
        "senior.md",
        22,
    )
    codes = {p.rule.code for p in found}
    assert {"W201", "W203", "I301", "I302"} <= codes
    weakened = [p for p in found if p.rule.code == "W203"]
    assert any('drops "set"' in p.message and p.levels == ("staff", "principal") for p in weakened)
    assert any(p.path.as_posix().endswith("staff-leadership-competency.md") for p in weakened)


# -- the command


def test_lint_clean_enough_exits_0(runner: CliRunner) -> None:
    result = run(runner, "lint", "-f", "infrastructure", "--severity", "warning")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "frameworks/infrastructure/intermediate.md:21: W203 Intermediate asks less than Associate"
    ) or lines[0].startswith(f"{BUNDLED}/intermediate.md:21: W203")
    assert lines[-1] == (
        "0 errors · 2 warnings · 0 info in 1 framework (3 pages); "
        "14 more hidden by --severity or --ignore"
    )


def test_lint_errors_exit_1_and_strict_counts_warnings(runner: CliRunner) -> None:
    result = run(runner, "lint", str(REALWORLD))
    assert result.exit_code == 1 and result.stderr == ""
    assert f"{MATRIX.as_posix()}/infrastructure/core-platform/distribution/senior.md:22: E103 " in (
        result.stdout
    )
    assert run(runner, "lint", str(REALWORLD), "--ignore", "E103").exit_code == 0
    assert run(runner, "lint", str(REALWORLD), "--ignore", "E103", "--strict").exit_code == 1
    assert run(runner, "lint", "-f", "infrastructure", "--strict").exit_code == 1


def test_lint_json(runner: CliRunner) -> None:
    result = run(runner, "lint", str(REALWORLD), "--json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("lint"))
    assert document["counts"]["error"] == 1
    weakened = [p for p in document["problems"] if p["name"] == "weaker-statement"]
    assert weakened and all(len(p["statements"]) == 2 for p in weakened)


def test_lint_markdown(runner: CliRunner) -> None:
    result = run(
        runner, "lint", "-f", "infrastructure", "--format", "markdown", "--severity", "warning"
    )
    assert result.stdout.splitlines()[:2] == [
        "| file | line | code | severity | problem |",
        "| --- | ---: | --- | --- | --- |",
    ]


@pytest.mark.parametrize(
    ("target", "names"),
    [
        ("", ["infrastructure", "infrastructure/core-platform/distribution"]),
        (
            f"{MATRIX.as_posix()}/infrastructure",
            ["infrastructure", "infrastructure/core-platform/distribution"],
        ),
        (
            f"{MATRIX.as_posix()}/infrastructure/core-platform",
            ["infrastructure/core-platform/distribution"],
        ),
    ],
)
def test_lint_dir_forms(runner: CliRunner, target: str, names: list[str]) -> None:
    result = run(runner, "lint", str(REALWORLD / target), "--json")
    assert [f["id"] for f in json.loads(result.stdout)["frameworks"]] == names


def test_lint_a_folder_of_frameworks(runner: CliRunner) -> None:
    result = run(runner, "lint", str(BUNDLED.parent), "--json")
    assert result.exit_code == 0, result.stderr
    assert [f["id"] for f in json.loads(result.stdout)["frameworks"]] == ["infrastructure"]


def test_lint_without_dir_lints_what_every_command_reads(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A folder of promotion checklists is not a framework: without DIR, lint reads what every
    # other command reads — the bundled default — whatever Markdown the current folder holds.
    (tmp_path / "promotion.md").write_text("# Promotion evidence\n\n- [x] Owns on-call.\n")
    monkeypatch.chdir(tmp_path)
    result = run(runner, "lint", "--severity", "error")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == (
        "No problems in 1 framework (3 pages); 16 more hidden by --severity or --ignore."
    )
    # With a root, every framework of it (here: one has a malformed shortcode).
    monkeypatch.setenv("CAREER_ROOT", str(REALWORLD))
    result = run(runner, "lint", "--severity", "error")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"{REALWORLD}/content/handbook/engineering/careers/matrix/infrastructure/core-platform/"
        "distribution/senior.md:22: E103 malformed include shortcode"
    )


def test_lint_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    assert_error(run(runner, "lint", str(tmp_path / "nope")), "no such directory")
    assert_error(run(runner, "lint", str(BUNDLED / "senior.md")), "is a file, not a directory")
    assert_error(run(runner, "lint", str(tmp_path)), "holds no level pages")
    assert_error(
        run(runner, "lint", str(REALWORLD / "assets" / "includes" / "engineering-careers")),
        "is in the handbook at",
        "hint: lint the checkout, or a folder under content/handbook/engineering/careers/matrix/",
    )
    assert_error(run(runner, "lint", "--ignore", "nope"), "no lint rule 'nope'")


def test_informational_problems_are_hidden_unless_asked(runner: CliRunner) -> None:
    default = run(runner, "lint", str(REALWORLD))
    assert " I302 " not in default.stdout and " W203 " in default.stdout
    summary = default.stdout.splitlines()[-1]
    assert summary.endswith("; 29 more hidden by --severity or --ignore")
    everything = run(runner, "lint", str(REALWORLD), "--severity", "info")
    assert " I302 " in everything.stdout
    assert "more hidden" not in everything.stdout.splitlines()[-1]


def test_missing_category_is_reported_on_the_fewer_side(tmp_path: Path) -> None:
    # A category one level of forty has is one problem at that level (naming five of the 39 that
    # lack it), not 39 problems each naming it: problems never outnumber the pages.
    for n in range(40):
        own = f"## Extra\n\n1. Unique {n}.\n" if n == 7 else ""
        (tmp_path / f"level-{n:02d}.md").write_text(
            f'---\ntitle: "Level {n}"\nweight: {n}\n---\n## Craft\n\n1. Writes code.\n\n{own}',
            encoding="utf-8",
        )
    framework = load_framework(tmp_path)
    missing = [p for p in lint([framework]) if p.rule.code == "W201"]
    assert [(p.path.name, p.message) for p in missing] == [
        (
            "level-07.md",
            "a 'Extra' category, which Level 0, Level 1, Level 2, Level 3, Level 4 and "
            "34 more lack",
        )
    ]
    assert missing[0].levels == (
        "level-07",
        "level-00",
        "level-01",
        "level-02",
        "level-03",
        "level-04",
    )


def test_missing_category_at_a_few_levels_names_them_there(tmp_path: Path) -> None:
    for n in range(8):
        craft = "## Craft\n\n1. Writes code.\n" if n != 3 else ""
        (tmp_path / f"level-{n}.md").write_text(
            f'---\ntitle: "Level {n}"\nweight: {n}\n---\n{craft}\n## Team\n\n1. Helps.\n',
            encoding="utf-8",
        )
    framework = load_framework(tmp_path)
    [missing] = [p for p in lint([framework]) if p.rule.code == "W201"]
    assert (missing.path.name, missing.message) == (
        "level-3.md",
        "no 'Craft' category, which Level 0, Level 1, Level 2, Level 4, Level 5 and 2 more have",
    )
