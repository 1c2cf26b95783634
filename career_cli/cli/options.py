"""Options shared by several commands, declared once so every command spells them the same."""

from __future__ import annotations

import math
from enum import Enum
from typing import Annotated

import typer

from career_cli.cli.output import ColorChoice


def command_app() -> typer.Typer:
    """The one-command app each command module defines, with the settings every command shares."""
    return typer.Typer(
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        add_completion=False,
    )


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def complete_level(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for level names, from the framework the command line names so far."""
    from career_cli.catalog import level_names, open_framework

    try:
        framework = open_framework(ctx.params.get("framework"), root=ctx.params.get("root"))
    except Exception:  # completion must never print a traceback into the user's shell
        return []
    return [name for name in level_names(framework) if name.startswith(incomplete.lower())]


FrameworkOption = Annotated[
    str | None,
    typer.Option(
        "--framework",
        "-f",
        envvar="CAREER_FRAMEWORK",
        metavar="NAME|DIR",
        help="A bundled framework name or a directory of level pages. [default: infrastructure]",
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
FormatOption = Annotated[
    Format, typer.Option("--format", help="Output format.", case_sensitive=False)
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
ColorOption = Annotated[
    ColorChoice,
    typer.Option(
        "--color",
        help="Colour: auto (a terminal, unless NO_COLOR), always, never.",
        case_sensitive=False,
    ),
]
WidthOption = Annotated[
    int | None,
    typer.Option(
        "--width",
        min=20,
        max=1000,
        help="Render for this many columns (default: the terminal's width).",
        show_default=False,
    ),
]
CategoryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        "-c",
        metavar="NAME",
        help="Only this category (case-insensitive prefix; repeatable).",
        show_default=False,
    ),
]
NoPagerFlag = Annotated[bool, typer.Option("--no-pager", help="Never page output through $PAGER.")]


def _finite(value: float) -> float:
    # min/max alone let "nan" through: NaN compares false with both bounds.
    if not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a number from 0 to 1")
    return value


ThresholdOption = Annotated[
    float,
    typer.Option(
        "--threshold",
        min=0.0,
        max=1.0,
        callback=_finite,
        help="Similarity (0–1) above which statements of two levels pair as a rewording.",
    ),
]


def pick_format(fmt: Format, json_flag: bool) -> Format:
    if json_flag and fmt not in (Format.text, Format.json):
        raise typer.BadParameter("--json conflicts with --format " + fmt.value, param_hint="--json")
    return Format.json if json_flag else fmt
