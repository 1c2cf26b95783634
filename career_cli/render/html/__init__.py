"""Self-contained HTML reports (``--format html``): one file to share with people who do not run
a CLI — inline CSS, no script, nothing fetched, a Content-Security-Policy that forbids it all.

This module owns the page: its head and stylesheet (side by side on a wide screen, stacked on a
phone, light and dark by ``prefers-color-scheme``, printable), the header naming the framework,
levels and where they were read (no timestamp: the same input gives the same bytes), the CC BY-SA
attribution of the bundled framework, and the one escaping function, ``esc``, every string from a
page, an evidence file or the command line goes through. The views (``diff``, ``gap``,
``ladder``) build their ``<main>`` from these pieces; only the standard library is used.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from career_cli.text import plain, visible

if TYPE_CHECKING:
    from career_cli.model import DiffOp, Framework, Level

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
WIDE = 760  # px: below this width, columns stack (a phone held upright)

CSS = """
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;
--card:#f6f8fa;--del-fg:#82071e;--del-bg:#ffebe9;--ins-fg:#116329;--ins-bg:#dafbe1;
--chg:#9a6700;--ok:#1a7f37;--no:#cf222e}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;
--line:#3d444d;--card:#151b23;--del-fg:#ffa198;--del-bg:#4b1113;--ins-fg:#7ee787;
--ins-bg:#0f3d1f;--chg:#d29922;--ok:#3fb950;--no:#f85149}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1280px;padding:1.5rem 2rem 3rem;color:var(--fg);
background:var(--bg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
overflow-wrap:anywhere}
header{border-bottom:2px solid var(--line);margin-bottom:1rem;padding-bottom:.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem}
h3{font-size:1rem;margin:1.25rem 0 .25rem}
.meta,.note,footer{color:var(--muted);font-size:.875rem}.meta{margin:.1rem 0}
.counts{color:var(--muted);font-size:.875rem;font-weight:normal;margin-left:.5rem}
del{color:var(--del-fg);background:var(--del-bg);text-decoration:line-through}
ins{color:var(--ins-fg);background:var(--ins-bg);text-decoration:none;font-weight:600}
.rows{display:grid;grid-template-columns:1.5rem minmax(0,1fr) minmax(0,1fr);
column-gap:1.5rem}
.row{display:contents}
.row>*{padding:.45rem 0;border-top:1px solid var(--line)}
.head>*{font-weight:600;border-top:none;padding-bottom:.2rem}
.mark{font-family:ui-monospace,monospace;font-weight:700;text-align:center}
.changed .mark{color:var(--chg)}.added .mark{color:var(--ok)}.removed .mark{color:var(--no)}
.unchanged .side{color:var(--muted)}
.side>p{margin:0}.also{margin:.3rem 0 0;color:var(--muted)}
.label{display:none}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;
padding:.75rem 1rem;margin:.75rem 0}
.card>p{margin:0 0 .4rem}
.assessments{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}
.view h4{margin:0 0 .2rem;font-size:.875rem}.view p{margin:.15rem 0}
.kicker{color:var(--muted);font-size:.8rem;margin:0 0 .2rem}
.bare{padding-left:1.2rem}.bare li{margin:.35rem 0}.bare p{display:inline;margin:0}
.evidence{white-space:pre-wrap;margin:.3rem 0 0}
.met{color:var(--ok);font-weight:600}.open{color:var(--no);font-weight:600}
.differs{outline:2px solid var(--chg);outline-offset:1px;border-radius:3px}
.rating{color:var(--muted)}
.tags{margin:.2rem 0 0;color:var(--chg);font-size:.8rem;font-weight:600}
table.steps{border-collapse:collapse;margin:.5rem 0;font-variant-numeric:tabular-nums}
.steps th,.steps td{border-bottom:1px solid var(--line);padding:.3rem .6rem;text-align:right}
.steps th{white-space:nowrap;overflow-wrap:normal}.scroll{overflow-x:auto}
.steps td:first-child{overflow-wrap:normal;min-width:10rem}.steps td:last-child{min-width:14rem}
.steps th:first-child,.steps td:first-child,.steps :last-child{text-align:left}
.chart{max-width:100%;overflow-x:auto;background:#fff;border-radius:6px;margin:.5rem 0}
.chart svg{max-width:100%;height:auto}
.ladder{display:grid;gap:0 1rem}
.ladder>div{padding:.45rem 0;border-top:1px solid var(--line)}.ladder p{margin:0}
.num{color:var(--muted);text-align:right}
.summary{font-weight:600}
footer{border-top:1px solid var(--line);margin-top:2.5rem;padding-top:.5rem}
@media (max-width:WIDEpx){body{padding:1rem}
.rows{grid-template-columns:1.5rem minmax(0,1fr)}
.rows .side{grid-column:2}.rows .side:empty{display:none}
.rows .new:not(:empty){border-top:none;padding-top:0}
.rows .removed .side.old,.rows .added .side.new{border-top:1px solid var(--line)}
.rows .added .mark+.side:empty+.side{border-top:1px solid var(--line)}
.head{display:none}.label{display:block;font-size:.75rem;color:var(--muted)}
.assessments{grid-template-columns:minmax(0,1fr)}
.ladder{grid-template-columns:minmax(0,1fr)!important}.ladder .num{text-align:left}}
@media print{:root{--fg:#000;--bg:#fff;--muted:#444;--line:#bbb;--card:#fff;
--del-fg:#82071e;--del-bg:#ffebe9;--ins-fg:#116329;--ins-bg:#dafbe1}
body{max-width:none;padding:0;font-size:10pt}
*{print-color-adjust:exact;-webkit-print-color-adjust:exact}
.card,.row>*,.ladder>div{break-inside:avoid}h2,h3{break-after:avoid}}
""".replace("WIDE", str(WIDE))

ATTRIBUTION = (
    "The framework's pages are GitLab handbook content, © GitLab Inc. and contributors, under "
    "the Creative Commons Attribution-ShareAlike 4.0 licence (CC BY-SA 4.0, "
    "https://creativecommons.org/licenses/by-sa/4.0/), shown here with changes marked."
)


def esc(text: str) -> str:
    """Page text as HTML text or an attribute value: ``<``, ``&`` and quotes as entities, and
    control characters (which HTML forbids) as visible escapes. Page Markdown links show their
    text; nothing from a page becomes markup."""
    return html.escape(visible(plain(text)), quote=True)


def words(ops: Iterable[DiffOp], side: str) -> str:
    """One side of a word diff: ``old`` marks deleted words ``<del>``, ``new`` inserted ones
    ``<ins>``."""
    skip, tag = ("insert", "del") if side == "old" else ("delete", "ins")
    out = []
    for op in ops:
        if op.op == skip:
            continue
        text = esc(op.text)
        out.append(text if op.op == "equal" else f"<{tag}>{text}</{tag}>")
    return "".join(out)


def _bundled(framework: Framework) -> bool:
    from career_cli.sources.catalog import bundled_root

    try:
        return Path(framework.path).resolve().is_relative_to(bundled_root().resolve())
    except OSError:
        return False


def _where(level: Level, framework: Framework) -> str:
    """Where a level was read: its page's file name (a shared report names no folder of the
    machine it was made on, and is the same wherever it is made) and any git revision; nothing
    for a ladder in one file, which the header names once."""
    if level.path == framework.path and level.revision is None:
        return esc(level.title)
    where = Path(level.path).name
    if level.revision is not None:
        where += f" at {level.revision.name} ({level.revision.commit[:12]})"
    return f"{esc(level.title)} (<code>{esc(where)}</code>)"


def page(title: str, command: str, framework: Framework, levels: Iterable[Level], main: str) -> str:
    """The whole document: head, header (framework, levels, provenance), ``main``, footer."""
    from career_cli import __version__

    bundled = _bundled(framework)
    source = "bundled with career" if bundled else esc(Path(framework.path).name)
    read = " · ".join(_where(level, framework) for level in levels)
    footer = [f"Made by career {esc(__version__)}: <code>{esc(command)}</code>."]
    if bundled:
        footer.append(esc(ATTRIBUTION))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="career {esc(__version__)}">',
            f"<title>{esc(title)} · {esc(framework.title)}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{esc(title)}</h1>",
            f'<p class="meta"><strong>{esc(framework.title)}</strong> '
            f"(<code>{esc(framework.id)}</code>, {source})</p>",
            f'<p class="meta">Levels: {read}</p>',
            "</header>",
            "<main>",
            main,
            "</main>",
            f"<footer>{' '.join(f'<p>{part}</p>' for part in footer)}</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )
