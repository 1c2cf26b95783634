"""Properties over generated frameworks, read from Markdown pages like any user's framework.

Hypothesis writes a framework of 2–4 level pages — categories (repeated headings, ``###``
sub-categories, includes), statements drawn from a vocabulary full of what Markdown, GitLab and
Unicode make hard (links, punctuation, references, emphasis, look-alikes of the inline diff
markers, CJK, emoji, combining marks, right-to-left text), each level a random rewording of the
one below (words swapped, inserted, deleted, replaced; statements reordered, dropped, added;
categories dropped and added) — loads it with ``load_framework`` and checks, for every pair:

* the loader reads every statement as written, in its category;
* conservation: each competency of both levels appears exactly once in the diff;
* mirror: ``diff b a`` pairs exactly as ``diff a b``, added and removed swapped;
* ``diff a a`` is all unchanged;
* the JSON documents (diff, gap, show, ladder, levels) parse and validate against the shipped
  schemas, and give every text back exactly (the diff runs rebuild both sides);
* the Markdown diff (``--all``) and the gap checklist give every text back, and a checklist with
  a random subset ticked reads back with exactly that subset met.

``HYPOTHESIS_PROFILE=fuzz`` runs them with a large budget.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from conftest import mirror, pairing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_cli.compare.align import diff_levels, scorer_for
from career_cli.features.evidence import parse_markdown, unescape
from career_cli.features.gap import Gap, apply_evidence, build_gap
from career_cli.features.ladder import build_ladder
from career_cli.model import Framework, Level, LevelDiff, ShownLevel
from career_cli.render import RenderOptions, json_doc, json_gap, markdown
from career_cli.sources.loader import load_framework
from career_cli.text import collapse, normalize, plain

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
SCHEMAS = Path(json_doc.__file__).resolve().parent.parent / "schemas"


def budget(examples: int) -> settings:
    """``examples`` in CI; a hundred times as many under ``HYPOTHESIS_PROFILE=fuzz``."""
    checks = [HealthCheck.too_slow, HealthCheck.data_too_large]
    return settings(
        max_examples=examples * (100 if LONG else 1), deadline=None, suppress_health_check=checks
    )


# -- the vocabulary

# Plain words: enough shared between levels that rewordings pair, and the only words a wrapped
# statement's continuation line starts with (anything else could start a block of its own).
WORDS = (
    "leads owns mentors hiring interviews on-call rotations culture team throughput proposals "
    "runbooks production incidents reviews stakeholders roadmap quality metrics budget designs "
    "documents improves shares"
).split()
SPECIAL = [
    # links: the diff compares them on their text; renderers must keep them working
    "[runbooks](https://example.com/runbooks)",
    "[the handbook](/handbook/values/#boring-solutions)",
    "[docs](/a_(b))",
    "[docs](/other)",
    # punctuation and Markdown
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "(see",
    "notes)",
    "—",
    "–",
    "…",
    "&",
    "R&D",
    "&lt;",
    "&#42;",
    "<b>",
    "a<b",
    "3>2",
    "-->",
    "*emphasis*",
    "_under_",
    "`code`",
    "**bold**",
    "\\",
    "|",
    "100%",
    "team's",
    "e.g.",
    "1.",
    "#",
    ">",
    "+",
    "[x]",
    "[ ]",
    # GitLab references, and look-alikes of the inline diff markers
    "@alice",
    "#12",
    "!3",
    "&4",
    "%5",
    "$6",
    "~label",
    "[-",
    "-]",
    "{+",
    "+}",
    "[-x-]",
    "{+y+}",
    '{{< include "inline.md" >}}',
    # Unicode: CJK, emoji (with ZWJ and flags), combining marks, right-to-left
    "日本語",
    "チーム",
    "🙂",
    "👩\u200d💻",
    "🇫🇷",
    "cafe\u0301",
    "zero\u200bwidth",
    "Ünïcödé",
    "مرحبا",
    "שלום",
]
VOCABULARY = WORDS + SPECIAL
TITLES = [
    "Accountability",
    "Credibility",
    "Autonomy",
    "Team building",
    "Communication & influence",
    "Technical skills (on-call)",
    "Qualité",
    "チームワーク",
    "Leadership 🚀",
    "علاقات العمل",
    "#12 Delivery",
    "Impact: the *core*",
]
GROUP = "Engineering alignment"
SUBTITLES = ["Technical competencies", "Values alignment", "Leadership competencies"]
LADDER = ["associate", "intermediate", "senior", "staff"]


# -- a framework as data, then as pages


@dataclass
class Section:
    parts: tuple[str, ...]
    statements: list[list[str]]  # words
    include: str | None = None  # an include shortcode after the statements ({level}: the level)


@dataclass
class LevelSpec:
    id: str
    overview: list[str]
    sections: list[Section]
    markers: list[str] = field(default_factory=list)

    def __repr__(self) -> str:  # a failing example shows the page it wrote
        return f"<{self.id}.md:\n{page_text(self)}>"


def text_of(words: list[str]) -> str:
    return " ".join(words)


statement = st.lists(st.sampled_from(VOCABULARY), max_size=9).flatmap(
    # The first word starts the list item: a plain word or a special one, never the shortcode,
    # which alone on its line would be an include rather than a statement.
    lambda words: st.sampled_from([w for w in VOCABULARY if "{{" not in w]).map(
        lambda first: [first, *words]
    )
)


@st.composite
def reworded(draw: st.DrawFn, words: list[str], vocabulary: list[str] = VOCABULARY) -> list[str]:
    words = list(words)
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["swap", "insert", "delete", "replace", "join"]))
        at = draw(st.integers(0, len(words) - 1))
        if op == "swap" and len(words) > 1:
            j = min(at + 1, len(words) - 1)
            words[at], words[j] = words[j], words[at]
        elif op == "join" and at + 1 < len(words):  # "team work" → "teamwork"
            words[at : at + 2] = [words[at] + words[at + 1]]
        elif op == "insert":
            words.insert(at + 1, draw(st.sampled_from(vocabulary)))
        elif op == "delete" and len(words) > 1:
            del words[at]
        else:
            words[at] = draw(st.sampled_from(WORDS))
    if "{{" in words[0]:
        words.insert(0, draw(st.sampled_from(WORDS)))
    return words


@st.composite
def next_statements(draw: st.DrawFn, statements: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for words in statements:
        fate = draw(st.sampled_from(["keep", "keep", "reword", "reword", "drop"]))
        if fate == "keep":
            out.append(words)
        elif fate == "reword":
            out.append(draw(reworded(words)))
    for _ in range(draw(st.integers(0, 2))):
        out.insert(draw(st.integers(0, len(out))), draw(statement))
    if len(out) > 1 and draw(st.booleans()):
        out = draw(st.permutations(out))
    return out


sections_ = st.lists(st.sampled_from(TITLES), min_size=1, max_size=4, unique=True).flatmap(
    lambda titles: st.tuples(
        *(st.lists(statement, max_size=4).map(lambda s, t=t: Section((t,), s)) for t in titles)
    )
)


@st.composite
def frameworks(draw: st.DrawFn) -> list[LevelSpec]:
    count = draw(st.integers(2, 4))
    ids = sorted(
        draw(st.sets(st.sampled_from(LADDER), min_size=count, max_size=count)), key=LADDER.index
    )
    sections = list(draw(sections_))
    if draw(st.booleans()):  # a group of sub-categories, with or without includes
        subtitles = draw(st.lists(st.sampled_from(SUBTITLES), min_size=1, max_size=3, unique=True))
        includes = draw(st.booleans())
        for sub in subtitles:
            include = None
            if includes and sub == "Technical competencies":
                include = "includes/engineering-careers/{level}-technical-competency.md"
            elif includes and sub == "Values alignment":
                include = "includes/engineering-careers/values-alignment.md"
            sections.append(Section((GROUP, sub), draw(st.lists(statement, max_size=3)), include))
    overview = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))
    levels = [LevelSpec(ids[0], overview, sections)]
    for ident in ids[1:]:
        below = levels[-1]
        kept = [
            Section(s.parts, draw(next_statements(s.statements)), s.include) for s in below.sections
        ]
        if len(kept) > 1 and draw(st.integers(0, 4)) == 0:
            del kept[draw(st.integers(0, len(kept) - 1))]
        unused = [t for t in TITLES if all(s.parts != (t,) for s in kept)]
        if unused and draw(st.integers(0, 3)) == 0:
            kept.insert(
                draw(st.integers(0, len(kept))),
                Section((draw(st.sampled_from(unused)),), draw(st.lists(statement, max_size=3))),
            )
        reworded_overview = (
            draw(reworded(below.overview, WORDS)) if draw(st.booleans()) else below.overview
        )
        levels.append(LevelSpec(ident, reworded_overview, kept))
    for level in levels:
        level.markers = draw(
            st.lists(st.sampled_from(["-", "*", "+", "1.", "2)"]), min_size=1, max_size=5)
        )
    return levels


def item_lines(words: list[str], marker: str, wrap: int) -> list[str]:
    """A list item, wrapped (``wrap`` 1–3) onto a continuation line before a plain word."""
    cut = next((i for i in range(1, len(words)) if words[i] in WORDS and i % 3 == wrap % 3), None)
    if wrap == 0 or cut is None:
        return [f"{marker} {text_of(words)}"]
    indent = ("", "  ", "    ", "")[wrap]  # none: a lazy continuation line
    return [f"{marker} {text_of(words[:cut])}", f"{indent}{text_of(words[cut:])}"]


def page_text(level: LevelSpec) -> str:
    """The level as a handbook page. A category of 3+ statements holds the rest under the same
    heading again at the end of the page: the loader reads both as one category."""
    title = level.id.title()
    lines = ["---", f'title: "{title} - Generated Framework"', "---", "", f"## {title}", ""]
    lines += [text_of(level.overview), ""]
    markers = itertools.cycle(level.markers)
    tail: list[str] = []
    group_open = False
    for section in level.sections:
        if len(section.parts) == 2:
            if not group_open:
                lines += [f"## {section.parts[0]}", ""]
            group_open = True
            lines += [f"### {section.parts[1]}", ""]
        else:
            group_open = False
            lines += [f"## {section.parts[0]}", ""]
        split = 2 if len(section.parts) == 1 and len(section.statements) >= 3 else None
        for n, words in enumerate(section.statements[:split]):
            lines += item_lines(words, next(markers), n % 4)
        if section.include is not None:
            lines.append(f'{{{{% include "{section.include.replace("{level}", level.id)}" %}}}}')
        lines.append("")
        if split is not None:
            tail += ["", f"## {section.parts[0]}", ""]
            for n, words in enumerate(section.statements[split:]):
                tail += item_lines(words, next(markers), n % 4)
    return "\n".join(lines + tail) + "\n"


def expected(level: LevelSpec) -> list[tuple[tuple[str, ...], list[str]]]:
    """What the loader must read: each category's statements, as written, in page order."""
    out = []
    for section in level.sections:
        texts = [collapse(text_of(words)) for words in section.statements]
        if section.include is not None:
            texts.append(section.include.replace("{level}", level.id))
        out.append((section.parts, texts))
    return out


