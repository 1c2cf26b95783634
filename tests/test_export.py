"""``career export``: the writers (``render.export``), the command (stdout, stderr and exit status
apart; files never overwritten unless asked), the OWASP-neutralised CSV, and the round trip under
Hypothesis — reading an export gives back the same levels, categories, statements and order, for
each format and each pair of formats."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import probe
import pytest
from conftest import page
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from career_cli.cli import app
from career_cli.model import Category, Framework, Level, Statement
from career_cli.render import export as writers
from career_cli.sources import structured
from career_cli.sources.loader import load_framework
from career_cli.text import category_id, formula_text, neutralise_formula, slug

FORMATS = Path(__file__).parent / "fixtures" / "formats"
SCHEMA = json.loads(
    (Path(__file__).parents[1] / "career_cli" / "schemas" / "export.schema.json").read_text()
)
CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"


def run(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


# -- reading an export back


def read_back(framework: Framework, fmt: str, folder: Path) -> Framework:
    """Export ``framework`` as ``fmt`` into ``folder`` and read it with career's readers."""
    folder.mkdir(parents=True)
    if fmt == "pages":
        for name, text in writers.to_pages(framework).items():
            (folder / name).write_text(text, encoding="utf-8")
        return load_framework(folder)
    write = {"yaml": writers.to_yaml, "json": writers.to_json, "csv": writers.to_csv}[fmt]
    path = folder / f"ladder.{fmt}"
    path.write_text(write(framework), encoding="utf-8")
    if fmt == "csv":
        from career_cli.sources import onefile

        return onefile.load(path)
    return structured.load(path)


def shape(framework: Framework, *, details: bool = True) -> list[object]:
    """What a round trip keeps: levels, categories, statements and their order (with keys and
    examples when the format holds them)."""
    return [
        (
            level.id,
            level.title,
            [
                (
                    category.id,
                    category.parts,
                    [(s.text, s.key, s.examples) if details else s.text for s in category.items],
                )
                for category in level.categories
            ],
        )
        for level in framework.levels
    ]


# -- generated frameworks

# Words of any script, with the punctuation ladders use. Left out, with the reason: Markdown and
# Hugo syntax the page reader interprets (``<`` comments and HTML, ``{{`` shortcodes, ``#``
# closing a heading, ``*`` emphasis in an overview, `` ` `` code, ``\\`` escapes, ``[ ]`` links,
# ``|`` tables).
_CHARS = st.characters(
    categories=("L", "N", "Zs"), exclude_characters="\u2028\u2029\x85"
) | st.sampled_from(list(".,;:'()/?!%&+=@-–—’“”é😀"))
words = st.text(_CHARS, min_size=1, max_size=30).map(lambda t: " ".join(t.split())).filter(bool)
ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,3})?", fullmatch=True).filter(
    lambda i: i not in writers.NOT_LEVEL_NAMES
)


@st.composite
def statements(draw: st.DrawFn) -> Statement:
    text = draw(words)
    key = draw(st.none() | words)
    examples = tuple(draw(st.lists(words, max_size=2)))
    return Statement(text, key=key, examples=examples)


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    level_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    titles = draw(st.lists(words.filter(lambda t: " - " not in t), min_size=len(level_ids),
                           max_size=len(level_ids)))  # fmt: skip
    names = {n for i, t in zip(level_ids, titles, strict=True) for n in (i, t)}
    levels = []
    for ident, title in zip(level_ids, titles, strict=True):
        heads = draw(st.lists(words, min_size=1, max_size=3, unique_by=slug))
        categories: list[Category] = []
        for head in heads:
            parts = (head,) if draw(st.booleans()) else (head, draw(words))
            items = tuple(draw(st.lists(statements(), min_size=1, max_size=4)))
            categories.append(Category(category_id(parts), parts, items))
        ids_ = [c.id for c in categories]
        assume(len(set(ids_)) == len(ids_) and all(slug(p) for c in categories for p in c.parts))
        # The page reader takes a level's own name out of its category headings (and with it
        # the joiners " -:–—" at a heading's ends, name or not), and reads a heading that is the
        # level's name as its overview.
        for category in categories:
            for part in category.parts:
                assume(part == part.strip(" -:–—・："))
                assume(slug(part) not in {slug(n) for n in names})
                assume(
                    not any(
                        re.search(rf"(?i)(?<!\w){re.escape(n)}(?!\w)", part) for n in (ident, title)
                    )
                )
        overview = draw(st.sampled_from(["", "Owns the work.", "Leads.\n\nMentors others."]))
        levels.append(
            Level(
                ident, title, Path(f"{ident}.md"), overview=overview, categories=tuple(categories)
            )
        )
    return Framework("generated", draw(words), Path(), levels=tuple(levels))


