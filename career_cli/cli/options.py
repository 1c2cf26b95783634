"""Options shared by several commands, declared once so every command spells them the same."""

from __future__ import annotations

import math
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from career_cli.cli.output import ColorChoice

if TYPE_CHECKING:
    from career_cli.model import Framework


def command_app() -> typer.Typer:
    """The one-command app each command module defines, with the settings every command shares."""
    return typer.Typer(
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        add_completion=False,
    )


class Format(str, Enum):
    """Every output format; each command offers those its kind has views for (``format_option``)."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"  # diff, gap, ladder, steps (render.html)
    svg = "svg"  # steps


def _framework_for(ctx: typer.Context) -> Framework | None:
    """The framework the command line names so far, for completion; ``None`` if it cannot be
    read (completion must never print an error into the user's shell)."""
    from career_cli.sources.catalog import open_framework

    try:
        return open_framework(ctx.params.get("framework"), root=ctx.params.get("root"))
    except Exception:
        return None


def _matching(candidates: Iterable[str], incomplete: str) -> list[str]:
    """Candidates that start with what was typed, ignoring case, each once, in order.

    Each keeps the typed prefix as typed (``S<TAB>`` → ``Senior``): Typer drops completions
    that do not start with the typed text exactly, and every name career completes is matched
    ignoring case, so ``Senior`` names the same level as ``senior``.
    """
    typed = incomplete.lower()
    return [
        incomplete + c[len(incomplete) :]
        for c in dict.fromkeys(candidates)
        if c.lower().startswith(typed)
    ]


def complete_level(ctx: typer.Context, incomplete: str) -> list[str]:
    """Level ids, ignoring case (``S<TAB>`` → ``Senior``)."""
    from career_cli.sources.catalog import level_names

    framework = _framework_for(ctx)
    return _matching(level_names(framework), incomplete) if framework is not None else []


def complete_category(ctx: typer.Context, incomplete: str) -> list[str]:
    """Category ids of the framework (``-c team<TAB>`` → ``team-building``)."""
    framework = _framework_for(ctx)
    if framework is None:
        return []
    ids = [c.id for level in framework.levels for c in level.categories]
    return _matching(ids, incomplete)


def complete_framework(ctx: typer.Context, incomplete: str) -> list[str]:
    """Bundled framework names, the frameworks of ``--root``, and folders."""
    import contextlib
    import os
    from pathlib import Path

    from career_cli.sources.catalog import bundled_frameworks

    names = list(bundled_frameworks())
    root = ctx.params.get("root") or os.environ.get("CAREER_ROOT")
    if root:
        from career_cli.sources.handbook import discover

        with contextlib.suppress(Exception):  # completion never prints an error
            refs = discover(Path(root).expanduser())
            # A framework of a root is named by its path under matrix/ or a unique suffix.
            names += [ref.name for ref in refs] + [ref.name.rsplit("/", 1)[-1] for ref in refs]
    folder, _, _ = incomplete.rpartition("/")
    try:
        entries = sorted(os.scandir(Path(folder or ".").expanduser()), key=lambda e: e.name)
        names += [
            f"{folder}/{e.name}/" if folder else f"{e.name}/"
            for e in entries
            if e.is_dir() and not e.name.startswith(".")
        ]
    except OSError:
        pass
    return _matching(names, incomplete)


def complete_rule(ctx: typer.Context, incomplete: str) -> list[str]:
    """Lint rule codes and names (``--ignore W2<TAB>``)."""
    from career_cli.features.lint_rules import RULES

    return _matching([r.code for r in RULES] + [r.name for r in RULES], incomplete)


FrameworkOption = Annotated[
    str | None,
    typer.Option(
        "--framework",
        "-f",
        envvar="CAREER_FRAMEWORK",
        metavar="NAME|DIR|FILE",
        help="A bundled framework name, a directory of level pages, or a ladder in one file "
        "(.csv .tsv .xlsx .md .html .yml .json); with --root, one of its frameworks. "
        "[default: infrastructure]",
        autocompletion=complete_framework,
        show_default=False,
    ),
]
RootOption = Annotated[
    str | None,
    typer.Option(
        "--root",
        envvar="CAREER_ROOT",
        metavar="HANDBOOK",
        help=(
            "A handbook checkout: --framework names one of its frameworks (path under "
            "content/handbook/engineering/careers/matrix/, or a unique suffix such as "
            "'distribution'), and includes resolve against its assets/."
        ),
        show_default=False,
    ),
]


def format_option(kind: str) -> Any:
    """``--format`` for one kind of result: only the formats it has views for (``render.VIEWS``),
    so ``--help`` and the reference list those, and another (``diff --format svg``) is refused
    by name before anything is read."""
    from career_cli.render import formats

    # An Enum is how Typer declares choices (its click is vendored: no click.Choice of ours).
    choices: Any = Enum("Format", {f: f for f in formats(kind)}, type=str)  # type: ignore[misc]
    option = typer.Option("--format", help="Output format.", case_sensitive=False)
    return Annotated[choices, option], choices("text")


JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
ColorOption = Annotated[
    ColorChoice | None,
    typer.Option(
        "--color",
        help="Colour: auto (a terminal, unless NO_COLOR), always, never. [default: auto]",
        case_sensitive=False,
        show_default=False,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of standard output (all at once: never a half-written file). "
        "Level pages and included files are never overwritten.",
        show_default=False,
    ),
]
WidthOption = Annotated[
    int | None,
    typer.Option(
        "--width",
        metavar="N",
        min=20,
        max=1000,
        help="Render for this many columns (default: the terminal's width).",
        show_default=False,
    ),
]


def level_argument(metavar: str, help: str) -> Any:
    """A positional level (FROM, TO, LEVEL…): each command names and explains its own, completed
    from the framework's levels. Typer reads parameters from each signature, so the declaration
    is made here once and called for each."""
    return typer.Argument(
        metavar=metavar, help=help, autocompletion=complete_level, show_default=False
    )


def level_option(name: str, help: str) -> Any:
    """A level given by option (``ladder --from LEVEL``), completed like a level argument."""
    return typer.Option(
        name, metavar="LEVEL", help=help, autocompletion=complete_level, show_default=False
    )


CategoryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        "-c",
        metavar="NAME",
        help="Only this category (case-insensitive prefix; repeatable).",
        autocompletion=complete_category,
        show_default=False,
    ),
]
ExplainFlag = Annotated[
    bool,
    typer.Option(
        "--explain",
        help="Say why each statement paired as it did: its similarity and the threshold, the "
        "shared words and synonyms that carried it, the runner-up; for an added or removed "
        "statement, its best candidate and why it was not taken.",
    ),
]
NoPagerFlag = Annotated[
    bool,
    typer.Option(
        "--no-pager", help="Never page output (otherwise $CAREER_PAGER, $PAGER or less -R)."
    ),
]


def _finite(value: float | None) -> float | None:
    # min/max alone let "nan" through: NaN compares false with both bounds.
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a number from 0 to 1")
    return value


ThresholdOption = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        metavar="X",
        min=0.0,
        max=1.0,
        callback=_finite,
        help="Similarity (0–1) above which statements of two levels pair as a rewording. "
        "[default: the framework's career.toml, else 0.1]",
        show_default=False,
    ),
]


def pick_format(fmt: Format, json_flag: bool) -> Format:
    if json_flag and fmt not in (Format.text, Format.json):
        raise typer.BadParameter("--json conflicts with --format " + fmt.value, param_hint="--json")
    return Format.json if json_flag else fmt