def write(levels: list[LevelSpec]) -> Framework:
    """The framework written as pages and loaded, as ``career`` loads a ``--framework DIR``."""
    with tempfile.TemporaryDirectory(prefix="career-properties-") as directory:
        for level in levels:
            page = Path(directory) / f"{level.id}.md"
            page.write_text(page_text(level), encoding="utf-8")
        framework = load_framework(Path(directory))
    assert not framework.problems, [p.error for p in framework.problems]
    return framework


def pairs_of(framework: Framework) -> list[tuple[Level, Level]]:
    levels = framework.levels
    return [(a, b) for i, a in enumerate(levels) for b in levels[i + 1 :]]


# -- what the diff says


def items_of(level: Level) -> Counter[tuple[str, str]]:
    return Counter((c.id, i.text) for c in level.categories for i in c.items)


def sides(diff: LevelDiff) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    old: Counter[tuple[str, str]] = Counter()
    new: Counter[tuple[str, str]] = Counter()
    for category in diff.categories:
        for item in category.items:
            if item.old is not None:
                old[(category.id, item.old.text)] += 1
            if item.new is not None:
                new[(category.id, item.new.text)] += 1
            for _, extra in item.also_old:  # merged into the pair
                old[(category.id, extra.text)] += 1
            for _, extra in item.also_new:  # split off from it
                new[(category.id, extra.text)] += 1
    return old, new


