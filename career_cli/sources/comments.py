"""HTML comments in paragraph text, as CommonMark reads them inline: code spans and escapes first.

A comment is inline HTML only within its paragraph (``blocks`` hands over one paragraph at a time),
so an unclosed ``<!--`` is text, and ``<!--`` inside a code span or after a backslash opens nothing.
The comment grammar is markdown-it-py's (CommonMark's): ``<!-->``, ``<!--->``, or ``<!--`` up to the
first ``>`` that follows a run of dashes whose length is 2 modulo 3. Linear in the text: every
backtick run and every possible end is found once, then looked up.
"""

from __future__ import annotations

import bisect
import re

_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Inline: the characters that may start a code span, a comment or an escape. Runs of backticks
# and of dashes before '>' are found with a lookbehind, so each run is read once.
_SPECIAL = re.compile(r"[\\`<]")
_BACKTICKS = re.compile(r"(?<!`)`+")
_DASHES_CLOSE = re.compile(r"(?<!-)-+>")


def strip_comments(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without its HTML comments, and the spans the comments took (in ``text``).

    A comment is ``<!-->``, ``<!--->``, or ``<!--`` … ``-->`` where the ``-->`` is the first ``>``
    after a run of dashes whose length is 2 modulo 3 (markdown-it-py's comment grammar, which is
    CommonMark's). Code spans and backslash escapes come first, in reading order.
    """
    if "<!--" not in text:
        return text, []
    runs: dict[int, list[int]] = {}  # backtick run length → starts, in order
    for m in _BACKTICKS.finditer(text):
        runs.setdefault(m.end() - m.start(), []).append(m.start())
    used: dict[int, int] = dict.fromkeys(runs, 0)  # how far each list has been consumed
    closes = [
        m.end() - 1 for m in _DASHES_CLOSE.finditer(text) if (m.end() - m.start() - 1) % 3 == 2
    ]
    spans: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while True:
        found = _SPECIAL.search(text, i)
        if found is None:
            break
        i = found.start()
        char = text[i]
        if char == "\\":
            i += 2 if i + 1 < n and text[i + 1] in _PUNCTUATION else 1
            continue
        if char == "`":
            j = i
            while j < n and text[j] == "`":
                j += 1
            length = j - i
            starts = runs.get(length, [])
            k = used.get(length, 0)
            while k < len(starts) and starts[k] < j:
                k += 1
            if length in used:
                used[length] = k
            i = starts[k] + length if k < len(starts) else j  # a code span, or literal backticks
            continue
        if not text.startswith("<!--", i):
            i += 1
            continue
        end = _comment_end(text, i, closes)
        if end is None:
            i += 4
            continue
        spans.append((i, end))
        i = end
    if not spans:
        return text, []
    return outside(text, spans), spans


def outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans (in order, not overlapping) taken out."""
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _comment_end(text: str, i: int, closes: list[int]) -> int | None:
    """Where a comment opened at ``i`` ends (past its ``>``), or None when it never closes."""
    p = i + 4
    if text.startswith(">", p):
        return p + 1  # <!-->
    if text.startswith("->", p):
        return p + 2  # <!--->
    # Dashes right after the opener run on from its own two: count them from here.
    j = p
    n = len(text)
    while j < n and text[j] == "-":
        j += 1
    if j < n and text[j] == ">" and j - p >= 2 and (j - p) % 3 == 2:
        return j + 1
    at = bisect.bisect_right(closes, j)
    return closes[at] + 1 if at < len(closes) else None
