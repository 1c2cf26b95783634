"""The rules of ``career lint`` and what a finding is.

Every check is a ``Rule`` with a stable code (``E…`` errors, ``W…`` warnings, ``I…`` information)
and a name that ``--ignore`` takes; each finding is a ``Problem`` at a file and line. Selecting and
counting findings, and the ``LintReport`` the renderers show, live here too; the checks that make
findings are in ``features.lint``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from career_cli.model import Framework
from career_cli.text import collapse, plain

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str


RULES = (
    Rule("E101", "page-error", "error", "a level page that cannot be read or parsed"),
    Rule("E102", "missing-title", "error", "a level page whose frontmatter has no title"),
    Rule("E103", "malformed-shortcode", "error", "an include shortcode Hugo does not read"),
    Rule("E104", "unresolved-include", "error", "an include that names no readable file"),
    Rule(
        "E105", "unsafe-include", "error", "an include refused: '..', absolute, or leaves the root"
    ),
    Rule("E106", "include-cycle", "error", "includes that include each other"),
    Rule("E107", "include-too-deep", "error", "includes nested more than 5 deep"),
    Rule("E108", "duplicate-competency", "error", "a statement repeated within a level"),
    Rule("W201", "missing-category", "warning", "a category some levels have and others lack"),
    Rule("W202", "title-mismatch", "warning", "a level title that disagrees with its heading"),
    Rule("W203", "weaker-statement", "warning", "a higher level asking less than the one below"),
    Rule("W204", "include-outside-category", "warning", "an include before any category"),
    Rule("W205", "duplicate-category", "warning", "a category heading repeated in one page"),
    Rule("W206", "unknown-language", "warning", "a page's lang/language/locale names no language"),
    Rule("W207", "stale-pin", "warning", "a career.toml pin that names no statement any more"),
    Rule(
        "W208",
        "unread-content",
        "warning",
        "text, an image, a table or a column in a category read as no statement",
    ),
    Rule("W209", "guessed-encoding", "warning", "a spreadsheet not in UTF-8, read as Windows-1252"),
    Rule("I301", "empty-category", "info", "a category with no statements"),
    Rule("I302", "carried-over", "info", "a statement unchanged from the level below"),
    Rule("I303", "text-outside-category", "info", "text before the first category"),
    Rule("I304", "table-column", "info", "a table of several levels, read in this level's column"),
    Rule(
        "I305", "same-as", "info", "a cell such as 'Same as L2' read as another level's statements"
    ),
)
BY_CODE = {rule.code: rule for rule in RULES}
BY_NAME = {rule.name: rule for rule in RULES}

# Loader and include notes → rules.
_QUOTE_AT = 72


def rule(name_or_code: str) -> Rule:
    """A rule by code (``W203``) or name (``weaker-statement``), any case."""
    found = BY_CODE.get(name_or_code.upper()) or BY_NAME.get(name_or_code.lower())
    if found is None:
        import difflib

        from career_cli.errors import UsageError

        keys = [r.code for r in RULES] + [r.name for r in RULES]
        typed = (
            name_or_code.upper()
            if name_or_code[:1].isalpha() and name_or_code[1:].isdigit()
            else name_or_code.lower()
        )
        close = difflib.get_close_matches(typed, keys, n=1, cutoff=0.6)
        suggestion = f"did you mean '{close[0]}'? " if close else ""
        raise UsageError(
            f"no lint rule '{name_or_code}'",
            hint=suggestion + "rules: " + ", ".join(f"{r.code} {r.name}" for r in RULES),
        )
    return found


@dataclass(frozen=True)
class Quoted:
    """A statement a problem is about, with where it is written."""

    level: str
    path: Path
    line: int
    text: str


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    rule: Rule
    message: str
    framework: str = ""
    levels: tuple[str, ...] = ()
    hint: str | None = None
    statements: tuple[Quoted, ...] = field(default=())

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        return (str(self.path), self.line, self.rule.code, self.message)


def quote(text: str) -> str:
    shown = collapse(plain(text))
    return f'"{shown}"' if len(shown) <= _QUOTE_AT else f'"{shown[: _QUOTE_AT - 1].rstrip()}…"'


def select(
    problems: Sequence[Problem], *, severity: Severity = "info", ignore: Sequence[str] = ()
) -> list[Problem]:
    """The problems at or above ``severity`` whose rule is not ignored (by code or name)."""
    ignored = {rule(name).code for name in ignore}
    rank = SEVERITIES.index(severity)
    return [
        p
        for p in problems
        if p.rule.code not in ignored and SEVERITIES.index(p.rule.severity) <= rank
    ]


def counts(problems: Sequence[Problem]) -> dict[str, int]:
    tally: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for problem in problems:
        tally[problem.rule.severity] += 1
    return tally


@dataclass(frozen=True)
class LintReport:
    """What ``career lint`` reports: the problems shown, the frameworks and pages checked, the
    root their includes resolve in, and how many problems ``--severity``/``--ignore`` hid."""

    problems: tuple[Problem, ...]
    frameworks: tuple[Framework, ...]
    root: Path | None
    hidden: int = 0

    @property
    def pages(self) -> int:
        return sum(len(f.levels) + len(f.problems) for f in self.frameworks)
