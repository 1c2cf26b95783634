"""Loading: bytes of a level page → a ``Level``; a directory of pages → a ``Framework``.

It owns the page as a file: its bytes (size, encoding), the YAML frontmatter (via
python-frontmatter: title, description, weight), and a framework's pages and their ladder order.
The body's Markdown is read by ``body`` (on ``blocks``' structure). Every way a page can be
unreadable ends in a ``PageError`` naming the file (and line, when there is one) and what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from career_cli import notes
from career_cli.errors import PageError
from career_cli.model import Framework, Level, Note, PageProblem, Statement
from career_cli.sources import files
from career_cli.sources.body import MAX_STATEMENTS as MAX_STATEMENTS
from career_cli.sources.body import BodyParser
from career_cli.sources.body import IncludeExpander as IncludeExpander
from career_cli.sources.shortcodes import find_shortcodes as find_shortcodes
from career_cli.sources.shortcodes import is_navigation as is_navigation
from career_cli.text import collapse, title_line

MAX_PAGE_BYTES = 10 * 1024 * 1024
KNOWN_LADDER = (
    "intern",
    "associate",
    "intermediate",
    "senior",
    "staff",
    "principal",
    "distinguished",
    "fellow",
)
INDEX_PAGES = frozenset({"_index.md", "index.md"})
NOT_LEVELS = INDEX_PAGES | {"readme.md"}  # a folder's README describes it; it is never a level


def level_title(raw_title: str, level_id: str) -> str:
    """``"Senior - Infrastructure Department Career Framework"`` → ``"Senior"``.

    Handbook sub-frameworks write
    ``"Core Platform Career Framework: Senior Distribution Engineer"``; there the level is the
    part after the colon.
    """
    title = collapse(raw_title)
    if " - " in title:
        title = title.split(" - ", 1)[0].strip()
    elif ": " in title:
        title = title.rsplit(": ", 1)[1].strip()
    return title_line(title) or level_id


# ---------------------------------------------------------------------------------------------
# Reading bytes


PAGE = files.FileKind(
    PageError,
    noun="page",
    a_noun="a Markdown level page",
    limit=MAX_PAGE_BYTES,
    empty_hint="a level page needs frontmatter with a title and '## Category' sections",
    binary_hint="point --framework at a directory of Markdown level pages",
    size_hint="a level page is a few kilobytes of Markdown; check that this is the right file",
)


def decode_page(data: bytes, path: Path) -> str:
    """Bytes → text with ``\\n`` line ends, or a ``PageError`` saying what is wrong with it."""
    return files.decode(data, path, PAGE)


def read_page(path: Path) -> str:
    return files.read(path, PAGE)


def split_frontmatter(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """Frontmatter mapping, the body, and the line number on which the body starts."""
    import yaml
    from frontmatter.default_handlers import YAMLHandler

    from career_cli.sources import yamlsafe

    handler = YAMLHandler()
    opening = handler.FM_BOUNDARY.match(text) if handler.FM_BOUNDARY else None  # = .detect()
    if opening is None:
        return {}, text, 1
    try:
        fm, body = handler.split(text)
    except ValueError:
        raise PageError(
            "frontmatter opens with '---' but never closes",
            path=path,
            line=1,
            hint="end the frontmatter with a line of '---'",
        ) from None
    body_line = text[: len(text) - len(body)].count("\n") + 1
    try:
        meta = yamlsafe.load(fm)
    except yaml.YAMLError as exc:
        raise files.yaml_error(
            exc,
            path,
            PAGE,
            what="invalid YAML frontmatter",
            source=fm,
            # The YAML starts after the opening '---' (which takes any blank lines after it too).
            first_line=text[: opening.end()].count("\n") + 1,
            hint="fix the YAML between the '---' lines (quote titles that contain ': ')",
        ) from None
    except RecursionError:
        raise PageError("frontmatter is nested too deeply", path=path, line=1) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise PageError(
            f"frontmatter is a {type(meta).__name__}, not a mapping of keys to values",
            path=path,
            line=2,
            hint="write it as 'title: \"Senior - ...\"' lines between the '---' lines",
        )
    return meta, body, body_line


def _scalar(meta: dict[str, Any], key: str, path: Path) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list, tuple, set)):
        raise PageError(
            f"frontmatter '{key}' is a {type(value).__name__}; it must be text",
            path=path,
            hint=f'write {key}: "..." as a single quoted string',
        )
    return str(value)


LANGUAGE_KEYS = ("lang", "language", "locale")


def _language(meta: dict[str, Any], path: Path) -> tuple[str | None, Note | None]:
    """The page's language, from its frontmatter or else its path (``content/ja/…``); a value
    that names no language we know is a note (a lint warning), and the text decides instead."""
    from career_cli.sources.languages import from_code, from_path

    for key in LANGUAGE_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        found = from_code(value)
        if found is None:
            shown = f"{value!r:.40}" if isinstance(value, str) else f"a {type(value).__name__}"
            message = f"frontmatter '{key}' is {shown}, which names no language career knows"
            return from_path(path), Note(1, notes.UNKNOWN_LANGUAGE, message)
        return found, None
    return from_path(path), None


def _weight(meta: dict[str, Any], path: Path) -> float | None:
    for key in ("weight", "order"):
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, bool):
            try:
                return float(value)
            except (TypeError, ValueError, OverflowError):  # OverflowError: an int over 1e308
                pass
        # A list or mapping is named, not quoted: its repr would walk every element, and a YAML
        # alias bomb ('weight: *lol9') shares 9 references 9 levels deep, 387 million strings.
        shown = f"a {type(value).__name__}" if isinstance(value, (list, dict)) else f"{value!r:.40}"
        raise PageError(
            f"frontmatter '{key}' must be a number, not {shown}",
            path=path,
            hint=f"use an integer such as '{key}: 30'",
        )
    return None


def parse_page(
    text: str,
    path: Path,
    *,
    level_id: str | None = None,
    expand: IncludeExpander | None = None,
) -> Level:
    """Parse a page's text (already decoded) into a ``Level``.

    ``expand``, when given, turns an include path into the competencies of the included file;
    without it an include stays one competency that stands for the file.
    """
    ident = (level_id or path.name.rsplit(".", 1)[0]).lower()
    meta, body, first_line = split_frontmatter(text, path)
    raw_title = _scalar(meta, "title", path)
    description = _scalar(meta, "description", path) or ""
    weight = _weight(meta, path)
    language, language_note = _language(meta, path)
    title = level_title(raw_title, ident) if raw_title else ident
    parser = BodyParser(ident, title, expand, path=path)
    if language_note is not None:
        parser.notes.append(language_note)
    if path.suffix.lower() in (".html", ".htm"):
        from career_cli.sources.htmlpage import feed_html

        feed_html(parser, body, first_line)
    else:
        parser.feed(enumerate(body.split("\n"), start=first_line))
    categories = parser.categories()
    if not categories:
        raise PageError(
            "no competency categories found",
            path=path,
            hint="a level page needs '## Category' headings followed by list items",
        )
    return Level(
        id=ident,
        title=title,
        path=path,
        description=collapse(description),
        overview=parser.overview_text(),
        categories=categories,
        weight=weight,
        heading=parser.heading,
        page_title=title_line(raw_title) if raw_title else None,
        notes=tuple(parser.notes),
        language=language,
    )


def parse_fragment(
    text: str, *, expand: IncludeExpander | None = None, path: Path | None = None
) -> tuple[list[Statement], list[Note]]:
    """An included file's statements (its list items, in order) and what the parser noticed.

    Headings inside an included file only group its items: every item becomes a statement of the
    (sub-)category that includes the file. Text outside list items is not a statement. A file
    with more statements than a level may hold is a ``PageError`` (``path`` names it).
    """
    parser = BodyParser("", "", expand, fragment=True, path=path)
    parser.feed(enumerate(text.split("\n"), start=1))
    assert parser.section is not None
    return parser.section.items, parser.notes


def load_level(
    path: Path, *, level_id: str | None = None, expand: IncludeExpander | None = None
) -> Level:
    return parse_page(read_page(path), path, level_id=level_id, expand=expand)


# ---------------------------------------------------------------------------------------------
# A directory of pages


def level_pages(directory: Path) -> list[Path]:
    """The level pages of a framework directory: ``*.md`` except its index and README, and
    ``*.html`` pages that open with YAML frontmatter (Jekyll's; other HTML is no level page)."""
    return sorted(
        p
        for p in directory.iterdir()
        if p.name.lower() not in NOT_LEVELS
        and (p.suffix.lower() == ".md" or (p.suffix.lower() in HTML_PAGES and _frontmatter(p)))
        and p.is_file()
    )


HTML_PAGES = (".html", ".htm")


def _frontmatter(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(4).rstrip(b"\r\n") == b"---"
    except OSError:
        return False


def ladder_key(level: Level) -> tuple[int, float, int, str]:
    """Frontmatter weight first, then the known ladder, then the file name."""
    if level.weight is not None:
        return (0, level.weight, 0, level.path.name)
    if level.id in KNOWN_LADDER:
        return (1, 0.0, KNOWN_LADDER.index(level.id), level.path.name)
    return (2, 0.0, 0, level.path.name)


def _framework_meta(directory: Path) -> tuple[str | None, str]:
    for name in ("_index.md", "index.md"):
        index = directory / name
        if index.is_file():
            try:
                meta, _, _ = split_frontmatter(read_page(index), index)
                return _scalar(meta, "title", index), _scalar(meta, "description", index) or ""
            except PageError:
                return None, ""
    return None, ""


def _common_suffix_title(levels: list[Level], directory: Path | None = None) -> str | None:
    """ "Senior - Infrastructure Department Career Framework" on every page names the framework.

    Sub-framework pages name their parent before a colon ("Core Platform Career Framework: Senior
    Distribution Engineer"); the sub-framework is then the parent › the directory's name.
    """
    tails = {t.split(" - ", 1)[1] for lv in levels if (t := lv.page_title) and " - " in t}
    if len(tails) == 1:
        return tails.pop()
    titles = [lv.page_title or "" for lv in levels]
    heads = {t.rsplit(": ", 1)[0] for t in titles if ": " in t}
    if directory is not None and len(heads) == 1 and all(": " in t for t in titles):
        name = re.sub(r"[-_]+", " ", directory.name).strip().title()
        return f"{heads.pop()} › {name}" if name else None
    return None


def load_framework(
    directory: Path,
    *,
    ident: str | None = None,
    expand_for: Callable[[Path], IncludeExpander | None] | None = None,
) -> Framework:
    """Load every page of a framework directory; pages that fail become ``problems``."""
    levels: list[Level] = []
    problems: list[PageProblem] = []
    pages = level_pages(directory)
    ids: dict[str, list[Path]] = {}
    for page in pages:
        ids.setdefault(page.stem.lower(), []).append(page)
    for page in pages:
        level_id = page.stem.lower()
        if len(ids[level_id]) > 1:
            names = ", ".join(p.name for p in ids[level_id])
            problems.append(
                PageProblem(
                    level_id,
                    page,
                    PageError(
                        f"two pages define level '{level_id}' ({names})",
                        path=page,
                        hint="level ids are file names compared without case; rename one page",
                    ),
                )
            )
            continue
        try:
            text = read_page(page)
            expand = expand_for(page) if expand_for else None
            level = parse_page(text, page, level_id=level_id, expand=expand)
        except PageError as exc:
            problems.append(PageProblem(level_id, page, exc))
            continue
        levels.append(level)
    levels.sort(key=ladder_key)
    if levels and all(lv.weight is None for lv in levels) and levels[-1].id not in KNOWN_LADDER:
        from career_cli.sources.ladder_order import ordered  # only where file names decide

        levels = ordered(levels, directory)
    title, description = _framework_meta(directory)
    if title is None:
        title = _common_suffix_title(levels, directory) or directory.name
    from career_cli.sources.config import read as read_config

    return Framework(
        id=ident or directory.name,
        title=title_line(title),
        path=directory,
        description=collapse(description),
        levels=tuple(levels),
        problems=tuple(problems),
        config=read_config(directory),
    )
