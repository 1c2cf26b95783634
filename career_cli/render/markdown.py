"""Markdown for GitLab issues and merge requests (GitLab Flavored Markdown), as strings.

Every view is built from pieces of ``render.markdown_text``, which owns how a string from outside
(a page, an evidence file, the command line) is written into GitLab Markdown.
"""

from __future__ import annotations

import json
import shlex
from typing import TYPE_CHECKING

from career_cli.model import CategoryDiff, Counts, Framework, ItemDiff, LevelDiff, Statement
from career_cli.render.markdown_text import (
    at_line_start,
    code_span,
    comment_value,
    escape,
    heading,
    inline_diff,
)

if TYPE_CHECKING:
    from career_cli.features.gap import Gap
    from career_cli.render import RenderOptions

if TYPE_CHECKING:  # the handbook commands' types, needed only by their own commands
    from career_cli.features.ladder import Ladder, Thread
    from career_cli.features.lint_rules import LintReport
    from career_cli.features.search import SearchResult
    from career_cli.model import FrameworkList, ShownLevel


def counts_text(counts: Counts) -> str:
    text = (
        f"{counts.added} added · {counts.changed} changed · {counts.removed} removed · "
        f"{counts.unchanged} unchanged"
    )
    folded = (("merged", counts.merged), ("split", counts.split))
    return text + "".join(f" · {n} {label}" for label, n in folded if n)


def _statement(item: Statement) -> str:
    if item.include is not None:
        return f"include {code_span(item.include)}"
    if item.key is not None:  # a table row's name first: "**Scope** — Completes…"
        return f"**{escape(item.key)}** — {escape(item.text)}"
    return escape(item.text)


def _item_line(item: ItemDiff) -> str:
    if item.status == "unchanged":
        assert item.new is not None
        return f"- {at_line_start(_statement(item.new))}"
    label = {"added": "Added", "removed": "Removed", "changed": "Changed"}[item.status]
    if item.status == "changed" and item.old and item.old.include is not None:
        body = f"include {inline_diff(item.ops)}"
    else:
        body = inline_diff(item.ops)
        named = item.new if item.new is not None else item.old
        if named is not None and named.key is not None:  # a table row's name, as show gives it
            body = f"**{escape(named.key)}** — {body}"
    # Statements folded into the pair: a merge (more of the old level's) or a split.
    folded = [f"  - also from: {at_line_start(_statement(s))}" for _, s in item.also_old]
    folded += [f"  - also to: {at_line_start(_statement(s))}" for _, s in item.also_new]
    if item.change:  # what the new wording raises: "Changed (scope↑ ownership↑)"
        from career_cli.render import change_tags

        label += f" ({change_tags(item.change)})"
    return "\n".join([f"- **{label}:** {body}", *folded])


def _category(category: CategoryDiff, show_all: bool) -> list[str]:
    items = [i for i in category.items if show_all or i.status != "unchanged"]
    if not items:
        return []
    summary = counts_text(category.counts)
    if category.status in ("added", "removed"):
        summary = f"category {category.status} · {summary}"
    lines = ["", f"### {heading(category.title)}", "", summary, ""]
    lines += [_item_line(item) for item in items]
    return lines


def render_diff(diff: LevelDiff, options: RenderOptions | None = None) -> str:
    """``career diff --format markdown``: per category, changes marked for GitLab."""
    show_all = options is not None and options.show_all
    lines = [
        f"## {escape(diff.old.title)} → {heading(diff.new.title)}",
        "",
        f"**{escape(diff.framework.title)}** · " + counts_text(diff.counts),
    ]
    if diff.overview.status != "unchanged":
        overview = inline_diff(diff.overview.ops).split("\n")
        lines += ["", "### Overview", "", *map(at_line_start, overview)]
    hidden = 0
    for category in diff.categories:
        lines += _category(category, show_all)
        if not show_all:
            hidden += sum(1 for item in category.items if item.status == "unchanged")
    if hidden:
        noun = "statement is" if hidden == 1 else "statements are"
        lines += ["", f"_{hidden} unchanged {noun} not shown (`--all` shows them)._"]
    return "\n".join(lines) + "\n"


def _source_line(source: str | None) -> str:
    if source is None:
        return "_On this page:_"
    return f"_From {code_span(source.rsplit('/', 1)[-1])}:_"


