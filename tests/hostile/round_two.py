"""The second hostile-input probe's cases: linear time on any line, safe Markdown from any string,
CommonMark block rules, identity, git revisions. Each failed before its fix (see
``docs/hostile-inputs.md``, "Round two"); ``cases.py`` appends them to its catalogue, and is what
imports this module (it takes its helpers from there).
"""

from __future__ import annotations

import functools
import json
import os
import random
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

from hostile.cases import (
    ASSOCIATE,
    FW,
    HB,
    JSON,
    MARKDOWN,
    MATRIX,
    PLAIN,
    TEXT,
    TEXT_60,
    TEXT_100,
    Case,
    Content,
    Run,
    fw,
    has_statements,
    include_tree,
    page,
    senior,
    statements,
)

# -- linear time ------------------------------------------------------------------------------

N = 200_000  # characters of one token on a line: a fiftieth of the page limit


def _line(token: str) -> str:
    return (token * (N // len(token) + 1))[:N]


@functools.cache
def adversarial_page() -> bytes:
    """Each of the page reader's quadratic patterns of before, on a line of its own token."""
    body = (
        f"## Senior\n\nLeads {_line('<!--')}\n\n"
        f"## Craft\n\n1. Writes {_line('{{< include ')} code.\n2. Reviews {_line('**a ')}.\n\n"
        f"## Team{_line(' ')}x\n\n- Hires.\n"
    )
    return page("Senior", body).encode()


def _adversarial_check(document: dict[str, Any]) -> None:
    texts = statements(document)
    assert len(texts) == 3, [t[:40] for t in texts]
    assert texts[0].startswith("Writes {{< include {{< include") and texts[0].endswith(" code.")
    assert texts[1].startswith("Reviews **a **a") and texts[2] == "Hires."
    assert [c["title"] for c in document["categories"]] == ["Craft", "Team x"]


@functools.cache
def adversarial_checklist() -> bytes:
    head = f"<!-- career:gap v1 framework=fw from=intermediate to=senior {_line('a')} -->\n\n"
    items = (
        f"## Craft {_line('_')}\n\n"
        f"- [x] Writes code. <!-- career:id craft/writes-code --> {_line('<!--')}\n"
        f"  - Evidence: {_line('<!-- career:gap ')}\n"
        "- [x] Reviews designs. <!-- career:id craft/reviews-designs -->\n"
    )
    return (head + items).encode()


def _both_met(document: dict[str, Any]) -> None:
    assert document["counts"]["met"] == 2, document["counts"]
    assert document["unmatched_evidence"] == [], document["unmatched_evidence"]


CRAFT = page("Senior", "## Craft\n\n1. Writes code.\n2. Reviews designs.\n")


def _short_level(title: str) -> Content:
    def make() -> bytes:
        body = "".join(f"1. Writes code number {n}.\n" for n in range(19_999))
        return page(title, f"## Craft\n\n{body}").encode()

    return make


INTERMEDIATE = page("Intermediate", "## Craft\n\n1. Writes code with help.\n")


# A vocabulary the size of a handbook's (3,000 words made of syllables), so that words are rare
# enough to tell statements apart, as real ones are.
_SYLLABLES = "ka lo mi nu pe ra si to vu we xa yo ze bi da fu go hu ji".split()
_WORDS = sorted({"".join(random.Random(n).choices(_SYLLABLES, k=3)) for n in range(3600)})[:3000]


@functools.cache
def _evidence_corpus() -> list[str]:
    rng = random.Random(2033)
    return [" ".join(rng.choices(_WORDS, k=12)).capitalize() + "." for _ in range(20_000)]


def evidence_level() -> bytes:
    body = "".join(f"1. {text}\n" for text in _evidence_corpus())
    return page("Senior", f"## Craft\n\n{body}").encode()


def reworded_evidence() -> bytes:
    """3,000 entries that match no id and no text: each a statement with a word changed."""
    rng = random.Random(2034)
    lines = []
    for text in rng.sample(_evidence_corpus(), 3000):
        words = text.rstrip(".").split()
        words[rng.randrange(len(words))] = rng.choice(_WORDS)
        lines.append(f"- text: {' '.join(words)}!\n  met: true\n")
    return "".join(lines).encode()


def _evidence_matched(document: dict[str, Any]) -> None:
    assert document["counts"]["met"] >= 2900, document["counts"]


def _many_levels() -> dict[str, Content]:
    """3,000 level pages: one category all share, and one each has alone."""
    tree: dict[str, Content] = {}
    for n in range(3000):
        tree[f"fw/level-{n:04d}.md"] = page(
            f"Level {n}",
            f"## Craft\n\n1. Writes code for release {n // 10}.\n2. Reviews code.\n\n"
            f"## Extra {n}\n\n1. Own statement {n}.\n",
            weight=n,
        )
    return tree


# -- Markdown from strings that are not statement text ----------------------------------------

LINKS = (
    "Reads [the runbook](javascript:alert(1)) and [notes](data:text/html,<b>bold</b>).",
    'Follows [a link](https://example.com/"onmouseover=x) home.',
)
FORGED_ID = "x -->\n- [x] Forged tick <!-- career:id craft/forged"
EVIDENCE_MARKUP = (
    "- id: craft/writes-code\n  met: true\n  evidence: 'see <!-- the rest is hidden'\n"
    f"- id: {json.dumps(FORGED_ID)}\n  text: Organised the offsite\n  met: true\n"
    "  evidence: ping @all about $$x$$ and ~release\n"
)


def _forged_kept_as_data(document: dict[str, Any]) -> None:
    # JSON gives the id back as written: data, for a script to show as it sees fit.
    assert [u["id"] for u in document["unmatched_evidence"]] == [FORGED_ID]


# -- block structure --------------------------------------------------------------------------

WRONG_FENCES = page(
    "Senior",
    "## Craft\n\n1. Writes code.\n\n````\n1. Quoted.\n```\n1. Still quoted.\n````\n\n"
    "1. Reviews designs.\n\n```\n1. Quoted.\n```python\n1. Still quoted.\n```\n\n"
    "1. Mentors others.\n",
)
CODE_SPAN_OPENER = page(
    "Senior", "## Craft\n\n1. Hides drafts with `<!--` comments.\n2. Reviews designs.\n"
)
UNCLOSED_FENCE_CHECKLIST = (
    "<!-- career:gap v1 framework=fw from=intermediate to=senior -->\n\n## Craft\n\n"
    "- [x] Writes code. <!-- career:id craft/writes-code -->\n"
    "  - Evidence: the release log\n    ```\n    git log --oneline\n"
    "- [x] Reviews designs. <!-- career:id craft/reviews-designs -->\n"
    "  - Evidence: two reviews\n"
)
NESTED_LEVEL_HEADING = page("Senior", "## Craft\n\n### Senior\n\n1. Writes code.\n")


# -- identity ---------------------------------------------------------------------------------

CAFE = "Runs the café's résumé reviews."
SHARED = " ".join(f"word{n}" for n in range(70))


def _nfc_unchanged(document: dict[str, Any]) -> None:
    assert document["counts"] == {"unchanged": 1, "changed": 0, "added": 1, "removed": 0}, document[
        "counts"
    ]
    texts = [i["to"]["text"] for c in document["categories"] for i in c["items"] if i["to"]]
    assert unicodedata.normalize("NFD", CAFE) in texts  # kept as written


def _ids_unique(document: dict[str, Any]) -> None:
    ids = [e["id"] for e in document["expectations"]]
    assert len(ids) == len(set(ids)), ids


# -- git revisions ----------------------------------------------------------------------------


def _git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Hostile",
        "GIT_AUTHOR_EMAIL": "hostile@example.invalid",
        "GIT_COMMITTER_NAME": "Hostile",
        "GIT_COMMITTER_EMAIL": "hostile@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _history_with_a_colon(root: Path) -> None:
    hb = root / "hb"
    _git(hb, "init", "-q")
    _git(hb, "add", "-A")
    _git(hb, "commit", "-q", "-m", "fix: shared statements")
    (hb / "assets/includes/shared.md").write_text("- Shares knowledge.\n- Writes docs.\n")
    _git(hb, "commit", "-q", "-a", "-m", "more")


def _framework_became_a_submodule(root: Path) -> None:
    hb, other = root / "hb", root / "other"
    _git(hb, "init", "-q")
    _git(hb, "add", "-A")
    _git(hb, "commit", "-q", "-m", "v1")
    _git(hb, "tag", "v1")
    _git(other, "init", "-q")
    _git(other, "add", "-A")
    _git(other, "commit", "-q", "-m", "its own history")
    _git(hb, "rm", "-q", "-r", MATRIX.removeprefix("hb/"))
    _git(hb, "commit", "-q", "-m", "the framework moves out")
    _git(
        hb, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(other),
        MATRIX.removeprefix("hb/"),
    )  # fmt: skip
    _git(hb, "commit", "-q", "-m", "as a submodule")


def _read_at_v1(document: dict[str, Any]) -> None:
    assert document["level"]["title"] == "Senior@v1", document["level"]
    assert statements(document) == ["Writes code.", "Reviews designs."], statements(document)


ROUND_TWO: list[Case] = [
    # -- linear time on any line
    Case(
        "line-200k-openers",
        "200 KB lines of one opener each: `<!--` in the overview, `{{< include ` and `**a ` in "
        "statements, spaces in a heading",
        "read in well under a second, every statement whole (the comment, shortcode, emphasis and "
        "heading patterns backtracked over such lines for minutes)",
        "`blocks.scan`, `comments.strip_comments`, `shortcodes.shortcode_spans`, "
        "`body.strong_as_text`: linear scans",
        fw(adversarial_page),
        (
            Run(("show", "senior", *FW), 0, json=_adversarial_check, formats=(JSON, TEXT_60)),
            Run(("diff", "associate", "senior", *FW), 0, formats=(JSON, MARKDOWN)),
            Run(("lint", "fw"), 0, formats=TEXT),
        ),
        slow=True,
    ),
    Case(
        "checklist-200k-openers",
        "a checklist whose header, heading, item and evidence hold 200 KB of `a`, `_`, `<!--`, "
        "`<!-- career:gap `",
        "read at once, both items met (the header, attribute and comment patterns were quadratic)",
        "`evidence.header` (attributes start at words), `blocks.scan`",
        {**fw(CRAFT, intermediate=INTERMEDIATE), "evidence.md": adversarial_checklist},
        (Run(("gap", "intermediate", "senior", *FW, "-e", "evidence.md"), 0, json=_both_met),),
        slow=True,
    ),
    Case(
        "side-by-side-1000-columns",
        "a side-by-side diff at `--width 1000` of two levels of 19,999 short statements, the same "
        "at both, every row padded in the middle",
        "rendered in seconds, as before (trimming each row's trailing blanks was quadratic in "
        "its inner padding: minutes)",
        "`render.terminal._trim`",
        {"fw/associate.md": _short_level("Associate"), "fw/senior.md": _short_level("Senior")},
        (
            Run(
                ("diff", "associate", "senior", *FW, "--width", "1000", "--color", "never"),
                0,
                formats=(PLAIN,),
            ),
        ),
        slow=True,
    ),
    Case(
        "evidence-3000-unmatched",
        "3,000 evidence entries that match no id and no text, against 20,000 expectations",
        "matched by similarity in seconds (every entry was scored against every expectation)",
        "`gap.apply_evidence` → `align.candidates`",
        {
            "fw/associate.md": ASSOCIATE,
            "fw/senior.md": evidence_level,
            "evidence.yaml": reworded_evidence,
        },
        (
            Run(
                ("gap", "associate", "senior", *FW, "-e", "evidence.yaml"),
                1,
                json=_evidence_matched,
                formats=(JSON,),
            ),
        ),
        slow=True,
    ),
    Case(
        "levels-3000",
        "3,000 level pages, each with a category only it has",
        "`lint` in seconds, one `W201` at each page (it rebuilt every level's names per level, "
        "and reported 9 million missing categories); `ladder --json` refused past a million "
        "cells, with how to narrow it",
        "`lint._Linter.names`, `lint._Linter.categories`; `ladder.MAX_CELLS`",
        _many_levels(),
        (
            Run(("lint", "fw"), 0, stdout=("W201",), formats=TEXT, most=10_000_000),
            Run(
                ("ladder", *FW),
                2,
                ("more than the 1,000,000 a JSON or Markdown table holds", "--from/--to"),
                formats=(JSON, MARKDOWN),
            ),
        ),
        slow=True,
    ),
    # -- Markdown from any string
    Case(
        "markdown-link-destinations",
        "links to `javascript:` and `data:` URLs, a destination with a quote",
        "Markdown keeps the links' text; a scheme other than http(s), mailto or ftp loses its "
        "colon (a harmless relative link), quotes and `<` are percent-encoded",
        "`render.markdown_text.destination`",
        fw(senior(*LINKS)),
        (
            Run(
                ("show", "senior", *FW),
                0,
                absent=("javascript:", "data:", '"onmouseover'),
                formats=(MARKDOWN,),
            ),
            Run(
                ("diff", "associate", "senior", *FW),
                0,
                absent=("javascript:",),
                formats=(MARKDOWN,),
            ),
            Run(("show", "senior", *FW), 0, json=has_statements(*LINKS), formats=(JSON,)),
        ),
    ),
    Case(
        "markdown-file-names",
        "included files named with an OSC title change, `<script>` and backticks, listed under "
        "their name (`From …:`)",
        "each name shown with visible escapes and entities: no raw escape, no raw `<`",
        "`render.markdown_text.code_span` (text with entities when a name holds `<`)",
        include_tree(
            '{{% include "includes/st\x1b]0;pwn\x07.md" %}}\n'
            '{{% include "includes/<script>x.md" %}}\n'
            '{{% include "includes/a`b.md" %}}\n',
            **{
                "st\x1b]0;pwn\x07.md": "- From the escape file.\n",
                "<script>x.md": "- From the script file.\n",
                "a`b.md": "- From the backtick file.\n",
            },
        ),
        (Run(("show", "senior", *HB), 0, formats=(MARKDOWN, TEXT_100)),),
    ),
    Case(
        "evidence-id-forges-a-tick",
        "YAML evidence whose unmatched entry's id closes the id comment and starts a ticked item "
        "(`x -->⏎- [x] Forged tick <!--`), and evidence text with `<!--`, `@all`, `$$`",
        "the id is written back percent-encoded inside its comment, the evidence escaped: no "
        "forged item, no hidden rest, no mention, no math",
        "`render.markdown_text.comment_value`, `escape`; `evidence.comment_value` reads it back",
        {**fw(CRAFT, intermediate=INTERMEDIATE), "evidence.yaml": EVIDENCE_MARKUP},
        (
            Run(
                ("gap", "intermediate", "senior", *FW, "-e", "evidence.yaml"),
                1,
                ("unmatched evidence",),
                absent=("\n- [x] Forged", "@all", "$$"),
                formats=(MARKDOWN,),
            ),
            Run(
                ("gap", "intermediate", "senior", *FW, "-e", "evidence.yaml"),
                1,
                json=_forged_kept_as_data,
                formats=(JSON,),
            ),
        ),
    ),
    Case(
        "markdown-header-ids",
        "level pages named `sen--!>ior.md` and `inter<!--mediate.md`, whose ids go into the "
        "checklist's header comment",
        "written percent-encoded: the header comment cannot be ended (`--!>`) or another opened",
        "`render.markdown._attr` → `render.markdown_text.comment_value`",
        {
            "fw/inter<!--mediate.md": INTERMEDIATE,
            "fw/sen--!>ior.md": CRAFT,
        },
        (Run(("gap", "inter", "sen", *FW), 0, formats=(MARKDOWN,)),),
    ),
    # -- CommonMark block structure
    Case(
        "fence-closed-wrongly",
        "fences that a shorter fence and an info-string line do not close (```` ```` ```` … "
        "```` ``` ````, ```` ``` ```` … ```` ```python ````)",
        "what they quote stays quoted; the statements after them are read",
        "`blocks.fence_closes`",
        fw(WRONG_FENCES),
        (
            Run(
                ("show", "senior", *FW),
                0,
                json=has_statements("Writes code.", "Reviews designs.", "Mentors others."),
                formats=(JSON,),
            ),
        ),
    ),
    Case(
        "comment-opener-in-code-span",
        "a statement with `<!--` inside a code span",
        "a code span opens no comment: the next statement is read",
        "`comments.strip_comments` (code spans first)",
        fw(CODE_SPAN_OPENER),
        (
            Run(
                ("show", "senior", *FW),
                0,
                json=has_statements("Hides drafts with `<!--` comments.", "Reviews designs."),
                formats=(JSON,),
            ),
        ),
    ),
    Case(
        "unclosed-fence-in-evidence",
        "a checklist item whose evidence opens a fence it never closes",
        "the fence ends with its item, as GitLab renders it: the next item and its tick are read",
        "`blocks.Scanner` (a fence in a list item ends with the item)",
        {
            **fw(CRAFT, intermediate=INTERMEDIATE),
            "evidence.md": UNCLOSED_FENCE_CHECKLIST,
        },
        (Run(("gap", "intermediate", "senior", *FW, "-e", "evidence.md"), 0, json=_both_met),),
    ),
    Case(
        "level-heading-inside-category",
        "a `### Senior` heading inside the `## Craft` category of the Senior page",
        "a sub-category (`Craft › Senior`), not the overview: its statement is read",
        "`body.BodyParser.heading_line` (the overview is never nested in a category)",
        fw(NESTED_LEVEL_HEADING),
        (Run(("show", "senior", *FW), 0, json=has_statements("Writes code."), formats=(JSON,)),),
    ),
    # -- identity
    Case(
        "nfc-nfd",
        "the same statement composed (NFC) at one level and decomposed (NFD) at the next",
        "unchanged, and printed as each page wrote it",
        "`text.nfc` in `text.normalize`, `similarity.content_stems`, `worddiff.tokens`, "
        "`text.slug`",
        {
            "fw/associate.md": page("Associate", f"## Craft\n\n1. {CAFE}\n"),
            "fw/senior.md": page(
                "Senior",
                f"## Craft\n\n1. {unicodedata.normalize('NFD', CAFE)}\n2. Writes code.\n",
            ),
        },
        (
            Run(
                ("diff", "associate", "senior", *FW),
                0,
                json=_nfc_unchanged,
                formats=(JSON, TEXT_100),
            ),
        ),
    ),
    Case(
        "expectation-id-collisions",
        "statements that share their first 70 words, and statements with no content words",
        "every expectation has its own id (they shared one, so a tick answered whichever came "
        "last)",
        "`gap._unique_ids`",
        fw(
            senior(f"{SHARED} production.", f"{SHARED} security.", "The.", "Of the!"),
        ),
        (Run(("gap", "associate", "senior", *FW), 0, json=_ids_unique, formats=(JSON, MARKDOWN)),),
    ),
    # -- git revisions
    Case(
        "revision-name-with-a-colon",
        "a revision named with a colon (`HEAD^{/fix: shared}`), read with its includes",
        "the page and its includes read at that commit (the include was found by splitting "
        "'REV:path' on the colon: exit 70)",
        "`revisions.GitTree` (located files remembered, not parsed back)",
        include_tree(
            '{{% include "includes/shared.md" %}}\n', **{"shared.md": "- Shares knowledge.\n"}
        ),
        (
            Run(("diff", "senior@HEAD^{/fix: shared}", "senior", *HB), 0, formats=(JSON, TEXT_100)),
            Run(("show", "senior@HEAD^{/fix: shared}", *HB), 0, stdout=("Shares knowledge",)),
        ),
        setup=_history_with_a_colon,
    ),
    Case(
        "revision-framework-became-a-submodule",
        "a framework folder that became a git submodule, asked for at a tag of the superproject",
        "read where it was a page then (it was looked up in the submodule: unknown revision)",
        "`revisions.level_at` (a revision the submodule lacks is looked up in its superproject)",
        {
            f"{MATRIX}/senior.md": CRAFT,
            f"{MATRIX}/intermediate.md": INTERMEDIATE,
            "hb/assets/includes/x.md": "- x\n",
            "other/senior.md": page("Senior", "## Craft\n\n1. Elsewhere.\n"),
        },
        (Run(("show", "senior@v1", "-f", MATRIX), 0, json=_read_at_v1, formats=(JSON, TEXT_60)),),
        setup=_framework_became_a_submodule,
    ),
]
