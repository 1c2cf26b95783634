"""The hostile-input catalogue as data: each case is a tree of files and the commands run on it.

``test_hostile.py`` builds each case's tree in a fresh directory, runs every command through the
installed ``career`` in every format the run names, and checks what every run must satisfy (no
traceback, the documented exit status, output valid for its format, nothing written). The table
in ``docs/hostile-inputs.md`` is generated from this list (``UPDATE_GOLDEN=1 pytest`` rewrites it).

Paths in a case are relative to the directory the command runs in: ``fw/`` is a framework folder,
``hb/`` a handbook checkout. Big inputs are built when a case runs, never committed.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Every format a run can be checked in: terminal text at 100 columns (colour forced, so styles
# are checked too) and at 60 (stacked layouts, no colour), JSON, and GitLab Markdown.
TEXT_100, TEXT_60, JSON, MARKDOWN = "text-100", "text-60", "json", "markdown"
ALL = (TEXT_100, TEXT_60, JSON, MARKDOWN)
PLAIN = "plain"  # no format options at all, for what takes none (career --version)
# A run that fails before any output: the formats differ only in what must stay empty.
ERROR_FORMATS = (TEXT_100, JSON)
TEXT = (TEXT_100,)

MATRIX = "hb/content/handbook/engineering/careers/matrix/eng"


@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target`` (as written in the link, relative to the link's folder)."""

    target: str


@dataclass(frozen=True)
class Sparse:
    """A file of ``size`` zero bytes that takes no disk space (a hole)."""

    size: int


# A file's content: text (written as UTF-8), bytes, a symlink, a hole, or a function making
# big bytes.
Content = str | bytes | Link | Sparse | Callable[[], bytes]


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    status: int
    # Fragments that must appear on stderr; a pattern where only the contract is fixed, not the
    # words (a limit that a dependency may enforce before career does).
    stderr: tuple[str | re.Pattern[str], ...] = ()
    stdout: tuple[str, ...] = ()  # fragments that must appear in text and Markdown output
    absent: tuple[str, ...] = ()  # fragments that must appear in no output (stdout or stderr)
    formats: tuple[str, ...] = ALL
    json: Callable[[dict[str, Any]], None] | None = None  # more checks of the JSON document
    stdin: bytes | None = None  # written to a pipe on the command's standard input
    most: int | None = None  # the most bytes of output the run may write
    closed: tuple[int, ...] = ()  # file descriptors closed when career starts (1: stdout)
    full: tuple[int, ...] = ()  # file descriptors on /dev/full (every write fails: ENOSPC)

    def __post_init__(self) -> None:
        if self.status == 2 and self.formats == ALL:
            object.__setattr__(self, "formats", ERROR_FORMATS)

    def redirections(self) -> str:
        """The shell's way to say ``closed`` and ``full``: ``2>&-``, ``2>/dev/full``."""
        return "".join(
            [*(f" {fd}>&-" for fd in self.closed), *(f" {fd}>/dev/full" for fd in self.full)]
        ).replace(" 1>", " >")


@dataclass(frozen=True)
class Case:
    id: str
    input: str  # what is hostile about it, for the table
    expected: str  # what career does, for the table
    guard: str  # what in the code makes it so
    files: dict[str, Content]
    runs: tuple[Run, ...] = ()
    mode: str = "run"  # or "closed-stdout" (like | head -1), "sigint" (Ctrl-C until it stops)
    slow: bool = False
    needs: tuple[str, ...] = field(default=())  # paths that must exist on this machine
    # Run in the case's directory once its files are there, before the runs (a git history).
    setup: Callable[[Path], None] | None = None


def page(title: str | None, body: str, **meta: object) -> str:
    lines = ["---"]
    if title is not None:
        lines.append(f'title: "{title}"')
    lines += [f"{key}: {value}" for key, value in meta.items()]
    return "\n".join([*lines, "---"]) + "\n" + body


ASSOCIATE = page("Associate", "## Craft\n\n1. Writes code.\n2. Reviews code.\n")
FW = ("-f", "fw")


def fw(senior: Content, **more: Content) -> dict[str, Content]:
    """A framework folder ``fw/``: a sound Associate page, the hostile Senior page, and others."""
    tree: dict[str, Content] = {"fw/associate.md": ASSOCIATE, "fw/senior.md": senior}
    tree.update({f"fw/{name}.md": content for name, content in more.items()})
    return tree


def senior(*items: str, heading: str = "Craft", **meta: object) -> str:
    """A Senior page whose one category holds these statements."""
    body = "".join(f"1. {item}\n" for item in items)
    return page("Senior", f"## {heading}\n\n{body}", **meta)


def fails(
    fragment: str | re.Pattern[str], where: str = "fw/senior.md", level: str = "senior"
) -> tuple[Run, ...]:
    """A page that cannot be read: the commands that need it fail naming it, the others warn."""
    return (
        Run(("show", level, *FW), 2, (where, fragment)),
        Run(("levels", *FW), 0, (f"skipped level '{level}'", where, fragment), formats=(JSON,)),
        Run(("lint", "fw"), 1, stdout=(where, "E101"), formats=TEXT),
    )


def reads(
    check: Callable[[dict[str, Any]], None] | None = None,
    *,
    stdout: tuple[str, ...] = (),
    absent: tuple[str, ...] = (),
    lint: int = 0,
) -> tuple[Run, ...]:
    """A page that reads: ``show`` as text and JSON (``check`` looks at the JSON), and ``diff``
    and ``lint`` work on it too."""
    return (
        Run(
            ("show", "senior", *FW),
            0,
            stdout=stdout,
            absent=absent,
            json=check,
            formats=(TEXT_100, TEXT_60, JSON),
        ),
        Run(("diff", "associate", "senior", *FW), 0, absent=absent, formats=(JSON,)),
        Run(("lint", "fw"), lint, absent=absent, formats=TEXT),
    )


def statements(document: dict[str, Any]) -> list[str]:
    """The statement texts of a ``show --json`` document, in order."""
    return [item["text"] for category in document["categories"] for item in category["items"]]


def has_statements(*expected: str) -> Callable[[dict[str, Any]], None]:
    """A JSON check: ``show`` keeps exactly these statements, byte for byte (nothing lost)."""

    def check(document: dict[str, Any]) -> None:
        assert statements(document) == list(expected), statements(document)

    return check


def has_title(title: str, *expected: str) -> Callable[[dict[str, Any]], None]:
    def check(document: dict[str, Any]) -> None:
        assert document["level"]["title"] == title, document["level"]
        if expected:
            assert statements(document) == list(expected), statements(document)

    return check


# ---------------------------------------------------------------------------------------------
# Big inputs, made once per test session when a case needs them.

_WORDS = (
    "owns leads mentors hires reviews designs plans ships measures documents code team process "
    "system incident release service customer quality budget roadmap review security reliability "
    "performance capacity migration database network storage observability alert runbook "
    "oncall escalation postmortem architecture proposal estimate priority stakeholder partner"
).split()

BIG_PAGE_BYTES = 50 * 1024 * 1024