def render_show(shown: ShownLevel, options: RenderOptions | None = None) -> str:
    """``career show --format markdown``: the level as a Markdown document."""
    framework, level, categories = shown.framework, shown.level, shown.categories
    lines = [f"## {heading(level.title)}", "", f"**{escape(framework.title)}**"]
    if level.description:
        lines += ["", f"> {at_line_start(escape(level.description))}"]
    for paragraph in level.overview.split("\n\n") if level.overview else ():
        lines += ["", at_line_start(escape(paragraph))]
    for category in categories:
        lines += ["", f"### {heading(category.title)}", ""]
        if not category.items:
            lines.append("_No statements._")
            continue
        sources = {item.source for item in category.items}
        marked = len(sources) > 1 or None not in sources
        previous: object = object()
        for number, item in enumerate(category.items, 1):
            if marked and item.source != previous:
                lines += ([""] if number > 1 else []) + [_source_line(item.source), ""]
                previous = item.source
            lines.append(f"{number}. {at_line_start(_statement(item))}")
            lines += [f"   - _Example:_ {escape(example)}" for example in item.examples]
    return "\n".join(lines) + "\n"


def render_frameworks(listing: FrameworkList, options: RenderOptions | None = None) -> str:
    """``career frameworks --format markdown``: one table."""
    lines = ["| name | source | levels | title |", "| --- | --- | --- | --- |"]
    for source, framework in listing.entries:
        levels = ", ".join(level.id for level in framework.levels)
        lines.append(
            f"| {_cell(framework.id)} | {source} | {_cell(levels)} | {_cell(framework.title)} |"
        )
    return "\n".join(lines) + "\n"


def _ladder_cell(thread: Thread, k: int) -> str:
    cell = thread.cell(k)
    if cell is None:
        if thread.joined_at == k and thread.joins is not None:
            return f"_joins {thread.joins + 1}_"
        return "_dropped_" if thread.dropped_at == k else ""
    if cell.status == "unchanged":
        return "="
    if cell.status == "changed" and cell.item.include is None:
        kept = [op for op in cell.ops if op.op != "delete"]
        return "~ " + inline_diff(kept).replace("|", "\\|").replace("\n", " ")
    if cell.item.include is None:
        text = _cell(cell.item.text)
    else:  # a pipe splits a table's cell even inside inline code, unless escaped
        text = _statement(cell.item).replace("|", "\\|")
    if cell.status == "split" and thread.split_from is not None:
        return f"**+** _(split from {thread.split_from + 1})_ {text}"
    return f"**+** {text}" if cell.status == "added" else text


