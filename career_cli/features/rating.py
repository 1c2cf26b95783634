"""Ratings: how far a person judges an expectation met — ``working towards``, ``meeting``,
``exceeding`` (the three stages of a check-in, as Progression and many ladders name them).

A rating is written in a checklist as a ``Rating:`` line under the item and read back here; one
spelling per rating is written, a few common ones are read (``meets``, ``exceeds``, any case).
"""

from __future__ import annotations

import re
from typing import Literal

Rating = Literal["working towards", "meeting", "exceeding"]
RATINGS: tuple[Rating, ...] = ("working towards", "meeting", "exceeding")
_ALIASES: dict[str, Rating] = {
    "working towards": "working towards",
    "working toward": "working towards",
    "meeting": "meeting",
    "meets": "meeting",
    "exceeding": "exceeding",
    "exceeds": "exceeding",
}
_LABEL = r"(?:\*\*|__|_|\*)?"
# "- Rating: meeting", "**Rating:** meeting", "Rating - meeting" is not one (no colon, no label).
LINE = re.compile(rf"^(?:[-*+][ \t]+)?{_LABEL}Rating{_LABEL}:{_LABEL}[ \t]*(?P<value>.*)$", re.I)
_DECOR = re.compile(r"[*_`.]+")


class UnknownRating(ValueError):
    """A ``Rating:`` value that is none of the three ratings."""


def parse(value: str) -> Rating | None:
    """The rating a ``Rating:`` value names; ``None`` when it is blank (not rated yet).

    Unknown values raise ``UnknownRating``: a typo read as "not rated" would hide a disagreement
    in a calibration, and a guess could invent one, so the reader refuses and names the line.
    """
    words = " ".join(_DECOR.sub(" ", value).split()).casefold()
    if not words:
        return None
    try:
        return _ALIASES[words]
    except KeyError:
        raise UnknownRating(value.strip()) from None


def hint() -> str:
    return "write one of: " + ", ".join(RATINGS) + " (or leave it blank)"
