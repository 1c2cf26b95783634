"""Checks for framework maintainers: ``career lint``.

Each check makes findings (``lint_rules.Problem``) of one rule (``lint_rules.RULES``) at a file
and line: the level page, or the included file a statement comes from. Pure functions over loaded
frameworks: no I/O beyond locating an include file (through the ``locate`` function the caller
passes), no rendering.

The check users ask for most is ``weaker-statement``: in a published ladder, the level above
must not ask less than the level below. Each statement paired with its counterpart one level down
(the pairing ``career diff`` shows as "changed") is checked by ``weaker.weaker``.

Every check grows linearly with the number of levels: names are made once per framework, and a
category some levels lack is reported on the fewer side.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from pathlib import Path

from career_cli import notes
from career_cli.compare.align import diff_levels, scorer_for, threshold_for
from career_cli.compare.pairing import identity
from career_cli.errors import CareerError
from career_cli.features.lint_rules import BY_CODE, Problem, Quoted, quote
from career_cli.features.weaker import weaker as weaker
from career_cli.model import Framework, Level, Statement
from career_cli.sources.loader import KNOWN_LADDER
from career_cli.text import slug

_NOTE_RULES = {
    notes.MALFORMED_SHORTCODE: "E103",
    notes.INCLUDE_MISSING: "E104",
    notes.INCLUDE_UNREADABLE: "E104",
    notes.INCLUDE_UNSAFE: "E105",
    notes.INCLUDE_CYCLE: "E106",
    notes.INCLUDE_DEPTH: "E107",
    notes.INCLUDE_OUTSIDE_CATEGORY: "W204",
    notes.DUPLICATE_CATEGORY: "W205",
    notes.UNKNOWN_LANGUAGE: "W206",
    notes.OUTSIDE_CATEGORY: "I303",
    notes.UNREAD_CONTENT: "W208",
    notes.TABLE_COLUMN: "I304",
    # One-file frameworks (sources.onefile)
    notes.GUESSED_ENCODING: "W209",
    notes.SAME_AS: "I305",
}

_NAMED = 5  # levels a problem names before counting the rest

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


def _where(level: Level, item: Statement, locate: Locate) -> Path:
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
        # Titles come from a level page's frontmatter; a ladder in one file (a sheet, YAML,
        # JSON, one page of every level) names its levels its own way, read as written.
        own_page = level.path != framework.path and level.path.suffix.lower() in (
            ".md",
            ".html",
            ".htm",
            ".markdown",
        )
        if not own_page:
            return
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
        seen: dict[str, tuple[Statement, str]] = {}
        for category in level.categories:
            for item in category.items:
                key = identity(item)
                if key not in seen:
                    seen[key] = (item, category.title)
                    continue
                first, where = seen[key]
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
        for below, above in pairwise(levels):
            compared = diff_levels(
                framework,
                below,
                above,
                threshold=threshold_for(framework, self.threshold),
                scorer=scorer,
            )
            for category in compared.categories:
                for item in category.items:
                    old, new = item.old, item.new
                    if old is None or new is None or new.include is not None:
                        continue
                    path = _where(above, new, self.locate)
                    if item.status == "unchanged":
                        if old.source is not None and old.source == new.source:
                            continue  # one shared file included by both: the same by design
                        self.add(
                            framework,
                            path,
                            new.line,
                            "I302",
                            f"unchanged from {below.title} ({category.title}): {quote(new.text)}",
                            levels=(below.id, above.id),
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
                        f"{above.title} asks less than {below.title} in {category.title}: "
                        f"{why}. {below.title}: {quote(old.text)} → {above.title}: "
                        f"{quote(new.text)}",
                        levels=(below.id, above.id),
                        statements=(
                            Quoted(below.id, _where(below, old, self.locate), old.line, old.text),
                            Quoted(above.id, path, new.line, new.text),
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
