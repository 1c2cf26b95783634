"""The JSON document of ``career gap``: expectations, unmatched evidence and any calibration.

Apart from ``json_doc`` because only gap's own command needs it (and its types); the shared
pieces (references, word-diff runs, explanations) come from ``json_doc``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from career_cli.render.json_doc import SCHEMA_VERSION, explain_doc, framework_ref, level_ref, ops

if TYPE_CHECKING:
    from career_cli.features.gap import Expectation, Gap
    from career_cli.render import RenderOptions


def _expectation_doc(e: Expectation) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": e.id,
        "category": e.category,
        "category_id": e.category_id,
        "text": e.text,
        "kind": e.kind,
        "previous": e.previous,
        "status": e.status,
        "evidence": e.evidence,
        "rating": e.rating,
        "include": e.include,
        "diff": ops(e.ops),
    }
    if e.also_previous:  # a merge: more statements of the current level it is raised from
        doc["also_previous"] = list(e.also_previous)
    if e.explain is not None:
        doc["explain"] = explain_doc(e.explain)
    if e.kind == "raised":  # what it raises (schema v1 additive)
        doc["change"] = list(e.change)
    return doc


def gap_document(gap: Gap, options: RenderOptions | None = None) -> dict[str, Any]:
    """``career gap --format json``: expectations, unmatched evidence, and any calibration."""
    doc = {
        "schema_version": SCHEMA_VERSION,
        "kind": "gap",
        "framework": framework_ref(gap.framework),
        "from": level_ref(gap.current),
        "to": level_ref(gap.target),
        "evidence_file": str(gap.evidence_path) if gap.evidence_path else None,
        "counts": {
            "expectations": len(gap.expectations),
            "new": gap.count(kind="new"),
            "raised": gap.count(kind="raised"),
            "carried": gap.count(kind="carried"),
            "met": gap.count(status="met"),
            "open": gap.open,
        },
        "expectations": [_expectation_doc(e) for e in gap.expectations],
        "unmatched_evidence": [
            {"id": u.id, "text": u.text, "met": u.met, "evidence": u.evidence, "line": u.line}
            | {"rating": u.rating}
            for u in gap.unmatched
        ],
    }
    if gap.calibration is not None:
        from career_cli.render.json_calibration import calibration_doc

        doc["calibration"] = calibration_doc(gap.calibration)
    return doc