# -- the properties


@budget(100)
@given(frameworks())
def test_the_loader_reads_every_statement_as_written(levels: list[LevelSpec]) -> None:
    framework = write(levels)
    assert [level.id for level in framework.levels] == [level.id for level in levels]
    for spec, level in zip(levels, framework.levels, strict=True):
        read = [(c.parts, [i.text for i in c.items]) for c in level.categories]
        assert read == expected(spec), page_text(spec)
        assert level.overview == text_of(spec.overview)


@budget(100)
@given(frameworks())
def test_conservation_mirror_and_identity(levels: list[LevelSpec]) -> None:
    framework = write(levels)
    for a, b in pairs_of(framework):
        forward, backward = diff_levels(framework, a, b), diff_levels(framework, b, a)
        # every competency of both levels exactly once, whichever way round
        assert sides(forward) == (items_of(a), items_of(b))
        assert sides(backward) == (items_of(b), items_of(a))
        # diff b a is diff a b mirrored: a merge one way is a split the other
        assert pairing(backward) == mirror(pairing(forward))
    for level in framework.levels:
        same = diff_levels(framework, level, level)
        assert {item.status for c in same.categories for item in c.items} <= {"unchanged"}
        assert same.counts.unchanged == level.statement_count
        assert not same.has_differences


