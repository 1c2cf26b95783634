"""Reading evidence files: the checklist as people edit it, YAML and JSON, and broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from career_cli.features.evidence import EvidenceError, parse_markdown, read_evidence, unescape
from career_cli.features.gap import EvidenceEntry

CHECKLIST = """\
# Promotion evidence: Intermediate → Senior

<!-- career:gap v1 framework=infrastructure from=intermediate to=senior -->

## Accountability

- [x] Sets the standard for \\*handling\\* on-call <!-- career:id accountability/sets-standard -->
  - Raised from: [- Participates in -]{+ Sets +} the on-call
  - Evidence: Ran the on-call retro, [MR](https://example.com/1)
    - rewrote 4 runbooks
- [ ] Bias for action <!-- career:id accountability/bias -->
  - New at Senior
  - Evidence:
* [X] Written by hand, no id
  a note without a label

## Credibility

1. [ ] Numbered and @\u200bmentioned &lt;b&gt;
   - **Evidence:** bold label
"""


def test_checklist_as_written_and_edited() -> None:
    found = parse_markdown(CHECKLIST, Path("promo.md"))
    assert (found.framework, found.current, found.target) == (
        "infrastructure",
        "intermediate",
        "senior",
    )
    assert found.entries == (
        EvidenceEntry(
            "accountability/sets-standard",
            "Sets the standard for *handling* on-call",
            True,
            "Ran the on-call retro, [MR](https://example.com/1)\n- rewrote 4 runbooks",
            7,
        ),
        EvidenceEntry("accountability/bias", "Bias for action", False, None, 11),
        EvidenceEntry(None, "Written by hand, no id", True, "a note without a label", 14),
        EvidenceEntry(None, "Numbered and @mentioned <b>", False, "bold label", 19),
    )


def test_lazy_continuation_lines_stay_with_their_item() -> None:
    text = "- [x] Leads hiring\n  - Evidence: ran interviews\nand trained others\n\nNot evidence.\n"
    [entry] = parse_markdown(text, Path("p.md")).entries
    assert entry.evidence == "ran interviews\nand trained others"


def test_unescape_reverses_markdown_escaping() -> None:
    assert (
        unescape(r"1\. \# \[x\] a\_b @" + "\u200b" + "x &lt;i&gt; R&amp;D")
        == "1. # [x] a_b @x <i> R&D"
    )


def test_nested_task_items_inside_evidence_stay_evidence() -> None:
    text = "- [x] Leads hiring\n  - Evidence:\n    - [x] ran 10 interviews\n- [ ] Next one\n"
    entries = parse_markdown(text, Path("p.md")).entries
    assert [e.text for e in entries] == ["Leads hiring", "Next one"]
    assert entries[0].evidence == "- [x] ran 10 interviews"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_yaml_mapping_by_id(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ev.yaml",
        "accountability/bias: {met: true, evidence: Shipped it}\n"
        "credibility/x: false\nautonomy/y: met\n",
    )
    found = read_evidence(path)
    assert found.entries == (
        EvidenceEntry("accountability/bias", None, True, "Shipped it", 1),
        EvidenceEntry("credibility/x", None, False, None, 2),
        EvidenceEntry("autonomy/y", None, True, None, 3),
    )


def test_json_list_and_career_gap_output(tmp_path: Path) -> None:
    listing = read_evidence(
        write(tmp_path, "a.json", '[{"id": "a/b", "met": true, "evidence": "e"}]')
    )
    assert listing.entries == (EvidenceEntry("a/b", None, True, "e", 1),)
    output = (
        '{"schema_version": 1, "kind": "gap", "from": {"id": "associate"}, "to": {"id": "senior"},'
        ' "expectations": [{"id": "a/b", "text": "T", "status": "met", "evidence": null}]}'
    )
    found = read_evidence(write(tmp_path, "gap.json", output))
    assert (found.current, found.target) == ("associate", "senior")
    assert found.entries == (EvidenceEntry("a/b", "T", True, None, 1),)


def test_the_file_is_only_read(tmp_path: Path) -> None:
    path = write(tmp_path, "promo.md", CHECKLIST)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_evidence(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["promo.md"]


@pytest.mark.parametrize(
    ("name", "content", "fragment", "line"),
    [
        ("ev.yaml", "a/b: {met: true\nc/d: [\n", "invalid YAML", 2),
        # libyaml puts an error at the end of a file without a final newline on the line after
        # the last one, and counts U+2028 as a line break: the line is the file's own.
        ("ev.yaml", "{", "invalid YAML", 1),
        ("ev.yaml", "a/b: true\u2028\u2028\nc/d: : :\n", "invalid YAML", 2),
        ("ev.json", '{"a": true,\n "b": }', "invalid JSON", 2),
        ("ev.md", "", "evidence file is empty", None),
        ("ev.md", "   \n\n", "evidence file is empty", None),
        ("ev.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary", None),
        ("ev.md", "- [x] caf\xe9\n".encode("latin-1"), "not valid UTF-8", 1),
        ("ev.md", "# Just notes\n\nNo checklist here.\n", "no checklist items", None),
        ("ev.yaml", "- just\n- strings\n", "entry 1", 1),
        ("ev.yaml", "x/y: true\na/b: {met: maybe}\n", "'met' must be true or false", 2),
        ("ev.yaml", "42\n", "expected a mapping", None),
        # Values PyYAML's constructors cannot build raised ValueError, KeyError, IndexError or
        # AttributeError from inside PyYAML (found by fuzzing): YAML errors at their line.
        ("ev.yaml", "a/b: true\nc/d: {met: true, evidence: 2024-13-45}\n", "as timestamp", 2),
        ("ev.yaml", "a/b: !!bool maybe\n", "cannot read 'maybe' as bool", 1),
        ("ev.yml", "a/b: true\nc/d: !!int\n", "as int", 2),
        ("ev", "a/b: !!timestamp x\n", "as timestamp", 1),
        ("ev.yaml", "a/b: {evidence: " + "9" * 5000 + "}\n", "4300 digits", 1),
        # json.loads raises a plain ValueError for such a number: an internal error, too.
        ("ev.json", '{"a/b": {"evidence": ' + "9" * 5000 + "}}", "invalid JSON: Exceeds", None),
    ],
)
def test_malformed_evidence_names_file_and_line(
    tmp_path: Path, name: str, content: str | bytes, fragment: str, line: int | None
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(EvidenceError) as caught:
        read_evidence(path)
    assert fragment in caught.value.message
    assert caught.value.path == path
    assert caught.value.line == line


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(EvidenceError, match="no such file"):
        read_evidence(tmp_path / "nope.md")
    with pytest.raises(EvidenceError, match="is a directory"):
        read_evidence(tmp_path)


def test_empty_file_hints_at_the_redirect_trap(tmp_path: Path) -> None:
    with pytest.raises(EvidenceError) as caught:
        read_evidence(write(tmp_path, "promo.md", ""))
    assert caught.value.hint is not None and "shell emptied it" in caught.value.hint


def test_ticks_in_comments_and_code_fences_do_not_count() -> None:
    text = (
        "- [ ] Real item\n"
        "<!--\n- [x] Commented-out item\n-->\n"
        "~~~\n- [x] Quoted item\n~~~\n"
        "- [ ] Another <!-- - [x] inline comment -->\n"
        "  - Evidence: a snippet\n"
        "    ```\n    - [x] code inside evidence\n    ```\n"
    )
    entries = parse_markdown(text, Path("p.md")).entries
    assert [(e.text, e.met) for e in entries] == [("Real item", False), ("Another", False)]
    assert entries[1].evidence == "a snippet\n```\n- [x] code inside evidence\n```"


def test_not_applicable_counts_as_met() -> None:
    [entry] = parse_markdown("- [~] Runs the on-call rota\n", Path("p.md")).entries
    assert entry.met


def test_header_values_may_hold_spaces() -> None:
    text = '<!-- career:gap v1 framework=eng from="senior engineer" to=staff -->\n- [ ] x\n'
    found = parse_markdown(text, Path("p.md"))
    assert (found.framework, found.current, found.target) == ("eng", "senior engineer", "staff")


def test_json_output_read_back_keeps_unmatched_entries(tmp_path: Path) -> None:
    output = (
        '{"expectations": [{"id": "a/b", "text": "T", "status": "open", "evidence": null}],'
        ' "unmatched_evidence": [{"id": null, "text": "Offsite", "met": true, "evidence": "x"}]}'
    )
    found = read_evidence(write(tmp_path, "gap.json", output))
    assert [e.text for e in found.entries] == ["T", "Offsite"]


def test_a_reworded_from_line_is_context_not_evidence() -> None:
    """gap writes "Reworded from (weaker):" where a rewording raises no scale; like "Raised
    from:" it says where the statement came from, and is never read as the author's words."""
    text = (
        "- [x] Works with their manager <!-- career:id autonomy/works -->\n"
        "  - Reworded from (weaker): [- Works with -]{+ Works with their manager +}\n"
        "  - Evidence: planned the Q3 work\n"
    )
    [entry] = parse_markdown(text, Path("p.md")).entries
    assert entry.evidence == "planned the Q3 work"
    unlabelled = text.replace("  - Evidence: planned the Q3 work\n", "")
    [bare] = parse_markdown(unlabelled, Path("p.md")).entries
    assert bare.evidence is None
