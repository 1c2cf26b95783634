"""Structured ladders: a YAML or JSON document (or a Monzo page's frontmatter) → a ``Framework``.

It owns reading such a file (the size limit, the safe YAML loader, JSON), telling which published
shape a document has — career's own export (``career: 1``), FT's job family or its
``levels.yml`` + ``competencies.yml``, Monzo's ``topics``, Snowflake's tracks — and career's own
shape. Each published shape has its module (``ft``, ``monzo``, ``snowflake``); they walk their
document through a ``Walker``, which turns a wrong type at any key into one ``PageError`` naming
the file, the key path (``topics[1].content[0].criteria``) and its line.

Imported only when a command reads such a file or folder: the Markdown path never loads it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from career_cli.errors import PageError
from career_cli.model import Framework, Level, PageProblem
from career_cli.sources import files
from career_cli.sources.body import MAX_STATEMENTS
from career_cli.text import collapse, title_line

MAX_BYTES = 10 * 1024 * 1024
# Entries a document may ask us to visit, counted as they are walked. YAML aliases share one
# object between many places (a 400-byte "billion laughs" is 10⁹ strings if walked), and a 10 MB
# JSON holds a million small tracks: this bounds the work, whatever the bytes say.
MAX_ENTRIES = 1_000_000
MAX_LEVELS = 1_000
# Errors find their line by composing the document again (a second or more for megabytes of it):
# in a bigger one the key path alone names the place.
MAX_LINE_SEARCH = 1024 * 1024
MAX_CATEGORIES = 10_000  # in one level
FORMAT_VERSION = 1  # the ``career:`` marker of career's own YAML and JSON
SUFFIXES = frozenset({".yml", ".yaml", ".json"})

LADDER = files.FileKind(
    PageError,
    noun="ladder file",
    a_noun="a YAML or JSON ladder",
    limit=MAX_BYTES,
    empty_hint="a ladder file holds levels, categories and statements",
    binary_hint="pass a .yml, .yaml or .json ladder",
    size_hint="a ladder is kilobytes of YAML or JSON; check that this is the right file",
)

SHAPES_HINT = (
    "career reads its own export (career: 1), FT's levels.yml + competencies.yml or a job family, "
    "Monzo's frontmatter topics and Snowflake's tracks → milestones"
)

KeyPath = tuple[str | int, ...]


def shown_key(keys: KeyPath) -> str:
    """``("topics", 1, "title")`` → ``topics[1].title``; the document itself is ``(top)``."""
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(top)"


def _kind_of(value: object) -> str:
    # Named, never shown: a list may be a YAML alias bomb, whose repr walks 10⁹ strings.
    names = {dict: "a mapping", list: "a list", bool: "true/false", type(None): "empty"}
    return names.get(type(value), f"a {type(value).__name__}")


class Walker:
    """One document's reader: typed access to its values, each checked where it is read, and
    the budget of entries visited. Errors name the file, the key path and (found only then, by
    composing the text again) the line."""

    def __init__(self, path: Path, text: str, *, first_line: int = 1) -> None:
        self.path = path
        self.source = text
        self.first_line = first_line  # the file line ``text`` starts on (after a page's ---)
        self.visited = 0

    def error(self, keys: KeyPath, message: str, hint: str | None = None) -> PageError:
        where = shown_key(keys)
        return PageError(
            f"{where}: {message}", path=self.path, line=self.line_of(keys) or None, hint=hint
        )

    def line_of(self, keys: KeyPath) -> int:
        """The line of the value at ``keys`` (or of its nearest parent that exists), by composing
        the text's node tree; JSON is YAML for this purpose. 0 when it cannot be known."""
        import yaml

        from career_cli.sources import yamlsafe

        if len(self.source) > MAX_LINE_SEARCH:
            return 0
        try:
            node = yamlsafe.compose(self.source)
        except (yaml.YAMLError, RecursionError):
            return 0
        line = node.start_mark.line + 1 if node is not None else 0
        for key in keys:
            if isinstance(node, yaml.MappingNode) and isinstance(key, str):
                # The key's line: an alias's value node is its anchor's, elsewhere in the file.
                pairs = [(k, v) for k, v in node.value if getattr(k, "value", None) == key]
                if not pairs:
                    break
                line, node = pairs[0][0].start_mark.line + 1, pairs[0][1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if not 0 <= key < len(node.value):
                    break
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                break
        return line + self.first_line - 1 if line else 0

    def tick(self, keys: KeyPath, count: int = 1) -> None:
        self.visited += count
        if self.visited > MAX_ENTRIES:
            raise self.error(
                keys,
                f"more than {MAX_ENTRIES:,} entries to read",
                hint="a ladder has hundreds of statements; YAML aliases may repeat content",
            )

    def mapping(self, value: object, keys: KeyPath) -> Mapping[Any, Any]:
        self.tick(keys)
        if not isinstance(value, dict):
            raise self.error(keys, f"expected a mapping of keys to values, found {_kind_of(value)}")
        return value

    def sequence(self, value: object, keys: KeyPath, *, empty: bool = True) -> list[Any]:
        """A list; an absent or empty value is an empty list when ``empty``."""
        if value is None and empty:
            return []
        self.tick(keys)
        if not isinstance(value, list):
            raise self.error(keys, f"expected a list, found {_kind_of(value)}")
        self.tick(keys, len(value))
        return value

    def items(self, value: object, keys: KeyPath) -> Iterator[tuple[KeyPath, Any]]:
        """Each element of a list with its key path."""
        for index, element in enumerate(self.sequence(value, keys)):
            yield (*keys, index), element

    def text(self, value: object, keys: KeyPath, *, required: bool = False) -> str:
        """A scalar as one line of text: numbers read as written; absent is ``""`` (or an error
        when ``required``)."""
        if value is None:
            if required:
                raise self.error(keys, "is missing or empty")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.error(keys, f"expected text, found {_kind_of(value)}")
        text = collapse(str(value))
        if required and not text:
            raise self.error(keys, "is empty")
        return text

    def texts(self, value: object, keys: KeyPath) -> tuple[str, ...]:
        """A list of texts (a single text counts as a list of one); empty ones are skipped."""
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            found = [self.text(value, keys)]
        else:
            found = [self.text(element, at) for at, element in self.items(value, keys)]
        return tuple(text for text in found if text)


# ---------------------------------------------------------------------------------------------
# Reading a file


def parse(text: str, path: Path) -> object:
    """A document's value: JSON for ``.json``, else YAML through the safe loader."""
    if path.suffix.lower() == ".json":
        import json

        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise PageError(
                f"invalid JSON: {exc.msg}", path=path, line=exc.lineno, hint="fix the JSON"
            ) from None
        except RecursionError:
            raise PageError("JSON nested too deeply", path=path, line=1) from None
    return files.load_yaml(text, path, LADDER, hint="fix the YAML (quote texts that contain ': ')")


def load(path: Path) -> Framework:
    """The framework a ``.yml``/``.yaml``/``.json`` ladder file or a Monzo page describes."""
    if path.suffix.lower() == ".md":
        from career_cli.sources import monzo
        from career_cli.sources.loader import read_page

        return monzo.load_page(path, read_page(path))
    text = files.read(path, LADDER)
    document = parse(text, path)
    walker = Walker(path, text)
    return from_document(document, walker)


def from_document(document: object, walker: Walker) -> Framework:
    """Which shape the document has, and its reader's framework."""
    path = walker.path
    if isinstance(document, dict):
        if "career" in document:
            from career_cli.sources import own

            return own.read_own(document, walker)
        if "topics" in document:
            from career_cli.sources import monzo

            return monzo.read_topics(document, walker, body="")
        if "levels" in document and "competencies" in document:
            from career_cli.sources import ft

            return ft.read_job_family(document, walker)
        if document and all(
            isinstance(v, dict) and "milestones" in v for v in list(document.values())[:1]
        ):
            from career_cli.sources import snowflake

            return snowflake.read_tracks(document, walker)
    if isinstance(document, list) and document and isinstance(document[0], dict):
        first = document[0]
        if "level" in first and "summary" in first:
            from career_cli.sources import ft

            levels = path.with_name("levels.yml")
            if levels.is_file():
                return ft.load_folder(path.parent)
            return ft.read_competencies(document, walker, None)
        if "id" in first and "name" in first:
            raise PageError(
                "holds levels only (FT's levels.yml), no competencies",
                path=path,
                hint="point -f at the folder that holds levels.yml and competencies.yml",
            )
    raise PageError("not a ladder career recognises", path=path, hint=SHAPES_HINT)


def load_ft(directory: Path) -> Framework:
    """FT's ``levels.yml`` + ``competencies.yml`` in a folder, or its single job family."""
    from career_cli.sources import ft

    return ft.load_folder(directory)


def is_ladder_folder(directory: Path) -> bool:
    """Whether a folder holds a structured ladder (FT's data): a few ``stat`` calls."""
    if (directory / "levels.yml").is_file() and (directory / "competencies.yml").is_file():
        return True
    families = directory / "job-families"
    return families.is_dir() and any(families.glob("*.yml"))


# ---------------------------------------------------------------------------------------------
# Building the model, shared by the readers


def build_framework(
    walker: Walker,
    *,
    title: str,
    description: str,
    levels: list[Level],
    problems: list[PageProblem] | None = None,
) -> Framework:
    if not levels and not problems:
        raise PageError(
            "holds no levels with statements", path=walker.path, hint="check the file's contents"
        )
    if len(levels) > MAX_LEVELS:
        raise walker.error((), f"more than {MAX_LEVELS:,} levels")
    for level in levels:
        if level.statement_count > MAX_STATEMENTS:
            raise walker.error(
                (), f"level '{level.id}' has more than {MAX_STATEMENTS:,} statements"
            )
    return Framework(
        id=walker.path.stem.lower(),
        title=title_line(title) or walker.path.stem,
        path=walker.path,
        description=description,
        levels=tuple(levels),
        problems=tuple(problems or ()),
    )


def check_categories(walker: Walker, keys: KeyPath, count: int) -> None:
    if count > MAX_CATEGORIES:
        raise walker.error(keys, f"more than {MAX_CATEGORIES:,} categories in one level")
