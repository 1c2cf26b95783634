"""The data model: what a framework, a level page and a comparison of two levels are.

Everything here is a frozen dataclass with no behaviour beyond small derived views, so the
loader can build it, the aligner can read it, and every renderer can trust it.

Small values (a competency, a diff run, counts) compare by value. Aggregates (levels, frameworks,
comparisons) compare by identity (``eq=False``): nothing needs to ask whether two whole levels are
equal, and on Python < 3.13 generating ``__eq__``/``__hash__`` for each class is a measurable part
of start-up, which is what a user of a command-line tool feels.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Literal


class Record:
    """One readable ``__repr__`` for every model class, written once instead of generated per
    class (``repr=False`` below): each generated method is compiled at import, on every run."""

    __slots__ = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self))  # type: ignore[arg-type]
        return f"{type(self).__name__}({shown})"


Status = Literal["unchanged", "changed", "added", "removed"]
Op = Literal["equal", "delete", "insert"]
STATUSES: tuple[Status, ...] = ("added", "changed", "removed", "unchanged")

# Change kinds (``features.change_kinds``): the scales a changed pair's new wording may raise,
# each with its ranks from lowest to highest (word lists name a rank by these names), then the
# kinds that raise none: the same meaning words (``rephrased``), or lint's "asks less" (``weaker``).
CHANGE_SCALES: dict[str, tuple[str, ...]] = {
    "scope": ("team", "group", "organisation", "company"),
    "autonomy": ("guidance", "independent", "direction"),
    "ownership": ("participates", "contributes", "leads", "defines"),
    "influence": ("self", "team", "others"),
}
CHANGE_KINDS: tuple[str, ...] = (*CHANGE_SCALES, "rephrased", "weaker")


@dataclass(frozen=True, repr=False)
class Statement(Record):
    """One statement of a level, or an include shortcode standing in for a shared file's statements.

    ``text`` is the statement as written (links kept, whitespace collapsed). An include keeps its
    path in ``include``; when a later step expands it, the statements it yields carry the included
    file in ``source`` instead, so one model serves both.

    Readers of tables and structured ladders may add a ``key`` (the name a row gives itself, as
    in ``| Responsibility | Description |``: statements with the same key pair first across levels)
    and ``examples`` (illustrations a ladder gives beside a criterion: shown, never compared).
    ``cell`` names where a one-file ladder holds it ("C7", "Sheet2!B4") for messages and lint.
    """

    text: str
    line: int = 0
    include: str | None = None
    source: str | None = None
    key: str | None = None
    examples: tuple[str, ...] = ()
    cell: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Category(Record):
    """A ``##`` section (or a ``###`` sub-section) holding statements.

    ``parts`` are the heading titles from the top category down, with the level's own name removed
    so that "Senior Technical Competencies" and "Associate Technical Competencies" align.
    """

    id: str
    parts: tuple[str, ...]
    items: tuple[Statement, ...]
    line: int = 0

    @property
    def title(self) -> str:
        return " › ".join(self.parts)


@dataclass(frozen=True, repr=False)
class Note(Record):
    """Something the loader noticed that does not stop the page from loading (lint reports it)."""

    line: int
    code: str
    message: str
    path: Path | None = None  # the file it is about, when not the level's own page (an include)


class Revision:
    """The git revision a level was read at: as the user wrote it, and the commit it named.

    A plain class with slots (read-only by convention): two strings need no generated methods.
    """

    __slots__ = ("commit", "name")

    def __init__(self, name: str, commit: str) -> None:
        self.name = name
        self.commit = commit

    def __repr__(self) -> str:
        return f"Revision(name={self.name!r}, commit={self.commit!r})"


@dataclass(frozen=True, eq=False, repr=False)
class Level(Record):
    """One level page: its frontmatter, overview and categories in page order."""

    id: str
    title: str
    path: Path
    description: str = ""
    overview: str = ""
    categories: tuple[Category, ...] = ()
    weight: float | None = None
    heading: str | None = None
    page_title: str | None = None
    notes: tuple[Note, ...] = ()
    revision: Revision | None = None  # set when read at a git revision (career diff senior@REV)
    language: str | None = None  # as the page says (lang/language/locale) or its path does

    def __post_init__(self) -> None:
        # The invariant every comparison relies on: one category per id. A heading written twice
        # (or a level built in code that repeats one) reads as one category, statements in page
        # order, so none is lost; the page reader notes where, for lint.
        ids = [category.id for category in self.categories]
        if len(set(ids)) != len(ids):
            object.__setattr__(self, "categories", merge_categories(self.categories))

    @property
    def statement_count(self) -> int:
        return sum(len(category.items) for category in self.categories)


def merge_categories(categories: tuple[Category, ...]) -> tuple[Category, ...]:
    """The categories with each repeated id folded into its first occurrence, in order."""
    merged: dict[str, Category] = {}
    for category in categories:
        first = merged.get(category.id)
        merged[category.id] = (
            category
            if first is None
            else Category(first.id, first.parts, first.items + category.items, first.line)
        )
    return tuple(merged.values())


@dataclass(frozen=True, eq=False, repr=False)
class PageProblem(Record):
    """A page of a framework that failed to load; only commands that need it fail."""

    id: str
    path: Path
    error: Exception


@dataclass(frozen=True, repr=False)
class Pin(Record):
    """Two statements a maintainer names (by opening words or id) to pair, or to keep apart."""

    old: str
    new: str
    line: int = 0


@dataclass(frozen=True, repr=False)
class FrameworkConfig(Record):
    """A framework's ``career.toml``: what its maintainer knows better than the pairing."""

    path: Path | None = None
    language: str | None = None
    threshold: float | None = None
    synonyms: tuple[str, ...] = ()
    pairs: tuple[Pin, ...] = ()
    apart: tuple[Pin, ...] = ()
    semantic_model: Path | None = None  # a static embedding model's folder (compare.semantic)
    # [change_kinds]: (scale or "ignore", rank, phrases, line) rows added to the word lists
    change_words: tuple[tuple[str, str, tuple[str, ...], int], ...] = ()


