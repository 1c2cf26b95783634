"""Delimited text files → a ``Grid``: CSV, TSV and Excel's "Unicode Text" as spreadsheets save them.

It owns those files as bytes and rows: the size limit (checked before reading, as for pages), the
encodings Excel writes (UTF-8 with or without a BOM, UTF-16 by its BOM, Windows-1252 when the
bytes are not UTF-8 — read, and said so in a note), the delimiter (sniffed from the first row;
tab-separated files are read with quoting off, as a ``"`` there is text), a cap on rows (a sheet
past ``MAX_ROWS`` is refused when the reader reaches that row, before the rest is parsed), and
ragged rows (a row with fewer cells than the first, or more that are not empty, is an error naming
the row: a shifted column would put statements under the wrong level without a word). What the
rows mean is ``matrix``'s.
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

from career_cli import notes
from career_cli.errors import PageError
from career_cli.model import Note
from career_cli.sources import files
from career_cli.sources.grid import Cell, Grid

MAX_SHEET_BYTES = 20 * 1024 * 1024
# A ladder is dozens of rows, the long form a few thousand; the scale benchmark's 10 levels ×
# 2,000 statements is 2,000 rows as a matrix and 20,000 in the long form.
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
_DELIMITERS = (",", "\t", ";", "|")

SHEET = files.FileKind(
    PageError,
    noun="spreadsheet",
    a_noun="a CSV or TSV spreadsheet",
    limit=MAX_SHEET_BYTES,
    empty_hint="a ladder sheet needs a header row naming the levels and a row per competency",
    binary_hint="save the sheet as 'CSV UTF-8' (or pass the .xlsx workbook itself)",
    size_hint="a ladder is a few hundred kilobytes at most; check that this is the right file",
)


def decode_sheet(data: bytes, path: Path) -> tuple[str, Note | None]:
    """The text of a delimited file, and a note when its encoding was a guess (Windows-1252)."""
    if len(data) > MAX_SHEET_BYTES:
        raise files.too_big(len(data), path, SHEET)
    encoding = None
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # Excel's "Unicode Text" and "CSV UTF-16": the BOM says which end
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise PageError(
                f"starts with a {encoding.upper()} byte-order mark but is not valid "
                f"{encoding.upper()} (at byte {exc.start})",
                path=path,
                hint="re-save the sheet as 'CSV UTF-8'",
            ) from None
        return _checked(text, path), None
    if b"\x00" in data:
        raise PageError(
            "contains NUL bytes: a binary file, or UTF-16 without a byte-order mark",
            path=path,
            hint="save the sheet as 'CSV UTF-8'",
        )
    try:
        return _checked(data.decode("utf-8"), path), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise PageError(
            f"neither UTF-8 nor Windows-1252 (byte 0x{data[bad]:02x})",
            path=path,
            line=data[:bad].count(b"\n") + 1,
            hint="re-save the sheet as 'CSV UTF-8'",
        ) from None
    line = data[:bad].count(b"\n") + 1
    note = Note(
        line,
        notes.GUESSED_ENCODING,
        f"not UTF-8 (byte 0x{data[bad]:02x} on line {line}): read as Windows-1252, as Excel "
        "saves 'CSV (Comma delimited)'; re-save it as 'CSV UTF-8' to be sure",
    )
    return _checked(text, path), note


def _checked(text: str, path: Path) -> str:
    if not text.strip():
        raise PageError("spreadsheet is empty", path=path, hint=SHEET.empty_hint)
    return text


def sniff(text: str, suffix: str) -> str:
    """The delimiter: a tab for ``.tsv`` and ``.txt`` files that hold one; else the candidate the
    first line holds most of (a comma on a tie: "CSV"), so ``;`` files from European Excel read."""
    first = next((line for line in text.split("\n", 50) if line.strip()), "")
    if suffix in (".tsv", ".tab"):
        return "\t"
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def read_grid(path: Path) -> tuple[Grid, list[Note]]:
    """A delimited file as one grid (its first row as the header) and what reading it noticed."""
    data = files.read_bytes(path, SHEET)
    text, note = decode_sheet(data, path)
    return parse_grid(text, path, sniff(text, path.suffix.lower())), [note] if note else []


def parse_grid(text: str, path: Path, delimiter: str = ",") -> Grid:
    """Rows of ``text`` as a grid; rows are numbered as a spreadsheet shows them (a quoted cell
    over several lines is one row), blank rows left out."""
    import io

    stream = io.StringIO(text, newline="")
    reader = (
        csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        if delimiter == "\t"
        else csv.reader(stream, delimiter=delimiter)
    )
    rows: list[tuple[Cell, ...]] = []
    width = 0
    number = 0
    try:
        for number, raw in enumerate(reader, start=1):
            if number > MAX_ROWS:
                raise PageError(
                    f"more than {MAX_ROWS:,} rows (row {number:,} and on are not read)",
                    path=path,
                    line=number,
                    hint="a ladder has a row per competency (or per statement); "
                    "check that this is the right file",
                )
            if not any(value.strip() for value in raw):
                continue
            if not width:
                width = len(raw)
                if width > MAX_COLUMNS:
                    raise PageError(
                        f"row {number} has {width:,} cells, over the {MAX_COLUMNS:,} limit",
                        path=path,
                        line=number,
                    )
            _check_width(raw, width, number, path, delimiter)
            rows.append(
                tuple(
                    Cell(value.replace("\r\n", "\n").replace("\r", "\n"), number, column)
                    for column, value in enumerate(raw[:width], start=1)
                )
            )
    except csv.Error as exc:
        raise PageError(
            f"row {number + 1} cannot be read as CSV: {exc}",
            path=path,
            line=number + 1,
            hint="check the quotes in that row: a cell that holds the delimiter needs them",
        ) from None
    if not rows:
        raise PageError("spreadsheet is empty", path=path, hint=SHEET.empty_hint)
    return Grid(rows[0], tuple(rows[1:]), rows[0][0].line)


def _check_width(raw: list[str], width: int, number: int, path: Path, delimiter: str) -> None:
    name = "tab" if delimiter == "\t" else f"'{delimiter}'"
    if len(raw) < width:
        raise PageError(
            f"row {number} has {len(raw)} cells, the first row has {width}",
            path=path,
            line=number,
            hint=f"give every row a cell per column (empty cells are fine): add the missing "
            f"{name} separators, or quote cells that hold one",
        )
    if len(raw) > width and any(value.strip() for value in raw[width:]):
        raise PageError(
            f"row {number} has {len(raw)} cells, more than the first row's {width}",
            path=path,
            line=number,
            hint=f"quote cells that hold a {name}, or name every column in the first row",
        )
