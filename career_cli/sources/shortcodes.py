"""Hugo include shortcodes in page text: where they are, which are valid, which are navigation.

``{{% include "includes/…/x.md" %}}`` and ``{{< include "…" >}}`` pull a shared file's statements
into a page; anything that looks like one but is not (mismatched delimiters, ``{{$ include … %}}``)
is reported, since Hugo includes nothing for it. Found by linear scans: a line of 200 KB of
openers with no ``}}`` is read once.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_INCLUDE_RE = re.compile(
    r"\{\{(?P<open>[<%])-?\s*include\s+(?:\"(?P<dq>[^\"]*)\"|`(?P<bq>[^`]*)`|(?P<bare>[^\s\"`]+?))"
    r"\s*-?(?P<close>[>%])\}\}"
)
# Anything that looks like an include shortcode: "{{", "include" within three characters, and
# then everything up to the first "}}" (found by ``shortcode_spans``, which never searches twice).
_SHORTCODE_HEAD_RE = re.compile(r"\{\{.{0,3}?\binclude\b")
_PAIRS = {"<": ">", "%": "%"}


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


def is_navigation(path: str) -> bool:
    """The career-matrix navigation include (and any ``*-nav.md``) is navigation, not content."""
    name = path.rsplit("/", 1)[-1].lower().removesuffix(".md")
    return name == "career-matrix-nav" or name.endswith("-nav")
