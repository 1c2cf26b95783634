"""Include expansion against a handbook root, and every way an include is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import REALWORLD, page
from hypothesis import given, settings
from hypothesis import strategies as st

from career_cli.model import Level
from career_cli.sources.catalog import open_framework
from career_cli.sources.includes import (
    CYCLE,
    MISSING,
    TOO_DEEP,
    UNREADABLE,
    UNSAFE,
    DiskTree,
    IncludeResolver,
    unsafe_path,
)
from career_cli.sources.loader import parse_page

FRAMEWORK = Path("content/handbook/engineering/careers/matrix/team")
SENIOR = "Senior - Team Career Framework"


def handbook(tmp_path: Path, includes: dict[str, str | bytes], body: str) -> Path:
    """A handbook root with include files under assets/ and a senior page holding ``body``."""
    root = tmp_path / "handbook"
    for name, content in includes.items():
        target = root / "assets" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    (root / "assets").mkdir(parents=True, exist_ok=True)
    framework = root / FRAMEWORK
    framework.mkdir(parents=True)
    (framework / "senior.md").write_text(page(SENIOR, body), encoding="utf-8")
    return root


def senior(root: Path) -> Level:
    [level] = open_framework(None, root=root).levels
    return level


def include(path: str) -> str:
    heading = "## Engineering alignment\n\n### Senior Technical Competencies\n\n"
    return heading + f'{{{{% include "{path}" %}}}}\n'


SHARED = "##### Engineering\n\n* Builds things.\n* Reviews\n  things carefully.\n\n"
SHARED += "##### More\n\n- Ships.\n"


def test_included_list_items_become_the_categorys_statements(tmp_path: Path) -> None:
    root = handbook(tmp_path, {"includes/x.md": SHARED}, include("includes/x.md"))
    level = senior(root)
    [category] = level.categories
    assert category.title == "Engineering alignment › Technical Competencies"
    assert [i.text for i in category.items] == [
        "Builds things.",
        "Reviews things carefully.",
        "Ships.",
    ]
    assert {i.source for i in category.items} == {"includes/x.md"}
    assert [i.line for i in category.items] == [3, 4, 9]  # lines in the included file
    assert all(i.include is None for i in category.items)
    assert level.notes == ()


def test_include_mixes_with_the_pages_own_items_in_order(tmp_path: Path) -> None:
    body = '## Craft\n\n1. First.\n\n{{< include "includes/x.md" >}}\n\n1. Last.\n'
    root = handbook(tmp_path, {"includes/x.md": "* Middle.\n"}, body)
    assert [i.text for i in senior(root).categories[0].items] == ["First.", "Middle.", "Last."]


def test_include_falls_back_to_content(tmp_path: Path) -> None:
    root = handbook(tmp_path, {}, include("shared/y.md"))
    (root / "content" / "shared").mkdir()
    (root / "content" / "shared" / "y.md").write_text("* From content.\n")
    assert [i.text for i in senior(root).categories[0].items] == ["From content."]


def test_nested_includes_expand_and_carry_their_own_source(tmp_path: Path) -> None:
    files = {
        "includes/outer.md": '* Outer.\n\n{{% include "includes/inner.md" %}}\n',
        "includes/inner.md": '* Inner.\n\n{{% include "includes/x-nav.md" %}}\n',
        "includes/x-nav.md": "* Navigation, never a statement.\n",
    }
    root = handbook(tmp_path, files, include("includes/outer.md"))
    items = senior(root).categories[0].items
    assert [(i.text, i.source) for i in items] == [
        ("Outer.", "includes/outer.md"),
        ("Inner.", "includes/inner.md"),
    ]


def test_missing_include_stays_an_include_item_and_is_reported(tmp_path: Path) -> None:
    root = handbook(tmp_path, {}, include("includes/nowhere.md"))
    level = senior(root)
    [item] = level.categories[0].items
    assert item.include == "includes/nowhere.md"
    [note] = level.notes
    assert note.code == MISSING and note.line == 8 and note.path == level.path
    assert "'includes/nowhere.md' not found under assets/ or content/" in note.message


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("../../etc/passwd", "'..' is not allowed"),
        ("includes/../../secret.md", "'..' is not allowed"),
        ("includes\\..\\..\\secret.md", "'..' is not allowed"),
        ("/etc/passwd", "absolute paths are not allowed"),
        ("\\\\server\\share\\x.md", "absolute paths are not allowed"),
        ("C:/Windows/win.ini", "absolute paths are not allowed"),
        ("", "empty"),
    ],
)
def test_traversal_and_absolute_paths_are_refused_before_any_lookup(path: str, reason: str) -> None:
    refusal = unsafe_path(path)
    assert refusal is not None and reason in refusal


def test_traversal_in_a_page_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "secret.md").write_text("* The secret.\n")
    root = handbook(tmp_path, {}, include("../secret.md"))
    level = senior(root)
    [item] = level.categories[0].items
    assert item.include == "../secret.md" and item.source is None
    [note] = level.notes
    assert note.code == UNSAFE
    assert note.message.startswith("refused include '../secret.md': '..' is not allowed")


def test_absolute_path_in_a_page_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("* The secret.\n")
    root = handbook(tmp_path, {}, include(str(secret)))
    level = senior(root)
    assert [i.include for i in level.categories[0].items] == [str(secret)]
    assert [n.code for n in level.notes] == [UNSAFE]
    assert "absolute paths are not allowed" in level.notes[0].message


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_symlink_that_leaves_the_root_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("* The secret.\n")
    both = include("includes/evil.md") + '{{% include "linked/secret.md" %}}\n'
    root = handbook(tmp_path, {}, both)
    (root / "assets" / "includes").mkdir()
    (root / "assets" / "includes" / "evil.md").symlink_to(outside / "secret.md")
    (root / "assets" / "linked").symlink_to(outside, target_is_directory=True)
    level = senior(root)
    texts = [i.text for c in level.categories for i in c.items]
    assert "The secret." not in texts
    assert [n.code for n in level.notes] == [UNSAFE, UNSAFE]
    assert all("outside" in n.message for n in level.notes)


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_symlink_that_stays_inside_the_root_is_followed(tmp_path: Path) -> None:
    root = handbook(tmp_path, {"includes/real.md": "* Real.\n"}, include("includes/alias.md"))
    (root / "assets" / "includes" / "alias.md").symlink_to("real.md")
    level = senior(root)
    assert [i.text for i in level.categories[0].items] == ["Real."]
    assert level.notes == ()


def test_cycle_is_reported_and_not_followed(tmp_path: Path) -> None:
    files = {
        "includes/a.md": '* From a.\n\n{{% include "includes/b.md" %}}\n',
        "includes/b.md": '* From b.\n\n{{% include "includes/a.md" %}}\n',
    }
    root = handbook(tmp_path, files, include("includes/a.md"))
    level = senior(root)
    items = level.categories[0].items
    assert [i.text for i in items if i.include is None] == ["From a.", "From b."]
    [note] = level.notes
    assert note.code == CYCLE
    assert note.message == "include cycle, not followed: a.md → b.md → a.md"
    assert note.path == root / "assets" / "includes" / "b.md"
    assert note.line == 3


def test_a_page_including_itself_is_a_cycle(tmp_path: Path) -> None:
    itself = f"{FRAMEWORK.relative_to('content').as_posix()}/senior.md"
    root = handbook(tmp_path, {}, include(itself))
    assert [n.code for n in senior(root).notes] == [CYCLE]


def test_nesting_deeper_than_five_is_reported_and_not_followed(tmp_path: Path) -> None:
    files = {
        f"includes/d{n}.md": f'* Depth {n}.\n\n{{{{% include "includes/d{n + 1}.md" %}}}}\n'
        for n in range(1, 8)
    }
    root = handbook(tmp_path, files, include("includes/d1.md"))
    level = senior(root)
    assert [i.text for i in level.categories[0].items if i.include is None] == [
        f"Depth {n}." for n in range(1, 6)
    ]
    [note] = level.notes
    assert note.code == TOO_DEEP
    assert "nested more than 5 deep" in note.message
    assert note.path == root / "assets" / "includes" / "d5.md"


def test_depth_limit_is_a_parameter(tmp_path: Path) -> None:
    files = {
        "includes/d1.md": '* One.\n{{% include "includes/d2.md" %}}\n',
        "includes/d2.md": "* Two.\n",
    }
    root = handbook(tmp_path, files, include("includes/d1.md"))
    path = root / FRAMEWORK / "senior.md"
    resolver = IncludeResolver(DiskTree(root), max_depth=1)
    level = parse_page(path.read_text(), path, expand=resolver.expander_for(path))
    assert [n.code for n in level.notes] == [TOO_DEEP]


@pytest.mark.parametrize(
    ("content", "fragment"), [(b"\x00\x01binary", "binary"), (b"* caf\xe9\n", "UTF-8")]
)
def test_unreadable_include_is_reported(tmp_path: Path, content: bytes, fragment: str) -> None:
    root = handbook(tmp_path, {"includes/bad.md": content}, include("includes/bad.md"))
    level = senior(root)
    assert [i.include for i in level.categories[0].items] == ["includes/bad.md"]
    [note] = level.notes
    assert note.code == UNREADABLE and fragment in note.message


def test_empty_include_brings_nothing_quietly(tmp_path: Path) -> None:
    body = "## Craft\n\n1. Own.\n\n" + '{{% include "includes/empty.md" %}}\n'
    root = handbook(tmp_path, {"includes/empty.md": "\n"}, body)
    level = senior(root)
    assert [i.text for i in level.categories[0].items] == ["Own."]
    assert level.notes == ()


def test_shared_include_file_is_read_once(tmp_path: Path) -> None:
    root = handbook(tmp_path, {"includes/x.md": SHARED}, include("includes/x.md"))
    reads: list[Path] = []

    class Counting(DiskTree):
        def read(self, path: Path) -> bytes:
            reads.append(path)
            return super().read(path)

    resolver = IncludeResolver(Counting(root))
    path = root / FRAMEWORK / "senior.md"
    for _ in range(3):
        parse_page(path.read_text(), path, expand=resolver.expander_for(path))
    assert len(reads) == 1


# -- the real-world handbook


def test_realworld_engineering_alignment_diffs_statement_by_statement() -> None:
    framework = open_framework("infrastructure", root=REALWORLD)
    senior_level = next(lv for lv in framework.levels if lv.id == "senior")
    technical = next(c for c in senior_level.categories if c.id.endswith("technical-competencies"))
    assert [i.text for i in technical.items] == [
        "Contributes to the team's understanding of quality and how it impacts the team's domain "
        "with respect to their role.",
        "Able to take on large issues with vague requirements.",
        "Able to resolve complex challenges.",
        "Acts as a Coach and Mentor to others.",
    ]
    assert {i.source for i in technical.items} == {
        "includes/engineering-careers/senior-technical-competency.md"
    }
    assert all(level.notes == () for level in framework.levels)


def test_realworld_distribution_reports_its_malformed_shortcode() -> None:
    framework = open_framework("distribution", root=REALWORLD)
    senior_level = next(lv for lv in framework.levels if lv.id == "senior")
    note, unread = senior_level.notes
    assert (note.code, note.line) == ("malformed-shortcode", 22)
    # "### Intermediate Competencies" holds only a link to the Intermediate page: read as nothing.
    assert (unread.code, unread.line) == ("unread-content", 56)
    assert '{{$ include "includes/engineering/development-senior-leadership-competency.md" %}}' in (
        note.message
    )
    leadership = senior_level.categories[0]
    assert leadership.title == "Leadership Competencies"
    assert {i.source for i in leadership.items} == {
        "includes/engineering-careers/senior-leadership-competency.md"
    }


# -- whatever a page writes, nothing outside the root is ever read

SEGMENTS = ["..", ".", "includes", "x.md", "secret.md", "outside", "/", "\\", "C:", "~", "%2e%2e"]


@pytest.fixture(scope="module")
def fenced(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("fence")
    (base / "outside").mkdir()
    (base / "outside" / "secret.md").write_text("* The secret.\n")
    (base / "secret.md").write_text("* The secret.\n")
    root = base / "handbook"
    (root / "assets" / "includes").mkdir(parents=True)
    (root / "content").mkdir()
    (root / "assets" / "includes" / "x.md").write_text("* Inside.\n")
    if os.name != "nt":
        (root / "assets" / "includes" / "secret.md").symlink_to(base / "secret.md")
        (root / "assets" / "outside").symlink_to(base / "outside", target_is_directory=True)
    return root, base


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=8).map("/".join))
def test_no_include_path_reads_outside_the_root(fenced: tuple[Path, Path], path: str) -> None:
    root, _ = fenced
    resolver = IncludeResolver(DiskTree(root))
    items, notes = resolver.expander_for(root / "content" / "page.md")(path, 1)
    assert "The secret." not in [item.text for item in items]
    for item in items:
        assert item.include is not None or item.source == path
    if any(item.include is not None for item in items):
        assert [n.code for n in notes] and notes[0].code in {MISSING, UNSAFE, UNREADABLE}
