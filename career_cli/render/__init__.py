"""Renderers: a model in, a string out. None of them prints.

``render(kind, fmt, result, options)`` is the one way in: it imports the module that renders that
kind of result in that format, and only that one, so a JSON run never imports Rich and a diff
never imports the ladder's view. Every view has the same shape, ``(result, options) -> str``
(JSON views return the document, which ``render`` serialises).

``json_doc``, ``markdown`` and ``html`` (self-contained report pages) use only the standard
library; ``terminal`` is the only package that
imports Rich.
"""

from __future__ import annotations

import importlib
from typing import Any

# The views of each kind of result, by format: "module:function".
VIEWS: dict[str, dict[str, str]] = {
    "diff": {
        "text": "career_cli.render.terminal.diff:render_diff",
        "json": "career_cli.render.json_doc:diff_document",
        "markdown": "career_cli.render.markdown:render_diff",
        "html": "career_cli.render.html.diff:render_diff",
    },
    "gap": {
        "text": "career_cli.render.terminal.gap:render_gap",
        "json": "career_cli.render.json_gap:gap_document",
        "markdown": "career_cli.render.markdown:render_gap",
        "html": "career_cli.render.html.gap:render_gap",
    },
    "levels": {
        "text": "career_cli.render.terminal.levels:render_levels",
        "json": "career_cli.render.json_doc:levels_document",
        "markdown": "career_cli.render.markdown:render_levels",
    },
    "show": {
        "text": "career_cli.render.terminal.level:render_show",
        "json": "career_cli.render.json_doc:show_document",
        "markdown": "career_cli.render.markdown:render_show",
    },
    "frameworks": {
        "text": "career_cli.render.terminal.frameworks:render_frameworks",
        "json": "career_cli.render.json_doc:frameworks_document",
        "markdown": "career_cli.render.markdown:render_frameworks",
    },
    "ladder": {
        "text": "career_cli.render.terminal.ladder:render_ladder",
        "json": "career_cli.render.json_doc:ladder_document",
        "markdown": "career_cli.render.markdown:render_ladder",
        "html": "career_cli.render.html.ladder:render_ladder",
    },
    "search": {
        "text": "career_cli.render.terminal.search:render_search",
        "json": "career_cli.render.json_doc:search_document",
        "markdown": "career_cli.render.markdown:render_search",
    },
    "lint": {
        "text": "career_cli.render.terminal.lint:render_lint",
        "json": "career_cli.render.json_doc:lint_document",
        "markdown": "career_cli.render.markdown:render_lint",
    },
    "steps": {
        "text": "career_cli.render.terminal.steps:render_steps",
        "json": "career_cli.render.json_steps:steps_document",
        "markdown": "career_cli.render.markdown_steps:render_steps",
        "svg": "career_cli.render.svg:render_steps",
        "html": "career_cli.render.html.steps:render_steps",
    },
}


class RenderOptions:
    """How a view renders: the width and colour of a terminal view, JSON indentation, and what
    the user chose to leave out or add. A plain class: it is built on every run, and a dataclass
    would cost more start-up time than the whole JSON view."""

    __slots__ = ("changes_only", "color", "pretty", "show_all", "width")

    def __init__(
        self,
        *,
        width: int = 100,
        color: bool = False,
        pretty: bool = True,
        changes_only: bool = False,
        show_all: bool = False,
    ) -> None:
        self.width = width
        self.color = color
        self.pretty = pretty
        self.changes_only = changes_only
        self.show_all = show_all

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"RenderOptions({fields})"


def reworded_as(kinds: tuple[str, ...]) -> str:
    """What gap calls an expectation the target reworded: ``raised`` when its new wording raises
    a scale (or nothing is known of it), else ``reworded`` (only rephrased, or weaker)."""
    from career_cli.model import CHANGE_SCALES

    if not kinds or any(kind in CHANGE_SCALES for kind in kinds):
        return "raised"
    return "reworded"


def change_tags(kinds: tuple[str, ...]) -> str:
    """A pair's change kinds as every view writes them: ``scope↑ ownership↑``; ``rephrased``
    and ``weaker`` as they are (``features.change_kinds``)."""
    from career_cli.model import CHANGE_SCALES

    return " ".join(f"{kind}↑" if kind in CHANGE_SCALES else kind for kind in kinds)


def formats(kind: str) -> list[str]:
    """The formats a kind of result can be rendered in."""
    return list(VIEWS[kind])


def render(kind: str, fmt: str, result: Any, options: RenderOptions) -> str:
    """``result`` (of ``kind``) as ``fmt``; ``KeyError`` for a pair that has no view."""
    module, _, name = VIEWS[kind][fmt].partition(":")
    view = getattr(importlib.import_module(module), name)
    if fmt == "json":
        from career_cli.render.json_doc import dumps

        return dumps(view(result, options), pretty=options.pretty)
    return str(view(result, options))
