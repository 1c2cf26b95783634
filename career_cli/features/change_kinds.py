"""What kind of change a rewording is: which scales its new wording raises (change kinds).

A changed pair (and a raised expectation of a gap) is tagged with what the new wording raises on
four ordered scales (``model.CHANGE_SCALES``): ``scope`` (team < group < organisation < company),
``autonomy`` (with guidance < independently < sets direction), ``ownership`` (participates <
contributes < leads < defines) and ``influence`` (self < team < others). The rule is one
principle: the rank a statement *reaches* on a scale is the highest rank of the scale's phrases
found in it; the new wording raises a scale when it reaches a higher rank than the old one did, or
reaches the scale where the old one did not. A rewording that raises none is ``rephrased`` when
its meaning words are the old ones (order, stop words and inflections aside), and ``weaker`` when
lint's "asks less" rule (``features.weaker``, W203) says so; otherwise it has no tag.

The phrases are data: ``change_words/<language>.txt`` (English ships), plus a framework's
``career.toml`` ``[change_kinds]`` table. A phrase matches where the stems of its words stand in
the statement in order and adjacent, stop words included (``with guidance`` is not ``guidance``);
where phrases overlap, the longest wins, so ``leads by example`` is influence, not ownership,
and ``ignore`` phrases (``as defined by``) mask words that only look like scale words. The word
lists are read on the first changed pair, never at import.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path

from career_cli.compare.language import CJK, content_words, stemmer
from career_cli.model import CHANGE_SCALES, FrameworkConfig, ItemDiff, LevelDiff
from career_cli.text import WORD_RE, bar_rows, plain

IGNORE = "ignore"
Phrase = tuple[str, ...]
Classifier = Callable[[str, str], tuple[str, ...]]


def stems(text: str, language: str) -> list[str]:
    """Every word of ``text`` stemmed, stop words kept, in order (CJK: its meaning words)."""
    if language in CJK:
        return content_words(plain(text), language)
    text = unicodedata.normalize("NFC", plain(text)).replace("’", "'").casefold()
    words = WORD_RE.findall(text)
    return list(stemmer(language).stemWords(words)) if words else []


class Scales:
    """Phrases (as stem sequences) → the (scale, rank) they reach; rank 1 is a scale's lowest."""

    def __init__(self, rows: Iterable[tuple[str, str, Iterable[str]]], language: str) -> None:
        self.language = language
        self.index: dict[Phrase, tuple[str, int]] = {}
        self.longest = 1
        for scale, rank, phrases in rows:
            value = (scale, 0) if scale == IGNORE else (scale, CHANGE_SCALES[scale].index(rank) + 1)
            for phrase in phrases:
                key = tuple(stems(phrase, language))
                if key:
                    self.index[key] = value
                    self.longest = max(self.longest, len(key))

    def reached(self, text: str) -> dict[str, int]:
        """The highest rank ``text`` reaches on each scale it mentions; longest phrases first,
        each word counted in one phrase at most."""
        words = stems(text, self.language)
        taken = [False] * len(words)
        found: dict[str, int] = {}
        for size in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                hit = self.index.get(tuple(words[start : start + size]))
                if hit is None or any(taken[start : start + size]):
                    continue
                taken[start : start + size] = [True] * size
                scale, rank = hit
                if scale != IGNORE:
                    found[scale] = max(found.get(scale, 0), rank)
        return found


def parse(text: str, *, source: str) -> list[tuple[str, str, list[str]]]:
    """``scale rank | phrase, phrase`` lines (``ignore | phrase, …``); ``#`` comments and blank
    lines skipped. A malformed line raises ``ValueError`` naming it (the shipped files are
    tested)."""
    rows = []
    for number, head, phrases in bar_rows(text):
        names = head.split()
        scale, rank = [*names, "", ""][:2]
        known = scale == IGNORE and len(names) == 1
        known = known or (len(names) == 2 and rank in CHANGE_SCALES.get(scale, ()))
        if not phrases or not known:
            raise ValueError(f"{source}:{number}: expected 'scale rank | phrase, phrase'")
        rows.append((scale, rank, phrases))
    return rows


@cache
def _shipped(language: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    # Beside this module, read as a file: importlib.resources costs more than the reading.
    path = Path(__file__).with_name("change_words").joinpath(f"{language}.txt")
    try:
        text = path.read_text("utf-8")
    except OSError:  # no list for this language: only the framework's own words count
        return ()
    return tuple((s, r, tuple(p)) for s, r, p in parse(text, source=path.name))


@cache
def scales_for(language: str, extra: tuple[tuple[str, str, tuple[str, ...], int], ...]) -> Scales:
    """The shipped word lists of ``language`` and a framework's ``[change_kinds]`` rows (read
    and checked by ``sources.config``), built on first use."""
    rows = [*_shipped(language), *((scale, rank, phrases) for scale, rank, phrases, _ in extra)]
    return Scales(rows, language)


def classify(old: str, new: str, scales: Scales) -> tuple[str, ...]:
    """The change kinds of ``old`` reworded as ``new``: the scales raised, in scale order (and
    ``weaker`` if lint's rule also finds it asks less); else ``rephrased`` or ``weaker``; else
    none."""
    from career_cli.features.weaker import weaker

    language = scales.language
    if set(content_words(plain(old), language)) == set(content_words(plain(new), language)):
        return ("rephrased",)
    before, after = scales.reached(old), scales.reached(new)
    raised = [scale for scale in CHANGE_SCALES if after.get(scale, 0) > before.get(scale, 0)]
    if weaker(old, new) is not None:
        raised.append("weaker")
    return tuple(raised)


def classifier(diff: LevelDiff) -> Classifier:
    """``classify`` in the language of ``diff``'s levels, with its framework's word lists."""
    from career_cli.compare.align import language_of

    language = language_of(diff.framework, (diff.old, diff.new))
    config: FrameworkConfig = diff.framework.config
    scales = scales_for(language, config.change_words)
    return lambda old, new: classify(old, new, scales)


def tag_item(item: ItemDiff, classify_: Classifier) -> ItemDiff:
    """A changed pair with its change kinds; a merge or split compares every statement of each
    side; a pair of includes (a path, not wording) and any other item stay as they are."""
    if item.status != "changed" or item.old is None or item.new is None:
        return item
    if item.old.include is not None or item.new.include is not None:
        return item
    old = " ".join([item.old.text, *(s.text for _, s in item.also_old)])
    new = " ".join([item.new.text, *(s.text for _, s in item.also_new)])
    return replace(item, change=classify_(old, new))


def tag_diff(diff: LevelDiff) -> LevelDiff:
    """``diff`` with every changed pair tagged; the word lists are read only if there is one."""
    if not any(i.status == "changed" for c in diff.categories for i in c.items):
        return diff
    classify_ = classifier(diff)
    categories = tuple(
        replace(category, items=tuple(tag_item(item, classify_) for item in category.items))
        for category in diff.categories
    )
    return replace(diff, categories=categories)
