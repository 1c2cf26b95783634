"""A framework in one file, put together: statements by level and category → ``Level``s.

The one-file readers (``matrix`` for tables, ``sections`` for one Markdown page, ``workbook`` for
XLSX) each walk their own shape and hand what they find to an ``Assembly``: a level when its name
is first met, statements into a (level, category) in file order, notes about one level or the whole
file. ``framework()`` then builds the model every command uses: levels in the order the file gives
them (their ``weight``), every level's ``path`` the file itself, and an error naming the file when
it holds no statements at all.
"""

from __future__ import annotations

from pathlib import Path

from career_cli.errors import PageError
from career_cli.model import Category, Framework, Level, Note, Statement
from career_cli.sources.body import MAX_STATEMENTS
from career_cli.sources.cells import level_keys, level_name
from career_cli.text import category_id, collapse, slug, title_line


class _Level:
    __slots__ = (
        "categories", "description", "header", "ident", "keys", "line", "notes", "overview", "title"
    )  # fmt: skip

    def __init__(self, header: str, line: int) -> None:
        self.header = header
        self.ident, self.title, self.description = level_name(header)
        self.keys = level_keys(header)
        self.line = line
        self.categories: dict[tuple[str, ...], tuple[int, list[Statement]]] = {}
        self.notes: list[Note] = []
        self.overview = ""


class Assembly:
    """Levels in the order a file names them, each with its categories and statements."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.levels: dict[str, _Level] = {}  # by the header as written (collapsed)
        self.notes: list[Note] = []  # about the whole file: every level carries them
        self.title: str | None = None
        self.count = 0

    def level(self, header: str, line: int, *, where: str | None = None) -> str:
        """The key of the level a header names, added when first met (two different headers
        for one level id are an error naming the second)."""
        key = collapse(header)
        if key not in self.levels:
            found = _Level(key, line)
            for other in self.levels.values():
                if other.ident == found.ident:
                    raise PageError(
                        f"{where or 'line ' + str(line)}: '{key}' names level '{found.ident}' "
                        f"again ('{other.header}' already does)",
                        path=self.path,
                        line=line,
                        hint="give each level its own name",
                    )
            self.levels[key] = found
        return key

    def find(self, name: str, before: str | None = None) -> str | None:
        """The level a "Same as …" cell names (``""``: the level before ``before``)."""
        order = list(self.levels)
        if not name:
            if before is None or before not in order or order.index(before) == 0:
                return None
            return order[order.index(before) - 1]
        wanted = slug(name)
        matches = [key for key, lv in self.levels.items() if wanted in lv.keys]
        return matches[0] if len(matches) == 1 else None

    def add(self, level: str, parts: tuple[str, ...], items: list[Statement], line: int) -> None:
        if not items and parts in self.levels[level].categories:
            return
        slot = self.levels[level].categories.setdefault(parts, (line, []))
        slot[1].extend(items)
        self.count += len(items)
        if self.count > MAX_STATEMENTS * max(1, len(self.levels)):
            raise PageError(
                f"more than {MAX_STATEMENTS:,} statements a level",
                path=self.path,
                line=line,
                hint="a level lists dozens of competencies; check that this is the right file",
            )

    def statements(self, level: str, parts: tuple[str, ...]) -> list[Statement]:
        slot = self.levels[level].categories.get(parts)
        return list(slot[1]) if slot else []

    def note(self, note: Note, level: str | None = None) -> None:
        (self.levels[level].notes if level is not None else self.notes).append(note)

    def framework(self, ident: str | None = None, *, what: str = "levels") -> Framework:
        """The framework the file describes, or a ``PageError`` when it holds no statements."""
        if not self.levels:
            raise PageError(
                f"no {what} found",
                path=self.path,
                hint="name the levels in a header row (L1, Engineer II, …) or as '## L1 – Title' "
                "sections",
            )
        if not self.count:
            raise PageError(
                "no statements: the levels are named but no cell or list item under them says "
                "anything",
                path=self.path,
                hint="add a row per competency with a statement under each level",
            )
        levels = []
        # A level named without a code ("Engineer II") is also "l2", by its place on the ladder,
        # so `career diff l2 l3 -f ladder.csv` works whatever the headers say.
        taken = {found.ident for found in self.levels.values()}
        for weight, found in enumerate(self.levels.values()):
            if found.ident == slug(found.title) and f"l{weight + 1}" not in taken:
                found.ident = f"l{weight + 1}"
            categories = tuple(
                Category(category_id(parts), parts, tuple(items), line)
                for parts, (line, items) in found.categories.items()
                if items
            )
            levels.append(
                Level(
                    id=found.ident,
                    title=title_line(found.title) or found.ident,
                    path=self.path,
                    description=found.description,
                    overview=found.overview,
                    categories=categories,
                    weight=float(weight),
                    page_title=title_line(found.header),
                    notes=tuple(self.notes + found.notes),
                )
            )
        from career_cli.sources.config import read as read_config

        stem = self.path.stem
        return Framework(
            id=ident or stem,
            title=title_line(self.title or stem) or stem,
            path=self.path,
            levels=tuple(levels),
            config=read_config(self.path.parent),
        )
