"""Terminal output with Rich: the shared pieces every terminal view is built from.

This package is the only place that imports Rich. Views build renderables from ``Text`` objects
only — page text is never parsed as markup — and every string from a page goes through
``text.visible`` first, so control characters and escape sequences in a document never reach the
terminal raw. Without colour, word changes are marked the way ``git diff --word-diff`` marks
them: ``[-old-]{+new+}``. Each view lives in its own module (``diff``, ``levels``, …) and is
imported only by the command that shows it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from career_cli.model import Counts, DiffOp, Statement
from career_cli.render import RenderOptions
from career_cli.text import plain, visible

STACKED_BELOW = 80

# Every style a view uses, by name: views say what a piece of text is ("career.added"), the theme
# says how it looks. Without colour the console draws no style at all, so views never ask.
THEME_STYLES = {
    "career.added": "green",
    "career.removed": "red",
    "career.changed": "yellow",
    "career.deleted_words": "red strike",
    "career.inserted_words": "bold green",
    "career.dim": "dim",
    "career.title": "bold",
    "career.hit": "black on yellow",
    "career.error": "bold red",
    "career.info": "cyan",
    # The parts of a step's bar (career steps), one colour each; the view names them in words too.
    "career.step.added": "green",
    "career.step.scope": "blue",
    "career.step.autonomy": "magenta",
    "career.step.ownership": "yellow",
    "career.step.influence": "cyan",
    "career.step.reworded": "white",
    "career.step.rephrased": "bright_black",
    "career.step.weaker": "bright_red",
    "career.step.dropped": "red",
}
ADDED = "career.added"
REMOVED = "career.removed"
CHANGED = "career.changed"
DELETED_WORDS = "career.deleted_words"
INSERTED_WORDS = "career.inserted_words"
DIM = "career.dim"
TITLE = "career.title"
INFO = "career.info"
MARKERS = {"added": "+", "removed": "-", "changed": "~", "unchanged": " "}
_SGR_PARAMETERS = frozenset("0123456789;")


def show(text: str) -> str:
    """What a reader sees of page text: links by their text, control characters escaped."""
    return visible(plain(text))


def to_string(
    renderable: RenderableType, options: RenderOptions, *, soft_wrap: bool = False
) -> str:
    """Render to a string with ANSI styles (or none), at a fixed width, independent of the env.

    ``soft_wrap`` leaves long lines whole (for line-oriented output such as lint's).
    """
    from rich.theme import Theme

    buffer = io.StringIO()
    console = Console(
        theme=Theme(THEME_STYLES, inherit=False),
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        _environ={},
    )
    console.print(renderable, soft_wrap=soft_wrap)
    return "\n".join(map(_trim, buffer.getvalue().split("\n")))


def _trim(line: str) -> str:
    """A line without its trailing blanks (kept: the style codes after them).

    Rich pads every line to the full width; trailing blanks are noise in a pager, a file or a
    golden snapshot. Peeled from the end, so a wide line is read once (a regular expression tried
    at every blank of a row's inner padding was quadratic in the width).
    """
    end = len(line)
    while end and line[end - 1] == "m":
        start = line.rfind("\x1b[", 0, end)
        if start < 0 or not _SGR_PARAMETERS.issuperset(line[start + 2 : end - 1]):
            break
        end = start
    return line[:end].rstrip(" \t") + line[end:]


def fits_beside(columns: list[list[str]], text_width: int, width: int) -> bool:
    """Whether a ``box.SIMPLE_HEAD`` table of unwrapped ``columns`` (each given by its header and
    cells) leaves a last, wrapping column at least ``text_width`` wide within ``width``. A column
    squeezed below its longest word splits words; callers stack their rows instead. Measured by
    Rich on a probe table, so padding and separators count exactly as they will be drawn."""
    from rich import box
    from rich.measure import Measurement

    probe = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for cells in columns:
        probe.add_column(max(cells, key=len, default=""), no_wrap=True)
    probe.add_column("x" * text_width, no_wrap=True)
    console = Console(width=max(width, 1000), legacy_windows=False, _environ={})
    return Measurement.get(console, console.options, probe).maximum <= width


def word_runs(ops: Iterable[DiffOp], side: str, color: bool) -> Text:
    """A word diff as text: ``side`` "old" shows deletions, "new" insertions, "both" both in one
    paragraph (deletions first), for prose such as the overview."""
    text = Text()
    hidden = {"old": "insert", "new": "delete"}.get(side)
    for op in ops:
        if op.op == hidden:
            continue
        shown = show(op.text)
        if op.op == "equal":
            text.append(shown)
        elif color:
            text.append(shown, DELETED_WORDS if op.op == "delete" else INSERTED_WORDS)
        else:
            text.append(f"[-{shown}-]" if op.op == "delete" else f"{{+{shown}+}}")
    return text


def statement(item: Statement, style: str = "") -> Text:
    if item.include is not None:
        # The directory is the same for every include of a handbook; the file name is the news.
        name = item.include.rsplit("/", 1)[-1]
        return Text.assemble(("include: ", DIM), (visible(name), style))
    if item.key is not None:  # a table row's name: "Scope — Completes well-scoped tasks…"
        return Text.assemble((show(item.key), TITLE), (" — ", DIM), (show(item.text), style))
    return Text(show(item.text), style)


def marker(status: str) -> Text:
    style = {"added": ADDED, "removed": REMOVED, "changed": CHANGED}.get(status, DIM)
    return Text(MARKERS[status], style)


def counts_line(counts: Counts) -> Text:
    parts = [
        (counts.added, "added", ADDED),
        (counts.changed, "changed", CHANGED),
        (counts.removed, "removed", REMOVED),
        (counts.unchanged, "unchanged", DIM),
    ]
    # Statements folded into a pair: said only when there are some.
    parts += [
        (n, label, CHANGED)
        for n, label in ((counts.merged, "merged"), (counts.split, "split"))
        if n
    ]
    line = Text()
    for n, label, style in parts:
        if line:
            line.append(" · ", DIM)
        line.append(f"{n} {label}", style if n else "")
    return line


class SideBySide:
    """Rows of (marker, left, right) in two equal columns, with a header and a rule.

    Rich's ``Table`` measures every cell to size its columns; these columns are fixed (half the
    width each), so wrapping each cell once with ``Text.wrap`` — which measures wide East Asian
    characters and emoji in terminal cells — and padding it is the whole layout, at a fraction of
    the cost. Start-up time is what users of a command-line tool feel.
    """

    GAP = "   "

    def __init__(self, header: tuple[Text, Text], rows: list[tuple[Text, Text, Text]]) -> None:
        self.header = header
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        left_width = (width - 1 - 2 * len(self.GAP)) // 2
        right_width = width - 1 - 2 * len(self.GAP) - left_width

        def line(mark: Text, left: Text, right: Text) -> RenderResult:
            left = left.copy()
            left.align("left", left_width)  # pads by terminal cells: 编 takes two
            yield from Text.assemble(mark, self.GAP, left, self.GAP, right).render(console)
            yield Segment.line()

        yield from line(Text(" "), *self.header)
        yield Segment("─" * width)
        yield Segment.line()
        for number, (mark, left, right) in enumerate(self.rows):
            if number:
                yield Segment.line()
            lefts = left.wrap(console, left_width, overflow="fold")
            rights = right.wrap(console, right_width, overflow="fold")
            for index in range(max(len(lefts), len(rights), 1)):
                yield from line(
                    mark if index == 0 else Text(" "),
                    lefts[index] if index < len(lefts) else Text(),
                    rights[index] if index < len(rights) else Text(),
                )
