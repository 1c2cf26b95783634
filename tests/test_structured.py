"""YAML and JSON ladders (``sources.structured``, ``ft``, ``monzo``, ``snowflake``): tiny inline
documents of each published shape, the fixtures with their warts, and bad input as one error
naming the file, the key path and the line."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from career_cli import notes
from career_cli.errors import PageError
from career_cli.model import Framework
from career_cli.sources import ft, structured
from career_cli.sources.catalog import open_framework

FORMATS = Path(__file__).parent / "fixtures" / "formats"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def texts(framework: Framework, level: str) -> dict[str, list[str]]:
    found = next(lv for lv in framework.levels if lv.id == level)
    return {c.title: [s.text for s in c.items] for c in found.categories}


def refused(path: Path) -> PageError:
    with pytest.raises(PageError) as caught:
        structured.load(path)
    return caught.value


# -- career's own shape


OWN = """\
career: 1
title: Platform
levels:
  - id: l1
    title: Engineer I
    overview: Learns.
    categories:
      - title: Delivery
        statements:
          - Ships small tasks
          - text: Keeps tickets current
            key: Visibility
            examples: [Moves the ticket on review]
  - id: l2
    title: Engineer II
    categories:
      - title: [Delivery, Scope]
        statements: [Ships features]
"""


def test_own_yaml_reads_levels_categories_keys_and_examples(tmp_path: Path) -> None:
    framework = structured.load(write(tmp_path, "ladder.yml", OWN))
    assert framework.title == "Platform" and [lv.id for lv in framework.levels] == ["l1", "l2"]
    first = framework.levels[0]
    assert first.overview == "Learns." and first.title == "Engineer I"
    visible = first.categories[0].items[1]
    assert (visible.text, visible.key, visible.examples) == (
        "Keeps tickets current",
        "Visibility",
        ("Moves the ticket on review",),
    )
    sub = framework.levels[1].categories[0]
    assert (sub.id, sub.title) == ("delivery/scope", "Delivery › Scope")


def test_own_keys_it_does_not_read_are_noted_with_their_line(tmp_path: Path) -> None:
    """A typo ("statments") would empty a category without a word: each is a note instead."""
    text = OWN.replace("title: Platform", "title: Platform\ncolour: blue").replace(
        "      - title: [Delivery, Scope]",
        "      - title: [Delivery, Scope]\n        statments: [x]",
    )
    framework = structured.load(write(tmp_path, "ladder.yml", text))
    said = [(n.line, n.message.split(":")[0]) for lv in framework.levels for n in lv.notes]
    assert said == [(3, "colour"), (19, "levels[1].categories[0].statments")]
    assert {n.code for lv in framework.levels for n in lv.notes} == {notes.UNREAD_CONTENT}
    assert structured.load(write(tmp_path, "clean.yml", OWN)).levels[0].notes == ()


def test_own_json_reads_the_same(tmp_path: Path) -> None:
    import yaml

    document = yaml.safe_load(OWN)
    framework = structured.load(write(tmp_path, "ladder.json", json.dumps(document)))
    assert texts(framework, "l1") == {"Delivery": ["Ships small tasks", "Keeps tickets current"]}


def test_an_unknown_version_is_refused(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "x.yml", OWN.replace("career: 1", "career: 7")))
    assert "career: is 7" in error.message and error.line == 1


# -- wrong types name the key path and its line


@pytest.mark.parametrize(
    ("change", "where", "line"),
    [
        ("title: Engineer I", "levels[0].title: expected text, found a list", 5),
        ("overview: Learns.", "levels[0].overview: expected text, found a mapping", 6),
        ("  - Ships small tasks", "levels[0].categories[0].statements[0]: expected text", 10),
    ],
)
def test_a_wrong_type_names_the_key_path_and_line(
    tmp_path: Path, change: str, where: str, line: int
) -> None:
    old = change.strip()
    new = {
        "title: Engineer I": "title: [a, b]",
        "overview: Learns.": "overview: {a: b}",
        "- Ships small tasks": "- [Ships, small]",
    }[old]
    path = write(tmp_path, "x.yml", OWN.replace(old, new, 1))
    error = refused(path)
    assert where in error.message
    assert error.path == path
    assert error.line == line


def test_a_list_where_a_mapping_belongs(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "x.yml", "career: 1\nlevels:\n  - [a, b]\n"))
    assert error.message == "levels[0]: expected a mapping of keys to values, found a list"
    assert error.line == 3


def test_a_wrong_type_in_json_has_its_line_too(tmp_path: Path) -> None:
    text = '{\n  "career": 1,\n  "levels": [\n    {"id": ["x"]}\n  ]\n}\n'
    error = refused(write(tmp_path, "x.json", text))
    assert error.message.startswith("levels[0].id: expected text, found a list")
    assert error.line == 4


def test_invalid_json_names_its_line(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "x.json", '{\n  "career": 1,\n  oops\n}\n'))
    assert error.message.startswith("invalid JSON") and error.line == 3


# -- hostile documents


def test_an_alias_bomb_is_refused_without_walking_it() -> None:
    started = time.perf_counter()
    error = refused(FORMATS / "bad" / "yaml-alias-bomb.yml")
    assert "not a ladder" in error.message
    assert time.perf_counter() - started < 1


def test_an_alias_bomb_in_a_recognised_shape_is_named_not_shown(tmp_path: Path) -> None:
    bomb = (FORMATS / "bad" / "yaml-alias-bomb.yml").read_text().split("levels:")[0]
    text = bomb + "career: 1\nlevels:\n  - id: a\n    title: *i\n"
    started = time.perf_counter()
    error = refused(write(tmp_path, "x.yml", text))
    assert error.message == "levels[0].title: expected text, found a list"
    assert time.perf_counter() - started < 1


def test_aliases_that_repeat_statements_are_bounded(tmp_path: Path) -> None:
    # Each level is 1,000 references to a list of 1,000 criteria: 10⁶ statements from 12 kB.
    criteria = "c: &c [" + ", ".join(["x"] * 1000) + "]\n"
    content = ", ".join(["{level: 1, criteria: *c}"] * 1000)
    text = criteria + f"topics:\n  - name: a\n    title: A\n    content: [{content}]\n"
    started = time.perf_counter()
    error = refused(write(tmp_path, "x.yml", text))
    assert "more than 1,000,000 entries" in error.message
    assert time.perf_counter() - started < 10


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "x.yml", "career: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert "nest" in error.message  # libyaml's own limit, or career's on older ones
    error = refused(write(tmp_path, "x.json", '{"career": ' + "[" * 100_000 + "]" * 100_000 + "}"))
    assert "nested too deeply" in error.message


def test_a_million_tracks_is_bounded(tmp_path: Path) -> None:
    tracks = ",".join(f'"t{i}":{{"milestones":[]}}' for i in range(1_000_000))
    path = write(tmp_path, "x.json", "{" + tracks + "}")
    started = time.perf_counter()
    error = refused(path)
    assert "over the 10 MB limit" in error.message or "more than" in error.message
    assert time.perf_counter() - started < 10


def test_many_small_tracks_under_the_size_limit_are_bounded(tmp_path: Path) -> None:
    track = '{"milestones":[{"signals":["x"]}]}'
    tracks = ",".join(f'"{i}":{track}' for i in range(200_000))
    started = time.perf_counter()
    error = refused(write(tmp_path, "x.json", "{" + tracks + "}"))
    assert "more than 10,000 categories in one level" in error.message
    assert time.perf_counter() - started < 10


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    with path.open("wb") as handle:
        handle.truncate(structured.MAX_BYTES + 1)
    assert "over the 10 MB limit" in refused(path).message


def test_a_snowflake_evaluation_is_not_a_ladder() -> None:
    error = refused(FORMATS / "bad" / "snowflake-evaluation.json")
    assert error.message == "not a ladder career recognises" and error.hint


def test_levels_yml_alone_says_where_the_competencies_are(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "levels.yml", "- id: a\n  name: A\n  summary: x\n"))
    assert "levels only" in error.message and "competencies.yml" in (error.hint or "")


# -- FT


def test_ft_folder_reads_levels_in_order_with_examples_and_domains() -> None:
    framework = structured.load_ft(FORMATS / "ft-style")
    assert [lv.id for lv in framework.levels] == [
        "engineer-1",
        "engineer-2",
        "senior",
        "staff",
        "tech-lead",  # listed in levels.yml: a level as published
    ]
    # Principal has no competencies (its summary is TODO): skipped, with a reason
    [problem] = framework.problems
    assert problem.id == "principal" and "no competency" in str(problem.error)
    senior = texts(framework, "senior")
    assert senior["Craft › Backend engineer"] == ["Improves the team's observability and alerting."]
    incident = next(
        s for c in framework.levels[2].categories for s in c.items if s.text.startswith("Debugs")
    )
    assert incident.examples[:2] == (
        "Runs the review for a cache stampede and ships two of its actions",
        "Pairs with the on-call engineer during a database failover",
    )
    assert incident.examples[2] == "Incident review template <https://example.org/incident-review>"
    first = framework.levels[0]
    assert first.overview.startswith("Engineer I engineers learn")
    assert first.categories[0].items[1].examples[1] == (
        "Ticket hygiene: adds a short note when a task is paused"
    )


def test_ft_competencies_file_reads_its_levels_file_beside_it() -> None:
    framework = structured.load(FORMATS / "ft-style" / "competencies.yml")
    assert framework.levels[0].title == "Engineer I"


def test_ft_description_is_noted_not_dropped(tmp_path: Path) -> None:
    write(tmp_path, "levels.yml", "- id: a\n  name: A\n  summary: TODO\n")
    write(
        tmp_path,
        "competencies.yml",
        "- summary: Ships\n  level: a\n  area: delivery\n  description: Longer words\n",
    )
    framework = structured.load_ft(tmp_path)
    [level] = framework.levels
    assert level.overview == ""  # TODO is no overview
    [note] = level.notes
    assert note.code == notes.UNREAD_CONTENT and note.line == 4
    assert "[0].description" in note.message


def test_ft_job_family_splits_summaries_into_statements() -> None:
    framework = structured.load(FORMATS / "ft-style" / "job-families" / "platform.yml")
    assert framework.title == "Platform"
    senior = texts(framework, "senior")
    assert senior["Delivery"] == [
        "Delivers multi-week features from design through rollout.",
        "Keeps stakeholders informed and renegotiates scope when plans slip.",
        "Breaks projects into milestones that each ship value.",
    ]
    assert len(senior["Collaboration"]) == 3 and len(senior["Craft"]) == 3
    assert framework.levels[2].overview.startswith("Proficiency — Delivery: Working knowledge")


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("1. One thing.\n2. Another\n   continued.\n", ["One thing.", "Another continued."]),
        ("First.\n\nSecond.\n", ["First.", "Second."]),
        (
            "Ships code. Reviews it, e.g. daily. Mentors.",
            ["Ships code.", "Reviews it, e.g. daily.", "Mentors."],
        ),
        ("- a\n- b\n", ["a", "b"]),
    ],
)
def test_split_statements(summary: str, expected: list[str]) -> None:
    assert ft.split_statements(summary) == expected


def test_ft_folder_through_the_catalog() -> None:
    framework = open_framework(str(FORMATS / "ft-style"))
    assert framework.id == "ft-style" and len(framework.levels) == 5


# -- Monzo


def test_monzo_page_reads_topics_and_inherits_from_generic() -> None:
    framework = structured.load(FORMATS / "monzo-style" / "engineering" / "platform.md")
    assert framework.title == "🧱 Platform Engineering Framework"
    assert [lv.id for lv in framework.levels] == ["1", "2", "3", "4"]
    assert framework.levels[0].title == "Level 1"
    level_3 = texts(framework, "3")
    # The empty-titled topic takes generic.md's title, and its criteria come first.
    assert level_3["💬 Communication"] == [
        "Tailors how they share information to the audience",
        "Gives timely, actionable feedback without being asked",
        "Explains technical trade-offs to product and design partners",
    ]
    assert "🧑\u200d🏫 Mentoring" in level_3 and "🧑\u200d🏫 Mentoring" not in texts(framework, "2")
    example = framework.levels[2].categories[-1].items[-1]
    assert example.text == "Debugs production incidents and leads the follow-up"
    assert len(example.examples) == 2
    assert framework.description.startswith("About our progression frameworks")


def test_monzo_topic_without_title_or_generic_uses_its_name(tmp_path: Path) -> None:
    page = "---\ntopics:\n  - name: craft\n    title:\n    content:\n      - level: 1\n        criteria: [x]\n---\n"  # noqa: E501
    framework = structured.load(write(tmp_path, "p.md", page))
    assert framework.levels[0].categories[0].title == "craft"


def test_monzo_bad_level_number(tmp_path: Path) -> None:
    page = "---\ntopics:\n  - name: a\n    title: A\n    content:\n      - level: two\n---\n"
    error = refused(write(tmp_path, "p.md", page))
    assert error.message.startswith("topics[0].content[0].level: expected a level number")
    assert error.line == 6


def test_a_markdown_page_without_topics_is_refused(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "p.md", "---\ntitle: x\n---\n## A\n- b\n"))
    assert "no 'topics'" in error.message


# -- Snowflake


def test_snowflake_milestones_are_levels_by_position() -> None:
    framework = structured.load(FORMATS / "snowflake-style.json")
    assert [lv.title for lv in framework.levels] == ["Level 1", "Level 2", "Level 3", "Level 4"]
    level_2 = framework.levels[1]
    titles = [c.title for c in level_2.categories]
    assert titles == ["Delivery", "Collaboration", "Mentorship", "Platform"]
    first = level_2.categories[0].items[0]
    assert first.examples == (
        "Split a settings change into three pull requests behind a feature flag",
    )
    assert level_2.overview.startswith("Delivery: Delivers small features independently")
    # Mentorship has three milestones: level 4 has no Mentorship
    assert "Mentorship" not in texts(framework, "4")
    assert "Collaboration: Works with and through other people" not in framework.description
    assert "Collaboration: Review, feedback" in framework.description
