"""JSON documents for scripts: the shape of every ``--format json`` output, as plain dicts.

The keys named in the README's schema are a contract (``schema_version`` 1): add keys freely,
never rename or remove one. A JSON Schema for each kind ships in ``career_cli/schemas``.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from career_cli.model import (
    CategoryDiff,
    DiffOp,
    Explanation,
    Framework,
    ItemDiff,
    Level,
    LevelDiff,
    Statement,
    TextDiff,
)
from career_cli.text import plain

if TYPE_CHECKING:
    from career_cli.render import RenderOptions

SCHEMA_VERSION = 1

# json.dumps escapes C0 controls but leaves DEL, C1 controls and bidi overrides raw; a script
# that prints a field must not be able to drive the terminal with them.
_RAW_CONTROLS = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

if TYPE_CHECKING:  # the handbook commands' types, needed only by their own commands
    from career_cli.features.ladder import Cell, Ladder, Thread
    from career_cli.features.lint_rules import LintReport, Problem
    from career_cli.features.search import SearchResult
    from career_cli.model import FrameworkList, ShownLevel


def dumps(document: dict[str, Any], *, pretty: bool = True) -> str:
    """Indented for people; compact for pipes (jq re-indents; the C encoder is ~5× faster)."""
    if pretty:
        text = json.dumps(document, ensure_ascii=False, indent=2)
    else:
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def framework_ref(framework: Framework) -> dict[str, Any]:
    return {"id": framework.id, "title": framework.title, "path": str(framework.path)}


def level_ref(level: Level) -> dict[str, Any]:
    ref: dict[str, Any] = {"id": level.id, "title": level.title, "path": str(level.path)}
    if level.revision is not None:
        ref["revision"] = {"name": level.revision.name, "commit": level.revision.commit}
    return ref


def ops(diff: tuple[DiffOp, ...]) -> list[dict[str, str]]:
    return [{"op": op.op, "text": op.text} for op in diff]


def _side(item: Statement | None, index: int | None) -> dict[str, Any] | None:
    if item is None:
        return None
    side: dict[str, Any] = {"index": index, "text": item.text, "plain": plain(item.text)}
    side["line"] = item.line
    if item.include is not None:
        side["include"] = item.include
    if item.source is not None:
        side["source"] = item.source
    if item.key is not None:  # from a table or a structured ladder: additive in schema v1
        side["key"] = item.key
    if item.examples:
        side["examples"] = list(item.examples)
    if item.cell is not None:
        side["cell"] = item.cell
    return side


def item_doc(item: ItemDiff) -> dict[str, Any]:
    similarity = None if item.similarity is None else round(item.similarity, 4)
    doc: dict[str, Any] = {
        "status": item.status,
        "from": _side(item.old, item.old_index),
        "to": _side(item.new, item.new_index),
        "similarity": similarity,
        "diff": ops(item.ops),
    }
    # A merge: more statements of the from level that the to statement covers; a split: more
    # of the to level's that the from statement covered. Present only then (schema v1 additive).
    if item.also_old:
        doc["also_from"] = [_side(statement, index) for index, statement in item.also_old]
    if item.also_new:
        doc["also_to"] = [_side(statement, index) for index, statement in item.also_new]
    if item.explain is not None:
        doc["explain"] = explain_doc(item.explain)
    if item.status == "changed":  # what the rewording raises (schema v1 additive)
        doc["change"] = list(item.change)
    return doc


def explain_doc(explanation: Explanation) -> dict[str, Any]:
    """``--explain``: what carried a pair, or why a statement has none."""
    runner = explanation.runner_up
    doc: dict[str, Any] = {
        "similarity": explanation.similarity,
        "threshold": explanation.threshold,
        "features": [{"feature": f, "weight": w} for f, w in explanation.features],
        "synonyms": [
            {"term": term, "match": match, "strength": strength, "weight": weight}
            for term, match, strength, weight in explanation.synonyms
        ],
        "runner_up": None
        if runner is None
        else {"index": runner.index, "text": runner.text, "similarity": runner.similarity},
        "reason": explanation.reason,
    }
    if explanation.semantic is not None:  # only when the semantic extra scored the pair
        score, cosine = explanation.semantic
        doc["semantic"] = {"score": score, "cosine": cosine}
    return doc


def category_doc(category: CategoryDiff, *, changes_only: bool = False) -> dict[str, Any]:
    items = [i for i in category.items if not (changes_only and i.status == "unchanged")]
    return {
        "id": category.id,
        "title": category.title,
        "status": category.status,
        "counts": category.counts.as_dict(),
        "items": [item_doc(i) for i in items],
    }


def text_doc(diff: TextDiff) -> dict[str, Any]:
    return {"status": diff.status, "from": diff.old, "to": diff.new, "diff": ops(diff.ops)}


def diff_document(diff: LevelDiff, options: RenderOptions | None = None) -> dict[str, Any]:
    changes_only = options is not None and options.changes_only
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "diff",
        "framework": framework_ref(diff.framework),
        "from": level_ref(diff.old),
        "to": level_ref(diff.new),
        "threshold": diff.threshold,
        "counts": diff.counts.as_dict(),
        "overview": text_doc(diff.overview),
        "categories": [category_doc(c, changes_only=changes_only) for c in diff.categories],
    }


def statement_doc(item: Statement, index: int) -> dict[str, Any]:
    """A statement of a level on its own: position, wording, where it is written."""
    doc = _side(item, index)
    assert doc is not None
    return doc


def level_doc(level: Level) -> dict[str, Any]:
    return {
        **level_ref(level),
        "description": level.description,
        "counts": {"categories": len(level.categories), "competencies": level.statement_count},
    }


def show_document(shown: ShownLevel, options: RenderOptions | None = None) -> dict[str, Any]:
    framework, level, categories = shown.framework, shown.level, shown.categories
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "show",
        "framework": framework_ref(framework),
        "level": level_doc(level),
        "overview": level.overview,
        "categories": [
            {
                "id": category.id,
                "title": category.title,
                "line": category.line,
                "items": [statement_doc(item, n) for n, item in enumerate(category.items, 1)],
            }
            for category in categories
        ],
    }


def frameworks_document(
    listing: FrameworkList, options: RenderOptions | None = None
) -> dict[str, Any]:
    """``career frameworks``: entries are (``bundled`` or ``root``, framework)."""
    entries, root = listing.entries, listing.root
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "frameworks",
        "root": None if root is None else str(root),
        "frameworks": [
            {
                "name": framework.id,
                "source": source,
                "title": framework.title,
                "path": str(framework.path),
                "levels": [level.id for level in framework.levels],
                "problems": [str(p.path) for p in framework.problems],
            }
            for source, framework in entries
        ],
    }


def ladder_document(ladder: Ladder, options: RenderOptions | None = None) -> dict[str, Any]:
    """``career ladder --format json``: threads, with one cell per level (``null`` if absent).

    A ladder whose table would pass ``ladder.MAX_CELLS`` is refused (a usage error)."""
    from career_cli.features.ladder import require_table

    require_table(ladder)
    levels = ladder.levels

    def cell_doc(cell: Cell | None, k: int) -> dict[str, Any] | None:
        if cell is None:
            return None
        doc = statement_doc(cell.item, cell.index)
        similarity = None if cell.similarity is None else round(cell.similarity, 4)
        return {
            "level": levels[k].id,
            "status": cell.status,
            **doc,
            "similarity": similarity,
            "diff": ops(cell.ops),
        }

    def thread_doc(thread: Thread) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "start": levels[thread.start].id,
            "end": levels[thread.end].id,
            "dropped_at": None if thread.dropped_at is None else levels[thread.dropped_at].id,
        }
        # Merges and splits join threads: said only where there are some (schema v1 additive).
        if thread.joined_at is not None and thread.joins is not None:
            doc["joined_at"] = levels[thread.joined_at].id
            doc["joins"] = thread.joins + 1
        if thread.split_from is not None:
            doc["split_from"] = thread.split_from + 1
        doc["cells"] = [cell_doc(cell, k) for k, cell in enumerate(thread.cells)]
        return doc

    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "ladder",
        "framework": framework_ref(ladder.framework),
        "threshold": ladder.threshold,
        "levels": [level_ref(level) for level in levels],
        "categories": [
            {
                "id": category.id,
                "title": category.title,
                "levels": [levels[k].id for k in category.levels],
                "threads": [thread_doc(thread) for thread in category.threads],
            }
            for category in ladder.categories
        ],
    }


def search_document(result: SearchResult, options: RenderOptions | None = None) -> dict[str, Any]:
    """``career search --format json``: matches in ladder order; ``hits`` index ``plain``."""
    first = result.first
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "search",
        "framework": framework_ref(result.framework),
        "query": result.query,
        "terms": list(result.terms),
        "levels": [level_ref(level) for level in result.levels],
        "first": None
        if first is None
        else {
            "level": level_ref(first.level),
            "category": {"id": first.category.id, "title": first.category.title},
        },
        "counts": {"matches": len(result.matches), "levels": result.level_count},
        "matches": [
            {
                "level": level_ref(match.level),
                "category": {"id": match.category.id, "title": match.category.title},
                **statement_doc(match.item, match.index),
                "hits": [{"start": start, "end": end} for start, end in match.hits],
            }
            for match in result.matches
        ],
    }


def lint_document(report: LintReport, options: RenderOptions | None = None) -> dict[str, Any]:
    """``career lint --format json``."""
    problems, frameworks, root = report.problems, report.frameworks, report.root
    from career_cli.features.lint_rules import counts
    from career_cli.text import shown_path

    def problem_doc(problem: Problem) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "path": shown_path(problem.path),
            "line": problem.line,
            "code": problem.rule.code,
            "name": problem.rule.name,
            "severity": problem.rule.severity,
            "message": problem.message,
            "framework": problem.framework,
            "levels": list(problem.levels),
        }
        if problem.hint:
            doc["hint"] = problem.hint
        if problem.statements:
            doc["statements"] = [
                {
                    "level": quoted.level,
                    "path": shown_path(quoted.path),
                    "line": quoted.line,
                    "text": quoted.text,
                }
                for quoted in problem.statements
            ]
        return doc

    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "lint",
        "root": None if root is None else str(root),
        "frameworks": [
            {**framework_ref(framework), "levels": [level.id for level in framework.levels]}
            for framework in frameworks
        ],
        "counts": counts(problems),
        "problems": [problem_doc(problem) for problem in problems],
    }


def levels_document(framework: Framework, options: RenderOptions | None = None) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "levels",
        "framework": framework_ref(framework),
        "levels": [level_doc(level) for level in framework.levels],
        "problems": [
            {"id": p.id, "path": str(p.path), "error": str(getattr(p.error, "message", p.error))}
            for p in framework.problems
        ],
    }
