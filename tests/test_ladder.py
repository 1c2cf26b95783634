"""``career ladder``: threads across levels, their layout, and the command."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from conftest import BUNDLED, REALWORLD, assert_golden
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import assert_error, run, schema
from typer.testing import CliRunner

from career_cli.features.ladder import Ladder, LadderCategory, build_ladder, category_order
from career_cli.model import Category, Framework, Level, Statement
from career_cli.render import RenderOptions
from career_cli.render.markdown import render_ladder as markdown_ladder
from career_cli.render.terminal.ladder import render_ladder, windows
from career_cli.sources.catalog import open_framework
from career_cli.sources.loader import load_framework

REAL = open_framework("infrastructure", root=REALWORLD)
REAL_LADDER = build_ladder(REAL)
LEVELS = ["intern", "associate", "intermediate", "senior", "staff", "principal"]


def category(ladder: Ladder, ident: str) -> LadderCategory:
    return next(c for c in ladder.categories if c.id == ident)


def shape(ladder: Ladder, ident: str, start: str) -> list[str]:
    """The statuses of the thread whose first statement begins with ``start`` ('.' = absent)."""
    for thread in category(ladder, ident).threads:
        first = thread.cells[thread.start]
        assert first is not None
        if first.item.text.startswith(start):
            return [cell.status if cell else "." for cell in thread.cells]
    raise AssertionError(f"no thread starting {start!r}")


# -- six levels of the real-world handbook


def test_six_levels_in_ladder_order() -> None:
    assert [level.id for level in REAL_LADDER.levels] == LEVELS
    assert [c.id for c in REAL_LADDER.categories] == [
        "accountability",
        "credibility",
        "autonomy",
        "team-building",
        "engineering-alignment/leadership-competencies",
        "engineering-alignment/technical-competencies",
        "engineering-alignment/values-alignment",
    ]


@pytest.mark.parametrize(
    ("ident", "start", "statuses", "dropped_at"),
    [
        # on-call support: carried from Intern to Intermediate, gone at Senior
        (
            "team-building",
            "Supports colleagues who are currently on-call",
            ["start", "unchanged", "unchanged", ".", ".", "."],
            3,
        ),
        # hiring: starts at Intermediate, grows at every level up to Principal
        (
            "team-building",
            "Completes required interview training",
            [".", ".", "added", "changed", "changed", "changed"],
            None,
        ),
        # on-call rotations: from taking part to setting the standard, dropped at Principal
        (
            "accountability",
            "Participates in the on-call rotations",
            [".", ".", "added", "changed", "changed", "."],
            5,
        ),
        # the shared values file: the same six statements at every level
        (
            "engineering-alignment/values-alignment",
            "Adhere to the [Collaboration Competencies]",
            ["start", "unchanged", "unchanged", "unchanged", "unchanged", "unchanged"],
            None,
        ),
    ],
)
def test_realworld_threads(
    ident: str, start: str, statuses: list[str], dropped_at: int | None
) -> None:
    assert shape(REAL_LADDER, ident, start) == statuses
    thread = next(
        t
        for t in category(REAL_LADDER, ident).threads
        if (c := t.cells[t.start]) is not None and c.item.text.startswith(start)
    )
    assert thread.dropped_at == dropped_at


def test_a_threads_cells_are_the_pairwise_counterparts() -> None:
    thread = next(
        t
        for t in category(REAL_LADDER, "team-building").threads
        if (c := t.cells[2]) is not None and c.item.text.startswith("Completes required interview")
    )
    senior, staff = thread.cells[3], thread.cells[4]
    assert senior is not None and senior.item.text.startswith(
        "Plays an integral role in team hiring"
    )
    assert staff is not None and staff.item.text.startswith("Owns the technical interview process")
    assert senior.similarity is not None and senior.similarity > 0.1
    new = "".join(op.text for op in senior.ops if op.op != "delete")
    assert new == senior.item.text


def test_every_statement_of_the_realworld_ladder_is_in_exactly_one_thread() -> None:
    assert_partition(REAL_LADDER)


def test_the_ladder_order_is_the_top_levels_with_dropped_threads_where_they_stood() -> None:
    accountability = category(REAL_LADDER, "accountability")
    top = [t.cells[5].index for t in accountability.threads if t.cells[5] is not None]  # type: ignore[union-attr]
    assert top == sorted(top)
    first = accountability.threads[0].cells[2]
    assert first is not None and first.item.text.startswith("Participates in the on-call")


# -- properties on generated ladders


def assert_partition(ladder: Ladder) -> None:
    """Every statement of every level sits in exactly one thread, at its own level; a thread's
    cells run without holes over the levels that have its category; statuses fit positions."""
    for k, level in enumerate(ladder.levels):
        expected = Counter((c.id, n) for c in level.categories for n, _ in enumerate(c.items, 1))
        seen: Counter[tuple[str, int]] = Counter()
        for cat in ladder.categories:
            for thread in cat.threads:
                cell = thread.cells[k]
                if cell is not None:
                    seen[(cat.id, cell.index)] += 1
                    items = [i for c in level.categories if c.id == cat.id for i in c.items]
                    assert items[cell.index - 1] is cell.item
        assert seen == expected, level.id
    for cat in ladder.categories:
        first_present = cat.present.index(True)
        for thread in cat.threads:
            present = [k for k in range(thread.start, thread.end + 1) if cat.present[k]]
            assert all(thread.cells[k] is not None for k in present)
            first = thread.cells[thread.start]
            assert first is not None
            if thread.split_from is not None:  # it begins by splitting from another thread
                assert first.status == "split" and thread.start > first_present
            else:
                assert first.status == ("start" if thread.start == first_present else "added")
            assert all(
                cell.status in ("unchanged", "changed")
                for cell in thread.cells[thread.start + 1 :]
                if cell is not None
            )
            if thread.dropped_at is not None:
                assert thread.dropped_at > thread.end and cat.present[thread.dropped_at]


WORDS = ["owns", "leads", "mentors", "hires", "reviews", "ships", "plans", "on-call", "team"]
statements = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
categories = st.dictionaries(
    st.sampled_from(["a", "b", "c"]), st.lists(statements, max_size=5), max_size=3
)


@settings(max_examples=150, deadline=None)
@given(st.lists(categories, min_size=1, max_size=6))
def test_threads_partition_every_levels_statements(pages: list[dict[str, list[str]]]) -> None:
    levels = []
    for k, cats in enumerate(pages):
        built = tuple(
            Category(ident, (ident,), tuple(Statement(text, n) for n, text in enumerate(items)))
            for ident, items in cats.items()
        )
        levels.append(Level(id=f"l{k}", title=f"L{k}", path=Path(f"l{k}.md"), categories=built))
    framework = Framework("f", "F", Path(), levels=tuple(levels))
    ladder = build_ladder(framework)
    assert_partition(ladder)
    for cat in ladder.categories:  # the top level that has the category keeps its page order
        top = max(k for k, here in enumerate(cat.present) if here)
        order = [t.cells[top].index for t in cat.threads if t.cells[top] is not None]  # type: ignore[union-attr]
        assert order == sorted(order)


def test_category_order_chains_the_levels() -> None:
    def level(name: str, ids: str) -> Level:
        cats = tuple(Category(i, (i,), (Statement("x"),)) for i in ids)
        return Level(id=name, title=name, path=Path(name), categories=cats)

    # b keeps x, z and adds w after y; c keeps only z: x, y, w stood above it, v comes before it
    assert category_order([level("a", "xyz"), level("b", "xwz"), level("c", "vz")]) == list("xywvz")


def test_a_missing_category_does_not_break_threads(make_framework) -> None:  # type: ignore[no-untyped-def]
    from conftest import page

    directory = make_framework(
        {
            "associate.md": page("Associate", "## Craft\n\n1. Reviews code.\n\n## Other\n\n1. x\n"),
            "intermediate.md": page("Intermediate", "## Other\n\n1. x\n"),
            "senior.md": page("Senior", "## Craft\n\n1. Reviews code.\n"),
        }
    )
    ladder = build_ladder(load_framework(directory))
    craft = category(ladder, "craft")
    assert craft.present == (True, False, True)
    assert [c.status if c else "." for c in craft.threads[0].cells] == ["start", ".", "unchanged"]
    text = render_ladder(ladder, RenderOptions(width=100))
    assert "Craft  1 thread · not in Intermediate" in text
    assert "no such category here" in text


# -- layout


@pytest.mark.parametrize(
    ("levels", "width", "expected"),
    [
        (6, 100, [range(3), range(3, 6)]),
        (6, 200, [range(6)]),
        (6, 130, [range(3), range(3, 6)]),  # four fit; 4 + 2 would read worse than 3 + 3
        (3, 100, [range(3)]),
        (6, 61, None),
        (1, 20, [range(1)]),
    ],
)
def test_windows(levels: int, width: int, expected: list[range] | None) -> None:
    assert windows(levels, width) == expected


@pytest.mark.parametrize("width", [200, 100, 50])
def test_realworld_ladder_golden(width: int) -> None:
    # one category of the pages and one expanded from includes, to keep the snapshots readable
    shown = ("accountability", "engineering-alignment/technical-competencies")
    ladder = replace(REAL_LADDER, categories=tuple(category(REAL_LADDER, c) for c in shown))
    text = render_ladder(ladder, RenderOptions(width=width))
    assert_golden(f"ladder-realworld-{width}.txt", text)
    assert all(len(line) <= width for line in text.splitlines())


def test_bundled_ladder_golden() -> None:
    ladder = build_ladder(load_framework(BUNDLED))
    assert_golden("ladder-bundled-100.txt", render_ladder(ladder, RenderOptions(width=100)))


def test_windows_number_rows_so_threads_can_be_followed() -> None:
    text = render_ladder(REAL_LADDER, RenderOptions(width=100))
    assert "levels 1–3 of 6: Intern → Intermediate" in text
    assert "levels 4–6 of 6: Senior → Principal" in text


def test_colour_marks_inserted_words() -> None:
    text = render_ladder(REAL_LADDER, RenderOptions(width=100, color=True))
    assert "\x1b[1;32m" in text and "{+" not in text


def test_markdown_ladder() -> None:
    ladder = build_ladder(load_framework(BUNDLED))
    text = markdown_ladder(ladder)
    assert "| # | Associate | Intermediate | Senior |" in text
    assert "| 6 | Supports colleagues who are currently on-call" in text
    assert "| = | _dropped_ |" in text
    assert "{+ Sets +}" in text


# -- the command


def test_ladder_json(runner: CliRunner) -> None:
    result = run(runner, "ladder", "--root", str(REALWORLD), "-f", "infrastructure", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("ladder"))
    assert [level["id"] for level in document["levels"]] == LEVELS
    team = next(c for c in document["categories"] if c["id"] == "team-building")
    interview = next(
        t
        for t in team["threads"]
        if t["cells"][2] and "interview training" in t["cells"][2]["text"]
    )
    assert (interview["start"], interview["end"], interview["dropped_at"]) == (
        "intermediate",
        "principal",
        None,
    )
    assert [c["status"] if c else None for c in interview["cells"]] == [
        None,
        None,
        "added",
        "changed",
        "changed",
        "changed",
    ]


def test_ladder_categories_and_level_range(runner: CliRunner) -> None:
    result = run(runner, "ladder", "team", "ACC", "--from", "intermediate", "--to", "sen", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert [c["id"] for c in document["categories"]] == ["accountability", "team-building"]
    assert [level["id"] for level in document["levels"]] == ["intermediate", "senior"]


def test_ladder_errors(runner: CliRunner) -> None:
    assert_error(run(runner, "ladder", "nope"), "no category matches 'nope'")
    assert_error(
        run(runner, "ladder", "--from", "senior", "--to", "associate"),
        "--from Senior is above --to Associate",
        "hint: ladder order: associate, intermediate, senior",
    )
    assert_error(run(runner, "ladder", "--from", "staff"), "no level 'staff'")


# -- many levels


def _long_ladder(tmp_path: Path, count: int, *, own_category: bool = False) -> Path:
    """``count`` levels: one shared category, reworded a little up the ladder, and with
    ``own_category`` one category only that level has."""
    for n in range(count):
        own = f"## Extra {n}\n\n1. Unique statement {n}.\n\n" if own_category else ""
        (tmp_path / f"level-{n:03d}.md").write_text(
            f'---\ntitle: "Level {n}"\nweight: {n}\n---\n## Craft\n\n'
            f"1. Writes code for release {n // 5}.\n2. Reviews code.\n\n{own}",
            encoding="utf-8",
        )
    return tmp_path


def test_a_long_ladder_past_the_cell_limit_is_refused_as_a_table(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from career_cli.features import ladder

    framework = _long_ladder(tmp_path, 30)
    monkeypatch.setattr(ladder, "MAX_CELLS", 10)
    for fmt in ("json", "markdown"):
        assert_error(
            run(runner, "ladder", "-f", str(framework), "--format", fmt),
            "30 levels",
            "more than the 10 a JSON or Markdown table holds",
            "--from/--to",
        )
    text = run(runner, "ladder", "-f", str(framework), "--width", "100", "--color", "never")
    assert text.exit_code == 0 and "Writes code for release 5" in text.stdout
    narrowed = run(runner, "ladder", "-f", str(framework), "--to", "level-002", "--json")
    assert narrowed.exit_code == 0, narrowed.stderr


def test_threads_are_sparse_and_windows_without_them_are_left_out(tmp_path: Path) -> None:
    framework = load_framework(_long_ladder(tmp_path, 40, own_category=True))
    built = build_ladder(framework)
    only = category(built, "extra-7")
    [thread] = only.threads
    assert (thread.start, thread.end, thread.dropped_at, list(thread.at)) == (7, 7, None, [7])
    assert thread.cells[7] is not None and thread.cells.count(None) == 39
    text = render_ladder(built, RenderOptions(width=100))
    heading = next(line for line in text.splitlines() if line.startswith("Extra 7 "))
    assert "not in Level 0, Level 1, Level 2, Level 3, Level 4 and 34 more" in heading
    # One window shows the thread: levels 7–9 of 40, not all fourteen windows.
    part = text.split("Extra 7 ", 1)[1].split("Extra 8 ", 1)[0]
    assert part.count("levels ") == 1 and "levels 7–9 of 40" in part
