"""Merged and split statements: one statement that covers two of the other level is one item."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import page
from typer.testing import CliRunner

from career_cli.cli import app
from career_cli.compare.align import diff_levels
from career_cli.features.gap import build_gap
from career_cli.features.ladder import build_ladder
from career_cli.sources.loader import load_framework

Make = Callable[[dict[str, str | bytes]], Path]

# The issue's own example, as it is in the bundled pages.
BELOW = page(
    "Intermediate",
    "## Accountability\n\n"
    "1. Reliably follows established processes and runbooks, and submits updates to improve them "
    "for others.\n"
    "1. Makes changes in production safely by following runbooks and the Change Management "
    "process.\n"
    "1. Writes weekly status reports.\n",
)
ABOVE = page(
    "Senior",
    "## Accountability\n\n"
    "1. Creates, follows, and improves processes and runbooks to enable themselves, and others to "
    "solve problems and make changes in production safely.\n"
    "1. Owns the team's incident reviews.\n",
)


def framework(make_framework: Make) -> Path:
    return make_framework({"intermediate.md": BELOW, "senior.md": ABOVE})


def test_a_statement_covering_two_is_one_item_with_both(make_framework: Make) -> None:
    loaded = load_framework(framework(make_framework))
    below, above = loaded.levels
    [category] = diff_levels(loaded, below, above).categories
    [merged] = [item for item in category.items if item.also_old]
    assert merged.status == "changed" and merged.new is not None
    assert merged.new.text.startswith("Creates, follows, and improves")
    sources = [merged.old.text[:20] if merged.old else None] + [
        s.text[:20] for _, s in merged.also_old
    ]
    assert sorted(sources) == ["Makes changes in pro", "Reliably follows est"]
    # "Writes weekly status reports" shares nothing: still removed, not folded in.
    assert [i.old.text for i in category.items if i.status == "removed" and i.old] == [
        "Writes weekly status reports."
    ]
    assert category.counts.merged == 1


def test_a_merge_one_way_is_a_split_the_other(make_framework: Make) -> None:
    loaded = load_framework(framework(make_framework))
    below, above = loaded.levels
    [forward] = diff_levels(loaded, below, above).categories
    [backward] = diff_levels(loaded, above, below).categories
    merged = next(item for item in forward.items if item.also_old)
    split = next(item for item in backward.items if item.also_new)
    assert merged.new is split.old and merged.old is split.new
    assert [s for _, s in merged.also_old] == [s for _, s in split.also_new]
    assert backward.counts.split == 1 and backward.counts.merged == 0


def test_json_text_and_markdown_show_both_sources(make_framework: Make, runner: CliRunner) -> None:
    directory = str(framework(make_framework))
    document = json.loads(
        runner.invoke(app, ["diff", "intermediate", "senior", "-f", directory, "--json"]).stdout
    )
    [item] = [i for c in document["categories"] for i in c["items"] if "also_from" in i]
    assert [extra["index"] for extra in item["also_from"]] == [1]
    assert item["also_from"][0]["text"].startswith("Reliably follows")
    assert document["counts"]["merged"] == 1
    backward = json.loads(
        runner.invoke(app, ["diff", "senior", "intermediate", "-f", directory, "--json"]).stdout
    )
    assert [i for c in backward["categories"] for i in c["items"] if "also_to" in i]
    text = runner.invoke(
        app, ["diff", "intermediate", "senior", "-f", directory, "--width", "100"]
    ).stdout
    assert "+ Reliably follows established processes" in text and "1 merged" in text
    markdown = runner.invoke(
        app, ["diff", "intermediate", "senior", "-f", directory, "--format", "markdown"]
    ).stdout
    assert "  - also from: Reliably follows established processes" in markdown


def test_gap_shows_the_merged_expectation_once_with_both(make_framework: Make) -> None:
    loaded = load_framework(framework(make_framework))
    gap = build_gap(diff_levels(loaded, *loaded.levels))
    [raised] = [e for e in gap.expectations if e.kind == "raised"]
    assert raised.previous is not None and raised.previous.startswith("Makes changes")
    assert [p[:16] for p in raised.also_previous] == ["Reliably follows"]
    assert sum(1 for e in gap.expectations if e.text.startswith("Creates, follows")) == 1


def test_a_split_makes_an_expectation_of_each_part(make_framework: Make) -> None:
    # Seen the other way round, Senior → Intermediate splits one statement into two: the gap
    # must list both statements of its target, each raised from the one before.
    loaded = load_framework(framework(make_framework))
    below, above = loaded.levels
    gap = build_gap(diff_levels(loaded, above, below))
    targets = sorted(e.text[:16] for e in gap.expectations)
    assert targets == ["Makes changes in", "Reliably follows", "Writes weekly st"]
    split = [e for e in gap.expectations if e.text.startswith("Reliably")]
    assert split[0].kind == "raised" and split[0].previous.startswith("Creates")  # type: ignore[union-attr]


def test_ladder_threads_join(make_framework: Make) -> None:
    loaded = load_framework(framework(make_framework))
    [category] = build_ladder(loaded).categories
    joined = [t for t in category.threads if t.joined_at is not None]
    assert len(joined) == 1 and joined[0].joined_at == 1
    target = category.threads[joined[0].joins]  # type: ignore[index]
    assert target.cells[1] is not None and target.cells[1].item.text.startswith("Creates")
