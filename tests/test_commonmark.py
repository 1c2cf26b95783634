"""The page reader and the evidence reader against CommonMark, with markdown-it-py as the oracle.

Hypothesis writes documents from the constructs level pages and checklists are made of, with the
ones that trip a hand-written reader mixed in: fences closed by a shorter fence, by the other
character, by a fence with an info string, or never; fences, comments and nested items inside
list items; comments inline, across lines, unclosed, and inside code spans; escaped openers;
lazy continuation lines; over-indented lines and indented code; ordered items that may not
interrupt a paragraph; thematic breaks. Every piece of text carries a unique marker word
(``w17``), so a statement is compared by the markers it holds.

* Page reader: for each category (``##``/``###`` headings at the top of the document), the
  statements ``parse_page`` reads must hold exactly the markers of the list items markdown-it
  finds at the top of that category, item by item — text in a comment, a code block or a fence
  info string holds none.
* Evidence reader: the task items (``- [x] …`` not inside another task item) ``parse_markdown``
  reads must be markdown-it's, in order, ticked alike.

markdown-it is used here only: the readers stay hand-written, for start-up time. Where it departs
from CommonMark's reference implementation (commonmark.js, and cmark, whose descendant renders
GitLab), the readers follow the reference and the documents here avoid the construct: after a
nested list item's paragraph, a line indented four or more columns past the enclosing item but
less than the nested item's content is a lazy continuation of that paragraph for the reference,
while markdown-it lets it open a block there (an HTML comment, indented code).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from career_cli.features.evidence import parse_markdown
from career_cli.sources.loader import parse_page

MARKER = re.compile(r"\bw\d+\b")
MD = MarkdownIt("commonmark")


def budget(examples: int) -> settings:
    import os

    long = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
    return settings(
        max_examples=examples * (100 if long else 1),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- documents


class Words:
    """Unique marker words, in order of use."""

    def __init__(self) -> None:
        self.next = 0

    def __call__(self) -> str:
        self.next += 1
        return f"w{self.next}"


# Inline pieces: what surrounds text, each with a marker where text is.
INLINE = [
    "{w}",
    "{w} plain",
    "`<!--` {w}",
    "`code {w}`",
    "``a ` <!-- b`` {w}",
    "<!-- {w} -->",
    "<!-- hidden {w}",
    "{w} -->",
    "\\<!-- {w}",
    "\\`{w}`",
    "<!---->{w}",
    "<!-- a --->{w} -->",
    "*{w}*",
    "{w} #",
    "{w} 2. x",
]


# A task's text is read from its line: no comment may join the next line to it there.
ONE_LINE = [piece for piece in INLINE if piece.count("<!--") == piece.count("-->")]


@st.composite
def text(draw: st.DrawFn, words: Words, pieces: list[str] = INLINE) -> str:
    pieces = draw(st.lists(st.sampled_from(pieces), min_size=1, max_size=3))
    return " ".join(piece.format(w=words()) for piece in pieces)


FENCES = ["```", "````", "~~~", "~~~~"]


@st.composite
def fence(draw: st.DrawFn, words: Words, indent: str) -> list[str]:
    """A fenced block, closed as it should be or not."""
    opening = draw(st.sampled_from(FENCES))
    info = draw(st.sampled_from(["", "python", f"{words()}"]))
    body = [f"{indent}- [x] {words()}", f"{indent}1. {words()}", f"{indent}<!--"]
    closing = draw(
        st.sampled_from(
            [
                opening,  # closes
                opening + opening[0],  # longer: closes
                opening[:3] if len(opening) > 3 else None,  # shorter: does not close
                ("~~~" if opening[0] == "`" else "```"),  # the other character: does not
                opening + " python",  # an info string: does not close
                "",  # never closed
            ]
        )
    )
    lines = [f"{indent}{opening}{info}", *draw(st.permutations(body))[:2]]
    if closing is not None and closing:
        lines.append(f"{indent}{closing}")
        if closing != opening and draw(st.booleans()):
            lines.append(f"{indent}{opening}")
    return lines


@st.composite
def item(
    draw: st.DrawFn, words: Words, indent: int = 0, depth: int = 0, task: bool = False
) -> list[str]:
    """A list item with what may follow its first line, indented to its content."""
    marker = draw(st.sampled_from(["-", "*", "+", "1.", "2)", "10."]))
    lead = " " * indent + " " * draw(st.integers(0, 3 if depth == 0 else 1))
    gap = draw(st.sampled_from([" ", " ", "  ", "\t"]))
    box = draw(st.sampled_from(["[ ] ", "[x] ", ""])) if task else ""
    first = f"{lead}{marker}{gap}{box}{draw(text(words, ONE_LINE if task else INLINE))}"
    content = len((lead + marker + gap).expandtabs(4))
    inner = " " * content
    lines = [first]
    previous = ""
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(
            st.sampled_from(["continue", "lazy", "blank", "nested", "fence", "comment", "deep"])
        )
        if kind == "deep" and previous == "nested":
            kind = "continue"  # where markdown-it departs from CommonMark's reference: see above
        previous = kind
        if kind == "continue":
            lines.append(inner + draw(text(words)))
        elif kind == "lazy":
            lines.append(draw(text(words)))
        elif kind == "blank":
            lines.append("")
        elif kind == "nested" and depth < 3:
            lines += draw(item(words, content, depth + 1, task))
        elif kind == "fence":
            lines += draw(fence(words, inner))
        elif kind == "comment":
            lines += [f"{inner}<!-- {words()}", f"{inner}- [x] {words()}", f"{inner}-->"]
        elif kind == "deep":
            lines.append(inner + "    " + draw(text(words)))
    return lines


@st.composite
def document(draw: st.DrawFn, task: bool = False) -> str:
    words = Words()
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(
            st.sampled_from(
                ["heading", "item", "item", "item", "fence", "comment", "text", "break", "blank"]
            )
        )
        if kind == "heading":
            depth = draw(st.sampled_from(["##", "##", "###"]))
            lead = " " * draw(st.integers(0, 3))
            close = draw(st.sampled_from(["", " ##", " <!-- x -->"]))
            lines += ["", f"{lead}{depth} Cat {words()}{close}", ""]
        elif kind == "item":
            lines += draw(item(words, task=task))
        elif kind == "fence":
            lines += draw(fence(words, ""))
        elif kind == "comment":
            closed = draw(st.booleans())
            lines += [f"<!-- {words()}", f"- [x] {words()}", f"1. {words()}"]
            lines += [f"{words()} -->"] if closed else []
        elif kind == "text":
            lines.append(draw(text(words)))
        elif kind == "break":
            lines += ["", draw(st.sampled_from(["***", "- - -", "___"]))]
        else:
            lines.append("")
    return "\n".join(lines) + "\n"


# -- what markdown-it sees


def _markers(tokens: list[Any]) -> list[str]:
    """The markers of the text markdown-it shows: inline text and code, not HTML or code blocks."""
    found: list[str] = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    found += MARKER.findall(child.content)
    return found


def oracle_statements(doc: str) -> dict[tuple[str, ...], list[list[str]]]:
    """Category path → the markers of each top-level list item under it (items with any)."""
    tokens = MD.parse(doc)
    categories: dict[tuple[str, ...], list[list[str]]] = {}
    stack: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open" and token.level == 0 and token.tag in ("h2", "h3"):
            title = " ".join(_markers([tokens[i + 1]])) or tokens[i + 1].content
            rank = int(token.tag[1]) - 1
            stack = [*stack[: rank - 1], title]
        elif token.type == "list_item_open" and token.level == 1 and stack:
            end = i
            while not (tokens[end].type == "list_item_close" and tokens[end].level == 1):
                end += 1
            markers = _markers(tokens[i:end])
            if markers:
                categories.setdefault(tuple(stack), []).append(markers)
            i = end
        i += 1
    return categories


def reader_statements(doc: str) -> dict[tuple[str, ...], list[list[str]]]:
    from career_cli.errors import PageError

    try:
        level = parse_page(doc, Path("senior.md"), level_id="senior")
    except PageError:
        return {}
    categories: dict[tuple[str, ...], list[list[str]]] = {}
    for category in level.categories:
        path = tuple(" ".join(MARKER.findall(part)) or part for part in category.parts)
        for statement in category.items:
            markers = MARKER.findall(statement.text)
            if markers:
                categories.setdefault(path, []).append(markers)
    return categories


def oracle_tasks(doc: str) -> list[tuple[bool, str]]:
    """GitLab's task items (first paragraph starting "[ ] " or "[x] ") not inside another one:
    ticked, and the first marker on their line."""
    tokens = MD.parse(doc)
    found: list[tuple[bool, str]] = []
    open_task_levels: list[int] = []
    for i, token in enumerate(tokens):
        if (
            token.type == "list_item_close"
            and open_task_levels
            and open_task_levels[-1] == token.level
        ):
            open_task_levels.pop()
        if token.type != "list_item_open":
            continue
        if not (
            i + 2 < len(tokens)
            and tokens[i + 1].type == "paragraph_open"
            and tokens[i + 2].type == "inline"
        ):
            continue
        content = tokens[i + 2].content
        if content[:4] not in ("[ ] ", "[x] ") or open_task_levels:
            continue
        open_task_levels.append(token.level)
        # The reader takes a task's text from its line (the checklist writes one line a task).
        line = []
        for child in tokens[i + 2].children or []:
            if child.type == "softbreak":
                break
            if child.type in ("text", "code_inline"):
                line += MARKER.findall(child.content)
        first = line
        found.append((content[1] == "x", first[0] if first else ""))
    return found


def reader_tasks(doc: str) -> list[tuple[bool, str]]:
    from career_cli.features.evidence import EvidenceError

    try:
        entries = parse_markdown(doc, Path("evidence.md")).entries
    except EvidenceError:
        return []
    return [(e.met, (MARKER.findall(e.text or "") or [""])[0]) for e in entries]


# -- the properties


@budget(300)
@given(document())
def test_the_page_reader_reads_the_statements_markdown_it_sees(doc: str) -> None:
    assert reader_statements(doc) == oracle_statements(doc), doc


@budget(300)
@given(document(task=True))
def test_the_evidence_reader_reads_the_task_items_markdown_it_sees(doc: str) -> None:
    assert reader_tasks(doc) == oracle_tasks(doc), doc