NO_CONFIG = FrameworkConfig()


@dataclass(frozen=True, eq=False, repr=False)
class Framework(Record):
    """A directory of level pages, in ladder order, plus the pages that could not be loaded."""

    id: str
    title: str
    path: Path
    description: str = ""
    levels: tuple[Level, ...] = ()
    problems: tuple[PageProblem, ...] = ()
    root: Path | None = None  # the handbook checkout its includes resolve against, if any
    config: FrameworkConfig = NO_CONFIG


class ShownLevel:
    """What ``career show`` shows: a level of a framework, with the categories asked for.

    A plain class with slots, like ``Revision``: three references need no generated methods.
    """

    __slots__ = ("categories", "framework", "level")

    def __init__(
        self, framework: Framework, level: Level, categories: tuple[Category, ...]
    ) -> None:
        self.framework = framework
        self.level = level
        self.categories = categories

    def __repr__(self) -> str:
        return f"ShownLevel({self.framework.id!r}, {self.level.id!r}, {len(self.categories)})"


class FrameworkList:
    """What ``career frameworks`` lists: ``(source, framework)`` pairs, where source is
    ``bundled`` or ``root``, and the handbook checkout searched (``--root``), if any."""

    __slots__ = ("entries", "root")

    def __init__(self, entries: tuple[tuple[str, Framework], ...], root: Path | None) -> None:
        self.entries = entries
        self.root = root

    def __repr__(self) -> str:
        return f"FrameworkList({[f.id for _, f in self.entries]!r}, {self.root!r})"


@dataclass(frozen=True, repr=False)
class DiffOp(Record):
    """A run of a word diff: text kept (equal), only in the old text (delete) or only in the new."""

    op: Op
    text: str


