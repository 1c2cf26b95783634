"""Start-up and scale benchmarks for ``career``: a script, not a test.

    python benchmarks/bench.py            # all of it
    python benchmarks/bench.py --runs 40  # steadier medians
    python benchmarks/bench.py --only semantic --semantic-model /tmp/models/minilm-static

Each start-up figure is the median wall time of ``--runs`` runs, the command and its baseline
interleaved so that machine noise hits both alike. Python's bytecode cache is on, as it is for an
installed user (pip compiles .pyc at install); ``PYTHONDONTWRITEBYTECODE`` in the environment would
otherwise make every run recompile our modules and measure the compiler instead.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from career_cli.sources.loader import KNOWN_LADDER

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
CAREER = shutil.which("career", path=str(Path(PYTHON).parent)) or "career"
# The semantic extra is measured on its own (--semantic-model), never by accident.
UNSET = ("PYTHONDONTWRITEBYTECODE", "PAGER", "CAREER_SEMANTIC_MODEL")
ENV = {k: v for k, v in os.environ.items() if k not in UNSET}
ENV["NO_COLOR"] = "1"

WORDS = (
    "owns leads mentors hires reviews designs plans ships measures documents improves supports "
    "on-call incidents runbooks production roadmap quality metrics budget stakeholders culture "
    "interviews proposals architecture reliability security performance onboarding feedback"
).split()


def timed(command: list[str]) -> float:
    return measured(command)[0]


def measured(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds): CPU time barely moves when other work shares the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, env=env or ENV, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def compare(name: str, command: list[str], baseline: list[str], target: float, runs: int) -> None:
    for _ in range(3):  # warm the page cache and the bytecode cache
        timed(command)
        timed(baseline)
    ours, base = [], []
    for _ in range(runs):
        ours.append(measured(command))
        base.append(measured(baseline))
    for label, index in (("wall", 0), ("cpu ", 1)):
        mine = statistics.median(run[index] for run in ours)
        theirs = statistics.median(run[index] for run in base)
        ratio = mine / theirs
        verdict = "ok" if ratio <= target else "OVER TARGET"
        print(
            f"{name:44} {label} {1000 * mine:7.1f} ms  vs baseline {1000 * theirs:7.1f} ms"
            f"  = {ratio:4.2f}x (target {target:.2f}x) {verdict}"
        )


def generated_level(rng: random.Random, categories: int, per_category: int) -> list[list[str]]:
    return [
        [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))).capitalize() + "."
            for _ in range(per_category)
        ]
        for _ in range(categories)
    ]


def reworded(rng: random.Random, level: list[list[str]]) -> list[list[str]]:
    """The next level up: most statements kept, some reworded, some dropped, some new."""
    result = []
    for items in level:
        out = []
        for text in items:
            roll = rng.random()
            if roll < 0.1:
                continue  # dropped
            if roll < 0.4:
                words = text.rstrip(".").split()
                for _ in range(3):
                    words[rng.randrange(len(words))] = rng.choice(WORDS)
                text = " ".join(words) + "."
            out.append(text)
        out += generated_level(rng, 1, len(items) // 10)[0]
        rng.shuffle(out)
        result.append(out)
    return result


def write_framework(directory: Path, levels: dict[str, list[list[str]]]) -> None:
    for name, categories in levels.items():
        body = "".join(
            f"\n## Category {c}\n\n" + "".join(f"1. {t}\n" for t in items)
            for c, items in enumerate(categories)
        )
        (directory / f"{name}.md").write_text(f'---\ntitle: "{name.title()}"\n---\n{body}')


def scale(directory: Path, runs: int) -> float:
    """Wall time of the whole command (start-up included) on a generated framework."""
    command = [CAREER, "diff", "associate", "senior", "-f", str(directory), "--json"]
    timed(command)
    return statistics.median(timed(command) for _ in range(runs))


def core_time(directory: Path) -> float:
    """The diff alone, in-process: load both pages, align, word-diff."""
    from career_cli.compare.align import diff_levels
    from career_cli.sources.catalog import find_level, open_framework

    start = time.perf_counter()
    framework = open_framework(str(directory))
    diff_levels(framework, find_level(framework, "associate"), find_level(framework, "senior"))
    return time.perf_counter() - start


def growth(runs: int) -> None:
    """Two levels of N competencies (10 categories), N = 100 … 10,000: time and its growth."""
    section("Scale: two levels of N competencies in 10 categories (target: N = 2,000 under 1 s)")
    print(f"{'N':>8} {'core (load + align)':>20} {'whole command':>14} {'growth exponent':>16}")
    rng = random.Random(2026)
    previous: tuple[int, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for total in (100, 1000, 2000, 10000):
            directory = Path(tmp) / f"n{total}"
            directory.mkdir()
            associate = generated_level(rng, 10, total // 10)
            write_framework(directory, {"associate": associate, "senior": reworded(rng, associate)})
            core = min(core_time(directory) for _ in range(3))
            whole = scale(directory, 3 if total <= 2000 else 1)
            # t ∝ N^k between two sizes: k ≈ 1 is linear, k ≈ 2 quadratic.
            exponent = (
                f"{math.log(core / previous[1]) / math.log(total / previous[0]):.2f}"
                if previous
                else "—"
            )
            verdict = "  ok" if total != 2000 else ("  ok" if whole < 1.0 else "  OVER TARGET")
            print(
                f"{total:>8} {1000 * core:>17.1f} ms {1000 * whole:>11.1f} ms {exponent:>16}"
                + (verdict if total == 2000 else "")
            )
            previous = (total, core)


def handbook_tree(root: Path, rng: random.Random, departments: int = 25) -> int:
    """A handbook checkout of ``departments`` × 8 level pages with shared include files."""
    includes = root / "assets" / "includes" / "engineering-careers"
    includes.mkdir(parents=True)
    for name in KNOWN_LADDER:
        for kind in ("leadership", "technical"):
            items = generated_level(rng, 1, 6)[0]
            (includes / f"{name}-{kind}-competency.md").write_text(
                "".join(f"* {text}\n" for text in items)
            )
    pages = 0
    matrix = root / "content" / "handbook" / "engineering" / "careers" / "matrix"
    for department in range(departments):
        folder = matrix / f"department-{department:02d}"
        folder.mkdir(parents=True)
        level = generated_level(rng, 5, 7)
        for name in KNOWN_LADDER:
            body = f"## {name.title()}\n\n{name.title()}s in this department deliver.\n"
            for c, items in enumerate(level):
                body += f"\n## Category {c}\n\n" + "".join(f"1. {t}\n" for t in items)
            body += "\n## Engineering alignment\n"
            for kind in ("leadership", "technical"):
                path = f"includes/engineering-careers/{name}-{kind}-competency.md"
                body += (
                    f"\n### {name.title()} {kind.title()} Competencies\n\n"
                    f'{{{{% include "{path}" %}}}}\n'
                )
            title = f"{name.title()} - Department {department} Career Framework"
            (folder / f"{name}.md").write_text(f'---\ntitle: "{title}"\n---\n{body}')
            pages += 1
            level = reworded(rng, level)
    return pages


def evidence_matching() -> None:
    """Evidence that matches nothing by id or text, matched by similarity: 2,000 entries against
    the 20,000 expectations of a level at the statement limit (all-pairs scoring took 44 s)."""
    from career_cli.compare.similarity import Scorer
    from career_cli.features.gap import EvidenceEntry, Expectation, Gap, apply_evidence
    from career_cli.model import Framework, Level

    section("Evidence by similarity: N entries against 10 × N expectations (target < 2 s)")
    rng = random.Random(2030)
    # A vocabulary the size of a handbook's: 3,000 words (made of syllables), not 30.
    syllables = "ka lo mi nu pe ra si to vu we xa yo ze bi da fu go hu ji".split()
    vocabulary = sorted({"".join(rng.choices(syllables, k=3)) for _ in range(3200)})[:3000]
    for entries_count in (200, 2000):
        texts = [
            " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 18))).capitalize() + "."
            for _ in range(10 * entries_count)
        ]
        expectations = tuple(
            Expectation(f"c/{n}", "c", "C", text, "new", None, ()) for n, text in enumerate(texts)
        )
        level = Level("senior", "Senior", Path("senior.md"))
        gap = Gap(Framework("f", "F", Path()), level, level, expectations)
        entries = []
        for text in rng.sample(texts, entries_count):
            words = text.rstrip(".").split()
            words[rng.randrange(len(words))] = rng.choice(vocabulary)  # reworded: no exact match
            entries.append(EvidenceEntry(None, " ".join(words) + "!", True, None))
        scorer = Scorer(texts)
        start = time.perf_counter()
        matched = apply_evidence(gap, entries, scorer)
        seconds = time.perf_counter() - start
        met = matched.count(status="met")
        print(
            f"{entries_count:>6} entries × {len(texts):>6} expectations {1000 * seconds:9.1f} ms"
            f"  ({met} met){'  OVER TARGET' if seconds > 2 else ''}"
        )


def many_levels(runs: int) -> None:
    """A framework of N level pages (a ladder as long as a handbook has pages), 2 categories × 5
    statements each, every level a rewording of the one below: lint, and the ladder."""
    section("Many levels: N pages of 2 categories × 5 statements (whole command)")
    n = max(1, min(3, runs // 10))
    rng = random.Random(2031)
    for count in (200, 2000):
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp)
            level = generated_level(rng, 2, 5)
            for number in range(count):
                body = "".join(
                    f"\n## Category {c}\n\n" + "".join(f"1. {t}\n" for t in items)
                    for c, items in enumerate(level)
                )
                page = f'---\ntitle: "Level {number}"\nweight: {number}\n---\n{body}'
                (directory / f"level-{number:04d}.md").write_text(page)
                level = [
                    [*items, *generated_level(rng, 1, 5 - len(items))[0]]
                    for items in reworded(rng, level)
                ]
            for label, args in [
                ("lint", ["lint", str(directory)]),
                ("ladder --json", ["ladder", "-f", str(directory), "--json"]),
                ("ladder (text)", ["ladder", "-f", str(directory), "--width", "100"]),
                (
                    "ladder --format markdown",
                    ["ladder", "-f", str(directory), "--format", "markdown"],
                ),
            ]:
                t, peak, status = wall_and_memory([CAREER, *args], n)
                refused = "  (refused: more cells than ladder.MAX_CELLS)" if status == 2 else ""
                print(f"{count:>5} levels  {label:26} {t:8.2f} s  {peak:7.0f} MB{refused}")


def wall_and_memory(command: list[str], runs: int) -> tuple[float, float, int]:
    """Median wall time, peak resident memory (MB) and exit status of a command.

    The peak is measured by ``/usr/bin/time`` when there is one: a child's own ``ru_maxrss``
    starts from its parent's size at ``fork``, and this script grows to a hundred MB."""
    timer = shutil.which("time", path="/usr/bin:/bin")
    times = []
    peak = 0.0
    status = 0
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r") as report:
            wrapped = [timer, "-f", "%M", "-o", report.name, *command] if timer else command
            start = time.perf_counter()
            result = subprocess.run(
                wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
            )
            times.append(time.perf_counter() - start)
            status = result.returncode
            measured = report.read().strip().splitlines()
            if timer and measured and measured[-1].isdigit():
                peak = max(peak, int(measured[-1]) / 1024)
    return statistics.median(times), peak, status