def render_ladder(ladder: Ladder, options: RenderOptions | None = None) -> str:
    """``career ladder --format markdown``: a table per category, a column per level (refused
    past ``ladder.MAX_CELLS`` cells, a usage error)."""
    from career_cli.features.ladder import require_table

    require_table(ladder)
    titles = [escape(level.title).replace("|", "\\|") for level in ladder.levels]
    lines = [
        f"## {heading(ladder.framework.title)}",
        "",
        "`=` unchanged from the level before · `~` changed (`{+ added words +}`) · "
        "**+** new at this level",
    ]
    for category in ladder.categories:
        lines += ["", f"### {heading(category.title)}", ""]
        lines.append("| # | " + " | ".join(titles) + " |")
        lines.append("| ---: | " + " | ".join("---" for _ in titles) + " |")
        for number, thread in enumerate(category.threads, 1):
            cells = [_ladder_cell(thread, k) for k in range(len(ladder.levels))]
            lines.append(f"| {number} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_search(result: SearchResult, options: RenderOptions | None = None) -> str:
    """``career search --format markdown``: hits in bold, grouped by level and category."""
    from career_cli.features.search import summary
    from career_cli.text import plain

    lines = [f"**{escape(summary(result))}**"]
    level = category = None
    for match in result.matches:
        if match.level is not level:
            level, category = match.level, None
            lines += ["", f"### {heading(level.title)}"]
        if match.category is not category:
            category = match.category
            lines += ["", f"_{escape(category.title)}_", ""]
        text = plain(match.item.text)
        marked = []
        position = 0
        for start, end in match.hits:
            marked.append(escape(text[position:start], strict=True))
            marked.append(f"**{escape(text[start:end], strict=True)}**")
            position = end
        marked.append(escape(text[position:], strict=True))
        lines.append(f"{match.index}. {at_line_start(''.join(marked))}")
    return "\n".join(lines) + "\n"


def render_lint(report: LintReport, options: RenderOptions | None = None) -> str:
    """``career lint --format markdown``: a table to paste into a merge request."""
    from career_cli.text import one_line, shown_path

    problems = report.problems
    if not problems:
        return "No problems.\n"
    lines = ["| file | line | code | severity | problem |", "| --- | ---: | --- | --- | --- |"]
    for p in problems:
        # A file name is page-supplied text too: it may hold escape sequences, or a pipe.
        path = code_span(one_line(shown_path(p.path))).replace("|", "\\|")
        lines.append(
            f"| {path} | {p.line} | {p.rule.code} | {p.rule.severity} | {_cell(p.message)} |"
        )
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|").replace("\n", " ")


def render_levels(framework: Framework, options: RenderOptions | None = None) -> str:
    """``career levels --format markdown``: a table of the ladder."""
    lines = [
        f"## {heading(framework.title)}",
        "",
        "| id | title | categories | competencies | description |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for level in framework.levels:
        lines.append(
            f"| {_cell(level.id)} | {_cell(level.title)} | {len(level.categories)} "
            f"| {level.statement_count} | {_cell(level.description)} |"
        )
    return "\n".join(lines) + "\n"


def _evidence_lines(evidence: str) -> list[str]:
    """Evidence under its item: its own Markdown (lists, links) kept, escaped as page text is
    (the checklist reads it back unescaped), each line indented into the item."""
    first, *rest = evidence.split("\n")
    return [
        f"  - Evidence: {escape(first)}".rstrip(),
        *(f"    {escape(line)}".rstrip() for line in rest),
    ]


def _attr(value: str) -> str:
    """A header attribute value, quoted when it holds spaces (level ids are file names)."""
    clean = comment_value(value)
    return f'"{clean}"' if not clean or " " in clean else clean


def render_gap(gap: Gap, options: RenderOptions | None = None) -> str:
    """The promotion checklist: a task item per expectation, ids in comments, evidence under it.

    With evidence applied, boxes are ticked and evidence filled in, so the same command migrates
    an old checklist to the current pages; unmatched evidence is kept in a section of its own.
    """
    if gap.calibration is not None:
        from career_cli.render.markdown_calibration import render_calibration

        return render_calibration(gap)
    current, target = escape(gap.current.title), escape(gap.target.title)
    summary = gap.summary()
    lines = [
        f"# Promotion evidence: {current} → {heading(gap.target.title)}",
        "",
        f"<!-- career:gap v1 framework={_attr(gap.framework.id)} from={_attr(gap.current.id)} "
        f"to={_attr(gap.target.id)} -->",
        "",
        f"**{escape(gap.framework.title)}** · {summary} expectations",
        "",
        "Tick an item (`[x]`) when it is met, rate it (`working towards`, `meeting` or "
        "`exceeding`) and write the evidence under it. Check progress with "
        + code_span(
            f"career gap {shlex.quote(gap.current.id)} {shlex.quote(gap.target.id)} --evidence FILE"
        )
        + ".",
    ]
    category = None
    for e in gap.expectations:
        if e.category_id != category:
            category = e.category_id
            lines += ["", f"## {heading(e.category)}", ""]
        box = "x" if e.status == "met" else " "
        text = f"include {code_span(e.include)}" if e.include else escape(e.text)
        ident = comment_value(e.id, spaces=False)
        lines.append(f"- [{box}] {at_line_start(text)} <!-- career:id {ident} -->")
        if e.kind == "raised":
            from career_cli.render import change_tags, reworded_as

            raises = f" ({change_tags(e.change)})" if e.change else ""
            label = reworded_as(e.change).capitalize()
            lines.append(f"  - {label} from{raises}: {inline_diff(e.ops)}")
            lines += [f"  - Also raised from: {escape(text)}" for text in e.also_previous]
        elif e.kind == "new":
            lines.append(f"  - New at {target}")
        else:
            lines.append(f"  - Carried from {current}")
        lines.append(f"  - Rating: {e.rating or ''}".rstrip())
        lines += _evidence_lines(e.evidence) if e.evidence else ["  - Evidence:"]
    if gap.author:  # the evidence file's own frontmatter, kept through a migration
        lines[:0] = ["---", f"author: {json.dumps(gap.author, ensure_ascii=False)}", "---", ""]
    if gap.unmatched:
        lines += [
            "",
            "## Unmatched evidence",
            "",
            "These entries match no expectation of the current pages; move their evidence by hand.",
            "",
        ]
        for u in gap.unmatched:
            box = "x" if u.met else " "
            ident = f" <!-- career:id {comment_value(u.id, spaces=False)} -->" if u.id else ""
            lines.append(f"- [{box}] {at_line_start(escape(u.text or u.id or ''))}{ident}")
            lines += [f"  - Rating: {u.rating}"] if u.rating else []
            lines += _evidence_lines(u.evidence) if u.evidence else []
    return "\n".join(lines) + "\n"
