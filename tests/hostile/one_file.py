"""Hostile inputs for a framework in one file (issue 13): sheets that are ragged, empty, in the
encodings Excel writes, full of formulas, a million rows long, or a zip bomb of a workbook.
``cases.py`` appends them to its catalogue (and is what imports this module). The bad sheets are
the committed fixtures of ``tests/fixtures/formats/bad``; big inputs are made when a case runs.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hostile.cases import JSON, TEXT, TEXT_100, Case, Run

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "bad"
FORMATS = BAD.parent


def _bad(name: str) -> bytes:
    return (BAD / name).read_bytes()


def million_rows() -> bytes:
    return b"Competency,L1,L2\n" + b"x,a,b\n" * 1_000_000


def zip_bomb() -> bytes:
    """A workbook whose one entry declares 300 MB of zeros (about 300 KB on disk)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    return buffer.getvalue()


ONE_FILE = [
    Case(
        "sheet-ragged",
        "a CSV ladder whose rows have fewer or more cells than its header (hand-edited)",
        "exit 2: the file and the row named, the fix given; never a column shifted under "
        "another level",
        "`sources.spreadsheet._check_width`",
        {"ragged.csv": _bad("ragged.csv")},
        (Run(("levels", "-f", "ragged.csv"), 2, ("ragged.csv:2:", "row 2 has 4 cells")),),
    ),
    Case(
        "sheet-header-only",
        "a CSV ladder with a header naming levels and no rows",
        "exit 2: no statements",
        "`sources.assemble.Assembly.framework`",
        {"header-only.csv": _bad("header-only.csv")},
        (Run(("show", "engineer-i", "-f", "header-only.csv"), 2, ("no statements",)),),
    ),
    Case(
        "sheet-utf16",
        "Excel's UTF-16 CSV and 'Unicode Text' (.txt, tab-separated), with a byte-order mark",
        "read as UTF-16 by the BOM, tabs sniffed; é – ’ intact",
        "`sources.spreadsheet.decode_sheet`, `sniff`",
        {"utf16.csv": _bad("utf16-bom.csv"), "unicode.txt": _bad("excel-unicode-text.txt")},
        (
            Run(("show", "l3", "-f", "utf16.csv"), 0, stdout=("team’s", "–")),
            Run(("show", "l3", "-f", "unicode.txt"), 0, stdout=("naïve",)),
        ),
    ),
    Case(
        "sheet-cp1252",
        "a CSV saved by Excel on Windows: Windows-1252, not UTF-8",
        "read as Windows-1252 (é – ’ intact, no mojibake) with a warning naming the encoding "
        "to save in; lint W209",
        "`sources.spreadsheet.decode_sheet`",
        {"cp1252.csv": _bad("cp1252.csv")},
        (
            Run(
                ("show", "l3", "-f", "cp1252.csv"),
                0,
                ("Windows-1252", "CSV UTF-8"),
                stdout=("naïve",),
            ),
            Run(("lint", "cp1252.csv"), 0, stdout=("W209",), formats=TEXT),
        ),
    ),
    Case(
        "sheet-formulas",
        "cells starting with = + - @, a tab or a carriage return (CSV injection); an XLSX "
        "formula with no cached value",
        "CSV cells are text, shown escaped as any text; an XLSX formula is never evaluated or "
        "shown: a warning and lint W208 name its cell",
        "`sources.workbook._text`; the renderers' escaping",
        {
            "inject.csv": _bad("formula-injection.csv"),
            "matrix.xlsx": (FORMATS / "matrix.xlsx").read_bytes(),
        },
        (
            Run(("show", "l1", "-f", "inject.csv"), 0, stdout=("HYPERLINK",)),
            Run(
                ("show", "l1", "-f", "matrix.xlsx"),
                0,
                ("Read me!B4: a formula, not read",),
                absent=("TODAY",),
            ),
        ),
    ),
    Case(
        "sheet-million-rows",
        "a CSV of a million rows (6 MB, under the size limit)",
        "exit 2 when the reader reaches row 100,001, before the rest is parsed",
        "`sources.spreadsheet.MAX_ROWS`",
        {"big.csv": million_rows},
        (Run(("levels", "-f", "big.csv"), 2, ("big.csv:100001:", "more than 100,000 rows")),),
        slow=True,
    ),
    Case(
        "xlsx-zip-bomb",
        "an .xlsx whose zip declares 300 MB unpacked (300 KB on disk)",
        "exit 2 from the zip's directory, before anything is unpacked or openpyxl is imported",
        "`sources.workbook.check_zip` (MAX_UNPACKED, MAX_ENTRIES)",
        {"bomb.xlsx": zip_bomb},
        (
            Run(("levels", "-f", "bomb.xlsx"), 2, ("bomb.xlsx:", "unpacks to 300 MB")),
            Run(("lint", "bomb.xlsx"), 2, ("unpacks to 300 MB",), formats=(TEXT_100, JSON)),
        ),
    ),
]
