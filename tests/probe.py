"""Which modules a whole ``career`` run imports, in a fresh process: the probe every start-up
test uses (a reader, renderer or extra must be imported only by the runs that need it)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable

_PROBE = """
import sys
from career_cli.cli import main
names = sys.argv[1].split(",")
sys.argv = ["career", *sys.argv[2:]]
try:
    main()
except SystemExit:
    pass
print("probe:", *(n for n in names if n in sys.modules), file=sys.stderr)
"""


def imported(names: Iterable[str], *args: str, env: dict[str, str] | None = None) -> list[str]:
    """Those of ``names`` (module names) that ``career ARGS…`` imported, in ``names``' order."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, ",".join(names), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # career's own warnings come first on stderr; the probe's line is the last.
    line = done.stderr.strip().splitlines()[-1]
    assert line.startswith("probe:"), done.stderr
    return line.removeprefix("probe:").split()
