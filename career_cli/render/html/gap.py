"""The HTML report of ``career gap``: what the target expects beyond the current level, each
expectation beside the wording it was raised from, with its status, rating and evidence; with
two evidence files, the calibration — both views side by side, disputed first."""

from __future__ import annotations

import shlex

from career_cli.features.calibration import OUTCOMES, Row
from career_cli.features.gap import Expectation, Gap
from career_cli.render import RenderOptions
from career_cli.render.html import esc, page, words
from career_cli.render.html.diff import rows, side, tags

HEADINGS = {"disputed": "Disputed", "open": "Open for both", "met": "Met by both"}
MARKS = {"new": "+", "raised": "~", "carried": ""}


def _wording(e: Expectation, which: str) -> str:
    if e.include is not None:
        return f"<p>include <code>{esc(e.include)}</code></p>" if which == "new" else ""
    if e.kind == "raised":
        return f"<p>{words(e.ops, which)}</p>"
    if which == "new":
        return f"<p>{esc(e.text)}</p>"
    return f"<p>{esc(e.previous)}</p>" if e.previous else ""


def _status(e: Expectation, differ: tuple[str, ...] = ()) -> str:
    met = e.status == "met"
    status = f'<span class="{"met" if met else "open"}">{"☑ met" if met else "☐ open"}</span>'
    if "status" in differ:
        status = f'<span class="differs">{status}</span>'
    rating = esc(e.rating) if e.rating else "not rated"
    rating = f'<span class="rating{" differs" if "rating" in differ else ""}">{rating}</span>'
    evidence = f'<p class="evidence">{esc(e.evidence)}</p>' if e.evidence else ""
    return f"<p>{status} · {rating}</p>{evidence}"


def _expectation_row(e: Expectation, gap: Gap) -> str:
    new = _wording(e, "new") + tags(e.change)
    if gap.with_evidence:
        new += _status(e)
    new += "".join(f'<p class="also">and: {esc(text)}</p>' for text in e.also_previous)
    return (
        f'<div class="row {"added" if e.kind == "new" else "changed"}">'
        f'<div class="mark" title="{e.kind}">{MARKS[e.kind]}</div>'
        f"{side(gap.current.title, _wording(e, 'old'), 'old')}"
        f"{side(gap.target.title, new, 'new')}</div>"
    )


def _checklist(gap: Gap) -> list[str]:
    parts = []
    category = None
    body: list[str] = []
    for e in (*gap.expectations, None):
        if e is None or e.category_id != category:
            if body:
                parts.append(rows(gap.current.title, gap.target.title, body) + "</section>")
            if e is None:
                break
            category, body = e.category_id, []
            members = [x for x in gap.expectations if x.category_id == category]
            met = sum(x.status == "met" for x in members)
            tally = f"{met} of {len(members)} met" if gap.with_evidence else f"{len(members)}"
            parts.append(f'<section><h2>{esc(e.category)}<span class="counts">{tally}</span></h2>')
        body.append(_expectation_row(e, gap))
    return parts


def _card(row: Row, gap: Gap) -> str:
    assert gap.calibration is not None
    e = row.expectation
    was = ""
    if e.kind == "raised" and e.include is None:
        was = f'<p class="also">was at {esc(gap.current.title)}: {words(e.ops, "old")}</p>'
    views = "".join(
        f'<div class="view"><h4>{esc(view.author)}</h4>{_status(s, row.differ)}</div>'
        for view, s in zip(gap.calibration.assessments, row.sides, strict=True)
    )
    return (
        f'<div class="card"><p class="kicker">{esc(e.category)} · {e.kind}</p>'
        f'{_wording(e, "new")}{tags(e.change)}{was}<div class="assessments">{views}</div></div>'
    )


def _blank(row: Row) -> bool:
    return row.outcome == "open" and not any(s.rating or s.evidence for s in row.sides)


def _calibration(gap: Gap) -> list[str]:
    calibration = gap.calibration
    assert calibration is not None
    names = " and ".join(
        f"<strong>{esc(v.author)}</strong> (<code>{esc(v.path.name)}</code>)"
        for v in calibration.assessments
    )
    parts = [f'<p class="meta">The views of {names}.</p>']
    for outcome in OUTCOMES:
        chosen = [row for row in calibration.rows if row.outcome == outcome]
        if chosen:
            parts.append(
                f'<section><h2>{HEADINGS[outcome]}<span class="counts">{len(chosen)}</span></h2>'
            )
            said = [row for row in chosen if not _blank(row)]
            parts += [_card(row, gap) for row in said]
            if len(said) < len(chosen):  # neither view says anything yet: the statements alone
                parts.append(
                    '<p class="note">Neither view has rated these or written evidence for them '
                    'yet:</p><ul class="bare">'
                )
                parts += [
                    f'<li><span class="kicker">{esc(row.expectation.category)} · '
                    f"{row.expectation.kind}</span> {_wording(row.expectation, 'new')}</li>"
                    for row in chosen
                    if _blank(row)
                ]
                parts.append("</ul>")
            parts.append("</section>")
    parts.append(f'<p class="summary">Summary: {calibration.summary()}</p>')
    return parts


def render_gap(gap: Gap, options: RenderOptions) -> str:
    progress = ""
    if gap.calibration is not None:
        progress = f" · {gap.calibration.summary()}"
    elif gap.with_evidence:
        progress = f" · {gap.count(status='met')} of {len(gap.expectations)} met · {gap.open} open"
    parts = [f'<p class="summary">{gap.summary()} expectations{progress}</p>']
    if gap.calibration is not None:
        parts += _calibration(gap)
    else:
        parts += _checklist(gap) or ["<p>No new or raised expectations.</p>"]
    if gap.unmatched:
        parts.append("<section><h2>Unmatched evidence</h2><ul>")
        parts += [
            f"<li>line {u.line}: {esc(u.text or u.id or '')}"
            + (f' <span class="note">— {esc(u.evidence)}</span>' if u.evidence else "")
            + "</li>"
            for u in gap.unmatched
        ]
        parts.append("</ul></section>")
    command = f"career gap {shlex.quote(gap.current.id)} {shlex.quote(gap.target.id)}"
    if gap.calibration is not None:
        command += "".join(f" -e {shlex.quote(v.path.name)}" for v in gap.calibration.assessments)
    elif gap.evidence_path is not None:
        command += f" -e {shlex.quote(gap.evidence_path.name)}"
    title = "Calibration" if gap.calibration is not None else "Promotion gap"
    return page(
        f"{title}: {gap.current.title} → {gap.target.title}",
        command + " --format html",
        gap.framework,
        (gap.current, gap.target),
        "\n".join(parts),
    )
