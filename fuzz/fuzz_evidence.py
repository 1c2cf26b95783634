"""Atheris harness for the evidence reader: raw bytes in, an ``EvidenceFile`` or an
``EvidenceError`` out.

Each input is written as an evidence file with each suffix ``read_evidence`` dispatches on —
``.md`` (a checklist), ``.yaml``, ``.json``, and none (read by its content) — and read back;
``fuzz/targets.py`` holds the contract. ``--deep`` also applies what was read to the bundled
Intermediate → Senior gap, renders it as JSON and as a checklist, and reads that back.

    python fuzz/fuzz_evidence.py OUTPUT_CORPUS fuzz/corpus/evidence -dict=fuzz/evidence.dict
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["career_cli", "yaml"]):
    import targets
    import yaml  # noqa: F401  (imported lazily by the reader)

    import career_cli.features.evidence
    import career_cli.sources.yamlsafe

DEEP = "--deep" in sys.argv
SUFFIXES = (".md", ".yaml", ".json", "")
WORK = Path(
    tempfile.mkdtemp(
        prefix="career-fuzz-evidence-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None
    )
)


def one_input(data: bytes) -> None:
    if len(data) > career_cli.features.evidence.MAX_EVIDENCE_BYTES:
        return
    for suffix in SUFFIXES:
        targets.evidence(data, WORK / f"evidence{suffix}", deep=DEEP)


def main() -> None:
    atheris.Setup([arg for arg in sys.argv if arg != "--deep"], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
