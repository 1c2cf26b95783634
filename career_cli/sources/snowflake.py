"""Snowflake-style JSON tracks → a ``Framework``, read as Medium's snowflake (``constants.js``
``tracks``) and the JSON track files of its forks publish them:
``{TRACK: {displayName, category, description, milestones: [{summary, signals, examples}]}}``.

A track is a category, titled by its ``displayName`` (else its key). Milestone N is level N, by
position only (``Level 1`` … the longest track's count): its ``signals`` are statements, its
``examples`` are examples of the milestone (shown beside its first signal), and its ``summary`` is
the milestone's overview, which the level's overview lists track by track. Track descriptions
(``description``, or a fork's ``summary``) describe the framework. The ``category`` letters
group tracks on Snowflake's chart and are not read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from career_cli.model import Category, Framework, Level, Statement
from career_cli.sources.structured import (
    Walker,
    build_framework,
    check_categories,
)
from career_cli.text import category_id, title_line


def read_tracks(document: Mapping[Any, Any], walker: Walker) -> Framework:
    walker.tick((), len(document))
    check_categories(walker, (), len(document))  # each track is a category of every level
    by_level: dict[int, list[Category]] = {}
    overview: dict[int, list[str]] = {}
    described: list[str] = []
    for track_key, raw in document.items():
        keys = (str(track_key),)
        track = walker.mapping(raw, keys)
        name = title_line(walker.text(track.get("displayName"), (*keys, "displayName")))
        name = name or title_line(str(track_key))
        parts = (name,)
        about = walker.text(track.get("description"), (*keys, "description")) or walker.text(
            track.get("summary"), (*keys, "summary")
        )
        if about:
            described.append(f"{name}: {about}")
        for at, mraw in walker.items(track.get("milestones"), (*keys, "milestones")):
            milestone = walker.mapping(mraw, at)
            level = int(at[-1]) + 1
            signals = walker.texts(milestone.get("signals"), (*at, "signals"))
            examples = walker.texts(milestone.get("examples"), (*at, "examples"))
            summary = walker.text(milestone.get("summary"), (*at, "summary"))
            if summary:
                overview.setdefault(level, []).append(f"{name}: {summary}")
            items = [Statement(text) for text in signals]
            if items and examples:
                items[0] = Statement(items[0].text, examples=examples)
            elif examples:  # examples of a milestone without signals: still shown
                items = [Statement(summary or name, examples=examples)]
            if items:
                by_level.setdefault(level, []).append(
                    Category(category_id(parts), parts, tuple(items))
                )
    levels = []
    for number in sorted(by_level):
        check_categories(walker, (), len(by_level[number]))
        levels.append(
            Level(
                id=str(number),
                title=f"Level {number}",
                path=walker.path,
                overview="\n\n".join(overview.get(number, [])),
                categories=tuple(by_level[number]),
            )
        )
    return build_framework(
        walker, title=walker.path.stem, description="\n\n".join(described), levels=levels
    )
