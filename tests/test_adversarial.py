"""Each reader on 200 KB lines of each of its own syntax tokens: nothing lost, nothing misread.

The documents and their checks are ``adversarial_lines.py``'s; each reader runs in a subprocess
under a generous time limit, which guards against a hang (a quadratic pattern took minutes on such
a line) and is no benchmark: ``benchmarks/adversarial.py`` measures the time against its budget.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from adversarial_lines import READERS

HERE = Path(__file__).resolve().parent
HANG_GUARD = 300  # seconds for every token through one reader: about 5 s today


@pytest.mark.parametrize("reader", sorted(READERS))
def test_adversarial_lines_are_read_whole(reader: str) -> None:
    try:
        result = subprocess.run(
            [sys.executable, str(HERE / "adversarial_lines.py"), reader],
            capture_output=True,
            text=True,
            timeout=HANG_GUARD,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the {reader} reader was still reading after {HANG_GUARD} s")
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
