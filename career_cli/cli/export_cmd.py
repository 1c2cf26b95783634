"""``career export FORMAT``: a framework written as a matrix CSV, YAML, JSON or level pages.

The writers are ``render.export`` (a framework in, text out); this module owns where the text
goes: standard output, or ``-o FILE`` (``-o DIR`` for pages), never over an existing file or into
a folder that holds files unless ``--force``, and never half-written: a file is written beside
its target and renamed over it, and pages are written into a new folder beside the target that
is renamed into place.
"""

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from career_cli.cli.context import Env, with_context
from career_cli.cli.options import command_app
from career_cli.cli.output import OutputError, emit, message, write_file
from career_cli.errors import UsageError
from career_cli.text import shown_path

EXAMPLES = """\b
Examples:
  career export yaml -o ladder.yml
  career export json -f ladder.yml | jq '.levels[].title'
  career export csv -o tracking.csv
  career export pages -f ladder.yml -o ladder
"""

app = command_app()


class ExportFormat(str, Enum):
    csv = "csv"
    yaml = "yaml"
    json = "json"
    pages = "pages"


@app.command(epilog=EXAMPLES)
@with_context("export", renders=False)
def export(
    env: Env,
    to: Annotated[
        ExportFormat,
        typer.Argument(
            metavar="FORMAT",
            help="csv (a matrix: levels as columns, a row per competency, for a tracking "
            "sheet), yaml or json (everything, readable by career), pages (a Markdown page per "
            "level, into the folder -o names).",
            case_sensitive=False,
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write to this file (a new folder for pages) instead of standard output.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Overwrite an existing file, or write pages into a folder with files."
        ),
    ] = False,
) -> None:
    """Write a framework as a matrix CSV, career's YAML or JSON, or per-level Markdown pages."""
    from career_cli.render import export as writers

    framework = env.open_framework()
    fmt = to.value
    target = None if output in (None, "-") else Path(output)
    if fmt == "pages" and target is None:
        raise UsageError(
            "pages are several files: name a folder to write them into",
            hint="career export pages -o FOLDER",
        )
    for what in writers.lost(framework, fmt):
        message("warning", f"{fmt} does not keep {what}; yaml and json keep everything")
    if fmt == "pages":
        assert target is not None
        write_pages(target, writers.to_pages(framework), force=force, env=env)
        return
    text = {"csv": writers.to_csv, "yaml": writers.to_yaml, "json": writers.to_json}[fmt](framework)
    if target is None:
        emit(text)
        return
    if target.exists() and not target.is_dir() and not force:
        raise OutputError(
            f"{shown_path(target)}: already exists", hint="pass --force to overwrite it"
        )
    write_file(target, text, protected=env.read)


def write_pages(target: Path, pages: dict[str, str], *, force: bool, env: Env) -> None:
    """The pages into ``target``: a new folder (built beside it, then renamed into place), or,
    with ``--force``, an existing one, each page written whole."""
    shown = shown_path(target)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{shown}: is a file, not a folder", hint="name a new folder with -o")
    existing = sorted(p.name for p in target.iterdir()) if target.is_dir() else []
    if existing and not force:
        raise OutputError(
            f"{shown}: the folder is not empty",
            hint="name a new folder, or pass --force to write the pages among its files",
        )
    if target.is_dir():
        for name, text in pages.items():
            write_file(target / name, text, protected=env.read)
        stale = [n for n in existing if n.lower().endswith(".md") and n not in pages]
        for name in stale:
            message(
                "warning",
                f"{shown_path(target / name)}: not written by this export, "
                "but read as a level page of the folder",
            )
        return
    import shutil
    import tempfile

    parent = target.parent
    try:
        building = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp"))
    except OSError as exc:
        raise OutputError(
            f"{shown}: cannot write: {exc.strerror or exc}",
            hint="check that its folder exists and that you may write there",
        ) from None
    try:
        for name, text in pages.items():
            (building / name).write_text(text, encoding="utf-8", newline="")
        building.chmod(0o777 & ~_umask())
        building.rename(target)
    except OSError as exc:
        shutil.rmtree(building, ignore_errors=True)
        raise OutputError(
            f"{shown}: cannot write: {exc.strerror or exc}", hint="nothing was written"
        ) from None
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
