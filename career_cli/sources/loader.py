"""Loading: bytes of a level page → a ``Level``; a directory of pages → a ``Framework``.

It owns the page format: YAML frontmatter (via python-frontmatter), the overview section headed by
the level's own name, ``##`` categories with ``###`` sub-categories, list items as competencies, and
Hugo include shortcodes. Every way a page can be unreadable ends in a ``PageError`` naming the file
(and line, when there is one) and what to do.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from career_cli.errors import PageError
from career_cli.model import Category, Competency, Framework, Level, Note, PageProblem
from career_cli.sources import files
from career_cli.text import collapse, slug, title_line

if TYPE_CHECKING:
    from career_cli.sources.blocks import Line

MAX_PAGE_BYTES = 10 * 1024 * 1024
# Statements in one level, included ones too: handbook levels have dozens, the scale benchmarks
# compare 10,000. Bytes alone do not bound the work: 10 MB of one-letter items is 2.6 million
# statements, gigabytes to compare.
MAX_STATEMENTS = 20_000
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

_INCLUDE_RE = re.compile(
    r"\{\{(?P<open>[<%])-?\s*include\s+(?:\"(?P<dq>[^\"]*)\"|`(?P<bq>[^`]*)`|(?P<bare>[^\s\"`]+?))"
    r"\s*-?(?P<close>[>%])\}\}"
)
# Anything that looks like an include shortcode: "{{", "include" within three characters, and
# then everything up to the first "}}" (found by ``shortcode_spans``, which never searches twice).
_SHORTCODE_HEAD_RE = re.compile(r"\{\{.{0,3}?\binclude\b")
_PAIRS = {"<": ">", "%": "%"}
# An overview list item that is only a link to a heading of the same page: a table of contents.
_ANCHOR_ONLY_RE = re.compile(r"\[[^\[\]]*\]\(#[^()\s]*\)")
# Where "**" may close strong emphasis: after a character that is not a space (all of them, also
# inside "***", hence the lookahead).
_STRONG_CLOSE_RE = re.compile(r"(?<=\S)(?=\*\*)")


class Shortcode(NamedTuple):
    path: str
    valid: bool
    raw: str = ""

    def problem(self) -> str:
        """What is wrong with an invalid shortcode, and how to write it."""
        fix = (
            f'{{{{% include "{self.path}" %}}}}' if self.path != self.raw else '{{% include "…" %}}'
        )
        return (
            f"malformed include shortcode {self.raw}: Hugo does not read it as an include, so "
            f"nothing is included (write {fix})"
        )


def shortcode_spans(line: str) -> list[tuple[int, int]]:
    """Where a line holds what looks like an include shortcode: ``{{``, ``include`` within three
    characters, up to the first ``}}``. Linear: once no ``}}`` is left, nothing more can close."""
    spans = []
    start = 0
    close = -1
    while (start := line.find("{{", start)) >= 0:
        head = _SHORTCODE_HEAD_RE.match(line, start)
        if head is None:
            start += 1
            continue
        if close < head.end():
            close = line.find("}}", head.end())
            if close < 0:
                break
        spans.append((start, close + 2))
        start = close + 2
    return spans


def find_shortcodes(line: str) -> list[Shortcode]:
    """Include shortcodes on a line; a mismatched or unknown delimiter is reported as invalid."""
    found = []
    for start, end in shortcode_spans(line):
        candidate = line[start:end]
        m = _INCLUDE_RE.fullmatch(candidate)
        if m and _PAIRS[m.group("open")] == m.group("close"):
            path = m.group("dq") or m.group("bq") or m.group("bare") or ""
            found.append(Shortcode(path, True, candidate))
        else:
            quoted = re.search(r"[\"`]([^\"`]*)[\"`]", candidate)
            path = quoted.group(1) if quoted else candidate
            found.append(Shortcode(path, False, candidate))
    return found


def strong_as_text(text: str) -> str:
    """``**bold**`` read as the words it marks: each ``**`` before a character that is not a space
    pairs with the first ``**`` after one, at least a character on (found by bisection, so a
    paragraph of unclosed ``**`` takes linear time)."""
    if "**" not in text:
        return text
    closes = [m.start() for m in _STRONG_CLOSE_RE.finditer(text)]
    out = []
    position = 0
    start = text.find("**")
    while start >= 0:
        if start + 2 < len(text) and not text[start + 2].isspace():
            at = bisect.bisect_left(closes, start + 3)
            if at < len(closes):
                close = closes[at]
                out.append(text[position:start])
                out.append(text[start + 2 : close])
                position = close + 2
                start = text.find("**", position)
                continue
            break  # no "**" closes after this one: none after it can either
        start = text.find("**", start + 1)
    out.append(text[position:])
    return "".join(out)


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans taken out."""
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def is_navigation(path: str) -> bool:
    """The career-matrix navigation include (and any ``*-nav.md``) is navigation, not content."""
    name = path.rsplit("/", 1)[-1].lower().removesuffix(".md")
    return name == "career-matrix-nav" or name.endswith("-nav")


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


