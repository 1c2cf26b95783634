"""``--format html`` (issue 15 part 4): valid HTML5, page text kept as text, one self-contained
file, and — in headless Chromium — a page that is not blank and has both columns."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import html5lib
import pytest
from conftest import page
from typer.testing import CliRunner

from career_cli.cli import app

TESTS = Path(__file__).resolve().parent
SELF, MANAGER = "fixtures/calibration/self.md", "fixtures/calibration/manager.md"
HOSTILE = ("<script>alert(1)</script>", "</style><b>x</b>", '"><img onerror=alert(1) src=x>')
NS = "{http://www.w3.org/1999/xhtml}"


def run(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def parse(document: str):  # type: ignore[no-untyped-def]
    """The document as a browser builds it; html5lib's strict mode raises on any parse error."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    tree = parser.parse(document)
    assert not parser.errors
    return tree


def report(runner: CliRunner, *args: str) -> str:
    result = run(runner, *args, "--format", "html")
    assert result.exit_code in (0, 1) and result.stderr == "", result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    return str(result.stdout)


@pytest.fixture
def reports(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(TESTS)
    return {
        "diff": report(runner, "diff", "intermediate", "senior"),
        "gap": report(runner, "gap", "intermediate", "senior", "-e", SELF),
        "calibration": report(runner, "gap", "intermediate", "senior", "-e", SELF, "-e", MANAGER),
        "ladder": report(runner, "ladder"),
        "steps": report(runner, "steps"),
    }


def test_every_report_is_valid_self_contained_html5(reports: dict[str, str]) -> None:
    for name, document in reports.items():
        tree = parse(document)
        csp = tree.find(f".//{NS}meta[@http-equiv='Content-Security-Policy']")
        assert csp is not None, name
        assert csp.get("content") == "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        assert tree.find(f".//{NS}script") is None and "<script" not in document
        assert tree.find(f".//{NS}link") is None and tree.find(f".//{NS}img") is None
        style = tree.find(f".//{NS}style").text
        for rule in ("prefers-color-scheme:dark", "@media print", "max-width:760px", "grid"):
            assert rule in style, (name, rule)
        text = "".join(tree.find(f".//{NS}header").itertext())
        assert "Infrastructure Department Career Framework" in text and "senior.md" in text
        footer = "".join(tree.find(f".//{NS}footer").itertext())
        assert "CC BY-SA 4.0" in footer and "GitLab Inc." in footer  # the bundled pages' licence


def test_word_changes_are_marked_and_output_is_deterministic(
    reports: dict[str, str], runner: CliRunner
) -> None:
    tree = parse(reports["diff"])
    assert tree.findall(f".//{NS}del") and tree.findall(f".//{NS}ins")
    assert report(runner, "diff", "intermediate", "senior") == reports["diff"]
    calibration = parse(reports["calibration"])
    headings = ["".join(h.itertext()) for h in calibration.iter(f"{NS}h2")]
    assert headings == ["Disputed3", "Open for both22", "Met by both7"]
    # What a new wording raises is shown under it, as in the terminal and Markdown.
    tags = ["".join(p.itertext()) for p in tree.iter(f"{NS}p") if p.get("class") == "tags"]
    assert "ownership↑ influence↑" in tags


def test_the_steps_report_holds_the_chart_and_the_tables(reports: dict[str, str]) -> None:
    tree = parse(reports["steps"])
    charts = tree.findall(".//{http://www.w3.org/2000/svg}svg")
    assert len(charts) == 1  # inline, so the file stays self-contained
    bars = charts[0].findall(".//{http://www.w3.org/2000/svg}g[@class='bar']")
    assert len(bars) == 2  # associate → intermediate, intermediate → senior
    tables = tree.findall(f".//{NS}table")
    assert len(tables) == 3  # the steps, then each step by category
    first = ["".join(td.itertext()) for td in tables[0].find(f".//{NS}tbody").iter(f"{NS}tr")]
    assert first[0].startswith("Associate → Intermediate") and first[1].startswith("Intermediate")


def test_page_text_stays_text(
    runner: CliRunner, make_framework: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    evil = " ".join(HOSTILE)
    b_title = "B " + HOSTILE[2].replace('"', '\\"')
    framework = make_framework(
        {
            "a.md": page(f"A {HOSTILE[1]}", f"## Team {HOSTILE[0]}\n\n- Writes code {evil}\n",
                         weight=1),
            "b.md": page(b_title, f"## Team {HOSTILE[0]}\n\n- Writes code well {evil}\n"
                         f"- Leads {evil}\n", weight=2),
        }
    )  # fmt: skip
    checklist = run(runner, "gap", "a", "b", "-f", str(framework), "--format", "markdown").stdout
    for name in ("one.md", "two.md"):
        filled = checklist.replace("- [ ]", "- [x]").replace(
            "  - Evidence:", f"  - Evidence: {evil}"
        )
        (tmp_path / name).write_text(
            f"---\nauthor: '{HOSTILE[1]}'\n---\n{filled}", encoding="utf-8"
        )
    documents = [
        report(runner, "diff", "a", "b", "-f", str(framework)),
        report(runner, "ladder", "-f", str(framework)),
        report(runner, "steps", "-f", str(framework)),
        report(runner, "gap", "a", "b", "-f", str(framework),
               "-e", str(tmp_path / "one.md"), "-e", str(tmp_path / "two.md")),
    ]  # fmt: skip
    for document in documents:
        tree = parse(document)
        assert tree.find(f".//{NS}script") is None and tree.find(f".//{NS}img") is None
        assert tree.find(f".//{NS}b") is None
        assert len(tree.findall(f".//{NS}style")) == 1
        text = "".join(tree.find(f".//{NS}body").itertext())
        for payload in HOSTILE:
            assert payload in text  # shown, as the page wrote it


def test_a_report_names_no_folder_of_the_machine_it_was_made_on(
    runner: CliRunner, make_framework: Callable[[dict[str, str]], Path]
) -> None:
    framework = make_framework(
        {"a.md": page("A", "## Team\n\n- Writes code\n", weight=1),
         "b.md": page("B", "## Team\n\n- Writes code well\n", weight=2)}
    )  # fmt: skip
    document = report(runner, "diff", "a", "b", "-f", str(framework))
    assert str(framework.parent) not in document and "a.md" in document


def test_html_is_offered_only_where_there_is_a_view(runner: CliRunner) -> None:
    from test_cli import assert_error

    result = run(runner, "levels", "--format", "html")
    assert result.exit_code == 2 and result.stdout == ""
    assert "'html' is not one of 'text', 'json', 'markdown'" in result.stderr
    assert "--format <text|json|markdown|html>" in run(runner, "diff", "-h").stdout
    assert_error(run(runner, "diff", "associate", "senior", "--format", "html", "--json"), "--json")


# -- in a browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot(document: Path, png: Path, width: int, height: int) -> None:
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        f"--screenshot={png}", f"--window-size={width},{height}", document.as_uri(),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def _distance(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True))


def ink_rows(image, top: int) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """Per pixel row from ``top`` down, the x of each pixel far from the background colour (the
    top-left pixel): text, not a border line or a tinted background."""
    background = image.getpixel((0, 0))
    width, height = image.size
    pixels = image.load()
    return [
        [x for x in range(width) if _distance(pixels[x, y], background) > 200]
        for y in range(top, height)
    ]


def columns(image, top: int) -> float:  # type: ignore[no-untyped-def]
    """Of the bands of pixel rows drawn on both sides of the page's middle third, the share
    that leave one gutter (at least 12 px wide, the same for all) in it empty: near 1 for two
    columns side by side, near 0 for one column of text, which crosses any gutter."""
    width = image.size[0]
    low, high = int(width * 0.3), int(width * 0.7)
    votes = [0] * (width + 1)  # for each gutter centre, the bands where it is empty between ink
    both = 0
    rows = ink_rows(image, top)
    # Bands of 6 pixel rows: a glyph's thin top or bottom row alone leaves gaps between letters.
    for band in range(0, len(rows), 6):
        xs = sorted(set().union(*rows[band : band + 6]))
        if not xs or xs[0] >= low or xs[-1] <= high:
            continue
        both += 1
        for a, b in pairwise(xs):
            if b - a > 12 and a < high and b > low:
                votes[max(a + 6, low)] += 1
                votes[min(b - 6, high)] -= 1
    best = running = 0
    for vote in votes:
        running += vote
        best = max(best, running)
    return best / both if both else 0.0


@pytest.mark.slow
@pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium)"
)
def test_reports_render_in_chromium_side_by_side_and_stacked(
    reports: dict[str, str], tmp_path: Path
) -> None:
    from PIL import Image

    for name in ("diff", "calibration"):
        document = tmp_path / f"{name}.html"
        document.write_text(reports[name], encoding="utf-8")
        wide, narrow = tmp_path / f"{name}-wide.png", tmp_path / f"{name}-narrow.png"
        screenshot(document, wide, 1400, 900)
        screenshot(document, narrow, 400, 900)
        with Image.open(wide) as shot, Image.open(narrow) as phone:
            image, small = shot.convert("RGB"), phone.convert("RGB")
            assert image.size == (1400, 900) and small.size[0] == 400
            drawn = sum(map(len, ink_rows(image, 300)))
            assert drawn > 5_000, f"{name}: the page is blank"
            assert sum(map(len, ink_rows(small, 0))) > 5_000, f"{name}: the phone page is blank"
            two, one = columns(image, 300), columns(small, 300)
            # Side by side: most lines leave one gutter empty; on the phone the same page is one
            # column, which the same measure tells apart.
            assert two > 0.6, f"{name}: the wide page has no second column ({two:.2f})"
            assert one < 0.4, f"{name}: the phone page did not stack ({one:.2f})"