ROUND_TRIP = settings(
    max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)


@ROUND_TRIP
@given(frameworks(), st.sampled_from(["yaml", "json", "pages"]))
def test_reading_an_export_gives_back_the_framework(framework: Framework, fmt: str) -> None:
    import tempfile

    if fmt != "pages":
        import yaml

        jsonschema.validate(yaml.safe_load(writers.to_yaml(framework)), SCHEMA)
    with tempfile.TemporaryDirectory() as folder:
        back = read_back(framework, fmt, Path(folder) / "out")
    full = fmt != "pages"  # pages hold no keys or examples (the export warns)
    assert shape(back, details=full) == shape(framework, details=full)
    assert back.title == framework.title
    if full:
        assert [lv.overview for lv in back.levels] == [lv.overview for lv in framework.levels]


@ROUND_TRIP
@given(
    frameworks(),
    st.sampled_from(["yaml", "json", "pages"]),
    st.sampled_from(["yaml", "json", "pages"]),
)
def test_export_a_read_export_b_read(framework: Framework, first: str, second: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        middle = read_back(framework, first, Path(folder) / "a")
        back = read_back(middle, second, Path(folder) / "b")
    full = "pages" not in (first, second)
    assert shape(back, details=full) == shape(framework, details=full)


@ROUND_TRIP
@given(frameworks())
def test_the_csv_matrix_holds_every_level_column_in_order(framework: Framework) -> None:
    rows = [
        [formula_text(cell) for cell in row]
        for row in csv.reader(io.StringIO(writers.to_csv(framework), newline=""))
    ]
    header, body = rows[0], rows[1:]
    assert header[:2] == ["Category", "Key"] and len(header) == 2 + len(framework.levels)
    for column, level in enumerate(framework.levels, start=2):
        for category in level.categories:
            read = [
                (row[column], row[1] or None)
                for row in body
                if row[0] == category.title and row[column]
            ]
            assert read == [(s.text, s.key) for s in category.items]


@st.composite
def matrix_frameworks(draw: st.DrawFn) -> Framework:
    """Frameworks a matrix can hold: one category order for the whole ladder (each level has
    some of its categories, in that order), as ladders kept in a sheet have."""
    level_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    titles = draw(st.lists(words.filter(lambda t: "›" not in t and " - " not in t),
                           min_size=len(level_ids), max_size=len(level_ids),
                           unique_by=slug))  # fmt: skip
    assume(all(slug(t) for t in titles))
    heads = draw(st.lists(words.filter(lambda t: "›" not in t), min_size=1, max_size=3,
                          unique_by=slug))  # fmt: skip
    # As frameworks() above: what the page reader would read as a level's own name.
    names = [n for pair in zip(level_ids, titles, strict=True) for n in pair]
    for head in heads:
        assume(slug(head) and head == head.strip(" -:–—・："))
        assume(slug(head) not in {slug(n) for n in names})
        assume(not any(re.search(rf"(?i)(?<!\w){re.escape(n)}(?!\w)", head) for n in names))
    levels = []
    for title in titles:
        kept = [h for h in heads if draw(st.booleans())] or heads[:1]
        categories = tuple(
            Category(category_id((h,)), (h,), tuple(draw(st.lists(statements(), min_size=1,
                                                                  max_size=4))))
            for h in kept
        )  # fmt: skip
        levels.append(Level(slug(title), title, Path("x.md"), categories=categories))
    return Framework("generated", "generated", Path(), levels=tuple(levels))


@ROUND_TRIP
@given(matrix_frameworks())
def test_a_csv_export_reads_back_through_the_one_file_reader(framework: Framework) -> None:
    import tempfile

    from career_cli.sources import onefile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ladder.csv"
        path.write_text(writers.to_csv(framework), encoding="utf-8")
        back = onefile.load(path)
    got = shape(back)
    # A matrix keeps keys but not examples (the export warns): compare text and key.
    want = [
        (
            lid,
            title,
            [(cid, parts, [(t, k, ()) for t, k, _ in items]) for cid, parts, items in cats],
        )
        for lid, title, cats in shape(framework)
    ]
    assert got == want


@ROUND_TRIP
@given(
    matrix_frameworks(),
    st.sampled_from(["yaml", "json", "pages", "csv"]),
    st.sampled_from(["yaml", "json", "pages", "csv"]),
)
def test_every_format_pair_with_csv(framework: Framework, first: str, second: str) -> None:
    """Export A → read → export B → read, the matrix among the formats: levels, categories,
    statements and order survive (keys where both formats hold them)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        middle = read_back(framework, first, Path(folder) / "a")
        back = read_back(middle, second, Path(folder) / "b")
    keys = "pages" not in (first, second)

    def kept(f: Framework) -> list[object]:
        return [
            (lv.title, [(c.parts, [(s.text, s.key if keys else None) for s in c.items])
                        for c in lv.categories])
            for lv in f.levels
        ]  # fmt: skip

    assert kept(back) == kept(framework)


# -- the CSV cells


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 on reviews", "'+1 on reviews"),
        ("-2 days", "'-2 days"),
        ("@mentions", "'@mentions"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("'quoted", "''quoted"),
        ("Plain = fine", "Plain = fine"),
    ],
)
def test_formula_cells_are_neutralised_and_read_back(text: str, written: str) -> None:
    assert neutralise_formula(text) == written
    assert formula_text(written) == text


@given(st.text())
def test_neutralising_is_undone_exactly(text: str) -> None:
    written = neutralise_formula(text)
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert formula_text(written) == text


def test_matrix_rows_pair_by_key_and_keep_order() -> None:
    def level(ident: str, *items: Statement) -> Level:
        return Level(ident, ident.upper(), Path(ident), categories=(Category("c", ("C",), items),))

    framework = Framework(
        "f",
        "F",
        Path(),
        levels=(
            level("a", Statement("a1", key="x"), Statement("a2")),
            level("b", Statement("b0"), Statement("b1", key="x"), Statement("b2")),
        ),
    )
    # Each column keeps its level's order: b1 cannot share a1's row once b0 took a2's.
    assert writers.matrix_rows(framework) == [
        ["Category", "Key", "A", "B"],
        ["C", "x", "a1", ""],
        ["C", "", "a2", "b0"],
        ["C", "x", "", "b1"],
        ["C", "", "", "b2"],
    ]
    paired = Framework(
        "f",
        "F",
        Path(),
        levels=(
            level("a", Statement("a1", key="x"), Statement("a2")),
            level("b", Statement("b1", key="x"), Statement("b2"), Statement("b3")),
        ),
    )
    assert writers.matrix_rows(paired)[1:] == [
        ["C", "x", "a1", "b1"],
        ["C", "", "a2", "b2"],
        ["C", "", "", "b3"],
    ]


# -- the command


@pytest.fixture
def ladder(make_framework: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_framework(
        {
            "associate.md": page("Associate", '## Craft\n\n- =HYPERLINK("http://evil")\n- Ships\n'),
            "senior.md": page("Senior", "## Craft\n\n- @everyone reviews\n- Ships more\n"),
        }
    )


def test_export_yaml_to_stdout(runner: CliRunner, ladder: Path) -> None:
    result = run(runner, "export", "yaml", "-f", str(ladder))
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("career: 1\n")
    assert "=HYPERLINK" in result.stdout  # YAML is data, not a sheet: kept as written


def test_export_csv_neutralises_formulas(runner: CliRunner, ladder: Path) -> None:
    result = run(runner, "export", "csv", "-f", str(ladder))
    assert result.exit_code == 0 and result.stderr == ""
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["Category", "Key", "Associate", "Senior"]
    assert rows[1] == ["Craft", "", '\'=HYPERLINK("http://evil")', "'@everyone reviews"]
    # Lines end in \n, which every spreadsheet reads: no raw control character on stdout
    assert "\r" not in writers.to_csv(load_framework(ladder))


def test_export_json_to_a_file_and_never_over_one(
    runner: CliRunner, ladder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "ladder.json"
    result = run(runner, "export", "json", "-f", str(ladder), "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    document = json.loads(target.read_text())
    jsonschema.validate(document, SCHEMA)
    assert document["career"] == 1 and [lv["id"] for lv in document["levels"]] == [
        "associate",
        "senior",
    ]
    target.write_text("mine")
    result = run(runner, "export", "json", "-f", str(ladder), "-o", str(target))
    assert result.exit_code == 2 and result.stdout == ""
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert target.read_text() == "mine"
    result = run(runner, "export", "json", "-f", str(ladder), "-o", str(target), "--force")
    assert result.exit_code == 0 and json.loads(target.read_text())["career"] == 1


def test_export_pages_into_a_new_folder_reads_back(
    runner: CliRunner, ladder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "pages"
    result = run(runner, "export", "pages", "-f", str(ladder), "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert sorted(p.name for p in target.iterdir()) == ["_index.md", "associate.md", "senior.md"]
    assert shape(load_framework(target)) == shape(load_framework(ladder))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_export_pages_refuses_a_folder_with_files(
    runner: CliRunner, ladder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    result = run(runner, "export", "pages", "-f", str(ladder), "-o", str(out))
    assert result.exit_code == 2 and "not empty" in result.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    result = run(runner, "export", "pages", "-f", str(ladder), "-o", str(out), "--force")
    assert result.exit_code == 0
    assert (out / "keep.txt").read_text() == "x" and (out / "senior.md").is_file()


def test_export_pages_never_into_the_framework_it_read(runner: CliRunner, ladder: Path) -> None:
    before = {p.name: p.read_text() for p in ladder.iterdir()}
    result = run(runner, "export", "pages", "-f", str(ladder), "-o", str(ladder), "--force")
    assert result.exit_code == 2 and "refusing" in result.stderr
    assert {p.name: p.read_text() for p in ladder.iterdir()} == before


def test_export_pages_needs_a_folder(runner: CliRunner, ladder: Path) -> None:
    result = run(runner, "export", "pages", "-f", str(ladder))
    assert result.exit_code == 2 and result.stdout == ""
    assert "name a folder" in result.stderr


def test_export_warns_what_a_format_does_not_keep(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "export", "csv", "-f", str(FORMATS / "snowflake-style.json"))
    assert result.exit_code == 0
    assert "csv does not keep the examples of" in result.stderr
    assert "overviews" in result.stderr


def test_an_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = run(runner, "export", "xml")
    assert result.exit_code == 2 and result.stdout == ""
    assert "xml" in result.stderr


def test_a_bad_ladder_file_is_one_line_and_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "x.yml"
    bad.write_text("career: 1\nlevels:\n  - id: a\n    categories: {a: b}\n")
    result = run(runner, "export", "json", "-f", str(bad), "-o", str(tmp_path / "out.json"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"career: error: {bad}:4: levels[0].categories: expected a list, found a mapping\n"
    )
    assert not (tmp_path / "out.json").exists()


# -- through the installed entry point


def career(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CAREER, *args], capture_output=True, text=True, cwd=cwd, check=False, timeout=60
    )


def test_md_to_yaml_to_diff_through_the_entry_point(tmp_path: Path) -> None:
    done = career("export", "yaml", "-o", "ladder.yml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    from_pages = career("diff", "associate", "senior", "--json", cwd=tmp_path)
    from_yaml = career("diff", "associate", "senior", "--json", "-f", "ladder.yml", cwd=tmp_path)
    assert from_yaml.returncode == from_pages.returncode == 0, from_yaml.stderr
    assert json.loads(from_yaml.stdout)["counts"] == json.loads(from_pages.stdout)["counts"]


@pytest.mark.parametrize(
    ("source", "levels"),
    [
        ("ft-style", ("engineer-1", "engineer-2")),
        ("ft-style/job-families/platform.yml", ("senior", "staff")),
        ("snowflake-style.json", ("1", "2")),
    ],
)
def test_diff_a_structured_ladder_through_the_entry_point(
    tmp_path: Path, source: str, levels: tuple[str, str]
) -> None:
    done = career("diff", *levels, "-f", str(FORMATS / source), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)["counts"]
    assert counts["changed"] + counts["added"] > 0


READERS = [
    *(f"career_cli.sources.{n}" for n in ("structured", "ft", "monzo", "snowflake")),
    "career_cli.render.export",
]


@pytest.mark.parametrize(
    "args", [("diff", "associate", "senior", "--json"), ("show", "senior"), ("levels",)]
)
def test_the_markdown_path_imports_no_structured_reader(args: tuple[str, ...]) -> None:
    assert probe.imported(READERS, *args) == []


def test_the_probe_sees_the_readers_when_they_are_used() -> None:
    found = probe.imported(READERS, "levels", "-f", str(FORMATS / "snowflake-style.json"))
    assert found == ["career_cli.sources.structured", "career_cli.sources.snowflake"]