# Scripts written without spaces between words (Han, Kana, Hangul, Thai): a level's name in a
# heading there has no word boundary around it, and is joined to the rest by a particle.
_UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# What joins a name to the rest of a heading: の (Japanese), 的 (Chinese), 의 (Korean), and the
# punctuation headings use around a name.
_JOINERS = " -:–—・：、の的의"


def _strip_level_name(title: str, names: tuple[str, ...]) -> str:
    """A sub-category heading without the level's own name, so that "Senior Technical
    Competencies", "Associate: Führungskompetenzen" and "シニアのテクニカルコンピテンシー" align
    with the same headings of other levels."""
    for name in names:
        if not name or len(name) > len(title):
            continue  # it cannot be there; and a title as long as a page is not made a pattern
        if _UNSPACED.search(name):
            stripped = title.replace(name, " ") if name in title else title
        else:
            stripped = re.sub(rf"(?i)(?<!\w){re.escape(name)}(?!\w)", " ", title)
        stripped = collapse(stripped).strip(_JOINERS)
        if stripped and stripped != title:
            return stripped
    return title


# ---------------------------------------------------------------------------------------------
# Reading bytes


PAGE = files.Kind(
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
            return from_path(path), Note(1, "unknown-language", message)
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


# ---------------------------------------------------------------------------------------------
# The body


# The parser's own mutable state: plain slotted classes, not dataclasses — each dataclass costs
# start-up time to generate, and these never leave this module.
class _Section:
    __slots__ = ("has_children", "items", "line", "parts")

    def __init__(self, parts: tuple[str, ...], line: int) -> None:
        self.parts = parts
        self.line = line
        self.items: list[Competency] = []
        self.has_children = False


class _OpenItem:
    __slots__ = ("line", "parts", "serial")

    def __init__(self, serial: int, line: int) -> None:
        self.serial = serial  # the scanner's list item: its lines are this statement's
        self.parts: list[str] = []
        self.line = line


class _BodyParser:
    """Level pages from the records of ``blocks.scan``: headings make categories, and each list
    item at the top of a category is a statement, with everything its paragraphs hold (nested
    items, lazy lines); code, comments and rules are no statement text."""

    def __init__(
        self,
        level_id: str,
        title: str,
        expand: IncludeExpander | None,
        *,
        fragment: bool = False,
        path: Path | None = None,
    ) -> None:
        self.level_id = level_id
        self.path = path
        self.count = 0  # statements so far, included ones too
        self.title = title
        self.names = tuple(dict.fromkeys(n for n in (title, level_id) if n))
        # Made once per page, not per heading: a title may be as long as the page, and a page may
        # hold as many headings.
        self.keys = {slug(title), slug(level_id)}
        self.name_keys = tuple(key for key in map(slug, self.names) if key)
        self.expand = expand
        # A fragment is an included file: one run of statements, its headings only group them.
        self.fragment = fragment
        self.sections: list[_Section] = []
        self.section: _Section | None = _Section(("",), 0) if fragment else None
        self.overview_depth: int | None = None
        self.in_overview = False
        self.overview: list[list[str]] = [[]]
        self.heading: str | None = None
        self.item: _OpenItem | None = None
        self.notes: list[Note] = []
        self.stack: list[str] = []
        self.category_depth = 0  # the depth of the heading that opened the top category
        self.skipped: int | None = None  # an overview item that is only a link: navigation

    # -- headings

    def _is_overview(self, text: str, strict: bool) -> bool:
        key = slug(text)
        if key in self.keys:
            return True
        if strict:
            return False
        # Sub-framework pages head the overview "Core Platform Senior Distribution Engineer" for
        # the level "Senior Distribution Engineer": the heading ends with the level's name. A
        # category such as "Senior Responsibilities" merely starts with it.
        return any(key.endswith(f"-{name_key}") for name_key in self.name_keys)

    def heading_line(self, depth: int, text: str, line: int) -> None:
        self.close_item()
        text = title_line(text)
        if depth == 1 or self.fragment:
            return
        nested = bool(self.stack) and depth > self.category_depth  # inside a category
        if (
            self.heading is None
            and not nested
            and self._is_overview(text, strict=bool(self.sections))
        ):
            self.heading = text
            self.in_overview = True
            self.overview_depth = depth
            self.section = None
            self.stack = []
            return
        self.in_overview = False
        if self.overview_depth is not None and depth > self.overview_depth:
            # Sub-frameworks put their categories under the overview heading: promote them.
            rank = depth - self.overview_depth
        else:
            self.overview_depth = None
            rank = depth - 1
        title = _strip_level_name(text, self.names)
        if rank <= 1:
            self.category_depth = depth
        self.stack = [*self.stack[: rank - 1], title]
        if len(self.stack) > 1:
            for section in reversed(self.sections):
                if section.parts == tuple(self.stack[:-1]):
                    section.has_children = True
                    break
        self.section = _Section(tuple(self.stack), line)
        self.sections.append(self.section)

    # -- items

    def close_item(self) -> None:
        if self.item is None:
            return
        text = collapse(" ".join(self.item.parts))
        if text and self.section is not None:
            self.section.items.append(Competency(text, self.item.line))
            self.counted(1, self.item.line)
        self.item = None

    def counted(self, added: int, line: int) -> None:
        self.count += added
        if self.count > MAX_STATEMENTS:
            raise PageError(
                f"more than {MAX_STATEMENTS:,} statements",
                path=self.path,
                line=line,
                hint="a level lists dozens of competencies; check that this is the right file",
            )

    def list_item(self, record: Line) -> None:
        """A list item at the top of the page: a statement in a category, else a line of text."""
        self.close_item()
        if self.in_overview or self.section is None:
            if self.in_overview and self.overview[-1]:
                self.overview.append([])  # each overview list item reads as its own line
            return
        self.item = _OpenItem(record.chain[-1], record.no)

    def text_line(self, text: str, line: int) -> None:
        if self.in_overview:
            self.overview[-1].append(text)
        elif self.section is None and text:
            self.notes.append(Note(line, "outside-category", "text before the first category"))

    def include(self, code: Shortcode, line: int) -> None:
        self.close_item()
        if not code.valid:
            self.notes.append(Note(line, "malformed-shortcode", code.problem()))
            return
        if is_navigation(code.path):
            return
        if self.section is None:
            self.notes.append(Note(line, "include-outside-category", f"include {code.path}"))
            return
        if self.expand is not None:
            items, notes = self.expand(code.path, line)
            self.section.items.extend(items)
            self.notes.extend(notes)
            self.counted(len(items), line)
            return
        self.section.items.append(Competency(code.path, line, include=code.path))
        self.counted(1, line)

    def feed(self, lines: Iterable[tuple[int, str]]) -> None:
        from career_cli.sources.blocks import BLANK, CODE, FENCE, HEADING, HTML, ITEM, TEXT, scan

        # A top-level list item's first line is read as written from its marker on, whatever
        # it opens ("- 1." or "- # x" are statements too), unless it opens code or a comment.
        first: tuple[int, int, int] | None = None  # (line, item, column) of the last item
        marker = ""  # an overview item's marker, for the first line of its text
        for record in scan(lines):
            kind = record.kind
            owner = record.chain[0] if record.chain and record.chain[0] > 0 else None
            if kind == ITEM:
                if len(record.chain) == 1 and owner is not None:
                    self.list_item(record)
                    first, marker = (record.no, owner, record.start), record.marker
                continue
            pending, marker = marker, ""
            mine = self.item is not None and owner == self.item.serial
            text = record.content.strip()
            if first is not None and first[:2] == (record.no, owner):
                text = "" if kind in (FENCE, HTML, CODE) else record.text[first[2] :].strip()
                kind = TEXT
            first = None
            if kind == BLANK:
                if self.in_overview and self.overview[-1]:
                    self.overview.append([])
                continue
            if kind not in (TEXT, HEADING):
                if not mine:
                    self.close_item()  # a rule, code or a comment block ends the statement
                continue
            if kind == HEADING and not record.chain:
                self.heading_line(record.depth, record.title.strip(), record.no)
                continue
            if self.shortcodes(text, record.no):
                continue
            if mine:
                assert self.item is not None
                self.item.parts.append(text)  # nested items and in-item headings join it
                continue
            if owner is None:
                self.close_item()
            if self.in_overview and owner is not None:
                if owner == self.skipped:
                    continue
                if pending and _ANCHOR_ONLY_RE.fullmatch(text):
                    self.skipped = owner  # "- [Technical Competencies](#…)": navigation
                    continue
                text = f"{pending} {text}" if pending else text
            self.text_line(text, record.no)
        self.close_item()

    def shortcodes(self, text: str, line: int) -> bool:
        """Whether the line is include shortcodes and nothing else (each is then an include);
        a malformed one among other text is noted."""
        if "{{" not in text:
            return False
        codes = find_shortcodes(text)
        if codes and not _outside(text, shortcode_spans(text)).strip():
            for code in codes:
                self.include(code, line)
            return True
        for code in codes:
            if not code.valid:
                self.notes.append(Note(line, "malformed-shortcode", code.problem()))
        return False

    def categories(self) -> tuple[Category, ...]:
        merged: dict[str, _Section] = {}
        for section in self.sections:
            if section.has_children and not section.items:
                continue  # a grouping heading such as "Engineering alignment"
            ident = "/".join(slug(part) or "section" for part in section.parts)
            first = merged.get(ident)
            if first is None:
                merged[ident] = section
                continue
            # The same heading twice: one category, so no statement is lost in a comparison.
            first.items.extend(section.items)
            self.notes.append(
                Note(
                    section.line,
                    "duplicate-category",
                    f"category '{' › '.join(section.parts)}' also starts at line {first.line}; "
                    "its statements are read as one category (merge the two sections)",
                )
            )
        return tuple(
            Category(ident, s.parts, tuple(s.items), s.line) for ident, s in merged.items()
        )

    def overview_text(self) -> str:
        """The overview as prose: paragraphs apart, ``**bold**`` read as the words it marks."""
        return "\n\n".join(strong_as_text(" ".join(p)) for p in self.overview if p)


IncludeExpander = Callable[[str, int], "tuple[list[Competency], list[Note]]"]


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
    parser = _BodyParser(ident, title, expand, path=path)
    if language_note is not None:
        parser.notes.append(language_note)
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
) -> tuple[list[Competency], list[Note]]:
    """An included file's statements (its list items, in order) and what the parser noticed.

    Headings inside an included file only group its items: every item becomes a statement of the
    (sub-)category that includes the file. Text outside list items is not a statement. A file
    with more statements than a level may hold is a ``PageError`` (``path`` names it).
    """
    parser = _BodyParser("", "", expand, fragment=True, path=path)
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
    """The level pages of a framework directory: ``*.md`` except its index and README."""
    return sorted(
        p
        for p in directory.iterdir()
        if p.suffix.lower() == ".md" and p.name.lower() not in NOT_LEVELS and p.is_file()
    )


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