@dataclass(frozen=True, repr=False)
class Counts(Record):
    """Items by status, and the statements folded into changed items: ``merged`` (of the old
    level) and ``split`` (of the new). Every statement counts once: the old level's are
    ``unchanged + changed + removed + merged``, the new level's ``unchanged + changed + added +
    split``."""

    unchanged: int = 0
    changed: int = 0
    added: int = 0
    removed: int = 0
    merged: int = 0
    split: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.unchanged + other.unchanged,
            self.changed + other.changed,
            self.added + other.added,
            self.removed + other.removed,
            self.merged + other.merged,
            self.split + other.split,
        )

    @property
    def differences(self) -> int:
        return self.changed + self.added + self.removed

    def as_dict(self) -> dict[str, int]:
        found = {
            "unchanged": self.unchanged,
            "changed": self.changed,
            "added": self.added,
            "removed": self.removed,
        }
        if self.merged or self.split:  # schema v1 documents, unchanged where nothing folded
            found.update(merged=self.merged, split=self.split)
        return found


@dataclass(frozen=True, repr=False)
class Candidate(Record):
    """A statement of the other level an item could have paired with, and its similarity."""

    index: int
    text: str
    similarity: float


@dataclass(frozen=True, repr=False)
class Explanation(Record):
    """Why an item paired as it did (``career diff --explain``).

    For a pair: its ``similarity`` against the ``threshold``, the shared ``features`` (stems and
    phrases, with their weights) and thesaurus ``synonyms`` (a term, its match, the strength, the
    weight added) that carried it, and the ``runner_up``: the next best statement of the other
    level. For an added or removed statement: its ``runner_up`` is the best candidate there was,
    and ``reason`` says why it was not taken. With the semantic extra, ``semantic`` is a pair's
    meaning score and its cosine (``compare.semantic``).
    """

    similarity: float | None
    threshold: float
    features: tuple[tuple[str, float], ...] = ()
    synonyms: tuple[tuple[str, str, float, float], ...] = ()
    runner_up: Candidate | None = None
    reason: str = ""
    # With the semantic extra: the pair's meaning score (on the similarity scale) and the cosine
    # it was calibrated from; None when no model was used.
    semantic: tuple[float, float] | None = None


@dataclass(frozen=True, eq=False, repr=False)
class ItemDiff(Record):
    """One competency's fate between two levels. Indexes are 1-based positions in the category."""

    status: Status
    old: Statement | None
    new: Statement | None
    old_index: int | None
    new_index: int | None
    similarity: float | None
    ops: tuple[DiffOp, ...]
    # Statements folded into this pair: more of the old level's, which the new statement covers
    # too (a merge), or more of the new level's, which the old one covered (a split); each with
    # its 1-based index in the category. They appear nowhere else in the diff.
    also_old: tuple[tuple[int, Statement], ...] = ()
    also_new: tuple[tuple[int, Statement], ...] = ()
    explain: Explanation | None = None  # only when asked (--explain)
    # A changed pair's change kinds (``CHANGE_KINDS``) once tagged (features.change_kinds)
    change: tuple[str, ...] = ()


def count_items(items: tuple[ItemDiff, ...]) -> Counts:
    tally = dict.fromkeys(STATUSES, 0)
    merged = split = 0
    for item in items:
        tally[item.status] += 1
        merged += len(item.also_old)
        split += len(item.also_new)
    return Counts(
        tally["unchanged"], tally["changed"], tally["added"], tally["removed"], merged, split
    )


@dataclass(frozen=True, eq=False, repr=False)
class CategoryDiff(Record):
    id: str
    title: str
    status: Status
    items: tuple[ItemDiff, ...]

    @property
    def counts(self) -> Counts:
        return count_items(self.items)


@dataclass(frozen=True, eq=False, repr=False)
class TextDiff(Record):
    """The change of a free-text field, such as a level's overview paragraph."""

    status: Status
    old: str
    new: str
    ops: tuple[DiffOp, ...]


@dataclass(frozen=True, eq=False, repr=False)
class LevelDiff(Record):
    """The comparison of two levels, category by category, in the new level's order."""

    framework: Framework
    old: Level
    new: Level
    overview: TextDiff
    categories: tuple[CategoryDiff, ...]
    threshold: float
    hidden_categories: tuple[str, ...] = field(default=())

    @property
    def counts(self) -> Counts:
        total = Counts()
        for category in self.categories:
            total = total + category.counts
        return total

    @property
    def has_differences(self) -> bool:
        # With --category the question is about those categories; the overview is not one.
        overview = self.overview.status != "unchanged" and not self.hidden_categories
        return overview or self.counts.differences > 0
