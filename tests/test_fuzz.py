"""Fuzzing, CI-sized: raw bytes into the page loader and the evidence reader.

For any bytes, each reader returns a model or raises the tool's own error (``fuzz/targets.py``
states the contract); anything else is a crash. Inputs are arbitrary bytes, and valid pages and
evidence files from ``fuzz/corpus`` with random edits: bytes changed, cut, repeated, and tokens
that steer the parsers (frontmatter fences, shortcodes, task boxes, YAML tags, NULs, invalid
UTF-8, huge numbers and counts). ``fuzz/README.md`` runs the same contract for millions of inputs
with atheris; ``HYPOTHESIS_PROFILE=fuzz`` runs these with a large budget.
"""

from __future__ import annotations

import atexit
import importlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fuzz"))
targets = importlib.import_module("targets")

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


def budget(examples: int) -> settings:
    """``examples`` in CI; a hundred times as many under ``HYPOTHESIS_PROFILE=fuzz``."""
    checks = [HealthCheck.too_slow, HealthCheck.data_too_large]
    return settings(
        max_examples=examples * (100 if LONG else 1), deadline=None, suppress_health_check=checks
    )


def seeds(kind: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted((ROOT / "fuzz" / "corpus" / kind).iterdir())]


# Tokens that steer the parsers into their less travelled branches.
TOKENS = [
    b"---\n",
    b"---",
    b"\n",
    b"\r\n",
    b"\r",
    b"\t",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\xed\xa0\x80",
    b"## ",
    b"### ",
    b"# ",
    b"- ",
    b"1. ",
    b"* ",
    b"    ",
    b"- [x] ",
    b"- [ ] ",
    b"[~]",
    b"{{< include ",
    b"{{% include ",
    b' "x.md" %}}',
    b" >}}",
    b"{{",
    b"}}",
    b"<!--",
    b"-->",
    b"<!-- career:id a/b -->",
    b"<!-- career:gap v1 from=a to=b -->",
    b"```",
    b"~~~",
    b"  - Evidence: ",
    b"title: ",
    b"weight: ",
    b"description: ",
    b"expectations: ",
    b"met: true",
    b"!!binary x",
    b"!!timestamp x",
    b"!!int x",
    b"!!float x",
    b"!!bool x",
    b"!!python/object:os.system",
    b"2024-13-45",
    b"&a [*a, *a]",
    b"*a",
    b"? [a]: b",
    b"1" + b"0" * 5000,
    b"1e400",
    b".nan",
    b"[" * 200,
    b"{" * 200,
    b'{"a": ',
    b"- " * 60,
    b"# " * 8,
    b"\\",
    b"\xe2\x80\xae",
    b"\x1b]8;;x\x07",
    "日本語 🙂 é مرحبا".encode(),
]

edit = st.tuples(
    st.sampled_from(["insert", "replace", "delete", "truncate", "repeat", "byte"]),
    st.floats(0, 1),
    st.floats(0, 1),
    st.sampled_from(TOKENS),
    st.integers(0, 255),
)


def mutate(data: bytes, edits: list[tuple[str, float, float, bytes, int]]) -> bytes:
    for op, at, span, token, byte in edits:
        i = int(at * len(data))
        j = min(len(data), i + 1 + int(span * 64))
        if op == "insert":
            data = data[:i] + token + data[i:]
        elif op == "replace":
            data = data[:i] + token + data[j:]
        elif op == "delete":
            data = data[:i] + data[j:]
        elif op == "truncate":
            data = data[:i]
        elif op == "repeat":
            data = data[:j] + data[i:j] * (1 + byte % 50) + data[j:]
        else:
            data = data[:i] + bytes([byte]) + data[i + 1 :]
    return data


def inputs(kind: str) -> st.SearchStrategy[bytes]:
    mutated = st.builds(mutate, st.sampled_from(seeds(kind)), st.lists(edit, max_size=8))
    spliced = st.lists(st.sampled_from(TOKENS), max_size=30).map(b"".join)
    return st.one_of(mutated, mutated, spliced, st.binary(max_size=512))


WORKDIR = Path(tempfile.mkdtemp(prefix="career-fuzz-"))  # each input overwrites the last
atexit.register(shutil.rmtree, WORKDIR, ignore_errors=True)


@budget(400)
@given(inputs("page"))
def test_page_loader_returns_a_level_or_a_page_error(data: bytes) -> None:
    targets.page(data, Path("fuzz/senior.md"), deep=True)


@budget(150)
@given(inputs("page"))
def test_a_framework_directory_always_loads(data: bytes) -> None:
    targets.framework(data, WORKDIR / "framework")


@budget(400)
@given(inputs("evidence"), st.sampled_from(targets.EVIDENCE_SUFFIXES))
def test_evidence_reader_returns_entries_or_an_evidence_error(data: bytes, suffix: str) -> None:
    targets.evidence(data, WORKDIR / f"evidence{suffix}", deep=True)
