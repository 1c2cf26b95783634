"""Adversarial-line benchmark: each reader on 200 KB of each of its own syntax tokens, timed.

    python benchmarks/adversarial.py                   # every reader, every token, 200 KB
    python benchmarks/adversarial.py --size 50000      # smaller lines (growth: compare sizes)
    python benchmarks/adversarial.py --readers page    # one reader

The documents are ``tests/adversarial_lines.py``'s (the test checks that nothing is lost; this times
it). Each read runs in a child process, killed after ``--timeout`` seconds, so a quadratic pattern
shows as a number instead of an afternoon. Then the side-by-side diff at the widest ``--width``
(1,000 columns), whose trailing-blank trimming was quadratic in the width.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent / "tests"
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(HERE))

from adversarial_lines import READERS, TOKENS  # noqa: E402

CHILD = """
import sys, time
sys.path.insert(0, {tests!r})
from adversarial_lines import READERS, line
reader, token, size = {reader!r}, {token!r}, {size}
start = time.perf_counter()
try:
    READERS[reader](token, size)
    verdict = "ok"
except Exception as exc:
    verdict = "WRONG: " + type(exc).__name__
print(time.perf_counter() - start, verdict)
"""


def timed_read(reader: str, token: str, size: int, timeout: float) -> tuple[float | None, str]:
    """Seconds the child took to build and read the document (None: killed), and its verdict."""
    code = CHILD.format(tests=str(TESTS), reader=reader, token=token, size=size)
    try:
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None, "killed"
    if result.returncode != 0:
        return None, f"crashed: {result.stderr.strip().splitlines()[-1:]}"
    seconds, verdict = result.stdout.split(maxsplit=1)
    return float(seconds), verdict.strip()


def readers(names: list[str], size: int, budget: float, timeout: float) -> None:
    print(f"\nEach reader, one document per token, a {size:,}-character line (budget {budget} s)")
    for name in names:
        results = []
        for token in TOKENS:
            seconds, verdict = timed_read(name, token, size, timeout)
            results.append((seconds, token, verdict))
        worst = sorted(results, key=lambda r: -(r[0] if r[0] is not None else timeout + 1))
        total = sum(r[0] or timeout for r in results)
        over = [r for r in results if r[0] is None or r[0] > budget]
        wrong = [r for r in results if r[2] != "ok"]
        print(
            f"{name:10} {len(results)} tokens in {total:6.1f} s; slowest: "
            + ", ".join(
                f"{token!r} {'> ' + str(int(timeout)) if s is None else f'{s:.2f}'} s"
                for s, token, _ in worst[:4]
            )
            + f"  {'ok' if not over else f'{len(over)} OVER BUDGET'}"
            + (f"; {len(wrong)} read wrong: {[t for _, t, _ in wrong][:6]}" if wrong else "")
        )


def wide_diff(runs: int) -> None:
    """``career diff --width 1000`` (side by side) on two generated levels of 10 × 200."""
    from bench import generated_level, reworded, write_framework

    career = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"
    env = {k: v for k, v in os.environ.items() if k != "PAGER"}
    rng = random.Random(2029)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        associate = generated_level(rng, 10, 200)
        write_framework(directory, {"associate": associate, "senior": reworded(rng, associate)})
        print("\nSide-by-side diff of two levels of 10 × 200 statements, by --width")
        for width in (100, 1000):
            command = [career, "diff", "associate", "senior", "-f", str(directory)]
            command += ["--width", str(width), "--no-pager"]

            def once(command: list[str] = command) -> float:
                start = time.perf_counter()
                subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=True)
                return time.perf_counter() - start

            once()
            print(f"--width {width:<5} {statistics.median(once() for _ in range(runs)):6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--budget", type=float, default=1.0, help="seconds a read may take")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--readers", default=",".join(READERS))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-wide", action="store_true", help="skip the wide side-by-side diff")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores")
    readers(args.readers.split(","), args.size, args.budget, args.timeout)
    if not args.no_wide:
        wide_diff(args.runs)


if __name__ == "__main__":
    main()
