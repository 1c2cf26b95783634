"""``career gap CURRENT TARGET``: what the next level expects, and which evidence covers it."""

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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

if TYPE_CHECKING:
    from career_cli.compare.similarity import Scorer
    from career_cli.features.gap import Gap

app = command_app()


@app.command(epilog=EXAMPLES)
@with_context("gap")
def gap(
    env: Env,
    current: Annotated[str, level_argument("CURRENT", "The level you are at (as diff's FROM).")],
    target: Annotated[str, level_argument("TARGET", "The level you aim for.")],
    evidence: Annotated[
        list[Path] | None,
        typer.Option(
            "--evidence",
            "-e",
            metavar="FILE",
            help="A filled-in checklist (Markdown from --format markdown), or YAML/JSON "
            "({id: {met: true, evidence: ..., rating: meeting}}). Read whole before anything is "
            "written, so -o may name the same file. Twice (self, then manager): a calibration, "
            "both views side by side, disagreements first.",
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

    With --evidence, exits 1 while any expectation is open (or disputed, with two) and 0 when all
    are met.
    """
    from career_cli.compare.align import diff_levels, scorer_for, select_categories, threshold_for
    from career_cli.errors import UsageError
    from career_cli.features.gap import build_gap, restrict

    if evidence and len(evidence) > 2:
        raise UsageError(
            f"--evidence given {len(evidence)} times; a calibration compares two checklists",
            hint="compare them two at a time (the person's own, then each assessor's)",
        )
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
    if evidence:
        result = _with_evidence(result, evidence, scorer, shown, show_all)
    else:
        result = restrict(result, shown, carried=show_all)
    env.emit(result)
    if evidence and result.open:
        raise typer.Exit(1)


def _with_evidence(
    gap: "Gap", paths: list[Path], scorer: "Scorer", shown: set[str], show_all: bool
) -> "Gap":
    """The gap with one checklist applied, or two lined up as a calibration; every file is read
    (and its level pair checked) before anything is matched."""
    from career_cli.cli.output import message
    from career_cli.errors import UsageError
    from career_cli.features.evidence import read_evidence
    from career_cli.features.gap import apply_evidence, restrict

    found = [read_evidence(path) for path in paths]
    pairs = {(f.current, f.target) for f in found if (f.current, f.target) != (None, None)}
    if len(pairs) > 1:
        made = ", ".join(f"{f.path} for {f.current} → {f.target}" for f in found)
        raise UsageError(
            f"the checklists were made for different levels ({made})",
            hint="calibrate two checklists of the same pair: career gap CURRENT TARGET "
            "--format markdown makes one",
        )
    views = []
    for f in found:
        if (f.current, f.target) not in ((None, None), (gap.current.id, gap.target.id)):
            message(
                "warning",
                f"{f.path} was made for {f.current} → {f.target}, not "
                f"{gap.current.id} → {gap.target.id}; matching its entries by id and text anyway",
            )
        if f.framework is not None and f.framework != gap.framework.id:
            message(
                "warning",
                f"{f.path} was made for framework '{f.framework}', not '{gap.framework.id}'; "
                "matching its entries by id and text anyway",
            )
        applied = apply_evidence(gap, list(f.entries), scorer, path=f.path)
        for entry in applied.unmatched:
            where = f"{f.path}:{entry.line}: " if entry.line else f"{f.path}: "
            label = entry.id or entry.text or "(no text)"
            message("warning", f"{where}unmatched evidence: {label[:100]}")
        views.append((f, restrict(applied, shown, carried=show_all)))
    if len(views) == 1:
        ((f, applied),) = views
        return replace(applied, author=f.author)
    from career_cli.features.calibration import Assessment, calibrate

    names = [f.name for f, _ in views]
    if names[0] == names[1]:  # two files called promotion.md: their paths tell them apart
        names = [str(f.path) for f, _ in views]
    return calibrate(
        restrict(gap, shown, carried=show_all),
        [
            Assessment(name, f.path, applied)
            for name, (f, applied) in zip(names, views, strict=True)
        ],
    )
