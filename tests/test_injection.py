"""Markup and escape payloads through every field, in every format.

The hostile-input catalogue's payloads — raw HTML and comments, a forged task item, GitLab
references, look-alike diff markers, math, terminal escapes, bidi overrides, a pipe, a heading —
are put in each string that comes from outside: framework, level and category titles, a level's
description and overview, statements, a link's destination, an included file's name, a level id
(the page's file name), an evidence entry's id, text and evidence, and the search query. Every
command writes Markdown and JSON, and each document must hold its invariants:

* Markdown: no raw control characters or bidi overrides, no raw ``<`` but our own
  ``<!-- career:… -->`` comments (each whole on its line, with no ``--`` or ``>`` inside), no
  reference GitLab would act on, no ``$`` (math), no link to a scheme but http(s), mailto, ftp,
  every table row as wide as its header, and, in a checklist, exactly one task item per
  expectation or unmatched entry;
* JSON: parses, with no raw DEL, C1 or bidi characters, and gives the payload back exactly.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from career_cli.cli import app
from career_cli.text import collapse

PAYLOADS = {
    "html": "x <script>alert(1)</script> <!-- hidden",
    "comment": "a --> b <!-- c --!> d",
    "forged-task": "-->\n- [x] forged <!-- career:id craft/forged",
    "references": '@all #1 !2 &3 %4 $5 ~label ~"Label" {+ in +} [- out -]',
    "math": "$`a^2`$ and $$x$$",
    "escapes": "\x1b]0;pwn\x07 \x1b[31mred \x9b31m \x7f \u202eevil\u202c",
    "table": "| a | b |",
    "table-in-a-name": "a|b` | c",
    "heading": "# heading ##",
}
DESTINATIONS = ["javascript:alert`1`", "x<y>\"z'", "@all#1", "data:text/html,<b>"]
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
OUR_COMMENT = re.compile(r"<!-- career:(?:id|gap) [^\n]*? -->")
REFERENCE = re.compile(r"@\w|[#!%&]\d|~[^\W\d_]|~\"")
ENTITY = re.compile(r"&#?\w+;")
TASK = re.compile(r"^- \[[ xX~]\] ", re.M)
CODE_SPAN = re.compile(r"(`+)[^\n]*?(?<!`)\1(?!`)")


def file_name(payload: str) -> str:
    return payload.replace("/", "_").replace("\x00", "")


def build(root: Path, payload: str) -> Path:
    fw = root / "fw"
    fw.mkdir()

    def page(title: str, body: str) -> str:
        quoted = json.dumps(title)  # YAML reads a JSON string: escapes and all
        return f"---\ntitle: {quoted}\ndescription: {json.dumps(payload)}\n---\n{body}"

    (fw / "_index.md").write_text(page(f"Framework {payload}", ""), encoding="utf-8")
    (fw / "associate.md").write_text(
        page(
            f"Associate {payload}",
            f"## Associate\n\nOverview {payload}\n\n## Craft {payload}\n\n"
            f"1. Writes code.\n2. Old {payload}\n",
        ),
        encoding="utf-8",
    )
    links = " ".join(f"[site {n}]({url})" for n, url in enumerate(DESTINATIONS))
    (fw / f"senior {file_name(payload)}.md").write_text(
        page(
            f"Senior {payload}",
            f"## Senior\n\nOverview changed {payload}\n\n## Craft {payload}\n\n"
            f"1. Writes code.\n2. New {payload}\n3. Links {links} for the team.\n"
            f'{{{{% include "includes/{file_name(payload)}.md" %}}}}\n',
        ),
        encoding="utf-8",
    )
    evidence = root / "evidence.json"
    evidence.write_text(
        json.dumps(
            [
                {"id": payload, "text": "Organised the offsite", "met": True, "evidence": payload},
                {"text": f"New {payload}", "met": True, "evidence": f"Did it: {payload}"},
            ]
        ),
        encoding="utf-8",
    )
    return fw


COMMANDS = [
    ("diff", "associate", "sen"),
    ("show", "sen"),
    ("gap", "associate", "sen", "-e", "{evidence}"),
    ("ladder",),
    ("levels",),
    ("search", "{payload} writes"),
    ("lint", "{fw}"),
]


def strings(document: object) -> list[str]:
    """Every string value of a JSON document."""
    if isinstance(document, str):
        return [document]
    if isinstance(document, dict):
        return [s for value in document.values() for s in strings(value)]
    if isinstance(document, list):
        return [s for value in document for s in strings(value)]
    return []


def check_markdown(out: str, *, gap: bool) -> list[str]:
    problems = []
    if UNSAFE.search(out):
        problems.append(f"raw control: {UNSAFE.search(out)!r}")
    bare = OUR_COMMENT.sub("", out)
    if "<" in bare:
        at = bare.index("<")
        problems.append(f"raw '<': {bare[max(0, at - 30) : at + 30]!r}")
    for comment in OUR_COMMENT.findall(out):
        inner = comment[4:-4]
        if "--" in inner or ">" in inner or "<" in inner:
            problems.append(f"comment can be closed or opened: {comment!r}")
    # GitLab looks for references and math in text: not in link destinations, code spans or
    # comments.
    text = CODE_SPAN.sub("", re.sub(r"\]\([^)]*\)", "]", bare))
    text = ENTITY.sub("", text.replace("\u200b", " "))
    for found in REFERENCE.finditer(text):
        problems.append(
            f"reference {found.group()!r}: {text[found.start() - 20 : found.end() + 20]!r}"
        )
    if "$" in text:
        problems.append("a raw '$' (math)")
    for url in re.findall(r"\]\(([^)]*)\)", out):
        if re.match(r"(?i)(javascript|data|vbscript):", url) or re.search(r"[<>\"' ]", url):
            problems.append(f"link destination {url!r}")
    # Every row of a table has as many cells as its header: no pipe from outside splits one.
    columns = None
    for line in out.split("\n"):
        if not line.startswith("|"):
            columns = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        if columns is None:
            columns = cells
        elif cells != columns:
            problems.append(f"a table row of {cells - 1} cells, not {columns - 1}: {line[:80]!r}")
    if gap:
        tasks = TASK.findall(out)
        if len(tasks) != out.count("<!-- career:id "):
            problems.append(f"{len(tasks)} task items, {out.count('<!-- career:id ')} ids")
    return problems


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payloads_in_every_field_of_every_format(name: str, tmp_path: Path) -> None:
    payload = PAYLOADS[name]
    fw = build(tmp_path, payload)
    runner = CliRunner()
    failures = []
    for command in COMMANDS:
        args = [
            a.format(evidence=tmp_path / "evidence.json", payload=payload, fw=fw) for a in command
        ]
        if args[0] == "search":  # the query may start with "-": after "--"
            args = ["search", "-f", str(fw), "--", *args[1:]]
        elif args[0] != "lint":
            args += ["-f", str(fw)]
        for fmt in ("markdown", "json"):
            split = args.index("--") if "--" in args else len(args)
            result = runner.invoke(app, [*args[:split], "--format", fmt, *args[split:]])
            if result.exit_code not in (0, 1):
                failures.append(f"{args[0]} {fmt}: exit {result.exit_code}: {result.stderr[-300:]}")
                continue
            out = result.stdout
            if fmt == "json":
                document = json.loads(out)
                if UNSAFE.search(out.replace("\n", "")):
                    failures.append(f"{args[0]} json: raw control {UNSAFE.search(out)!r}")
                if args[0] in ("show", "diff") and not any(
                    collapse(payload) in value for value in strings(document)
                ):
                    failures.append(f"{args[0]} json: the payload is not given back exactly")
                continue
            failures += [
                f"{args[0]} markdown: {p}" for p in check_markdown(out, gap=args[0] == "gap")
            ]
    assert not failures, "\n".join(failures)


def test_an_evidence_id_cannot_close_its_comment_or_forge_a_task(tmp_path: Path) -> None:
    """The id of unmatched evidence is written back into ``<!-- career:id … -->``: an id that
    closes the comment would forge a ticked item, which the next read would count."""
    from career_cli.features.evidence import parse_markdown

    fw = build(tmp_path, PAYLOADS["forged-task"])
    evidence = str(tmp_path / "evidence.json")
    result = CliRunner().invoke(
        app, ["gap", "associate", "sen", "-f", str(fw), "-e", evidence, "--format", "markdown"]
    )
    assert result.exit_code in (0, 1), result.stderr
    entries = parse_markdown(result.stdout, Path("promotion.md")).entries
    assert "craft/forged" not in [e.id for e in entries]
    assert PAYLOADS["forged-task"] in [e.id for e in entries]  # read back as written
