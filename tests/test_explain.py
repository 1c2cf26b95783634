"""--explain: why each statement paired as it did, in text and JSON, valid against the schemas."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from career_cli.cli import app


def run_json(runner: CliRunner, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "--explain", "--json"])
    assert result.exit_code in (0, 1), result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    schema = json.loads(
        resources.files("career_cli")
        .joinpath(f"schemas/{document['kind']}.schema.json")
        .read_text()
    )
    jsonschema.validate(document, schema)
    return document


def test_every_diff_item_is_explained(runner: CliRunner) -> None:
    document = run_json(runner, "diff", "intermediate", "senior")
    items = [item for category in document["categories"] for item in category["items"]]
    assert all("explain" in item for item in items)
    hiring = next(
        i for i in items if i["to"] and i["to"]["text"].startswith("Plays an integral role")
    )
    explain = hiring["explain"]
    assert explain["similarity"] == hiring["similarity"] and explain["threshold"] == 0.1
    features = [f["feature"] for f in explain["features"]]
    assert "interview" in features and "hire" in features
    weights = [f["weight"] for f in explain["features"]]
    assert weights == sorted(weights, reverse=True)
    assert (
        explain["runner_up"] is None or explain["runner_up"]["similarity"] <= hiring["similarity"]
    )
    removed = [i for i in items if i["status"] == "removed"]
    assert removed and all(i["explain"]["reason"] for i in removed)
    assert all(i["explain"]["similarity"] is None for i in removed)


def test_synonyms_that_carried_a_pair_are_named(make_framework, runner: CliRunner) -> None:  # type: ignore[no-untyped-def]
    from conftest import page

    directory = make_framework(
        {
            "junior.md": page(
                "Junior", "## Ops\n\n1. Diagnoses failures in the billing service.\n"
            ),
            "senior.md": page(
                "Senior", "## Ops\n\n1. Leads troubleshooting of billing failures.\n"
            ),
        }
    )
    document = run_json(runner, "diff", "junior", "senior", "-f", str(directory))
    [item] = document["categories"][0]["items"]
    assert item["status"] == "changed"
    assert {k: v for k, v in item["explain"]["synonyms"][0].items() if k != "weight"} == {
        "term": "diagnos",
        "match": "troubleshoot",
        "strength": 0.8,
    }


def test_gap_explains_its_expectations(runner: CliRunner) -> None:
    document = run_json(runner, "gap", "intermediate", "senior")
    assert all("explain" in e for e in document["expectations"])
    new = [e for e in document["expectations"] if e["kind"] == "new"]
    assert new and all(e["explain"]["reason"] for e in new)


@pytest.mark.parametrize(
    "command", [("diff", "intermediate", "senior"), ("gap", "intermediate", "senior")]
)
def test_text_explains_and_without_the_flag_nothing_changes(
    runner: CliRunner, command: tuple[str, ...]
) -> None:
    plain = runner.invoke(app, [*command, "--width", "120"]).stdout
    explained = runner.invoke(app, [*command, "--width", "120", "--explain"]).stdout
    assert "shared: " not in plain and "shared: " in explained
    assert "not above the threshold" in explained
    without = json.loads(runner.invoke(app, [*command, "--json"]).stdout)
    assert "explain" not in json.dumps(without)
