"""Atheris harness for the page loader: raw bytes in, a ``Level`` or a ``PageError`` out.

Each input is read as a level page (``decode_page`` + ``parse_page``, and ``parse_fragment`` as an
included file) and as the level page and ``_index.md`` of a framework directory
(``load_framework``); ``fuzz/targets.py`` holds the contract. ``--deep`` also diffs and renders
every level that loads. How to run it, and what was run: ``fuzz/README.md``.

    python fuzz/fuzz_loader.py OUTPUT_CORPUS fuzz/corpus/page -dict=fuzz/page.dict -runs=500000
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["career_cli", "frontmatter", "yaml"]):
    import frontmatter.default_handlers  # noqa: F401  (imported lazily by the loader)
    import targets
    import yaml  # noqa: F401

    import career_cli.sources.loader
    import career_cli.sources.yamlsafe

DEEP = "--deep" in sys.argv
PAGE = Path("fuzz/senior.md")
# A RAM-backed directory when there is one: every input is written there as a framework's pages.
WORK = Path(
    tempfile.mkdtemp(
        prefix="career-fuzz-loader-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None
    )
)


def one_input(data: bytes) -> None:
    targets.page(data, PAGE, deep=DEEP)
    if len(data) <= career_cli.sources.loader.MAX_PAGE_BYTES:
        targets.framework(data, WORK)


def main() -> None:
    atheris.Setup([arg for arg in sys.argv if arg != "--deep"], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
