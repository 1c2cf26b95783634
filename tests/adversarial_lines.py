"""Adversarial lines: 200 KB of one syntax token repeated, through each reader, nothing lost.

Each reader's own tokens (comment openers, shortcode openers, emphasis, heading hashes and spaces,
brackets, backticks, task boxes, escapes, references…) repeated into a line placed where it must
stay text: inside a statement, a continuation line, a heading, the overview, a checklist item and
its evidence, a checklist header. ``check(reader)`` reads every such document and raises on
anything lost or misplaced; ``tests/test_adversarial.py`` runs it in a subprocess with a generous
time limit (a guard against hangs), and ``benchmarks/adversarial.py`` times it against a budget.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from career_cli.errors import CareerError
from career_cli.features.evidence import parse_markdown, unescape
from career_cli.sources.loader import parse_fragment, parse_page
from career_cli.text import collapse

SIZE = 200_000

# Every token the readers treat specially, and a few they do not.
TOKENS = (
    "<!--",
    "-->",
    "<!-- a",
    "<!-- career:gap ",
    "<!-- career:id ",
    "{{<",
    "{{%",
    "{{< include ",
    '{{% include "x" ',
    "}}",
    "*",
    "**",
    "**a ",
    "_",
    "__a ",
    "#",
    "# ",
    " ",
    "\t",
    "[",
    "](",
    "[a](",
    "[a](b ",
    "(",
    "`",
    "``",
    "```",
    "~",
    "- [ ]",
    "- ",
    "1. ",
    "\\",
    '"',
    "<",
    ">",
    "&",
    "@a",
    "{+",
    "[-",
    "a=",
    "a",
    "a ",
    "e\u0301",
    "\x1b[31m",
    "|",
    "\\|",
    "<td>",
    "<br>",
    "<table>",
)


def line(token: str, size: int = SIZE) -> str:
    return (token * (size // len(token) + 1))[:size]


def _page(long: str) -> str:
    return (
        '---\ntitle: "Senior"\n---\n'
        f"## Senior\n\nLeads {long}\n\n"
        f"## Craft\n\n1. Writes {long} code.\n   More {long}.\n2. Reviews.\n\n"
        f"## Team {long}\n\n- Hires.\n"
    )


def check_page(token: str, size: int = SIZE) -> None:
    long = line(token, size)
    level = parse_page(_page(long), Path("senior.md"))
    read = [[item.text for item in category.items] for category in level.categories]
    assert read == [[collapse(f"Writes {long} code. More {long}."), "Reviews."], ["Hires."]], (
        f"statements: {[[t[:60] for t in c] for c in read]}"
    )
    assert level.categories[0].title == "Craft", level.categories[0].title[:60]
    # Strong emphasis in the overview is read as its words: only asterisks may go.
    overview = level.overview.replace("*", "")
    assert overview == collapse(f"Leads {long}").replace("*", ""), overview[:60]


def check_fragment(token: str, size: int = SIZE) -> None:
    long = line(token, size)
    items, _ = parse_fragment(f"- Writes {long}\n  more {long}\n- Reviews\n")
    assert [item.text for item in items] == [collapse(f"Writes {long} more {long}"), "Reviews"]


def check_evidence(token: str, size: int = SIZE) -> None:
    long = line(token, size)
    text = (
        f"<!-- career:gap v1 framework=fw from=a to=b {long} -->\n\n"
        f"# Evidence\n\n## Craft {long}\n\n"
        f"- [x] <!-- career:id craft/one --> Writes {long}\n"
        f"  - Evidence: Shows {long}\n    more {long}\n"
        "- [ ] Reviews <!-- career:id craft/two -->\n"
    )
    found = parse_markdown(text, Path("evidence.md"))
    assert (found.framework, found.current, found.target) == ("fw", "a", "b")
    shape = [(e.id, e.met) for e in found.entries]
    assert shape == [("craft/one", True), ("craft/two", False)], shape
    first = found.entries[0]
    assert first.text == unescape(f"Writes {long}"), (first.text or "")[:60]
    assert collapse(first.evidence or "") == collapse(unescape(f"Shows {long}\nmore {long}"))


def check_table(token: str, size: int = SIZE) -> None:
    """A pipe table row and an HTML table cell holding the long line, under one category."""
    long = line(token, size)
    text = (
        '---\ntitle: "Senior"\n---\n## Craft\n\n| Area | Description |\n| --- | --- |\n'
        f"| K | Writes {long} code. |\n\n"
        f"<table><tr><th>Area</th><th>Description</th></tr><tr><td>H</td><td>Draws {long}</td>"
        "</tr></table>\n"
    )
    level = parse_page(text, Path("senior.md"))
    items = level.categories[0].items
    if "|" not in token and "<br" not in token:  # table syntax: cells and breaks in a cell
        assert items[0].key == "K", (items[0].key or "")[:60]
        assert items[0].text == collapse(f"Writes {long} code."), items[0].text[:60]
    if not {"<", "&"} & set(token):  # markup in HTML is HTML's, a no-break space its own
        assert items[-1].text == collapse(f"Draws {long}"), items[-1].text[:60]


READERS: dict[str, Callable[[str, int], None]] = {
    "page": check_page,
    "table": check_table,
    "fragment": check_fragment,
    "evidence": check_evidence,
}


def check(reader: str, size: int = SIZE) -> list[str]:
    """Every token through one reader: what went wrong, one line per token."""
    failures = []
    for token in TOKENS:
        try:
            READERS[reader](token, size)
        except (AssertionError, CareerError) as exc:  # a page or evidence error is a loss too
            failures.append(f"{reader} {token!r}: {type(exc).__name__}: {str(exc)[:300]}")
    return failures


if __name__ == "__main__":  # python tests/adversarial_lines.py READER: what the test runs
    problems = check(sys.argv[1])
    print("\n".join(problems))
    sys.exit(1 if problems else 0)
