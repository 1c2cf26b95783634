"""Hostile YAML and JSON ladders and ``career export`` (issue 13): alias bombs, nesting, wrong
types, a million tracks, formulas on their way to a spreadsheet, an export over a file.
``cases.py`` appends them to its catalogue, and is what imports this module."""

from __future__ import annotations

import re

from hostile.cases import JSON, PLAIN, TEXT_100, Case, Run, fw, senior

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)
ERRORS = (TEXT_100, JSON)


def million_tracks() -> bytes:
    return ("{" + ",".join(f'"t{i}":{{"milestones":[]}}' for i in range(1_000_000)) + "}").encode()


STRUCTURED: list[Case] = [
    Case(
        "ladder-alias-bomb",
        "a YAML ladder (`career: 1`) whose level title is an alias into a billion-laughs bomb",
        "`x.yml:13: levels[0].title: expected text, found a list` (the key's line): the value "
        "is named, never walked or shown",
        "`structured.Walker.text` (types checked where read; `_kind_of` names, never `repr`s)",
        {"x.yml": BOMB + "career: 1\nlevels:\n  - id: a\n    title: *i\n"},
        (
            Run(
                ("levels", "-f", "x.yml"),
                2,
                ("x.yml:13: levels[0].title: expected text",),
                formats=ERRORS,
            ),
        ),
    ),
    Case(
        "ladder-aliases-repeat-statements",
        "a Monzo-style YAML ladder: 1,000 content entries that each alias the same 1,000 criteria "
        "(10⁶ statements from 12 kB)",
        "`more than 1,000,000 entries to read`, in seconds",
        "`structured.MAX_ENTRIES`, counted as the walker visits",
        {
            "x.yml": "c: &c [" + ", ".join(["x"] * 1000) + "]\ntopics:\n  - name: a\n"
            "    title: A\n    content: [" + ", ".join(["{level: 1, criteria: *c}"] * 1000) + "]\n"
        },
        (Run(("levels", "-f", "x.yml"), 2, ("more than 1,000,000 entries",), formats=ERRORS),),
    ),
    Case(
        "ladder-wrong-type",
        "a list where a mapping belongs (`levels: [[a, b]]`), a mapping where text belongs",
        "one line naming the file, line and key path: `x.yml:3: levels[0]: expected a mapping "
        "of keys to values, found a list`",
        "`structured.Walker` (`mapping`, `sequence`, `text`) and `Walker.line_of`",
        {
            "x.yml": "career: 1\nlevels:\n  - [a, b]\n",
            "y.json": '{"career": 1,\n "levels": [{"id": "a",\n  "title": {"x": 1}}]}\n',
        },
        (
            Run(
                ("levels", "-f", "x.yml"),
                2,
                ("x.yml:3: levels[0]: expected a mapping",),
                formats=ERRORS,
            ),
            Run(
                ("levels", "-f", "y.json"),
                2,
                ("y.json:3: levels[0].title: expected text",),
                formats=ERRORS,
            ),
        ),
    ),
    Case(
        "ladder-deep-nesting",
        "YAML and JSON ladders nested 50,000 deep",
        "an error naming the file (`nested too deeply` / libyaml's nesting limit), no crash",
        "`yamlsafe.refuse_deep`; `json.loads`' RecursionError caught in `structured.parse`",
        {
            "x.yml": "career: " + "[" * 50_000 + "]" * 50_000 + "\n",
            "y.json": '{"career": ' + "[" * 50_000 + "]" * 50_000 + "}\n",
        },
        (
            Run(("levels", "-f", "x.yml"), 2, (re.compile("x.yml:.*nest"),), formats=ERRORS),
            Run(("levels", "-f", "y.json"), 2, ("nested too deeply",), formats=ERRORS),
        ),
    ),
    Case(
        "ladder-million-tracks",
        "a Snowflake-style JSON of a million tracks (9 MB)",
        "refused at once: `more than 10,000 categories in one level`, or the size limit",
        "`structured.MAX_CATEGORIES` checked on the track count before any track is read; "
        "`structured.MAX_BYTES`",
        {"x.json": million_tracks},
        (Run(("levels", "-f", "x.json"), 2, (re.compile("more than|MB limit"),), formats=ERRORS),),
        slow=True,
    ),
    Case(
        "not-a-ladder",
        "a Snowflake evaluation (one person's points), JSON that is a ladder of nothing",
        "`not a ladder career recognises`, with the shapes it reads as the hint",
        "`structured.from_document`",
        {"x.json": '{"name":"Sam","level":"2.3","milestones":[["DELIVERY",2]]}'},
        (Run(("levels", "-f", "x.json"), 2, ("not a ladder career recognises",), formats=ERRORS),),
    ),
    Case(
        "export-formulas",
        "statements that a spreadsheet would run: `=HYPERLINK(…)`, `+1 …`, `@SUM(…)`",
        "`export csv` writes each with a leading `'` (OWASP); `export yaml` keeps the text",
        "`text.neutralise_formula` (in `render.export.matrix_rows`)",
        fw(senior('=HYPERLINK("http://x","y")', "+1 on reviews", "@SUM(A1)")),
        (
            Run(
                ("export", "csv", "-f", "fw"),
                0,
                stdout=("'=HYPERLINK", "'+1 on", "'@SUM"),
                absent=(",=HYPERLINK", ",@SUM"),
                formats=(PLAIN,),
            ),
            Run(("export", "yaml", "-f", "fw"), 0, stdout=("=HYPERLINK",), formats=(PLAIN,)),
        ),
    ),
    Case(
        "export-over-a-file",
        "`export -o` naming a file that exists, and `export pages -o` a folder with files",
        "refused, nothing written: `already exists` / `the folder is not empty`, hint `--force`",
        "`cli.export_cmd` (checks before writing; files through `write_file`, pages built in a "
        "temporary folder and renamed)",
        {**fw(senior("x")), "out.json": "mine", "pages/keep.txt": "x"},
        (
            Run(
                ("export", "json", "-f", "fw", "-o", "out.json"),
                2,
                ("already exists",),
                formats=(PLAIN,),
            ),
            Run(
                ("export", "pages", "-f", "fw", "-o", "pages"), 2, ("not empty",), formats=(PLAIN,)
            ),
        ),
    ),
]
