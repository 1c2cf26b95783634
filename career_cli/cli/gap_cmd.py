"""``career gap CURRENT TARGET``: what the next level expects, and which evidence covers it."""

from pathlib import Path
from typing import Annotated

import typer

from career_cli.cli.context import Env, with_context
from career_cli.cli.options import (
    CategoryOption,
    ExplainFlag,
    ThresholdOption,
    command_app,
    level_argument,
)

EXAMPLES = """\b
Examples:
  career gap intermediate senior
  career gap intermediate senior --format markdown -o promotion.md
  career gap intermediate senior -e promotion.md --format markdown -o promotion.md
  career gap associate senior --all --json
"""

app = command_app()


@app.command(epilog=EXAMPLES)
@with_context("gap")
def gap(
    env: Env,
    current: Annotated[str, level_argument("CURRENT", "The level you are at (as diff's FROM).")],
    target: Annotated[str, level_argument("TARGET", "The level you aim for.")],
    evidence: Annotated[
        Path | None,
        typer.Option(
            "--evidence",
            "-e",
            metavar="FILE",
            help="A filled-in checklist (Markdown from --format markdown), or YAML/JSON "
            "({id: {met: true, evidence: ...}}). Read whole before anything is written, so "
            "-o may name the same file.",
            show_default=False,
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list carried-over (unchanged) expectations.")
    ] = False,
    category: CategoryOption = None,
    threshold: ThresholdOption = None,
    explain: ExplainFlag = False,
) -> None:
    """List what TARGET expects beyond CURRENT: new and raised expectations, met or open.

    With --evidence, exits 1 while any expectation is open and 0 when all are met.
    """
    from career_cli.cli.output import message
    from career_cli.compare.align import diff_levels, scorer_for, select_categories, threshold_for
    from career_cli.errors import UsageError
    from career_cli.features.gap import apply_evidence, build_gap, restrict

    framework, (below, above) = env.open_levels([current, target])
    ladder = [level.id for level in framework.levels]
    ordered = below.id in ladder and above.id in ladder and below.revision is None is above.revision
    if ordered and ladder.index(above.id) <= ladder.index(below.id):  # page files: any order
        raise UsageError(
            f"{above.title} is not above {below.title} on the ladder ({' < '.join(ladder)})",
            hint=f"name the current level first: career gap {above.id} {below.id}"
            if above.id != below.id
            else "name two different levels",
        )
    scorer = scorer_for(framework, below, above)
    limit = threshold_for(framework, threshold)
    diff = diff_levels(framework, below, above, threshold=limit, scorer=scorer)
    if explain:
        from career_cli.compare.explain import explain as explained

        diff = explained(diff, scorer)
    shown = {c.id for c in select_categories(diff, category or []).categories}
    # Evidence is matched against every expectation, carried ones included, so entries for what
    # --category or a missing --all leave out are not mistaken for unmatched evidence.
    result = build_gap(diff, include_carried=True)
    if evidence is not None:
        from career_cli.features.evidence import read_evidence

        found = read_evidence(evidence)
        made_for = (found.current, found.target)
        if made_for != (None, None) and made_for != (below.id, above.id):
            message(
                "warning",
                f"{evidence} was made for {found.current} → {found.target}, not "
                f"{below.id} → {above.id}; matching its entries by id and text anyway",
            )
        if found.framework is not None and found.framework != framework.id:
            message(
                "warning",
                f"{evidence} was made for framework '{found.framework}', not '{framework.id}'; "
                "matching its entries by id and text anyway",
            )
        result = apply_evidence(result, list(found.entries), scorer, path=evidence)
        for entry in result.unmatched:
            where = f"{evidence}:{entry.line}: " if entry.line else f"{evidence}: "
            label = entry.id or entry.text or "(no text)"
            message("warning", f"{where}unmatched evidence: {label[:100]}")
    result = restrict(result, shown, carried=show_all)
    env.emit(result)
    if evidence is not None and result.open:
        raise typer.Exit(1)
