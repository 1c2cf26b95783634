"""The ``calibration`` section of ``career gap --format json`` with two evidence files: who wrote
each view, the counts, and every expectation with both views, disputed first."""

from __future__ import annotations

from typing import Any

from career_cli.features.calibration import OUTCOMES, Calibration


def calibration_doc(calibration: Calibration) -> dict[str, Any]:
    return {
        "assessments": [
            {"author": view.author, "evidence_file": str(view.path)}
            for view in calibration.assessments
        ],
        "counts": {outcome: calibration.count(outcome) for outcome in OUTCOMES},
        "expectations": [
            {
                "id": row.expectation.id,
                "outcome": row.outcome,
                "differ": list(row.differ),
                "assessments": [
                    {"status": side.status, "rating": side.rating, "evidence": side.evidence}
                    for side in row.sides
                ],
            }
            for row in calibration.rows
        ],
    }
