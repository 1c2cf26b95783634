"""``career gap CURRENT TARGET``: what the next level expects, and which evidence covers it."""

from pathlib import Path
from typing import Annotated

import typer

from career_cli.cli.options import (
    CategoryOption,
    ColorOption,
    Format,
    FormatOption,
    FrameworkOption,
    JsonFlag,
    NoPagerFlag,
    ThresholdOption,
    WidthOption,
    command_app,
    complete_level,
    pick_format,
)
from career_cli.cli.output import (
    ColorChoice,
    emit,
    message,
    output_width,
    stdout_is_terminal,
    use_color,
    warn_problems,
)
from career_cli.similarity import DEFAULT_THRESHOLD

EXAMPLES = """\b
Examples:
  career gap intermediate senior
  career gap intermediate senior --format markdown
  career gap associate senior --all --json
"""

app = command_app()


@app.command(epilog=EXAMPLES)
def gap(
    current: Annotated[
        str,
        typer.Argument(
            help="The level you are at.", autocompletion=complete_level, show_default=False
        ),
    ],
    target: Annotated[
        str,
        typer.Argument(
            help="The level you aim for.", autocompletion=complete_level, show_default=False
        ),
    ],
    evidence: Annotated[
        Path | None,
        typer.Option(
            "--evidence",
            "-e",
            metavar="FILE",
            help="A filled-in checklist (Markdown from --format markdown), or YAML/JSON "
            "({id: {met: true, evidence: ...}}). Only read, never written.",
            show_default=False,
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list carried-over (unchanged) expectations.")
    ] = False,
    category: CategoryOption = None,
    framework: FrameworkOption = None,
    fmt: FormatOption = Format.text,
    json_flag: JsonFlag = False,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    width: WidthOption = None,
    color: ColorOption = ColorChoice.auto,
    no_pager: NoPagerFlag = False,
) -> None:
    """List what TARGET expects beyond CURRENT: new and raised expectations, met or open.

    With --evidence, exits 1 while any expectation is open and 0 when all are met.
    """
    from career_cli.align import diff_levels, scorer_for, select_categories
    from career_cli.catalog import find_level, open_framework
    from career_cli.errors import UsageError
    from career_cli.gap import apply_evidence, build_gap, restrict

    output = pick_format(fmt, json_flag)
    loaded = open_framework(framework)
    below, above = find_level(loaded, current), find_level(loaded, target)
    ladder = [level.id for level in loaded.levels]
    if ladder.index(above.id) <= ladder.index(below.id):
        raise UsageError(
            f"{above.title} is not above {below.title} on the ladder ({' < '.join(ladder)})",
            hint=f"name the current level first: career gap {above.id} {below.id}"
            if above.id != below.id
            else "name two different levels",
        )
    warn_problems(loaded)
    scorer = scorer_for(loaded, below, above)
    diff = diff_levels(loaded, below, above, threshold=threshold, scorer=scorer)
    shown = {c.id for c in select_categories(diff, category or []).categories}
    # Evidence is matched against every expectation, carried ones included, so entries for what
    # --category or a missing --all leave out are not mistaken for unmatched evidence.
    result = build_gap(diff, include_carried=True)
    if evidence is not None:
        from career_cli.evidence import read_evidence

        found = read_evidence(evidence)
        made_for = (found.current, found.target)
        if made_for != (None, None) and made_for != (below.id, above.id):
            message(
                "warning",
                f"{evidence} was made for {found.current} → {found.target}, not "
                f"{below.id} → {above.id}; matching its entries by id and text anyway",
            )
        if found.framework is not None and found.framework != loaded.id:
            message(
                "warning",
                f"{evidence} was made for framework '{found.framework}', not '{loaded.id}'; "
                "matching its entries by id and text anyway",
            )
        result = apply_evidence(result, list(found.entries), scorer, path=evidence)
        for entry in result.unmatched:
            where = f"{evidence}:{entry.line}: " if entry.line else f"{evidence}: "
            label = entry.id or entry.text or "(no text)"
            message("warning", f"{where}unmatched evidence: {label[:100]}")
    result = restrict(result, shown, carried=show_all)

    if output is Format.json:
        from career_cli.render.json_doc import dumps, gap_document

        emit(dumps(gap_document(result), pretty=stdout_is_terminal()))
    elif output is Format.markdown:
        from career_cli.render.markdown import render_gap

        emit(render_gap(result))
    else:
        from career_cli.render.terminal import TerminalOptions
        from career_cli.render.terminal.gap import render_gap as terminal_gap

        options = TerminalOptions(width=output_width(width), color=use_color(color))
        emit(terminal_gap(result, options), page=not no_pager)
    if evidence is not None and result.open:
        raise typer.Exit(1)
