"""The contract the fuzzers check, for any bytes: a model, or the tool's own error — never a crash.

Shared by the atheris harnesses (``fuzz/fuzz_loader.py``, ``fuzz/fuzz_evidence.py``) and the
CI-sized Hypothesis test (``tests/test_fuzz.py``), so both hold the code to the same rules:

* the page loader (``decode_page`` + ``parse_page``, an included file's ``parse_fragment``, and
  ``load_framework`` on a directory holding the bytes as a level page and as its ``_index.md``)
  returns a model or raises ``PageError``; ``load_framework`` itself never fails for a bad page,
  it lists it among the framework's problems;
* the evidence reader (``read_evidence`` on a file with each suffix it dispatches on) returns an
  ``EvidenceFile`` or raises ``EvidenceError``;
* an error names the file, and its line (when it has one) is a line of the input;
* a model keeps the promises the rest of the tool relies on (statements are non-empty collapsed
  text, lines are lines of the page, entries have the right types).

Anything else — another exception, or a broken promise — is an ``AssertionError`` or propagates,
which both atheris and Hypothesis report as a crash. ``deep=True`` also feeds what was read to the
commands that consume it (diff, gap with evidence, JSON and Markdown rendering), since a model a
reader accepts must not crash the tool one step later.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from career_cli.compare.align import diff_levels, scorer_for
from career_cli.errors import CareerError, PageError
from career_cli.features.evidence import EvidenceError, EvidenceFile, parse_markdown, read_evidence
from career_cli.features.gap import Gap, apply_evidence, build_gap
from career_cli.model import Framework, Level, ShownLevel, Statement
from career_cli.render import RenderOptions, json_doc, json_gap, markdown
from career_cli.sources.loader import decode_page, load_framework, parse_fragment, parse_page
from career_cli.text import collapse

BUNDLED = Path(__file__).resolve().parent.parent / "frameworks" / "infrastructure"
# The suffixes read_evidence dispatches on, and some it does not know (read by content).
EVIDENCE_SUFFIXES = (".md", ".yaml", ".json", "", ".yml", ".markdown", ".txt")


def check_error(exc: CareerError, data: bytes) -> None:
    """The tool's own error: it names the file, its line is in the file, and it renders."""
    assert exc.path is not None, f"{type(exc).__name__} without a file: {exc.message}"
    if exc.line is not None:
        lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        assert 1 <= exc.line <= lines, f"line {exc.line} of a {lines}-line input: {exc.message}"
    assert exc.render()


def _check_items(items: tuple[Statement, ...] | list[Statement], lines: int) -> None:
    for item in items:
        if item.include is None:
            assert item.text and item.text == collapse(item.text), repr(item.text)
        assert 1 <= item.line <= lines, f"statement at line {item.line} of {lines}"


def check_level(level: Level, text: str) -> None:
    lines = text.count("\n") + 1
    assert level.categories, "a level without categories"
    assert level.id and level.title == collapse(level.title)
    for category in level.categories:
        assert category.id and 1 <= category.line <= lines
        _check_items(category.items, lines)
    for note in level.notes:
        assert 1 <= note.line <= lines, f"note at line {note.line} of {lines}"


@cache
def _bundled() -> Framework:
    return load_framework(BUNDLED)


@cache
def _bundled_gap() -> Gap:
    framework = _bundled()
    levels = {level.id: level for level in framework.levels}
    diff = diff_levels(framework, levels["intermediate"], levels["senior"])
    return build_gap(diff, include_carried=True)


def _json_round_trip(document: dict[str, object]) -> None:
    for pretty in (True, False):
        assert json.loads(json_doc.dumps(document, pretty=pretty)) == json.loads(
            json.dumps(document)
        )


def _use_level(level: Level) -> None:
    """What ``career diff`` and ``career show`` do with a level, against a real one and itself."""
    framework = _bundled()
    senior = framework.levels[-1]
    for old, new in ((senior, level), (level, senior), (level, level)):
        diff = diff_levels(framework, old, new)
        _json_round_trip(json_doc.diff_document(diff))
        markdown.render_diff(diff, RenderOptions(show_all=True))
    _json_round_trip(json_doc.show_document(ShownLevel(framework, level, level.categories)))
    markdown.render_show(ShownLevel(framework, level, level.categories))


def page(data: bytes, path: Path, *, deep: bool = False) -> Level | None:
    """Bytes of a level page → a ``Level``, or ``None`` after a ``PageError``."""
    try:
        text = decode_page(data, path)
    except PageError as exc:
        check_error(exc, data)
        return None
    lines = text.count("\n") + 1
    items, notes = parse_fragment(text)
    _check_items(items, lines)
    assert all(1 <= note.line <= lines for note in notes)
    try:
        level = parse_page(text, path)
    except PageError as exc:
        check_error(exc, data)
        return None
    check_level(level, text)
    if deep:
        _use_level(level)
    return level


def framework(data: bytes, directory: Path) -> Framework:
    """A framework directory whose level page and ``_index.md`` are the bytes: it always loads."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "senior.md").write_bytes(data)
    (directory / "_index.md").write_bytes(data)
    loaded = load_framework(directory)
    assert len(loaded.levels) + len(loaded.problems) == 1
    for problem in loaded.problems:
        assert isinstance(problem.error, PageError), repr(problem.error)
        check_error(problem.error, data)
    return loaded


def _use_evidence(found: EvidenceFile) -> None:
    """What ``career gap --evidence`` does with the entries: match, render, migrate."""
    gap = _bundled_gap()
    scorer = scorer_for(gap.framework, gap.current, gap.target)
    applied = apply_evidence(gap, list(found.entries), scorer, path=found.path)
    _json_round_trip(json_gap.gap_document(applied))
    migrated = markdown.render_gap(applied)
    # The migrated checklist reads back with the same statuses: migrating again changes nothing.
    again = apply_evidence(gap, list(parse_markdown(migrated, found.path).entries), scorer)
    assert [e.status for e in again.expectations] == [e.status for e in applied.expectations]


def evidence(data: bytes, path: Path, *, deep: bool = False) -> EvidenceFile | None:
    """Bytes of an evidence file at ``path`` → an ``EvidenceFile``, or ``None`` after an error."""
    path.write_bytes(data)
    try:
        found = read_evidence(path)
    except EvidenceError as exc:
        check_error(exc, data)
        return None
    assert found.entries, "an evidence file without entries"
    for entry in found.entries:
        assert isinstance(entry.met, bool)
        assert entry.id is None or isinstance(entry.id, str)
        assert entry.text is None or isinstance(entry.text, str)
        assert entry.evidence is None or isinstance(entry.evidence, str)
    for value in (found.framework, found.current, found.target):
        assert value is None or isinstance(value, str)
    if deep:
        _use_evidence(found)
    return found