# -- JSON


@cache
def validator(kind: str) -> Any:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def valid(document: dict[str, Any]) -> dict[str, Any]:
    """The document as a script reads it (compact and indented alike), checked by its schema."""
    text = json_doc.dumps(document, pretty=False)
    assert json.loads(json_doc.dumps(document)) == json.loads(text)
    parsed: dict[str, Any] = json.loads(text)
    validator(parsed["kind"]).validate(parsed)
    return parsed


def run_text(runs: list[dict[str, str]], hidden: str) -> str:
    return "".join(run["text"] for run in runs if run["op"] != hidden)


def check_runs(status: str, old: str | None, new: str | None, runs: list[dict[str, str]]) -> None:
    """The word diff's two guarantees: the new text exactly, the old text as read."""
    assert run_text(runs, "delete") == (new or "")
    if status == "unchanged":
        assert normalize(run_text(runs, "insert")) == normalize(old or "")
    else:
        assert plain(run_text(runs, "insert")) == plain(old or "")


@budget(100)
@given(frameworks())
def test_json_validates_and_gives_every_text_back(levels: list[LevelSpec]) -> None:
    framework = write(levels)
    for a, b in pairs_of(framework):
        diff = diff_levels(framework, a, b)
        document = valid(json_doc.diff_document(diff))
        changes = valid(json_doc.diff_document(diff, RenderOptions(changes_only=True)))
        assert all(i["status"] != "unchanged" for c in changes["categories"] for i in c["items"])
        old: Counter[tuple[str, str]] = Counter()
        new: Counter[tuple[str, str]] = Counter()
        for category in document["categories"]:
            for item in category["items"]:
                source, target = item["from"], item["to"]
                if source is not None:
                    old[(category["id"], source["text"])] += 1
                    assert source["plain"] == plain(source["text"])
                if target is not None:
                    new[(category["id"], target["text"])] += 1
                # Statements folded into the pair (merged, split) count once, there.
                for extra in item.get("also_from", ()):
                    old[(category["id"], extra["text"])] += 1
                for extra in item.get("also_to", ()):
                    new[(category["id"], extra["text"])] += 1
                check_runs(
                    item["status"],
                    source and source["text"],
                    target and target["text"],
                    item["diff"],
                )
        assert (old, new) == (items_of(a), items_of(b))
        overview = document["overview"]
        assert (overview["from"], overview["to"]) == (a.overview, b.overview)
        check_runs("changed", a.overview, b.overview, overview["diff"])

        gap = valid(json_gap.gap_document(build_gap(diff, include_carried=True)))
        assert Counter(e["text"] for e in gap["expectations"]) == Counter(
            i.text for c in b.categories for i in c.items
        )
    for level in framework.levels:
        shown = valid(json_doc.show_document(ShownLevel(framework, level, level.categories)))
        assert [[i["text"] for i in c["items"]] for c in shown["categories"]] == [
            [i.text for i in c.items] for c in level.categories
        ]
    valid(json_doc.levels_document(framework))
    ladder = valid(json_doc.ladder_document(build_ladder(framework)))
    for k, level in enumerate(framework.levels):
        cells = Counter(
            (category["id"], thread["cells"][k]["text"])
            for category in ladder["categories"]
            for thread in category["threads"]
            if thread["cells"][k] is not None
        )
        assert cells == items_of(level)


# -- Markdown

_MARKED = re.compile(r"\{\+ (.*?) \+\}|\[- (.*?) -\]")
_MARKED_LINK = re.compile(r"\[(\{\+ |\[- )([^\[\]]*?)( \+\}| -\])\]\(((?:[^()\s]|\([^()\s]*\))*)\)")
_ENTITIES = {"&#42;": "*", "&#95;": "_", "&#96;": "`", "&#126;": "~"}
_LABEL = re.compile(r"^- (?:\*\*(Added|Removed|Changed):\*\* )?")


