"""The terminal view of ``career lint``: one ``path:line: CODE message`` line per problem.

Lines are never wrapped (editors and CI annotate from them); colour marks only the code by
severity. A summary line follows, as linters print one.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.text import Text

from career_cli.features.lint_rules import LintReport, Problem, counts
from career_cli.render import RenderOptions
from career_cli.render.terminal import CHANGED, DIM, TITLE, to_string
from career_cli.text import one_line, shown_path

SEVERITY_STYLE = {"error": "career.error", "warning": CHANGED, "info": "career.info"}


def problem_line(problem: Problem) -> Text:
    message = problem.message + (f" (hint: {problem.hint})" if problem.hint else "")
    return Text.assemble(
        (one_line(f"{shown_path(problem.path)}:{problem.line}:"), TITLE),
        " ",
        (problem.rule.code, SEVERITY_STYLE[problem.rule.severity]),
        " ",
        one_line(message),
    )


def summary(problems: Sequence[Problem], frameworks: int, pages: int, hidden: int = 0) -> str:
    tally = counts(problems)
    scope = (
        f"in {frameworks} framework{'s' if frameworks != 1 else ''} "
        f"({pages} page{'s' if pages != 1 else ''})"
    )
    if hidden:
        scope += f"; {hidden} more hidden by --severity or --ignore"
    if not problems:
        return f"No problems {scope}."
    parts = [
        f"{tally['error']} error{'s' if tally['error'] != 1 else ''}",
        f"{tally['warning']} warning{'s' if tally['warning'] != 1 else ''}",
        f"{tally['info']} info",
    ]
    return " · ".join(parts) + f" {scope}"


def render_lint(report: LintReport, options: RenderOptions) -> str:
    problems = report.problems
    lines = [problem_line(problem) for problem in problems]
    if lines:
        lines.append(Text())
    tally = summary(problems, len(report.frameworks), report.pages, report.hidden)
    lines.append(Text(tally, DIM))
    return to_string(Group(*lines), options, soft_wrap=True)
