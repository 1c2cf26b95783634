"""The ``career steps --format json`` document (shape in ``schemas/steps.schema.json``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from career_cli.render.json_doc import SCHEMA_VERSION, framework_ref, level_ref

if TYPE_CHECKING:
    from career_cli.features.steps import StepCounts, Steps
    from career_cli.render import RenderOptions


def counts_doc(counts: StepCounts) -> dict[str, Any]:
    return {
        **counts.counts,
        "size": counts.size,
        "kinds": dict(counts.kinds),
        "segments": {name: round(value, 4) for name, value in counts.segments.items()},
    }


def steps_document(steps: Steps, options: RenderOptions | None = None) -> dict[str, Any]:
    """Every step between adjacent levels, per category and in total."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "steps",
        "framework": framework_ref(steps.framework),
        "threshold": steps.threshold,
        "levels": [level_ref(level) for level in steps.levels],
        "steps": [
            {
                "from": level_ref(step.below),
                "to": level_ref(step.above),
                "total": counts_doc(step.total),
                "categories": [
                    {"id": c.id, "title": c.title, "counts": counts_doc(c.counts)}
                    for c in step.categories
                ],
            }
            for step in steps.steps
        ],
    }