def markdown_text(markup: str) -> str:
    """Back from escaped Markdown to the page's text: our entities, then ``unescape``."""
    # An entity decodes to a literal character, which no backslash escape then consumes: the
    # backslash entity is held aside until the escapes are undone.
    markup = markup.replace("&#92;", "\x00")
    for entity, char in _ENTITIES.items():
        markup = markup.replace(entity, char)
    return unescape(markup).replace("\x00", "\\")


def inline_sides(markup: str) -> tuple[str, str]:
    """The old and the new text of a line in GitLab's inline diff markup.

    A link inserted or deleted whole carries the marker inside its text (``[{+ docs +}](/x)``,
    as GitLab marks text nodes only): it belongs to that side alone.
    """
    markup = _MARKED_LINK.sub(
        lambda m: f"{m.group(1)}[{m.group(2)}]({m.group(4)}){m.group(3)}", markup
    )
    old = _MARKED.sub(lambda m: m.group(2) if m.group(2) is not None else "", markup)
    new = _MARKED.sub(lambda m: m.group(1) if m.group(1) is not None else "", markup)
    return markdown_text(old), markdown_text(new)


def same_words(a: str, b: str) -> bool:
    # GitLab's markup cannot mark whitespace: the spaces around a marked run stay outside it,
    # so the text comes back word for word, and its spacing only where nothing changed.
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)


def check_markdown_diff(diff: LevelDiff) -> None:
    text = markdown.render_diff(diff, RenderOptions(show_all=True))
    sections = re.split(r"^### ", text, flags=re.M)[1:]
    if diff.overview.status != "unchanged":
        body = sections.pop(0).split("\n", 1)[1]
        old, new = inline_sides(body)
        assert same_words(old, plain(diff.old.overview)) and same_words(new, diff.new.overview)
    categories = [c for c in diff.categories if c.items]
    assert len(sections) == len(categories)
    for section, category in zip(sections, categories, strict=True):
        lines = [line for line in section.split("\n") if line.startswith("- ")]
        assert len(lines) == len(category.items), section
        for line, item in zip(lines, category.items, strict=True):
            body = _LABEL.sub("", line, count=1)
            include = (item.new or item.old).include  # type: ignore[union-attr]
            if include is not None and item.status == "unchanged":
                assert body == f"include `{include}`"
                continue
            if include is not None and item.status == "changed":
                assert body.startswith("include ")
                body = body.removeprefix("include ")
            old, new = inline_sides(body)
            if item.old is not None:
                assert same_words(plain(old), plain(item.old.text)), (line, item.old.text)
            if item.new is not None:
                assert same_words(new, item.new.text), (line, item.new.text)


@budget(100)
@given(frameworks())
def test_the_markdown_diff_gives_every_text_back(levels: list[LevelSpec]) -> None:
    framework = write(levels)
    for a, b in pairs_of(framework):
        check_markdown_diff(diff_levels(framework, a, b))


def tick(checklist: str, ids: set[str]) -> str:
    lines = checklist.split("\n")
    for n, line in enumerate(lines):
        found = re.search(r"<!-- career:id (\S+) -->$", line)
        if found and found.group(1) in ids:
            assert line.startswith("- [ ] ")
            lines[n] = "- [x] " + line.removeprefix("- [ ] ")
    return "\n".join(lines)


@budget(100)
@given(frameworks(), st.data())
def test_a_ticked_checklist_reads_back_exactly(
    levels: list[LevelSpec], data: st.DataObject
) -> None:
    framework = write(levels)
    a, b = data.draw(st.sampled_from(pairs_of(framework)))
    diff = diff_levels(framework, a, b)
    gap: Gap = build_gap(diff, include_carried=data.draw(st.booleans()))
    ids = [e.id for e in gap.expectations]
    assert len(set(ids)) == len(ids)
    if not ids:
        return  # nothing new at the target: a checklist without items
    ticked = set(data.draw(st.lists(st.sampled_from(ids), unique=True)))
    checklist = tick(markdown.render_gap(gap), ticked)
    entries = parse_markdown(checklist, Path("promotion.md")).entries
    assert [entry.id for entry in entries] == ids
    for entry, expectation in zip(entries, gap.expectations, strict=True):
        assert entry.met == (expectation.id in ticked)
        if expectation.include is not None:
            assert entry.text == f"include `{expectation.include}`"
        else:
            assert entry.text is not None
            assert collapse(entry.text) == collapse(expectation.text), checklist
    applied = apply_evidence(gap, list(entries), scorer_for(framework, a, b))
    assert {e.id for e in applied.expectations if e.status == "met"} == ticked
    assert not applied.unmatched
    valid(json_gap.gap_document(applied))