def write_csv_ladder(path: Path, levels: int = 10, statements: int = 2000) -> None:
    """A matrix CSV (issue 13): a row per competency in 20 categories, a column per level, each
    level rewording the one below (as ``reworded`` does for pages)."""
    import csv

    rng = random.Random(13)
    columns = [generated_level(rng, 1, statements)[0]]
    for _ in range(levels - 1):
        above = []
        for text in columns[-1]:
            words = text.rstrip(".").split()
            if rng.random() < 0.4:
                for _ in range(3):
                    words[rng.randrange(len(words))] = rng.choice(WORDS)
            above.append(" ".join(words) + ".")
        columns.append(above)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Category", "Competency", *(f"L{n + 1}" for n in range(levels))])
        for row in range(statements):
            category = (
                f"Category {row // (statements // 20)}" if row % (statements // 20) == 0 else ""
            )
            out.writerow([category, f"competency {row}", *(column[row] for column in columns)])


def csv_ladder(runs: int) -> None:
    """Issue 13's target: a CSV of 10 levels x 2,000 statements loads and diffs in under 1 s.

    The load (reading the CSV into levels) is timed in-process apart from the whole command, whose
    time is mostly the comparison's: its word weights come from every statement of the framework.
    """
    from career_cli.sources import onefile

    section("A framework in one CSV file: 10 levels, a row per competency (target < 1 s)")
    print(f"{'rows':>6} {'statements':>11} {'load (in-process)':>18} {'whole diff':>11}")
    for rows in (200, 2000):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "ladder.csv"
            write_csv_ladder(path, statements=rows)
            load = min(_timed_load(onefile.load, path) for _ in range(3))
            command = [CAREER, "diff", "l5", "l6", "-f", str(path), "--json"]
            timed(command)
            took = statistics.median(timed(command) for _ in range(max(3, runs // 4)))
            verdict = "ok" if took < 1.0 else "OVER TARGET"
            print(
                f"{rows:>6} {rows * 10:>11,} {1000 * load:>15.1f} ms {1000 * took:>8.1f} ms  "
                f"{verdict}"
            )


def _timed_load(load: Any, path: Path) -> float:
    start = time.perf_counter()
    load(path)
    return time.perf_counter() - start


def section(title: str) -> None:
    print(f"\n{title}\n{'-' * len(title)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--only",
        action="append",
        choices=["startup", "growth", "handbook", "evidence", "levels", "csv", "semantic"],
        help="run only these sections (repeatable)",
    )
    parser.add_argument(
        "--semantic-model", type=Path, help="a model2vec folder: measure the semantic extra too"
    )
    args = parser.parse_args()
    runs: int = args.runs
    only = set(args.only or ["startup", "growth", "handbook", "evidence", "levels", "csv"])
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; median of {runs} runs")
    if "startup" in only:
        startup(runs)
    if "growth" in only:
        growth(runs)
    if "handbook" in only:
        handbook(runs)
    if "evidence" in only:
        evidence_matching()
    if "levels" in only:
        many_levels(runs)
    if "csv" in only:
        csv_ladder(runs)
    if args.semantic_model is not None and (not args.only or "semantic" in only):
        semantic(args.semantic_model, runs)


def startup(runs: int) -> None:
    section("Start-up")
    compare(
        "career diff associate senior",
        [CAREER, "diff", "associate", "senior", "--no-pager"],
        [PYTHON, "-c", "import typer, rich.console, rich.table, frontmatter"],
        1.25,
        runs,
    )
    compare(
        "career diff associate senior --format json",
        [CAREER, "diff", "associate", "senior", "--format", "json"],
        [PYTHON, "-c", "import typer, frontmatter"],
        1.10,
        runs,
    )


# GitLab handbook content, CC BY-SA 4.0: see tests/fixtures/README.md.
REALWORLD = HERE.parent / "tests" / "fixtures" / "handbook"


def wall(command: list[str], runs: int) -> float:
    """Median wall time of a command that may exit 1 (lint with errors, search with no match)."""

    def once() -> float:
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        return time.perf_counter() - start

    once()
    return statistics.median(once() for _ in range(runs))


def handbook(runs: int) -> None:
    """The handbook-checkout commands: the real-world tree, then a generated 8-level ladder."""
    section("Handbook checkout (whole command, start-up included; target < 1000 ms each)")
    n = max(3, runs // 4)
    if REALWORLD.is_dir():
        root = ["--root", str(REALWORLD)]
        for label, args in [
            (
                "diff (distribution, includes expanded)",
                ["diff", "intermediate", "senior", *root, "-f", "distribution", "--no-pager"],
            ),
            (
                "ladder, 6 levels (text, 100 columns)",
                ["ladder", *root, "-f", "infrastructure", "--width", "100", "--no-pager"],
            ),
            ("ladder, 6 levels --json", ["ladder", *root, "-f", "infrastructure", "--json"]),
            (
                "steps, 6 levels (text; target < 500 ms)",
                ["steps", *root, "-f", "infrastructure", "--width", "100", "--no-pager"],
            ),
            (
                "steps, 6 levels --format svg",
                ["steps", *root, "-f", "infrastructure", "--format", "svg"],
            ),
            ("search interview", ["search", "interview", *root, "-f", "infrastructure"]),
            ("lint the whole checkout (2 frameworks)", ["lint", str(REALWORLD)]),
        ]:
            t = wall([CAREER, *args], n)
            target = 0.5 if args[0] == "steps" else 1.0  # issue 15: steps under 0.5 s
            print(f"{label:44} {1000 * t:7.1f} ms  {'ok' if t < target else 'OVER TARGET'}")
    else:
        print(f"(skipped the real-world tree: {REALWORLD} is not there)")
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        pages = handbook_tree(tree, random.Random(2028))
        for label, args, target in [
            (f"lint a {pages}-page checkout (25 frameworks)", ["lint", str(tree)], 2.0),
            (
                f"ladder in the {pages}-page checkout (8 levels)",
                ["ladder", "--root", str(tree), "-f", "department-00", "--json"],
                1.0,
            ),
        ]:
            t = wall([CAREER, *args], n)
            print(f"{label:44} {1000 * t:7.1f} ms  {'ok' if t < target else 'OVER TARGET'}"
                  f" (target < {target:.0f} s)")  # fmt: skip
    rng = random.Random(2027)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        level = generated_level(rng, 10, 50)
        levels = {}
        for name in KNOWN_LADDER:
            levels[name] = level
            level = reworded(rng, level)
        write_framework(directory, levels)
        for label, args in [
            ("ladder, 8 levels x 10 x ~50 (--json)", ["ladder", "-f", str(directory), "--json"]),
            ("lint, 8 levels x 10 x ~50", ["lint", str(directory)]),
        ]:
            t = wall([CAREER, *args], n)
            target = 0.5 if args[0] == "steps" else 1.0  # issue 15: steps under 0.5 s
            print(f"{label:44} {1000 * t:7.1f} ms  {'ok' if t < target else 'OVER TARGET'}")


def semantic(model: Path, runs: int) -> None:
    """The semantic extra (docs/pairing.md): what it adds to a run's start-up (the model's load
    included), and two levels of N statements in 10 categories with the model loaded."""
    from career_cli.compare.semantic import load

    section(f"Semantic extra ({model.name}; target: N = 2,000 under 1 s, model load excluded)")
    command = [CAREER, "diff", "associate", "senior", "--format", "json"]
    with_model = {**ENV, "CAREER_SEMANTIC_MODEL": str(model)}
    for _ in range(3):
        measured(command), measured(command, with_model)
    plain, semantic_ = [], []
    for _ in range(runs):
        plain.append(measured(command)[0])
        semantic_.append(measured(command, with_model)[0])
    a, b = statistics.median(plain), statistics.median(semantic_)
    print(f"{'career diff associate senior --format json':44} {1000 * a:7.1f} ms")
    print(
        f"{'  the same with the semantic extra':44} {1000 * b:7.1f} ms  (+{1000 * (b - a):.0f} ms)"
    )
    start = time.perf_counter()
    load(model.resolve())
    loading = time.perf_counter() - start
    print(f"{'  of which loading the model (in-process)':44} {1000 * loading:7.1f} ms")
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as tmp:
        for total in (2000, 10000):
            directory = Path(tmp) / f"n{total}"
            directory.mkdir()
            associate = generated_level(rng, 10, total // 10)
            write_framework(directory, {"associate": associate, "senior": reworded(rng, associate)})
            times: dict[str, list[float]] = {"words": [], "semantic": []}
            for _ in range(3):  # interleaved, so that machine noise hits both alike
                for label in times:
                    if label == "semantic":
                        os.environ["CAREER_SEMANTIC_MODEL"] = str(model)
                    times[label].append(core_time(directory))
                    os.environ.pop("CAREER_SEMANTIC_MODEL", None)
            words, core = min(times["words"]), min(times["semantic"])
            verdict = ("  ok" if core < 1.0 else "  OVER TARGET") if total == 2000 else ""
            print(
                f"{f'core (load + align), N = {total:,}':44} {1000 * core:7.1f} ms"
                f"  (words only {1000 * words:.0f} ms){verdict}"
            )


if __name__ == "__main__":
    main()
