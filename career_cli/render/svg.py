"""``career steps --format svg``: the step sizes as one self-contained SVG bar chart.

One horizontal bar per step, stacked by change kind in the order ``features.steps.SEGMENTS``
gives, the longest bar filling the plot. The picture stands alone: no external reference (no
``href``, no web font, no script, no style sheet), an accessible ``<title>`` and ``<desc>``
that say in words what it shows, a ``<title>`` on every part (a tooltip), and every string from
a page escaped for XML, with characters XML cannot hold shown as escapes (``text.one_line``).
Colour is never the only key: the legend names each part, and a line under each bar names its
parts with their counts. The palette is Okabe and Ito's, told apart with colour blindness.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as _escape

from career_cli.features.steps import SEGMENTS
from career_cli.model import CHANGE_SCALES
from career_cli.text import one_line

if TYPE_CHECKING:
    from career_cli.features.steps import Steps
    from career_cli.render import RenderOptions

COLOURS = {
    "added": "#009E73",
    "scope": "#0072B2",
    "autonomy": "#CC79A7",
    "ownership": "#E69F00",
    "influence": "#56B4E9",
    "reworded": "#8C8C8C",
    "rephrased": "#D0D0D0",
    "weaker": "#D55E00",
    "dropped": "#882255",
}
WIDTH = 860
LABEL = 230  # the level names' column, at least
LABEL_MAX = 420
MAX_LABEL = 56  # characters of a step's names shown before the bar
ROW = 46  # a bar and the line naming its parts
BAR = 20
TOP = 64
FONT = 'font-family="system-ui, -apple-system, \'Segoe UI\', sans-serif" font-size="13"'
# Characters XML 1.0 cannot hold at all, even escaped (a page may carry any of them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(value: str) -> str:
    """Page text as XML character data or an attribute value: one line, controls made visible,
    markup characters and quotes escaped."""
    shown = _NOT_XML.sub("\ufffd", one_line(value))
    return _escape(shown, {'"': "&quot;", "'": "&apos;"})


def _legend(y: int) -> list[str]:
    shapes, x = [], 0
    for name in SEGMENTS:
        label = f"{name}↑" if name in CHANGE_SCALES else name
        shapes.append(
            f'<rect x="{x}" y="{y - 11}" width="12" height="12" fill="{COLOURS[name]}"/>'
            f'<text x="{x + 16}" y="{y}">{label}</text>'
        )
        x += 24 + 8 * len(label)
    return ['<g class="legend">', *shapes, "</g>"]


def render_steps(steps: Steps, options: RenderOptions | None = None) -> str:
    """The chart as an SVG document (a string; ``-o steps.svg`` writes it)."""
    labels = [f"{one_line(s.below.title)} → {one_line(s.above.title)}" for s in steps.steps]
    widest = max((len(label) for label in labels), default=0)
    # Room for the step's names before the bars (about 7 px a character at 13 px), so a long
    # level title is not hidden behind its bar; past MAX_LABEL characters it is cut with "…".
    left = min(LABEL_MAX, max(LABEL, 7 * min(widest, MAX_LABEL) + 16))
    plot = WIDTH - left - 60
    longest = max((step.total.changed for step in steps.steps), default=0.0)
    scale = plot / longest if longest else 0.0
    height = TOP + ROW * len(steps.steps) + 48
    title = f"{one_line(steps.framework.title)}: step sizes"
    sizes = "; ".join(
        f"{one_line(s.below.title)} to {one_line(s.above.title)}: "
        f"{round(s.total.changed)} statements changed ({s.total.summary()})"
        for s in steps.steps
    )
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="title desc" {FONT}>',
        f'<title id="title">{text(title)}</title>',
        '<desc id="desc">Statements changed by each step up the ladder, stacked by change '
        "kind (added, then each scale raised, reworded, rephrased, weaker, dropped). "
        f"{text(sizes)}</desc>",
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="0" y="22" font-size="16" font-weight="bold">{text(title)}</text>',
        '<text x="0" y="42" fill="#555555">Statements changed per step, by change kind</text>',
    ]
    for row, step in enumerate(steps.steps):
        y = TOP + row * ROW
        label = labels[row]
        shown = label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
        lines.append(f'<g class="bar"><title>{text(label)}: {text(step.total.summary())}</title>')
        lines.append(f'<text x="0" y="{y + 15}">{text(shown)}</text>')
        x = float(left)
        for name in SEGMENTS:
            value = step.total.segments[name]
            if value <= 0:
                continue
            width = value * scale
            lines.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR}" '
                f'fill="{COLOURS[name]}"><title>{name}: {value:g}</title></rect>'
            )
            x += width
        lines.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{round(step.total.changed)}</text>')
        lines.append(
            f'<text x="{left}" y="{y + BAR + 15}" font-size="11" fill="#555555">'
            f"{text(step.total.summary())}</text></g>"
        )
    lines += _legend(TOP + ROW * len(steps.steps) + 24)
    lines.append("</svg>")
    return "\n".join(lines) + "\n"
