"""What one cell of a ladder table says: level names, statements, and "Same as L2" references.

It owns the rules every one-file reader shares for text that is not yet a statement: whether a
header names a level (``L3``, ``Engineer II``, ``Senior Engineer (3–5 yrs)``, ``Level 2``) or a
competency; how a level's name splits into an id, a title and a description (``L1 – Engineer I``
is level ``l1`` titled ``Engineer I``; years in parentheses are its description); how a cell
holding several statements splits (``• ``/``- ``/``1.`` bullets, ``<br>``, blank-line paragraphs,
lines); and what a cell that points at another level (``Same as L2``, ``As above, and …``,
``Same as L2, plus:`` and more statements) refers to.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from career_cli import notes
from career_cli.model import Note, Statement
from career_cli.sources.grid import Cell
from career_cli.text import collapse, plain, slug

if TYPE_CHECKING:  # assemble imports this module: the type only, for the checker
    from career_cli.sources.assemble import Assembly

# A level's code: L3, IC4, E5, P2, M1, Level 2, Band 3, Grade 7, SWE 2, … (a number is needed:
# "Level" alone is a column's name).
_CODE = r"(?:L|IC|E|P|M|T|SE|SWE|Level|Band|Grade|Tier|Step|Stage)\s*[-.]?\s*\d+(?:\.\d+)?"
_CODE_RE = re.compile(rf"(?i)^({_CODE})(?:\s*[–—:|/-]\s*|\s+|$)(.*)$")
# Years of experience, a band: "(0–2 yrs)", "(5+ years)", "(typically 3-5)".
_PAREN_RE = re.compile(r"\s*\(([^()]*\d[^()]*)\)\s*$")
# Words only level names are made of (with numbers and roman numerals).
_ROLE_WORDS = frozenset(
    "engineer engineers developer developers intern junior associate intermediate mid senior staff "
    "principal distinguished fellow lead architect manager director apprentice graduate trainee "
    "entry novice expert specialist analyst designer scientist head vp cto sde swe sre ic".split()
)
_ROMAN = frozenset("i ii iii iv v vi vii viii ix x".split())
MAX_LEVEL_NAME = 60  # a level's name is a few words; a statement is a sentence

_BR_RE = re.compile(r"(?i)<br\s*/?>")
_BULLET_RE = re.compile(r"^\s*(?:[•●◦▪▸►‣⁃∙·*+-]|\d{1,3}[.)])\s+")
_EMPTY = frozenset({"", "-", "–", "—", "n/a", "na", "none", "·", "…"})

# "Same as L2", "Same as Engineer I.", "As for L2", "See L2", "As above, and …",
# "Same as L2, plus:", "Same as Engineer II, and helps others disagree openly and kindly."
_SAME_RE = re.compile(
    r"(?is)^\s*(?:same\s+as|as\s+(?:for|in|at)|see)\s+(?P<name>.+?)"
    r"(?P<more>(?:\s*[,;:.]?\s*(?:and|plus|also)\b[:,]?|\s*[,;:]|\s*\.\s+(?=\S)|\s*\n).*)?\s*[.]?\s*$"
)
_ABOVE_RE = re.compile(
    r"(?is)^\s*(?:(?:same\s+)?as\s+above|same\s+as\s+(?:the\s+)?previous(?:\s+level)?)"
    r"(?P<more>(?:\s*[,;:.]?\s*(?:and|plus|also)?\b[:,]?|\s*[,;:]|\s*\n).*)?\s*[.]?\s*$"
)
_JOIN_RE = re.compile(r"(?is)^\s*[,;:.]?\s*(?:(?:and|plus|also)\b\s*[:,]?)?\s*")
_EG_RE = re.compile(r"(?is),?\s*e\.\s?g\.?\s*[:,]?\s*(?=\n|$)")
ABOVE = ""  # the reference of "As above": the level before this one


def looks_like_level(text: str) -> bool:
    """Whether a header cell names a level rather than a competency or a column of notes."""
    if len(text) > 4 * MAX_LEVEL_NAME:  # a statement, not a name: no need to read it
        return False
    shown = collapse(plain(text))
    if not shown or len(shown) > MAX_LEVEL_NAME:
        return False
    if _CODE_RE.match(shown):
        return True
    words = slug(_PAREN_RE.sub("", shown)).split("-")
    if len(words) > 5:
        return False
    return bool(set(words) & _ROLE_WORDS) or (
        len(words) >= 2 and words[-1] in _ROMAN and len(words[-1]) <= 3
    )


def level_name(text: str) -> tuple[str, str, str]:
    """``(id, title, description)`` of a level's header: ``L1 – Engineer I`` → ``("l1",
    "Engineer I", "")``; ``Engineer I (0–2 yrs)`` → ``("engineer-i", "Engineer I", "0–2 yrs")``."""
    shown = collapse(plain(text)).strip("*_ ")
    description = ""
    paren = _PAREN_RE.search(shown)
    if paren and paren.start() > 0:
        description, shown = paren.group(1).strip(), shown[: paren.start()].strip()
    code = _CODE_RE.match(shown)
    if code and code.group(2).strip():
        return slug(code.group(1)), code.group(2).strip(), description
    return slug(shown) or "level", shown, description


def level_keys(header: str) -> set[str]:
    """The names a "Same as …" cell may give a level: its id, its title, its whole header."""
    ident, title, _ = level_name(header)
    return {ident, slug(title), slug(collapse(plain(header)))} - {""}


def split_statements(text: str) -> list[str]:
    """A cell's statements: one per bullet (lines after a bullet continue it), else one per
    blank-line paragraph, else one per line. A dash or "n/a" alone means "not expected"."""
    if "\n" not in text and "\r" not in text and "<" not in text and not _BULLET_RE.match(text):
        one = collapse(text)  # the common cell: one statement (the scale benchmark's 20,000)
        return [one] if one.lower() not in _EMPTY else []
    text = _BR_RE.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    found: list[str] = []
    if any(_BULLET_RE.match(line) for line in lines):
        joining = False  # a line after text, not after a blank line, continues it
        for line in lines:
            bullet = _BULLET_RE.match(line)
            if bullet:
                found.append(line[bullet.end() :])
            elif not line.strip():
                joining = False
                continue
            elif joining:
                found[-1] += " " + line.strip()
            else:
                found.append(line)  # a lead-in before the bullets: a statement of its own
            joining = True
    elif re.search(r"\n\s*\n", text):
        found = re.split(r"\n\s*\n", text)
    else:
        found = lines
    return [s for s in (collapse(part) for part in found) if s.lower() not in _EMPTY]


def same_as(text: str) -> tuple[str, str] | None:
    """``(reference, more)`` for a cell that refers to another level: the level's name as
    written (``ABOVE`` for "As above") and what the cell adds after "and"/"plus"; else None."""
    shown = text.strip()
    if not shown or len(shown) > 2000 or shown[0] not in "SsAa":  # same as, see, as above
        return None
    above = _ABOVE_RE.match(shown)
    if above:
        return ABOVE, _JOIN_RE.sub("", above.group("more") or "", count=1)
    same = _SAME_RE.match(shown)
    if same is None:
        return None
    name = collapse(same.group("name")).strip(" .,:;")
    if not looks_like_level(name) and len(name.split()) > 4:
        return None  # "See the handbook for how reviews work": not a reference to a level
    return name, _JOIN_RE.sub("", same.group("more") or "", count=1)


def examples_of(text: str) -> tuple[str, tuple[str, ...]]:
    """``"Breaks work up, e.g.\\n• Split a change"`` → the statement and its examples."""
    found = _EG_RE.search(text)
    if found is None:
        return text, ()
    head = text[: found.start()].rstrip()
    return (head if head.endswith((".", "!", "?")) else head + "."), tuple(
        split_statements(text[found.end() :])
    )


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def moved(statement: Statement, cell: Cell, key: str | None) -> Statement:
    """A statement a "Same as" cell takes from another level, placed in that cell."""
    return Statement(
        statement.text, cell.line, key=key, examples=statement.examples, cell=cell.where
    )


def same_note(cell: Cell, text: str, target: str) -> Note:
    """The note saying which level a "Same as" cell's statements were read from."""
    shown = collapse(text)
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    return Note(cell.line, notes.SAME_AS, f"{cell.where}: '{shown}' reads as {target}'s statements")


_NUMBER_RE = re.compile(r"[-+]?\d+(?:[.,]\d+)?\s*%?")


def number_note(cell: Cell, into: Assembly, level: str) -> bool:
    """Whether a cell holds only a number (a score or a weight a sheet keeps beside its
    statements: "2.5", "80%"), which says nothing a level expects; it is noted, never read."""
    if _NUMBER_RE.fullmatch(cell.text.strip()) is None:
        return False
    said = f"{cell.where}: '{cell.text.strip()}' is a number, not a statement"
    into.note(Note(cell.line, notes.UNREAD_CONTENT, said), level)
    return True