@functools.cache
def fifty_megabytes() -> bytes:
    """A 50 MB level page of ordinary statements: too big to be a page, not malformed."""
    head = page("Senior", "## Craft\n\n").encode()
    line = b"1. Reviews code and designs systems with the team, statement number %d.\n"
    lines = [line % i for i in range(BIG_PAGE_BYTES // len(line) + 1)]
    return (head + b"".join(lines))[:BIG_PAGE_BYTES]


def _statements(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"{' '.join(rng.choices(_WORDS, k=8))} number {i}." for i in range(count)]


@functools.cache
def many_statements(title: str, seed: int, count: int = 10_000) -> bytes:
    """A level with ``count`` statements in one category; with a seed, every other statement of
    the seedless level is kept as it was and the rest are new wordings."""
    items = _statements(count, seed)
    if seed:
        base = _statements(count, 0)
        items = [base[i] if i % 2 else items[i] for i in range(count)]
    body = "".join(f"1. {item}\n" for item in items)
    return page(title, f"## Craft\n\n{body}").encode()


def long_line() -> bytes:
    words = " ".join(random.Random(7).choices(_WORDS, k=20_000))[:100_000]
    unbroken = "x" * 100_000
    return senior(words, unbroken, "Writes code.").encode()


def long_title(title: str) -> Callable[[], bytes]:
    def make() -> bytes:
        words = " ".join([title, *(["word"] * 200_000)])
        body = "".join(f"## Category {i}\n\n1. Writes code number {i}.\n\n" for i in range(1_000))
        return page(words, f"## {words}\n\n1. Has a page-long heading.\n\n{body}").encode()

    return make


def nested_50() -> bytes:
    body = "".join("  " * depth + f"- depth {depth} code\n" for depth in range(50))
    body += "".join("    " * depth + f"{depth + 1}. numbered {depth}\n" for depth in range(50))
    return page("Senior", f"## Craft\n\n{body}").encode()


def _nest_check(document: dict[str, Any]) -> None:
    # Nested items join their parent: two statements, every nested line inside one of them.
    texts = statements(document)
    assert len(texts) == 2, texts
    assert all(f"depth {d} code" in texts[0] for d in range(50))
    assert all(f"numbered {d}" in texts[1] for d in range(50))


def _long_check(document: dict[str, Any]) -> None:
    texts = statements(document)
    assert [len(t) for t in texts[:2]] == [100_000, 100_000], [len(t) for t in texts]


def _path_is_the_file_name(document: dict[str, Any]) -> None:
    # JSON readers get the file name back: the surrogate os.fsencode turns into the byte 0xff.
    assert document["level"]["path"] == "fw/staff\udcff.md", document["level"]


def _from_the_pipe(document: dict[str, Any]) -> None:
    assert document["from"]["title"] == "Associate", document["from"]
    assert document["counts"]["unchanged"] == 1, document["counts"]


def _many_check(document: dict[str, Any]) -> None:
    counts = document["counts"]
    assert sum(counts.values()) >= 10_000 and counts["unchanged"] == 5_000, counts


# YAML's "billion laughs": nine references to nine references … nine levels deep. Built as
# written it would be 9⁹ strings; a loader that shares references holds 81 objects.
ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)


# The same bomb inside a YAML evidence list: the first entry's text holds the anchors, the second
# entry's id is the last of them.
EVIDENCE_BOMB = (
    "- met: true\n  id: first\n  text: ["
    + ", ".join(
        f"&{line.replace(': &', ' ', 1).split(' ', 1)[1]}" for line in ALIAS_BOMB.splitlines()
    )
    + "]\n- met: true\n  id: *i\n"
)


def deep_yaml(depth: int) -> str:
    return "[" * depth + "]" * depth


ESCAPES = (
    "Writes \x1b[31mred\x1b[0m text, \x1b[2J clears the screen and \x1b[1;1H moves the cursor.",
    "Links \x1b]8;;https://evil.example/\x1b\\a hyperlink\x1b]8;;\x1b\\ in OSC 8.",
    "Sets the window title \x1b]0;pwned\x07 and \x1b]2;again\x1b\\ with OSC 0 and 2.",
)
CONTROLS = (
    "Has C0 controls \x01\x02\x07\x08 and DEL \x7f inside.",
    "Has C1 controls \x90 \x9b31m \x9d0;title\x9c inside.",
    "Has a lone ESC \x1b and BEL \x07 at the end\x07",
)
BIDI = (
    "Reviews \u202etxet desrever\u202c with a right-to-left override.",
    "Isolates \u2066hidden\u2069 and \u2067more\u2069 inside \u2068text\u2069.",
    "מנהל את תהליך הסקירה של code with Hebrew עברית.",
    "يراجع code مع الفريق بالعربية.",
)
CJK = (
    "编写代码并审查同事的代码，确保质量和一致性，指导初级工程师成长。",
    "コードをレビューし、チームの品質基準を設定し、後輩エンジニアを指導する。",
    "코드를 검토하고 팀의 품질 기준을 정하며 주니어 엔지니어를 멘토링합니다.",
    "Mixes 中文 and English code review 評価 across one statement.",
)
COMBINING = (
    "Zalgo co\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308de with stacked combining marks.",
    "Zero\u200bwidth\u200c joiners\u200d and\ufeff a byte-order mark and soft\u00adhyphen code.",
    "Variation selectors \u2764\ufe0f and \u2764\ufe0e for code.",
)
EMOJI = (
    "Ships 🚀 code with emoji 🧑‍💻 every day.",
    "Family 👩‍👩‍👧‍👦, flags 🇩🇪🇯🇵 and skin tones 👋🏽 in code.",
    "Keycaps 1️⃣ 2️⃣ and the pile 💩 of code.",
)


def unicode_case(cid: str, what: str, items: tuple[str, ...], guard: str) -> Case:
    """Page text that must reach the reader intact (JSON exact) and aligned (Rich cell widths)."""
    reworded = tuple(f"{item} Also in production." for item in items)
    return Case(
        cid,
        what,
        "read and shown as written; the side-by-side `diff` stays aligned at 100 columns "
        "(Rich cell widths) and stacks at 60; JSON keeps every character",
        guard,
        fw(
            senior(*items),
            staff=page("Staff", "## Craft\n\n" + "".join(f"1. {r}\n" for r in reworded)),
        ),
        (
            Run(("show", "senior", *FW), 0, json=has_statements(*items), formats=(TEXT_100, JSON)),
            Run(("diff", "senior", "staff", *FW), 0, formats=(TEXT_100, TEXT_60)),
            Run(("ladder", *FW), 0, formats=TEXT),
            Run(("search", "code", *FW), 0, formats=TEXT),
            Run(("gap", "senior", "staff", *FW), 0, formats=(TEXT_60,)),
        ),
    )


def escape_case(cid: str, what: str, items: tuple[str, ...], term: str) -> Case:
    """Page text that would drive the terminal: shown as visible escapes, kept exactly in JSON."""
    return Case(
        cid,
        what,
        "shown as visible escapes (`\\x1b`, `\\x9b`, `\\u202e`) in text and Markdown, never "
        "interpreted; JSON keeps the exact text (controls as `\\u` escapes)",
        "`text.visible` in every terminal view and message; `render.markdown.escape`; "
        "`render.json_doc.dumps`",
        fw(senior(*items), staff=senior(*(f"{i} Also in production." for i in items))),
        (
            Run(
                ("show", "senior", *FW),
                0,
                json=has_statements(*items),
                formats=(TEXT_100, JSON, MARKDOWN),
            ),
            Run(("diff", "senior", "staff", *FW), 0, formats=(TEXT_100, TEXT_60, MARKDOWN)),
            Run(("ladder", *FW), 0, formats=TEXT),
            Run(("search", term, *FW), 0, formats=TEXT),
            Run(("gap", "senior", "staff", *FW), 0, formats=(MARKDOWN,)),
            Run(("lint", "fw"), 0, formats=TEXT),
        ),
    )


def _checklist(current: str, target: str, items: list[tuple[str, str]]) -> str:
    lines = [
        f"# Promotion evidence: {current.title()} → {target.title()}",
        "",
        f"<!-- career:gap v1 framework=infrastructure from={current} to={target} -->",
        "",
        "## Accountability",
        "",
    ]
    for ident, text in items:
        lines += [f"- [x] {text} <!-- career:id {ident} -->", "  - Evidence: done it"]
    return "\n".join(lines) + "\n"


WRONG_LEVELS = _checklist(
    "associate",
    "intermediate",
    [
        (
            "accountability/participates-on-call-rotations-defined-domain",
            "Participates in the on-call rotations, as defined by their domain requirements.",
        ),
        (
            "accountability/understands-work-impacts-availability-performance",
            "Understands how their work impacts the availability, performance, and operational "
            "overhead for GitLab.com.",
        ),
    ],
)


def _unmatched_kept(document: dict[str, Any]) -> None:
    assert document["evidence_file"] == "evidence.md"
    assert document["counts"]["open"] > 0
    assert len(document["unmatched_evidence"]) >= 1, document["unmatched_evidence"]


def _gap(evidence: str, status: int, *stderr: str | re.Pattern[str], **run: Any) -> Run:
    return Run(("gap", "intermediate", "senior", "-e", evidence), status, stderr, **run)


def include_tree(page_body: str, **includes: Content) -> dict[str, Content]:
    """A handbook checkout with one framework (``eng``) whose Senior page holds ``page_body``."""
    tree: dict[str, Content] = {
        f"{MATRIX}/associate.md": page("Associate - Eng", "## Craft\n\n1. Writes code.\n"),
        f"{MATRIX}/senior.md": page("Senior - Eng", f"## Craft\n\n1. Writes code.\n{page_body}"),
        "outside/secret.md": "- SECRET statement from outside the checkout\n",
        "hb/assets/includes/unused.md": "- Not included anywhere\n",
    }
    tree.update({f"hb/assets/includes/{name}": content for name, content in includes.items()})
    return tree


HB = ("--root", "hb", "-f", "eng")


def include_runs(*warnings: str, code: str, stdout: tuple[str, ...] = ()) -> tuple[Run, ...]:
    """Commands over a checkout with a refused include: a warning each, an error for lint."""
    return (
        Run(("show", "senior", *HB), 0, warnings, stdout, ("SECRET",), (TEXT_100, JSON)),
        Run(("diff", "associate", "senior", *HB), 0, warnings, (), ("SECRET",), (JSON,)),
        Run(("lint", "hb"), 1, (), (code,), ("SECRET",), (TEXT_100, JSON)),
    )


# Five files that each include the next ten times, over a file of ten statements.
BOMB_FILES: dict[str, Content] = {
    f"b{i}.md": f"- Statement at level {i}\n" + f'{{{{% include "includes/b{i + 1}.md" %}}}}\n' * 10
    for i in range(1, 6)
}
BOMB_FILES["b6.md"] = "".join(f"- Leaf statement {j} about code review\n" for j in range(10))


def _bounded(document: dict[str, Any]) -> None:
    # 1,000 files expanded (each one statement, or ten leaves), and the shortcodes of those
    # files that found the budget spent: about 20,000 statements, not a million.
    assert document["level"]["counts"]["competencies"] < 25_000, document["level"]["counts"]


LONG_NAME = "a" * 5000
DEEP_PATH = "d/" * 3000


def big_diff_framework() -> dict[str, Content]:
    """Two levels big enough that a diff is still running when a signal or EOF arrives."""
    return {
        "fw/associate.md": lambda: many_statements("Associate", 0, 3_000),
        "fw/senior.md": lambda: many_statements("Senior", 1, 3_000),
    }


CASES: list[Case] = [
    # -- frontmatter ------------------------------------------------------------------------
    Case(
        "yaml-invalid",
        "frontmatter that is not YAML (`title: [unclosed`)",
        "the commands that need the page fail with `file:line: invalid YAML frontmatter` and a "
        "hint; `levels` skips it with a warning; `lint` reports E101",
        "`loader.split_frontmatter` → `files.yaml_error`",
        fw("---\ntitle: [unclosed\n---\n## Craft\n\n1. x\n"),
        fails("invalid YAML frontmatter"),
    ),
    Case(
        "frontmatter-list",
        "frontmatter that is a YAML list",
        "page error: `frontmatter is a list, not a mapping of keys to values`",
        "`loader.split_frontmatter`",
        fw("---\n- title\n- Senior\n---\n## Craft\n\n1. x\n"),
        fails("frontmatter is a list"),
    ),
    Case(
        "frontmatter-string",
        "frontmatter that is a plain string",
        "page error: `frontmatter is a str, not a mapping`",
        "`loader.split_frontmatter`",
        fw("---\njust some words\n---\n## Craft\n\n1. x\n"),
        fails("frontmatter is a str"),
    ),
    Case(
        "frontmatter-unclosed",
        "an opening `---` that never closes",
        "page error: `frontmatter opens with '---' but never closes`",
        "`loader.split_frontmatter`",
        fw("---\ntitle: Senior\n## Craft\n\n1. x\n"),
        fails("never closes"),
    ),
    Case(
        "yaml-alias-bomb",
        "a YAML alias bomb (9 levels × 9 references, 387 million strings if expanded) in the "
        "frontmatter, with the title an alias into it",
        "read in milliseconds (PyYAML shares references, nothing walks them); a title that is "
        "a list is a page error",
        "PyYAML's reference sharing; `loader._scalar` refuses non-text values",
        fw(
            page("Senior", "## Craft\n\n1. x\n"),
            staff="---\n" + ALIAS_BOMB + "title: *i\n---\n## Craft\n\n1. x\n",
            principal="---\n" + ALIAS_BOMB + "title: Principal\n---\n## Craft\n\n1. x\n",
        ),
        (
            Run(("show", "staff", *FW), 2, ("fw/staff.md", "'title' is a list")),
            Run(("show", "principal", *FW), 0, formats=(TEXT_100, JSON)),
            Run(("levels", *FW), 0, ("skipped level 'staff'",), formats=(TEXT_100, JSON)),
            Run(("lint", "fw"), 1, stdout=("fw/staff.md", "E101"), formats=TEXT),
        ),
    ),
    Case(
        "yaml-alias-bomb-weight",
        "the same alias bomb as the frontmatter `weight` (`weight: *i`)",
        "page error `frontmatter 'weight' must be a number, not a list`, at once: the message "
        "names the value's type instead of quoting it",
        "`loader._weight`",
        fw("---\n" + ALIAS_BOMB + "title: Senior\nweight: *i\n---\n## Craft\n\n1. x\n"),
        fails("frontmatter 'weight' must be a number, not a list"),
    ),
    Case(
        "title-not-text",
        "titles that are a number, a boolean, a date, a list, a mapping, null",
        "scalars are read as text (`42`, `True`, `2020-01-01`); null falls back to the file "
        "name; a list or mapping is a page error naming the key",
        "`loader._scalar`",
        fw(
            "---\ntitle: 42\n---\n## Craft\n\n1. x\n",
            staff="---\ntitle: [a, b]\n---\n## Craft\n\n1. x\n",
            principal="---\ntitle: {a: 1}\n---\n## Craft\n\n1. x\n",
            intern="---\ntitle: true\n---\n## Craft\n\n1. x\n",
            fellow="---\ntitle: 2020-01-01\n---\n## Craft\n\n1. x\n",
            distinguished="---\ntitle: null\n---\n## Craft\n\n1. x\n",
        ),
        (
            Run(("show", "senior", *FW), 0, json=has_title("42"), formats=(JSON,)),
            Run(("show", "intern", *FW), 0, json=has_title("True"), formats=(JSON,)),
            Run(("show", "fellow", *FW), 0, json=has_title("2020-01-01"), formats=(JSON,)),
            Run(
                ("show", "distinguished", *FW), 0, json=has_title("distinguished"), formats=(JSON,)
            ),
            Run(("show", "staff", *FW), 2, ("fw/staff.md", "'title' is a list"), formats=TEXT),
            Run(
                ("show", "principal", *FW),
                2,
                ("fw/principal.md", "'title' is a dict"),
                formats=TEXT,
            ),
            Run(
                ("levels", *FW),
                0,
                ("skipped level 'staff'", "skipped level 'principal'"),
                formats=(TEXT_100,),
            ),
        ),
    ),
    Case(
        "yaml-escapes-in-title",
        'a title and description with YAML escapes for ESC, BEL, C1 and bidi (`"\\e]0;x\\a"`)',
        "the title is shown with visible escapes in every header, table and message",
        "`text.visible` on titles in every view",
        fw(
            '---\ntitle: "Senior \\e]0;pwned\\a \\x9b31m \\u202eevil \\e[2J"\n'
            'description: "d \\e[31m red"\n---\n## Craft \x1b[32m\n\n1. Writes code.\n'
        ),
        (
            Run(("show", "senior", *FW), 0, stdout=("\\x1b]0;pwned\\x07",)),
            Run(("levels", *FW), 0, stdout=("\\x1b",), formats=(TEXT_100, TEXT_60)),
            Run(("diff", "associate", "senior", *FW), 0, formats=TEXT),
            Run(("ladder", *FW), 0, formats=(TEXT_60,)),
            Run(("lint", "fw"), 0, formats=TEXT),
        ),
    ),
    # -- whole files --------------------------------------------------------------------------
    Case(
        "empty-file",
        "a zero-byte page, and one of only blank lines",
        "page error: `page is empty`, with what a page needs",
        "`files.decode`",
        fw(b"", staff=b"  \n\n\t\n"),
        (*fails("page is empty"), Run(("show", "staff", *FW), 2, ("fw/staff.md", "is empty"))),
    ),
    Case(
        "only-frontmatter",
        "a page that is only frontmatter",
        "page error: `no competency categories found`",
        "`loader.parse_page`",
        fw("---\ntitle: Senior\n---\n"),
        fails("no competency categories found"),
    ),
    Case(
        "binary-bytes",
        "a PNG image saved as `senior.md`",
        "page error: `looks like a binary file (it contains NUL bytes)`",
        "`files.decode`",
        fw(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))),
        fails("looks like a binary file"),
    ),
    Case(
        "utf-16",
        "a page saved as UTF-16 (with BOM)",
        "page error: binary (NUL bytes), with the hint to point at Markdown pages",
        "`files.decode`",
        fw(senior("Writes code.").encode("utf-16")),
        fails("looks like a binary file"),
    ),
    Case(
        "latin-1",
        "Latin-1 bytes (`café` as `caf\\xe9`)",
        "page error at the line of the first bad byte: `not valid UTF-8 (byte 0xe9)`, hint "
        "to re-save as UTF-8",
        "`files.decode`",
        fw(senior("Writes code.", "Runs the café.").encode("latin-1")),
        fails("fw/senior.md:7: not valid UTF-8 (byte 0xe9)"),
    ),
    Case(
        "windows-1252",
        "Windows-1252 smart quotes and euro sign (`\\x93`, `\\x94`, `\\x80`)",
        "page error: `not valid UTF-8 (byte 0x93)` at its line",
        "`files.decode`",
        fw(senior("Writes “quoted” code for €5.").encode("cp1252")),
        fails("fw/senior.md:6: not valid UTF-8 (byte 0x93)"),
    ),
    Case(
        "utf8-bom",
        "a UTF-8 byte-order mark before the frontmatter",
        "read as if it were not there: the title comes from the frontmatter",
        "`files.decode` (utf-8-sig)",
        fw(b"\xef\xbb\xbf" + senior("Writes code.", "Reviews code.").encode()),
        reads(has_title("Senior", "Writes code.", "Reviews code.")),
    ),
    Case(
        "crlf",
        "Windows line ends (CRLF) throughout, frontmatter included",
        "read exactly as with LF: same statements, same line numbers, no `\\r` in any output",
        "`files.decode` (line ends normalised once)",
        fw(senior("Writes code.", "Reviews code.").replace("\n", "\r\n")),
        reads(has_title("Senior", "Writes code.", "Reviews code.")),
    ),
    Case(
        "lone-cr",
        "classic Mac line ends (CR only)",
        "read as lines, like LF",
        "`files.decode`",
        fw(senior("Writes code.", "Reviews code.").replace("\n", "\r")),
        reads(has_title("Senior", "Writes code.", "Reviews code.")),
    ),
    Case(
        "tabs",
        "tabs after list markers and headings, tab-indented continuation and nested items, a "
        "tab in the YAML",
        "tabs count as whitespace (4 columns for indentation): the same statements as with spaces",
        "`text.indentation`, `loader._ITEM_RE`",
        fw(
            "---\ntitle:\tSenior\n---\n##\tCraft\n\n1.\tWrites\tcode.\n\tstill the same item\n"
            "-\tReviews code.\n\t-\tnested under it\n"
        ),
        reads(
            has_title("Senior", "Writes code. still the same item", "Reviews code. nested under it")
        ),
    ),
    # -- size ---------------------------------------------------------------------------------
    Case(
        "page-50mb",
        "a 50 MB level page",
        "refused before it is read, naming its real size: `page is 50.0 MB, over the 10 MB "
        "limit`; under a 1.5 GB address-space cap, in well under a second",
        "`files.read` (size from `stat` before reading; reads bounded)",
        fw(fifty_megabytes),
        fails("page is 50.0 MB, over the 10 MB limit"),
        slow=True,
    ),
    Case(
        "statements-2.6m",
        "a page just under the 10 MB limit made of one-letter items: 2.6 million statements",
        "page error at the line where it passes the cap: `more than 20,000 statements` (it "
        "would take gigabytes to compare); read no further",
        "`body.BodyParser.counted` (`MAX_STATEMENTS`, included statements too)",
        fw(lambda: page("Senior", "## Craft\n\n").encode() + b"- a\n" * (10_000_000 // 4)),
        fails("fw/senior.md:20006: more than 20,000 statements"),
        slow=True,
    ),
    Case(
        "title-1mb-headings",
        "a 1 MB level title (the frontmatter `title`) over 1,000 category headings",
        "read in about a second: the level's name is looked for in each heading, but its slug is "
        "made once per page, and a name longer than the heading is not made a pattern",
        "`body.BodyParser` (`keys`, `name_keys`), `body._strip_level_name`",
        fw(long_title("Senior")),
        (
            Run(("levels", *FW), 0, formats=(JSON,)),
            Run(("show", "senior", *FW), 0, formats=(JSON,)),
        ),
        slow=True,
    ),
    Case(
        "title-1mb",
        "a 1 MB level title (the frontmatter `title`), a 1 MB heading, and 1,000 categories, at "
        "two levels",
        "the title is cut to 200 characters (…), so views that repeat it (ladder's column "
        "headers, lint's problems, search's matches, gap's 'was at') stay proportional to the "
        "page; a page-long heading is cut the same way",
        "`text.title_line` (`MAX_TITLE`) on level, category and framework titles",
        fw(long_title("Senior"), staff=long_title("Staff")),
        (
            Run(("lint", "fw"), 0, formats=TEXT, most=5_000_000),
            Run(("ladder", *FW), 0, formats=TEXT, most=5_000_000),
            Run(("search", "code", *FW), 0, formats=(JSON,), most=5_000_000),
            Run(("gap", "senior", "staff", *FW), 0, formats=(MARKDOWN,), most=5_000_000),
        ),
        slow=True,
    ),
    Case(
        "line-100k",
        "a 100,000-character statement of words, and one of 100,000 characters with no space",
        "read whole (JSON keeps all 100,000 characters); text wraps and folds it to the width",
        "`body.BodyParser`; Rich wrapping with `overflow=fold`",
        fw(long_line, staff=lambda: long_line().replace(b"Writes code.", b"Writes more code.")),
        (
            Run(("show", "senior", *FW), 0, json=_long_check, formats=(TEXT_100, TEXT_60, JSON)),
            Run(("diff", "senior", "staff", *FW), 0, formats=(TEXT_100, JSON)),
            Run(("ladder", *FW), 0, formats=TEXT),
            Run(("lint", "fw"), 0, formats=TEXT),
        ),
        slow=True,
    ),
    Case(
        "competencies-10k",
        "10,000 statements in one category at each of two levels (half reworded)",
        "compared and shown within the 60 s bound and the 1.5 GB cap; 5,000 unchanged",
        "`align.candidates` (common features skipped, candidates capped); "
        "`assignment.max_weight_matching`",
        {
            "fw/associate.md": lambda: many_statements("Associate", 0),
            "fw/senior.md": lambda: many_statements("Senior", 1),
        },
        (
            Run(("diff", "associate", "senior", *FW), 0, formats=(JSON,), json=_many_check),
            Run(("show", "senior", *FW), 0, formats=(TEXT_100,)),
        ),
        slow=True,
    ),
    Case(
        "nested-depth-50",
        "bullet lists nested 50 deep, and numbered lists nested 50 deep",
        "each nest is one statement (nested items join their parent), nothing lost",
        "`body.BodyParser.list_item`",
        fw(nested_50),
        reads(_nest_check),
    ),
    Case(
        "yaml-nesting-50k",
        "frontmatter nested 50,000 deep (`[[[[…]]]]`), about 100 kB",
        "page error naming the page and its line (libyaml's composer would overflow the C "
        "stack): career's `frontmatter is nested too deeply`, or libyaml 0.2.6's own "
        "`exceeded maximum nesting depth` when its scanner, reading ahead, meets the limit first",
        "`yamlsafe.load` (depth checked on the event stream first)",
        fw("---\ntitle: " + deep_yaml(50_000) + "\n---\n## Craft\n\n1. x\n"),
        fails(re.compile(r"fw/senior\.md:\d+: .*nest")),
    ),
    # -- names --------------------------------------------------------------------------------
    Case(
        "duplicate-ids-case",
        "`Senior.md` and `senior.md` in one folder",
        "neither is guessed: `two pages define level 'senior' (Senior.md, senior.md)` for the "
        "commands that need it; `levels` warns and lists the rest; `lint` reports E101",
        "`loader.load_framework`",
        {**fw(senior("Writes code.")), "fw/Senior.md": senior("Reviews code.")},
        fails("two pages define level 'senior' (Senior.md, senior.md)"),
        needs=("case-sensitive",),
    ),
    Case(
        "non-utf8-file-name",
        "a page whose file name is not UTF-8 (`staff\\xff.md`)",
        "listed and read; every output stays valid UTF-8 (the byte shows as `\\udcff`, which "
        "JSON readers turn back into the file name)",
        "`cli.output.emit`",
        fw(
            senior("Writes code."),
            **{"staff\udcff": page("Staff", "## Craft\n\n1. Writes code.\n")},
        ),
        (
            Run(("levels", *FW), 0, stdout=("staff\\udcff",)),
            Run(("show", "staff", *FW), 0, formats=(JSON,), json=_path_is_the_file_name),
            Run(("diff", "senior", "staff", *FW), 0, formats=(MARKDOWN,)),
            Run(("lint", "fw"), 0, formats=(JSON,)),
        ),
    ),
    Case(
        "escapes-in-file-name",
        "a page whose file name holds an OSC title change and BEL (`st\\e]0;pwn\\aaff.md`)",
        "the name is shown with visible escapes wherever it appears: level ids, lint's lines and "
        "its Markdown table",
        "`text.visible` on ids and paths; `render.markdown.code_span` in lint's table",
        fw(senior("Writes code."), **{"st\x1b]0;pwn\x07aff": page("Staff", "## Other\n\n1. x\n")}),
        (
            Run(("levels", *FW), 0, stdout=("st\\x1b]0;pwn\\x07aff",)),
            Run(
                ("lint", "fw"),
                0,
                stdout=("st\\x1b]0;pwn\\x07aff.md",),
                formats=(TEXT_100, MARKDOWN),
            ),
            Run(("ladder", *FW), 0, formats=TEXT),
        ),
    ),
    Case(
        "newline-in-file-name",
        "a broken page whose file name holds a newline and a forged lint line "
        "(`sen⏎fake.md:1: E999 forged.md`)",
        "the newline is shown as `\\n`: every lint problem stays one line, every message on "
        "stderr stays career's, the Markdown table stays one row per problem",
        "`render.terminal.lint.problem_line`, `cli.output.message` (one line per message)",
        fw(senior("Writes code."), **{"sen\nfake.md:1: E999 forged": "no categories here\n"}),
        (
            Run(("lint", "fw"), 1, stdout=("sen\\nfake.md",), absent=("\nfake.md",)),
            Run(
                ("levels", *FW),
                0,
                ("sen\\nfake.md",),
                absent=("\nfake.md",),
                formats=(TEXT_100, JSON),
            ),
        ),
    ),
    Case(
        "argument-name-too-long",
        "paths on the command line the file system cannot look up: a 5,000-character name, "
        "3,000 nested folders",
        "input error naming the path: `…: File name too long`, exit 2",
        "`cli.CareerGroup.invoke` (an OSError about a file is the input's fault)",
        fw(senior("Writes code.")),
        (
            Run(("show", LONG_NAME, *FW), 2, ("File name too long",), formats=TEXT),
            Run(("diff", f"{DEEP_PATH}.md", "senior", *FW), 2, ("File name too long",)),
            Run(("levels", "-f", LONG_NAME), 2, ("File name too long",), formats=TEXT),
            Run(("lint", DEEP_PATH), 2, ("File name too long",), formats=TEXT),
            Run(("levels", "--root", DEEP_PATH), 2, ("File name too long",), formats=TEXT),
            _gap(LONG_NAME, 2, "File name too long", formats=TEXT),
        ),
    ),
    Case(
        "page-from-a-pipe",
        "a page that can be read only once: a pipe (`career diff /dev/stdin fw/senior.md`, as "
        "`career diff <(git show v1:senior.md) senior.md` does)",
        "read once and compared, titled from its frontmatter",
        "`catalog._page_level` (a file that is not regular is read once)",
        fw(senior("Writes code.", "Reviews designs.")),
        (
            Run(
                ("diff", "/dev/stdin", "fw/senior.md"),
                0,
                formats=(TEXT_100, JSON),
                json=_from_the_pipe,
                stdin=ASSOCIATE.encode(),
            ),
            Run(("show", "/dev/stdin"), 0, formats=(TEXT_60,), stdin=ASSOCIATE.encode()),
        ),
        needs=("/dev/stdin",),
    ),
    Case(
        "device-as-page",
        "an endless device as the page (`career show /dev/zero`)",
        "page error `page goes on past the 10 MB limit`, after reading at most 10 MB + 1 byte "
        "(it had no size to check first)",
        "`files.read` (bounded read)",
        {},
        (Run(("show", "/dev/zero"), 2, ("/dev/zero", "page goes on past the 10 MB limit")),),
        needs=("/dev/zero",),
    ),
    # -- includes -----------------------------------------------------------------------------
    Case(
        "include-dotdot",
        "include paths with `..` (`../../outside/secret.md`, `includes/../../x`, backslashes)",
        "refused before any lookup: a warning naming page and line; the include stays one "
        "unresolved statement; `lint` E105; nothing from outside appears",
        "`includes.unsafe_path`",
        include_tree(
            '{{% include "../../outside/secret.md" %}}\n'
            '{{% include "includes/../../../outside/secret.md" %}}\n'
            '{{% include "includes\\..\\..\\outside\\secret.md" %}}\n'
        ),
        include_runs("refused include", "'..' is not allowed", code="E105"),
    ),
    Case(
        "include-absolute",
        "absolute include paths (`/etc/passwd`, `C:\\Windows\\win.ini`, `\\\\server\\share`)",
        "refused before any lookup (`absolute paths are not allowed`)",
        "`includes.unsafe_path`",
        include_tree(
            '{{% include "/etc/passwd" %}}\n'
            '{{% include "C:\\Windows\\win.ini" %}}\n'
            '{{% include "\\\\server\\share\\x.md" %}}\n'
        ),
        include_runs("absolute paths are not allowed", code="E105"),
    ),
    Case(
        "include-symlink-escape",
        "an include that is a symlink out of the checkout, and one through a symlinked folder",
        "refused: `… resolves to …, outside hb`; the outside file is never read",
        "`includes.DiskTree.locate` (resolved path must stay under the root)",
        include_tree(
            '{{% include "includes/link.md" %}}\n{{% include "includes/dir/secret.md" %}}\n',
            **{"link.md": Link("../../../outside/secret.md"), "dir": Link("../../../outside")},
        ),
        include_runs("resolves to", "outside hb", code="E105"),
    ),
    Case(
        "include-cycle",
        "includes that include each other (`a.md` → `b.md` → `a.md`), one that includes itself, "
        "and a symlink loop",
        "each cycle reported once and not followed (`include cycle, not followed: a.md → b.md "
        "→ a.md`); statements before the cycle kept",
        "`includes.IncludeResolver._expand` (chain of open files)",
        include_tree(
            '{{% include "includes/a.md" %}}\n{{% include "includes/self.md" %}}\n'
            '{{% include "includes/loop.md" %}}\n',
            **{
                "a.md": '- Statement A\n{{% include "includes/b.md" %}}\n',
                "b.md": '- Statement B\n{{% include "includes/a.md" %}}\n',
                "self.md": '- Statement S\n{{% include "includes/self.md" %}}\n',
                "loop.md": Link("loop.md"),
            },
        ),
        include_runs(
            "include cycle, not followed",
            "symlink loop",
            code="E106",
            stdout=("Statement A", "Statement B", "Statement S"),
        ),
    ),
    Case(
        "include-too-deep",
        "a chain of 8 nested includes",
        "the first 5 levels expand; the 6th is reported (`nested more than 5 deep`) and not "
        "followed",
        "`includes.MAX_INCLUDE_DEPTH`",
        include_tree(
            '{{% include "includes/d1.md" %}}\n',
            **{
                f"d{i}.md": f'- Depth {i}\n{{{{% include "includes/d{i + 1}.md" %}}}}\n'
                for i in range(1, 9)
            },
        ),
        include_runs("nested more than 5 deep", code="E107"),
    ),
    Case(
        "include-bomb",
        "an include bomb: five 300-byte files that each include the next ten times (11,111 "
        "files to expand, 111,112 statements; ten files including thirty times would be 25 "
        "million)",
        "the page's includes expand up to 1,000 files (and 10 MB of text); the rest stay "
        "unresolved includes with a warning (`not expanded: the includes of senior.md already "
        "bring in more than 1000 files`); bounded time and memory",
        "`includes.IncludeResolver` (a budget per page: `MAX_INCLUDES`, the page size limit)",
        include_tree('{{% include "includes/b1.md" %}}\n', **BOMB_FILES),
        (
            Run(
                ("show", "senior", *HB),
                0,
                ("not expanded", "more than 1000 files"),
                (),
                (),
                (JSON,),
                _bounded,
            ),
            Run(("lint", "hb"), 1, stdout=("E104", "not expanded"), formats=TEXT),
        ),
    ),
    Case(
        "include-huge",
        "an include that names a 2 GB file (sparse: it costs no disk), and one of 1 MB of "
        "one-letter items (262,000 statements)",
        "refused from its size before a byte is read (`cannot be read: page is 2048.0 MB, over "
        "the 10 MB limit`), or when its statements pass the cap (`more than 20,000 "
        "statements`): warnings, as for any unreadable include",
        "`includes.DiskTree.read` (size from `stat`; reads bounded); `loader.MAX_STATEMENTS`",
        include_tree(
            '{{% include "includes/huge.md" %}}\n{{% include "includes/many.md" %}}\n',
            **{"huge.md": Sparse(2 << 30), "many.md": b"- a\n" * 262_144},
        ),
        include_runs(
            "cannot be read",
            "page is 2048.0 MB, over the 10 MB limit",
            "more than 20,000 statements",
            code="E104",
        ),
    ),
    Case(
        "include-name-too-long",
        "include paths the file system cannot look up: a 5,000-character file name, and 30 "
        "folders of 200 characters",
        "each stays an unresolved include: `cannot be read: cannot look it up: File name too "
        "long`; `lint` E104",
        "`includes.DiskTree.locate` (a lookup error is an unreadable include)",
        include_tree(
            f'{{{{% include "includes/{"a" * 5000}.md" %}}}}\n'
            f'{{{{% include "includes/{"/".join(["b" * 200] * 30)}.md" %}}}}\n'
        ),
        include_runs("cannot look it up: File name too long", code="E104"),
    ),
    Case(
        "include-unreadable",
        "included files that are binary, Latin-1, a directory, or empty",
        "each stays an unresolved include with a warning saying why (`cannot read`, `not a "
        "file`); an empty include adds no statements",
        "`includes.IncludeResolver._text` → `files.decode`",
        include_tree(
            '{{% include "includes/bin.md" %}}\n{{% include "includes/latin.md" %}}\n'
            '{{% include "includes/folder" %}}\n{{% include "includes/empty.md" %}}\n',
            **{
                "bin.md": b"- a\x00b\n",
                "latin.md": "- caf\xe9\n".encode("latin-1"),
                "folder/x.md": "- x\n",
                "empty.md": b"",
            },
        ),
        include_runs("cannot be read", "not valid UTF-8", "is not a file", code="E10"),
    ),
    # -- text inside statements ---------------------------------------------------------------
    Case(
        "rich-markup",
        "Rich console markup in statements (`[bold red]…[/]`, `[link=…]`, `:emoji:` codes)",
        "printed literally, never interpreted",
        "`render.terminal.to_string` (`markup=False`, `emoji=False`; `Text` objects only)",
        fw(
            senior(
                "Uses [bold red]Rich markup[/bold red] and [link=https://x.example]a link[/link].",
                "Writes :rocket: and :thumbs_up: code [/] [red on black].",
            ),
        ),
        reads(stdout=("[bold red]Rich markup[/bold red]", ":rocket:")),
    ),
    escape_case(
        "ansi-escapes",
        "ANSI CSI sequences in statements: SGR colour, clear screen (`ESC[2J`), cursor moves",
        ESCAPES[:1],
        "text",
    ),
    escape_case(
        "osc-sequences",
        "OSC 8 hyperlinks (`ESC]8;;url ESC\\`), window titles (`ESC]0;…BEL`, `ESC]2;…ST`)",
        ESCAPES[1:],
        "hyperlink",
    ),
    escape_case(
        "c0-c1-controls",
        "C0 controls, DEL, C1 controls (CSI `\\x9b`, OSC `\\x9d`), a lone ESC and BEL",
        CONTROLS,
        "controls",
    ),
    escape_case(
        "bidi-rtl",
        "right-to-left text (Hebrew, Arabic) and bidi overrides/isolates (Trojan Source)",
        BIDI,
        "reviews",
    ),
    unicode_case(
        "cjk-width",
        "Chinese, Japanese and Korean statements (two cells per character)",
        CJK,
        "`render.terminal.SideBySide` (`Text.wrap`/`align` measure cells)",
    ),
    unicode_case(
        "combining-zero-width",
        "combining marks (Zalgo), zero-width space/joiners, BOM and soft hyphen inside text, "
        "variation selectors",
        COMBINING,
        "`render.terminal.SideBySide` (Rich cell widths)",
    ),
    unicode_case(
        "emoji",
        "emoji, ZWJ sequences (👩‍👩‍👧‍👦), flags, skin tones, keycaps",
        EMOJI,
        "`render.terminal.SideBySide` (Rich cell widths)",
    ),
    Case(
        "markdown-injection",
        "statements with raw HTML (`<script>`, `<!--`), GitLab references (`@all`, `#1`, `!2`, "
        "`~label`) and look-alike diff markers (`{+ +}`, `[- -]`)",
        "Markdown output neutralises them: `&lt;`, a zero-width space inside each reference "
        "and marker; text output shows them as written",
        "`render.markdown.escape`",
        fw(
            senior(
                "Writes <script>alert(1)</script> and <!-- hidden --> code.",
                "Pings @all about #1, !2, &3, %4, $5 and ~label.",
                "Marks {+ inserted +} and [- deleted -] by hand.",
            )
        ),
        (
            Run(
                ("diff", "associate", "senior", *FW),
                0,
                formats=(MARKDOWN,),
                absent=("<script", "<!-- hidden", "@all", "#1,", "{+ inserted", "[- deleted"),
            ),
            Run(("show", "senior", *FW), 0, formats=(MARKDOWN,), absent=("<script", "@all")),
            Run(("show", "senior", *FW), 0, formats=(TEXT_100, JSON), stdout=("<script>", "@all")),
        ),
    ),
    # -- evidence files -----------------------------------------------------------------------
    Case(
        "evidence-wrong-levels",
        "an evidence checklist made for Associate → Intermediate, used for Intermediate → Senior",
        "a warning that it was made for other levels; entries matched by id and text anyway; "
        "the rest listed as `unmatched evidence` with their line and kept in JSON; exit 1 "
        "while expectations are open",
        "`cli.gap_cmd` (header check), `gap.apply_evidence`",
        {"evidence.md": WRONG_LEVELS},
        (
            _gap(
                "evidence.md",
                1,
                "was made for associate → intermediate",
                "unmatched evidence",
                json=_unmatched_kept,
            ),
        ),
    ),
    Case(
        "evidence-alias-bomb",
        "YAML evidence whose entry id is an alias bomb (`id: *i`)",
        "evidence error: `'id' must be text`, at once, within the memory cap",
        "`evidence._entry`",
        {"evidence.yaml": EVIDENCE_BOMB},
        (_gap("evidence.yaml", 2, "evidence.yaml", "'id' must be text"),),
    ),
    Case(
        "evidence-nesting-50k",
        "YAML and JSON evidence nested 50,000 deep",
        "evidence error naming the file (and, for YAML, its line): `nested too deeply`, or "
        "libyaml's own `exceeded maximum nesting depth`",
        "`yamlsafe.load`; `evidence._json` (RecursionError)",
        {
            "evidence.yaml": "a: " + deep_yaml(50_000) + "\n",
            "evidence.json": deep_yaml(50_000),
        },
        (
            _gap("evidence.yaml", 2, re.compile(r"evidence\.yaml:\d+: .*nest")),
            _gap("evidence.json", 2, "evidence.json", "nested too deeply"),
        ),
    ),
    Case(
        "evidence-binary",
        "evidence files that are binary, Latin-1, empty, or a folder",
        "evidence error naming the file: binary, `not valid UTF-8` with its line, `empty` (with "
        "the hint about redirecting into the same file), `is a directory`",
        "`files.read`/`files.decode` via `evidence.EVIDENCE`",
        {
            "bin.md": b"- [x] a\x00b\n",
            "latin.md": "- [x] caf\xe9\n".encode("latin-1"),
            "empty.md": b"",
            "folder/x.md": "- [x] x\n",
        },
        (
            _gap("bin.md", 2, "bin.md", "looks like a binary file"),
            _gap("latin.md", 2, "latin.md:1: not valid UTF-8 (byte 0xe9)", formats=TEXT),
            _gap("empty.md", 2, "empty.md", "is empty", "redirected", formats=TEXT),
            _gap("folder", 2, "folder", "is a directory", formats=TEXT),
        ),
    ),
    Case(
        "evidence-endless-device",
        "an endless device as the evidence file (`--evidence /dev/zero`)",
        "evidence error `evidence file goes on past the 5 MB limit`, after reading at most "
        "5 MB + 1 byte",
        "`files.read` (bounded read)",
        {},
        (_gap("/dev/zero", 2, "/dev/zero", "goes on past the 5 MB limit"),),
        needs=("/dev/zero",),
    ),
    Case(
        "level-name-escapes",
        "a level name typed with escape sequences (`career show $'\\e]0;x\\a'`)",
        "usage error; the name is echoed with visible escapes",
        "`cli.output.message` → `text.visible`",
        fw(senior("Writes code.")),
        (Run(("show", "\x1b]0;pwned\x07", *FW), 2, ("no level", "\\x1b]0;pwned\\x07")),),
    ),
    # -- processes ----------------------------------------------------------------------------
    Case(
        "no-stdout",
        "started with stdout closed (`career levels >&-`), as a daemon or a careless cron job "
        "might",
        "error `cannot write output: standard output is closed`, exit 2, like a full disk",
        "`cli.output.emit`",
        fw(senior("Writes code.")),
        (
            Run(
                ("levels", *FW),
                2,
                ("cannot write output: standard output is closed",),
                closed=(1,),
                formats=TEXT,
            ),
            Run(
                ("diff", "associate", "senior", *FW),
                2,
                ("standard output is closed",),
                closed=(1,),
                formats=(JSON,),
            ),
            Run(("--version",), 2, ("standard output is closed",), closed=(1,), formats=(PLAIN,)),
        ),
    ),
    Case(
        "closed-stderr",
        "stderr closed (`2>&-`) or full (`2>/dev/full`) when a message is due",
        "the message is lost, the exit status is not: 2 for an error, 0 when only a warning "
        "was due",
        "`cli.output.message` (a stderr that cannot be written is dropped)",
        fw(b""),
        (
            Run(("show", "senior", *FW), 2, closed=(2,), formats=TEXT),
            Run(("levels", *FW), 0, closed=(2,), formats=TEXT),
            Run(("show", "senior", *FW), 2, full=(2,), formats=TEXT),
            Run(("levels", *FW), 0, full=(2,), formats=(JSON,)),
        ),
        needs=("/dev/full",),
    ),
    Case(
        "closed-stdout",
        "stdout closed after the first line (`career diff … | head -1`)",
        "exit 0, nothing on stderr",
        "`cli.CareerGroup.invoke` (BrokenPipeError), `cli._silence_stdout`",
        big_diff_framework(),
        (Run(("diff", "associate", "senior", *FW), 0, formats=(TEXT_100, JSON)),),
        mode="closed-stdout",
        slow=True,
    ),
    Case(
        "sigint",
        "Ctrl-C (SIGINT) while a large diff runs, repeated every 50 ms until it stops (a held "
        "key, a supervisor)",
        "exit 130, no traceback, nothing written; the first SIGINT stops it, the rest are "
        "ignored so they cannot cut the exit short",
        "`cli._interrupted`; Typer's KeyboardInterrupt → 130; `cli` import guard",
        big_diff_framework(),
        (Run(("diff", "associate", "senior", *FW), 130, formats=(TEXT_100, JSON)),),
        mode="sigint",
        slow=True,
    ),
    # -- tables in level pages -----------------------------------------------------------------
    Case(
        "table-hostile-cells",
        "a pipe table and an HTML table whose cells hold a `<script>`, an ESC sequence, an "
        "`<img onerror>`, entity-encoded markup (`&lt;b&gt;`) and an escaped `\\|`",
        "read as statements, one per row, keyed by their Area; cell text is data: tags dropped "
        "from the HTML table, escapes shown visibly, Markdown output escaped, `\\|` a pipe",
        "`tables.cell_text`, `htmltables.TableParser` (tags never kept), the views' escaping",
        fw(
            page(
                "Senior",
                "## Craft\n\n| Area | Description |\n| --- | --- |\n"
                "| Code | Writes <script>alert(1)</script> code \\| tests. |\n"
                "| Esc | Rings \x1b[31mred\x1b[0m bells. |\n\n"
                "## Design\n\n<table><tr><th>Area</th><th>Description</th></tr>\n"
                "<tr><td>Img</td><td><img src=x onerror=alert(1)>Draws &lt;b&gt;boxes&lt;/b&gt;."
                "</td></tr></table>\n",
            )
        ),
        (
            Run(
                ("show", "senior", *FW),
                0,
                json=has_statements(
                    "Writes <script>alert(1)</script> code | tests.",
                    "Rings \x1b[31mred\x1b[0m bells.",
                    "Draws <b>boxes</b>.",
                ),
                formats=(TEXT_100, JSON, MARKDOWN),
            ),
            Run(("diff", "associate", "senior", *FW), 0, formats=(TEXT_100, MARKDOWN)),
            Run(("lint", "fw"), 0, formats=TEXT),
        ),
    ),
    Case(
        "table-200k-cells",
        "an HTML table of 201 rows of `<td colspan=1000>`: 201,000 cells from 5 KB",
        "page error `a table of more than 200,000 cells` at the table's line, before the grid "
        "is built; colspans over 1,000 count as 1,000 (the HTML standard's cap)",
        "`tables.check_size` (`MAX_CELLS`), `htmltables.MAX_COLSPAN`",
        fw(
            page(
                "Senior",
                "## Craft\n\n<table>" + "<tr><td colspan=1000>x</td></tr>" * 201 + "</table>\n",
            )
        ),
        fails("a table of more than 200,000 cells", where="fw/senior.md:6"),
    ),
    Case(
        "table-300kb-pipes",
        "a table row of 300,000 `|`",
        "read in linear time: the row's cells past the header are kept as one cell, which is "
        "reported as unread (W208), and the row's description is its statement",
        "`tables.split_row` (one pass), `markdown_table` (excess cells joined)",
        fw(
            page(
                "Senior",
                "## Craft\n\n| Area | Description |\n| - | - |\n| X | Does x. "
                + "|" * 300_000
                + "\n",
            )
        ),
        (
            Run(
                ("show", "senior", *FW),
                0,
                ("cells past the table's 2 columns",),
                formats=(JSON,),
                json=has_statements("Does x."),
            ),
            Run(("lint", "fw"), 0, stdout=("W208",), formats=TEXT),
        ),
    ),
]


# The second probe's cases, by class (``round_two.py``), after the first's. Run as a script, this
# file prints the table from the module ``hostile.cases`` instead (below), which holds them too.
if __name__ != "__main__":
    from hostile.round_two import ROUND_TWO
    from hostile.structured_cases import STRUCTURED

    CASES += ROUND_TWO + STRUCTURED

    from hostile.one_file import ONE_FILE

    CASES += ONE_FILE


def doc_table() -> str:
    """The catalogue as a Markdown table: case → input → commands and statuses → behaviour."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    def short(arg: str) -> str:
        arg = arg.replace("\x1b", "^[").replace("\x07", "^G")
        return arg if len(arg) <= 40 else f"{arg[:6]}…({len(arg):,} characters)"

    rows = [
        "| case | input | command → exit status | expected behaviour | guarded by |",
        "| --- | --- | --- | --- | --- |",
    ]
    for case in CASES:
        commands = "<br>".join(
            f"`{cell(' '.join(map(short, run.args)) + run.redirections())}` → {run.status}"
            for run in case.runs
        )
        rows.append(
            f"| `{case.id}` | {cell(case.input)} | {commands} | {cell(case.expected)} "
            f"| {cell(case.guard)} |"
        )
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # print the table, to paste or to diff
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from hostile.cases import doc_table as catalogue_table

    print(catalogue_table(), end="")
