"""Checks for framework maintainers: ``career lint``.

Every check is a ``Rule`` with a stable code (``E…`` errors, ``W…`` warnings, ``I…`` information)
and a name; each finding is a ``Problem`` at a file and line: the level page, or the included
file a statement comes from. Pure functions over loaded frameworks: no I/O beyond locating an
include file (through the ``locate`` function the caller passes), no rendering.

The check users ask for most is ``weaker-statement``: in a published ladder, the level above
must not ask less than the level below. Each statement paired with its counterpart one level down
(the pairing ``career diff`` shows as "changed") is checked by ``weaker.weaker``.

Every check grows linearly with the number of levels: names are made once per framework, and a
category some levels lack is reported on the fewer side.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Literal

from career_cli.compare.align import diff_levels, scorer_for, threshold_for
from career_cli.errors import CareerError
from career_cli.features.weaker import weaker as weaker
from career_cli.model import Competency, Framework, Level
from career_cli.sources.loader import KNOWN_LADDER
from career_cli.text import collapse, normalize, plain, slug

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
    Rule("I301", "empty-category", "info", "a category with no statements"),
    Rule("I302", "carried-over", "info", "a statement unchanged from the level below"),
    Rule("I303", "text-outside-category", "info", "text before the first category"),
)
BY_CODE = {rule.code: rule for rule in RULES}
BY_NAME = {rule.name: rule for rule in RULES}

# Loader and include notes → rules.
_NOTE_RULES = {
    "malformed-shortcode": "E103",
    "include-missing": "E104",
    "include-unreadable": "E104",
    "include-unsafe": "E105",
    "include-cycle": "E106",
    "include-depth": "E107",
    "include-outside-category": "W204",
    "duplicate-category": "W205",
    "unknown-language": "W206",
    "outside-category": "I303",
}

_QUOTE_AT = 72
_NAMED = 5  # levels a problem names before counting the rest


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


Locate = Callable[[str], Path | None]


def _names(titles: list[str], count: int | None = None) -> str:
    """``A``, ``A and B``, ``A, B and C``; past ``_NAMED``, the rest counted (of ``count``)."""
    count = len(titles) if count is None else count
    if count > _NAMED:
        return ", ".join(titles[:_NAMED]) + f" and {count - _NAMED:,} more"
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]


def _without(levels: Sequence[Level], present: dict[int, Level]) -> Iterator[Level]:
    return (level for k, level in enumerate(levels) if k not in present)


def _runs(words: str, longest: int) -> set[str]:
    """Every run of at most ``longest`` whole words of a slug (``a-b-c``: ``a``, ``a-b``, ``b-c``…):
    which level names a heading holds, looked up in a set rather than searched for one by one."""
    parts = words.split("-")
    n = len(parts)
    return {"-".join(parts[i:j]) for i in range(n) for j in range(i + 1, min(n, i + longest) + 1)}


def quote(text: str) -> str:
    shown = collapse(plain(text))
    return f'"{shown}"' if len(shown) <= _QUOTE_AT else f'"{shown[: _QUOTE_AT - 1].rstrip()}…"'


def _where(level: Level, item: Competency, locate: Locate) -> Path:
    if item.source is not None:
        found = locate(item.source)
        if found is not None:
            return found
    return level.path


class _Linter:
    def __init__(self, locate: Locate, threshold: float | None) -> None:
        self.locate = locate
        self.threshold = threshold
        self.problems: list[Problem] = []
        self._names: tuple[Framework, frozenset[str], int] | None = None

    def add(
        self,
        framework: Framework,
        path: Path,
        line: int,
        code: str,
        message: str,
        *,
        levels: tuple[str, ...] = (),
        hint: str | None = None,
        statements: tuple[Quoted, ...] = (),
    ) -> None:
        self.problems.append(
            Problem(path, line, BY_CODE[code], message, framework.id, levels, hint, statements)
        )

    # -- per page

    def names(self, framework: Framework) -> tuple[frozenset[str], int]:
        """Every level's name (id, title) as a slug, and the known ladder, with the most words
        one has: made once per framework, not once per level (a ladder of thousands of pages)."""
        if self._names is None or self._names[0] is not framework:
            found = {slug(n) for lv in framework.levels for n in (lv.id, lv.title)}
            names = frozenset((found | set(KNOWN_LADDER)) - {""})
            longest = max((name.count("-") + 1 for name in names), default=1)
            self._names = (framework, names, longest)
        return self._names[1], self._names[2]

    def page_problems(self, framework: Framework) -> None:
        for problem in framework.problems:
            error = problem.error
            if isinstance(error, CareerError):
                self.add(
                    framework,
                    Path(error.path) if error.path is not None else problem.path,
                    error.line or 1,
                    "E101",
                    error.message,
                    levels=(problem.id,),
                    hint=error.hint,
                )
            else:
                self.add(framework, problem.path, 1, "E101", str(error), levels=(problem.id,))

    def notes(self, framework: Framework, level: Level) -> None:
        for note in level.notes:
            code = _NOTE_RULES.get(note.code)
            if code is not None:
                self.add(
                    framework,
                    note.path or level.path,
                    note.line,
                    code,
                    note.message,
                    levels=(level.id,),
                )

    def title(self, framework: Framework, level: Level) -> None:
        if level.page_title is None:
            self.add(
                framework,
                level.path,
                1,
                "E102",
                f"no title in the frontmatter; the level shows as '{level.id}'",
                levels=(level.id,),
                hint=f'add title: "{level.id.title()} - {framework.title}"',
            )
            return
        names, longest = self.names(framework)
        own = {slug(level.id), slug(level.title)}
        if level.heading is not None:
            words = f"-{slug(level.heading)}-"
            if f"-{slug(level.title)}-" not in words:
                self.add(
                    framework,
                    level.path,
                    1,
                    "W202",
                    f"the title says '{level.title}' but the page's heading says '{level.heading}'",
                    levels=(level.id,),
                )
            return
        if level.categories:
            first = level.categories[0]
            other = sorted(_runs(slug(first.parts[0]), longest) & names - own)
            if other and not first.items:
                self.add(
                    framework,
                    level.path,
                    first.line,
                    "W202",
                    f"the title says '{level.title}' but the page's heading says "
                    f"'{first.parts[0]}'",
                    levels=(level.id,),
                )

    def duplicates(self, framework: Framework, level: Level) -> None:
        seen: dict[str, tuple[Competency, str]] = {}
        for category in level.categories:
            for item in category.items:
                identity = f"include:{item.include}" if item.include else normalize(item.text)
                if identity not in seen:
                    seen[identity] = (item, category.title)
                    continue
                first, where = seen[identity]
                first_path = _where(level, first, self.locate)
                path = _where(level, item, self.locate)
                origin = "" if first_path == path else f"{first_path.name}:"
                self.add(
                    framework,
                    path,
                    item.line,
                    "E108",
                    f"{quote(item.text)} is already in {level.title} ({where}, line "
                    f"{origin}{first.line})",
                    levels=(level.id,),
                )

    def empty(self, framework: Framework, level: Level) -> None:
        for category in level.categories:
            if not category.items:
                self.add(
                    framework,
                    level.path,
                    category.line,
                    "I301",
                    f"category '{category.title}' has no statements",
                    levels=(level.id,),
                )

    # -- across levels

    def categories(self, framework: Framework) -> None:
        """A category some levels have and others lack: reported where it is missing, or where
        it is when those are fewer, so the problems are never more than the categories' pages."""
        levels = framework.levels
        if len(levels) < 2:
            return
        having: dict[str, dict[int, Level]] = {}  # category id → the levels with it, by position
        titles: dict[str, str] = {}
        for position, level in enumerate(levels):
            for category in level.categories:
                having.setdefault(category.id, {})[position] = level
                titles[category.id] = category.title
        for ident, present in having.items():
            missing = len(levels) - len(present)
            if not missing:
                continue
            with_it = list(present.values())
            title = titles[ident]
            if missing <= len(with_it):  # at each level that lacks it, naming those that have it
                reported, named = list(_without(levels, present)), with_it
                which = _names([lv.title for lv in named])
                message = (
                    f"no '{title}' category, which {which} {'has' if len(named) == 1 else 'have'}"
                )
            else:  # at each level that has it; only the first few that lack it are named
                named = list(itertools.islice(_without(levels, present), _NAMED))
                reported, which = with_it, _names([lv.title for lv in named], missing)
                message = (
                    f"a '{title}' category, which {which} {'lacks' if missing == 1 else 'lack'}"
                )
            shown = tuple(lv.id for lv in named[:_NAMED])
            for level in reported:
                self.add(framework, level.path, 1, "W201", message, levels=(level.id, *shown))

    def pins(self, framework: Framework) -> None:
        """A pin in ``career.toml`` (``[[pair]]``, ``[[apart]]``) whose statements are gone: it
        pins nothing, and the maintainer should know before relying on it."""
        from career_cli.compare.pairing import named

        config = framework.config
        if config.path is None:
            return
        statements = [
            (category.id, item)
            for level in framework.levels
            for category in level.categories
            for item in category.items
        ]
        for kind, pins in (("pair", config.pairs), ("apart", config.apart)):
            for pin in pins:
                for name in (pin.old, pin.new):
                    if not any(named(name, cid, item) for cid, item in statements):
                        self.add(
                            framework,
                            config.path,
                            pin.line,
                            "W207",
                            f"[[{kind}]] names {quote(name)}, which no statement of the "
                            "framework starts with or is",
                            hint="update the pin to the statement's new wording, or remove it",
                        )

    def pairs(self, framework: Framework) -> None:
        levels = framework.levels
        if len(levels) < 2:
            return
        scorer = scorer_for(framework)
        for lower, higher in pairwise(levels):
            compared = diff_levels(
                framework,
                lower,
                higher,
                threshold=threshold_for(framework, self.threshold),
                scorer=scorer,
            )
            for category in compared.categories:
                for item in category.items:
                    old, new = item.old, item.new
                    if old is None or new is None or new.include is not None:
                        continue
                    path = _where(higher, new, self.locate)
                    if item.status == "unchanged":
                        if old.source is not None and old.source == new.source:
                            continue  # one shared file included by both: the same by design
                        self.add(
                            framework,
                            path,
                            new.line,
                            "I302",
                            f"unchanged from {lower.title} ({category.title}): {quote(new.text)}",
                            levels=(lower.id, higher.id),
                        )
                        continue
                    why = weaker(old.text, new.text)
                    if why is None:
                        continue
                    self.add(
                        framework,
                        path,
                        new.line,
                        "W203",
                        f"{higher.title} asks less than {lower.title} in {category.title}: "
                        f"{why}. {lower.title}: {quote(old.text)} → {higher.title}: "
                        f"{quote(new.text)}",
                        levels=(lower.id, higher.id),
                        statements=(
                            Quoted(lower.id, _where(lower, old, self.locate), old.line, old.text),
                            Quoted(higher.id, path, new.line, new.text),
                        ),
                    )


def lint(
    frameworks: Iterable[Framework],
    *,
    locate: Locate = lambda source: None,
    threshold: float | None = None,
) -> list[Problem]:
    """Every problem of these frameworks, sorted by file and line, each reported once."""
    linter = _Linter(locate, threshold)
    for framework in frameworks:
        linter.page_problems(framework)
        for level in framework.levels:
            linter.notes(framework, level)
            linter.title(framework, level)
            linter.duplicates(framework, level)
            linter.empty(framework, level)
        linter.categories(framework)
        linter.pairs(framework)
        linter.pins(framework)
    unique: dict[tuple[str, int, str, str], Problem] = {}
    for problem in linter.problems:
        unique.setdefault(problem.sort_key, problem)
    return sorted(unique.values(), key=lambda p: p.sort_key)


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
