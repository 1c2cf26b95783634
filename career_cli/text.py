"""Small text helpers shared by the loader, the aligner and the renderers.

They own three rules: how Markdown links compare (on their text alone), how titles become ids,
and how document text is made safe to show (page text is data, never terminal control); and what
text is the same (whitespace and links aside, under Unicode NFC).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

# A Markdown link: [text](url) or [text](url "title"). URLs with balanced parentheses are rare in
# handbook pages; we accept one level of them so /foo_(bar) does not split a link in two.
LINK_RE = re.compile(r"\[([^\[\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
# Combining marks, joiners and variation selectors belong to the character before them, so a
# word never ends inside "é" written as e + U+0301 (NFD), an Indic or Arabic word does not fall
# apart at its vowel signs ("नेतृत्व"), nor a diff splits an emoji sequence. Python's \w leaves
# marks out; the class is built from the Unicode database over the blocks that have them.
_MARK_BLOCKS = (
    (0x0300, 0x0DFF),  # Latin combining marks through Sinhala: Hebrew, Arabic, the Indic scripts
    (0x0E00, 0x0FFF),  # Thai, Lao, Tibetan
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),
)


def _mark_class(blocks: tuple[tuple[int, int], ...]) -> str:
    """The marks (Mn, Mc, Me) of these blocks as character-class ranges, plus ZWNJ and ZWJ."""
    import unicodedata

    codes = [
        c for lo, hi in blocks for c in range(lo, hi + 1) if unicodedata.category(chr(c))[0] == "M"
    ]
    ranges: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code != prev + 1:
            ranges.append(chr(start) if start == prev else f"{chr(start)}-{chr(prev)}")
            start = code
        prev = code
    return "".join(ranges) + "\u200c\u200d"


MARKS = _mark_class(_MARK_BLOCKS)
# A word as every module counts words: letters and digits (with their combining marks), with
# inner apostrophes and hyphens ("on-call", "team's"), so "on-call" is one word wherever it is
# compared, searched or named. Letters and marks are disjoint sets: nothing to backtrack over.
_LETTERS = rf"[^\W_][{MARKS}]*"
WORD_RE = re.compile(rf"(?:{_LETTERS})+(?:['’-](?:{_LETTERS})+)*")
_SLUG_RE = re.compile(r"[^\w]+|_+")

# C0 controls except tab and newline, DEL, C1 controls, and the bidi overrides/isolates that can
# reorder what a terminal shows ("Trojan Source"). Anything here is shown as an escape instead.
_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """Text as a reader sees it rendered: links reduced to their text."""
    return LINK_RE.sub(lambda m: m.group(1), text)


def collapse(text: str) -> str:
    """Runs of whitespace as one space, none at the ends. ``str.split`` takes the very
    characters ``\\s`` does (``str.isspace``), in C, twice as fast as the pattern."""
    return " ".join(text.split())


# Titles (of frameworks, levels, categories) are a few words, and every view repeats them: in each
# column header, each lint problem, each search match. A page-long title would multiply the output
# by the number of categories or statements, so titles longer than this are cut.
MAX_TITLE = 200


def title_line(text: str) -> str:
    """A title as read: whitespace collapsed, at most ``MAX_TITLE`` characters (cut with …)."""
    text = collapse(text)
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rstrip() + "…"


def nfc(text: str) -> str:
    """Text in Unicode's composed form (NFC), as comparisons see it: "é" is one character whether
    the page wrote it as U+00E9 or as e + U+0301. What is stored and shown stays as written."""
    if text.isascii():
        return text
    import unicodedata  # only for text that needs it: start-up time

    return unicodedata.normalize("NFC", text)


def normalize(text: str) -> str:
    """The comparison key of a statement: whitespace, link targets and Unicode's choice between
    composed and decomposed characters do not count."""
    return collapse(plain(nfc(text)))


def slug(title: str) -> str:
    """``"Team building"`` → ``"team-building"``: case, whitespace and punctuation insensitive
    (and composed or decomposed characters alike)."""
    return _SLUG_RE.sub("-", nfc(title).lower()).strip("-")


def category_id(parts: tuple[str, ...] | list[str]) -> str:
    """A category's id from its heading titles, top first (``Engineering alignment › Values`` →
    ``engineering-alignment/values``): every reader makes it so, so a category pairs with the
    same one at another level and an export reads back with the same ids."""
    return "/".join(slug(part) or "section" for part in parts)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Text safe to put on a terminal: control characters become visible ``\\x1b``-style escapes."""
    return _UNSAFE_RE.sub(_escape, text)


def one_line(text: str) -> str:
    """``visible``, and a newline shown as ``\\n`` too: for what must stay one line, such as a
    lint problem or a message, where a newline in a file name would forge a line of its own."""
    return visible(text).replace("\n", "\\n")


def shown_path(path: Path | str) -> str:
    """A path as messages show it: relative to the current directory when it is inside it."""
    text = str(path)
    if not Path(text).is_absolute():
        return text
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive (Windows)
        return text
    return text if relative.startswith("..") else relative


def indentation(line: str) -> int:
    """Leading whitespace in columns, a tab counting as four (as Markdown reads it)."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


# Where "**" may close strong emphasis: after a character that is not a space (all of them, also
# inside "***", hence the lookahead).
_STRONG_CLOSE_RE = re.compile(r"(?<=\S)(?=\*\*)")


def strong_as_text(text: str) -> str:
    """``**bold**`` read as the words it marks: each ``**`` before a character that is not a space
    pairs with the first ``**`` after one, at least a character on (found by bisection, so a
    paragraph of unclosed ``**`` takes linear time)."""
    if "**" not in text:
        return text
    import bisect

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


# What a spreadsheet reads as the start of a formula (OWASP's CSV-injection list: = + - @, tab,
# carriage return), and the apostrophe that neutralises one, so that neutralising can be undone
# exactly: a writer of CSV cells (``render.export``) and a reader of career's own (a matrix
# reader) share this pair.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise_formula(text: str) -> str:
    """A cell a spreadsheet will not run: ``'`` before a formula's first character (and before
    a leading ``'``), as OWASP advises."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def formula_text(cell: str) -> str:
    """The text a neutralised cell stood for: the exact inverse of ``neutralise_formula``."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def bar_rows(text: str) -> Iterator[tuple[int, str, list[str] | None]]:
    """The rows of a shipped word list (the thesaurus, the change-kind scales): one
    ``head | item, item`` a line, ``#`` comments and blank lines skipped. Each row is its line
    number, its head, and its non-empty items (``None`` when the line has no ``|``)."""
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, bar, tail = line.partition("|")
        yield number, head, [t.strip() for t in tail.split(",") if t.strip()] if bar else None
