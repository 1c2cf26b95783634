"""CommonMark's block structure, for the Markdown that level pages and checklists are made of.

It owns how each line of a page or checklist is read, by CommonMark's rules (the spec's parsing
strategy, checked against markdown-it-py in ``tests/test_commonmark.py``): which list items and
block quotes hold it, and whether it is a heading, paragraph text, a line of a fenced or indented
code block, of an HTML comment block, a thematic break or blank. So a fence closes only on a fence
of its own character at least as long and with nothing after it, a fence or comment opened inside
a list item ends with the item, and a heading inside a list item stays inside it. Inline, HTML
comments are taken out of paragraph text once the paragraph is whole (``comments``): a comment may
span the lines of one paragraph, never more, and `` `<!--` `` opens nothing.

Left out on purpose: setext headings (handbook pages use ``---`` as a rule under a paragraph),
HTML blocks other than comments, link reference definitions, and links (a ``<!--`` inside a link
destination or title is read as a comment opener). Containers nest at most ``MAX_NESTING`` deep;
a deeper list marker or ``>`` is read as text.

Every scan is linear in its input: no regular expression here can backtrack more than once over
a run of one character, and nothing is searched for twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from career_cli.sources.comments import strip_comments

MAX_NESTING = 100

# What a line is, once its containers (list items, block quotes) are taken off.
ITEM = "item"  # a list item starts here (its content follows as more records of the same line)
HEADING = "heading"
TEXT = "text"  # paragraph text, lazy continuation lines included
BLANK = "blank"
FENCE = "fence"  # a line of a fenced code block, its fences included
CODE = "code"  # a line of an indented code block
HTML = "html"  # a line of an HTML comment block
RULE = "rule"  # a thematic break


class Line:
    """One record of a scanned line. A line that opens list items or block quotes yields one
    record per item it opens (kind ``ITEM``), then one for its content."""

    __slots__ = ("chain", "comments", "depth", "kind", "marker", "no", "start", "text", "title")

    def __init__(self, no: int, kind: str, text: str, start: int, chain: tuple[int, ...]) -> None:
        self.no = no
        self.kind = kind
        self.text = text  # the whole line, tabs expanded; comments taken out of TEXT and HEADING
        self.start = start  # the column where the content begins (an ITEM: after its marker)
        # The containers that hold the line, outermost first: list items by a positive serial,
        # block quotes by a negative one. An ITEM record's chain ends with the item it opens.
        self.chain = chain
        self.depth = 0  # a HEADING's level
        self.title = ""  # a HEADING's text, without its '#'s (and comments)
        self.marker = ""  # an ITEM's marker: "-", "1.", …
        self.comments: tuple[str, ...] = ()  # HTML comments that start on this line, whole

    @property
    def content(self) -> str:
        return self.text[self.start :]

    @property
    def items(self) -> tuple[int, ...]:
        return tuple(serial for serial in self.chain if serial > 0)

    def __repr__(self) -> str:
        return f"Line({self.no}, {self.kind}, {self.content!r}, chain={self.chain})"


class _Container:
    __slots__ = ("content", "has_content", "serial")

    def __init__(self, serial: int, content: int = 0, has_content: bool = True) -> None:
        self.serial = serial  # > 0: a list item; < 0: a block quote
        self.content = content  # a list item's content column
        self.has_content = has_content


def _first_nonspace(line: str, pos: int, limit: int) -> int:
    """The index of the first character at or after ``pos`` that is not a space, looking at no
    more than ``limit`` characters (it returns ``pos + limit`` when they are all spaces)."""
    end = min(len(line), pos + limit)
    while pos < end and line[pos] == " ":
        pos += 1
    return pos


def atx_heading(line: str, i: int) -> tuple[int, str] | None:
    """``(level, title)`` when an ATX heading starts at ``i`` (``## Title ##``)."""
    j = i
    n = len(line)
    while j < n and j - i < 7 and line[j] == "#":
        j += 1
    depth = j - i
    if not 1 <= depth <= 6 or (j < n and line[j] not in " \t"):
        return None
    title = line[j:].strip(" \t")
    if title.endswith("#"):
        # A closing sequence: the trailing '#'s, when a space comes before them (or nothing).
        bare = title.rstrip("#")
        if not bare or bare[-1] in " \t":
            title = bare.rstrip(" \t")
    return depth, title


def fence_opening(line: str, i: int) -> tuple[str, int] | None:
    """``(character, length)`` when a code fence opens at ``i``: three or more backticks or
    tildes; after backticks, the info string may hold no backtick."""
    char = line[i : i + 1]
    if char not in ("`", "~"):
        return None
    j = i
    n = len(line)
    while j < n and line[j] == char:
        j += 1
    if j - i < 3 or (char == "`" and "`" in line[j:]):
        return None
    return char, j - i


def fence_closes(line: str, pos: int, char: str, length: int) -> bool:
    """Whether the line (its content starting at ``pos``) closes a fence of ``char`` × ``length``:
    at most three spaces, at least as many of the same character, then nothing but spaces."""
    i = _first_nonspace(line, pos, 4)
    if i - pos > 3 or line[i : i + 1] != char:
        return False
    j = i
    n = len(line)
    while j < n and line[j] == char:
        j += 1
    return j - i >= length and not line[j:].strip(" \t")


def thematic_break(line: str, i: int) -> bool:
    char = line[i : i + 1]
    if char not in ("*", "-", "_"):
        return False
    rest = line[i:].replace(" ", "").replace("\t", "")
    return len(rest) >= 3 and rest == char * len(rest)


def list_marker(line: str, i: int) -> tuple[str, int, bool] | None:
    """``(marker, content column, empty)`` when a list item starts at ``i``."""
    n = len(line)
    char = line[i : i + 1]
    if char in ("-", "+", "*"):
        end = i + 1
    else:
        end = i
        while end < n and end - i < 10 and line[end].isdigit() and line[end].isascii():
            end += 1
        if not 1 <= end - i <= 9 or line[end : end + 1] not in (".", ")"):
            return None
        end += 1
    if end < n and line[end] != " ":
        return None
    after = _first_nonspace(line, end, 5)
    if after >= n and not line[after:].strip(" "):
        return line[i:end], end + 1, True  # an empty item: its content starts one column on
    if after - end >= 5:
        return line[i:end], end + 1, False  # indented code inside the item
    return line[i:end], after, False


# ---------------------------------------------------------------------------------------------
# Blocks


class Scanner:
    """Lines in, records out (``Line``), in order; one pass, CommonMark's container rules."""

    def __init__(self) -> None:
        self.open: list[_Container] = []
        self.serial = 0
        self.leaf: str | None = None  # None, TEXT (a paragraph), FENCE, HTML or CODE
        self.fence = ("`", 3)
        self.paragraph: list[Line] = []  # the open paragraph's records, until it closes

    def chain(self) -> tuple[int, ...]:
        return tuple(c.serial for c in self.open)

    def lines(self, lines: Iterable[tuple[int, str]]) -> Iterator[Line]:
        for no, raw in lines:
            yield from self.line(no, raw)
        yield from self.flush()

    def flush(self) -> Iterator[Line]:
        """The open paragraph's records, comments taken out now that the paragraph is whole."""
        records, self.paragraph = self.paragraph, []
        if any("<!--" in r.text for r in records):
            _cut_comments(records)
        yield from records

    def _match(self, line: str, indent: int, blank: bool) -> tuple[int, int]:
        """How many open containers the line continues, and the column after their markers."""
        pos = 0
        matched = 0
        for container in self.open:
            if container.serial < 0:  # a block quote: '>' after at most three spaces
                i = indent if pos <= indent else _first_nonspace(line, pos, 4)
                if i - pos > 3 or line[i : i + 1] != ">":
                    break
                pos = i + 2 if line[i + 1 : i + 2] == " " else i + 1
            elif blank:
                if not container.has_content:
                    break  # a blank line after an empty list item ends it
            else:
                i = indent if pos <= indent else _first_nonspace(line, pos, container.content)
                if i < container.content:
                    break
                pos = container.content
            matched += 1
        return matched, pos

    def line(self, no: int, raw: str) -> Iterator[Line]:
        line = raw.expandtabs(4) if "\t" in raw else raw
        n = len(line)
        indent = n - len(line.lstrip(" "))
        blank = indent == n
        matched, pos = self._match(line, indent, blank)
        all_matched = matched == len(self.open)
        if all_matched and self.leaf == FENCE:
            if fence_closes(line, pos, *self.fence):
                self.leaf = None
            yield Line(no, FENCE, line, pos, self.chain())
            return
        if all_matched and self.leaf == HTML:
            if "-->" in line[pos:]:
                self.leaf = None
            yield Line(no, HTML, line, pos, self.chain())
            return

        # Containers this line opens, then the block it starts (if any).
        in_paragraph = all_matched and self.leaf == TEXT  # what may interrupt it is restricted
        new: list[tuple[_Container, int, str]] = []
        leaf: str | None = None
        heading: tuple[int, str] = (0, "")
        while True:
            i = indent if pos <= indent else _first_nonspace(line, pos, 4)
            if i - pos >= 4 or i >= n:
                break
            char = line[i]
            deep = matched + len(new) >= MAX_NESTING
            if char == ">" and not deep:
                self.serial += 1
                new.append((_Container(-self.serial), i, ">"))
                pos = i + 2 if line[i + 1 : i + 2] == " " else i + 1
                in_paragraph = False
                continue
            if char == "#" and (found := atx_heading(line, i)) is not None:
                leaf, heading, pos = HEADING, found, i
                break
            if char in "`~" and (fence := fence_opening(line, i)) is not None:
                leaf, self.fence, pos = FENCE, fence, i
                break
            if char == "<" and line.startswith("<!--", i):
                leaf, pos = HTML, i
                break
            if thematic_break(line, i):
                leaf, pos = RULE, i
                break
            item = None if deep else list_marker(line, i)
            if item is None:
                break
            marker, content, empty = item
            if in_paragraph and (empty or (marker[0].isdigit() and int(marker[:-1]) != 1)):
                break  # such an item cannot interrupt a paragraph: the line is text
            self.serial += 1
            new.append((_Container(self.serial, content, has_content=not empty), content, marker))
            pos = min(content, n)
            in_paragraph = False
        started = bool(new) or leaf is not None
        if not started and not all_matched and not blank and self.leaf == TEXT:
            # A lazy continuation line: it goes on with the paragraph of the open container.
            self.paragraph.append(Line(no, TEXT, line, pos, self.chain()))
            return
        if started or not all_matched:
            yield from self.flush()  # the paragraph (or code, fence, comment) ends here
            self.leaf = None
            del self.open[matched:]
        if new:
            self._touch()
            for index, (container, column, marker) in enumerate(new):
                if index < len(new) - 1:
                    container.has_content = True  # it holds the next one
                self.open.append(container)
                if container.serial > 0:
                    record = Line(no, ITEM, line, column, self.chain())
                    record.marker = marker
                    yield record
        chain = self.chain()
        if leaf is not None:
            self._touch()
            self.leaf = {FENCE: FENCE, HTML: HTML}.get(leaf)
            if leaf == HTML and "-->" in line[pos:]:
                self.leaf = None
            if leaf == HEADING:
                depth, title = heading
                stripped, spans = strip_comments(title)
                record = Line(no, HEADING, f"{line[:pos]}{'#' * depth} {stripped}", pos, chain)
                record.depth = depth
                record.title = stripped
                record.comments = tuple(title[a:b] for a, b in spans)
                yield record
                return
            yield Line(no, leaf, line, pos, chain)
            return
        i = indent if pos <= indent else _first_nonspace(line, pos, n)
        if i >= n:  # blank, or what is left after an empty list item's marker
            if self.leaf == TEXT:
                yield from self.flush()
                self.leaf = None
            yield Line(no, BLANK, line, min(pos, n), chain)
            return
        if i - pos >= 4 and self.leaf != TEXT:
            self.leaf = CODE
            self._touch()
            yield Line(no, CODE, line, pos, chain)
            return
        self.leaf = TEXT
        self._touch()
        self.paragraph.append(Line(no, TEXT, line, i, chain))

    def _touch(self) -> None:
        """The innermost open container has content now (an empty list item no longer)."""
        if self.open:
            self.open[-1].has_content = True


def _cut_comments(records: list[Line]) -> None:
    """Take a paragraph's HTML comments out of its records' text, line by line; each record
    learns the comments that start on it."""
    joined = "\n".join(r.content for r in records)
    _, spans = strip_comments(joined)
    k = 0
    start = 0
    for record in records:
        content = record.content
        end = start + len(content)
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        pieces = []
        comments = []
        position = start
        j = k
        while j < len(spans) and spans[j][0] < end:
            a, b = spans[j]
            if a >= start:
                comments.append(joined[a:b])
            if a > position:
                pieces.append(joined[position:a])
            position = max(position, b)
            j += 1
        if position < end:
            pieces.append(joined[position:end])
        record.text = record.text[: record.start] + "".join(pieces)
        record.comments = tuple(comments)
        start = end + 1


def scan(lines: Iterable[tuple[int, str]]) -> Iterator[Line]:
    """Every record of the numbered lines, in order."""
    return Scanner().lines(lines)
