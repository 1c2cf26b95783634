"""Aligning two levels: which category of one level is which of the other, and the comparison
of each pair of categories (``LevelDiff``), with the statements paired by ``pairing``.

Pure functions over the model. Categories pair by id (their normalised title); the result is in
the new level's order, with each removed statement where it stood. The scorer that pairing uses
is made here (``scorer_for``), in the language of the levels compared, with the framework's
synonyms, and so is the threshold (``threshold_for``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from career_cli.compare.pairing import identity, pair_in_order, pair_items
from career_cli.compare.similarity import DEFAULT_THRESHOLD, Scorer
from career_cli.compare.worddiff import word_diff
from career_cli.errors import UsageError
from career_cli.model import (
    NO_CONFIG,
    Category,
    CategoryDiff,
    DiffOp,
    Framework,
    FrameworkConfig,
    ItemDiff,
    Level,
    LevelDiff,
    Statement,
    Status,
    TextDiff,
)
from career_cli.text import normalize, slug


def corpus(levels: Iterable[Level]) -> list[str]:
    """Every statement's text, the document collection that feature rarity is measured on."""
    return [
        item.text
        for level in levels
        for category in level.categories
        for item in category.items
        if item.include is None
    ]


def language_of(framework: Framework, levels: Sequence[Level]) -> str:
    """The language to read ``levels`` in: what their pages say (when they agree), else the
    framework's ``career.toml``, else what their text is written in."""
    from career_cli.compare.language import detect

    said = {level.language for level in levels if level.language}
    if len(said) == 1:
        return said.pop()
    if framework.config.language:
        return framework.config.language
    return detect(
        item.text for level in levels for category in level.categories for item in category.items
    )


def scorer_for(framework: Framework, *extra: Level) -> Scorer:
    """A scorer with feature weights from every statement of the framework (and ``extra``
    levels, such as a page at a revision), in the language of the levels compared; with the
    semantic model the user chose, if any (``CAREER_SEMANTIC_MODEL`` or ``semantic_model``)."""
    from career_cli.compare.thesaurus import for_framework
    from career_cli.sources.config import semantic_model

    levels = (*framework.levels, *(lv for lv in extra if lv not in framework.levels))
    language = language_of(framework, extra or framework.levels)
    thesaurus = for_framework(language, framework.config.synonyms)
    semantic = None
    chosen = semantic_model(framework.config)
    if chosen is not None:  # the optional extra: imported only now (numpy, model2vec)
        from career_cli.compare.semantic import Semantic, load

        groups = (
            [item.text for item in category.items if item.include is None]
            for level in levels
            for category in level.categories
        )
        semantic = Semantic(load(*chosen), groups)
    return Scorer(corpus(levels), language=language, thesaurus=thesaurus, semantic=semantic)


def threshold_for(framework: Framework, given: float | None) -> float:
    """``--threshold`` when given, else the framework's ``career.toml``, else the default."""
    if given is not None:
        return given
    configured = framework.config.threshold
    return configured if configured is not None else DEFAULT_THRESHOLD


def merge_order(
    pairs: dict[int, int], n_old: int, n_new: int
) -> list[tuple[int | None, int | None]]:
    """The new side's order, with each unpaired old entry placed where it stood: right after the
    new position of the nearest paired entry above it (or first, when none is above it)."""
    after: dict[int | None, list[int]] = {}
    anchor: int | None = None
    for i in range(n_old):
        if i in pairs:
            anchor = pairs[i]
        else:
            after.setdefault(anchor, []).append(i)
    new_to_old = {j: i for i, j in pairs.items()}
    order: list[tuple[int | None, int | None]] = [(i, None) for i in after.get(None, [])]
    for j in range(n_new):
        order.append((new_to_old.get(j), j))
        order.extend((i, None) for i in after.get(j, []))
    return order


def _item(
    old: Statement | None,
    new: Statement | None,
    old_index: int | None,
    new_index: int | None,
    similarity: float | None,
) -> ItemDiff:
    if new is None:
        assert old is not None
        return ItemDiff("removed", old, None, old_index, None, None, (DiffOp("delete", old.text),))
    if old is None:
        return ItemDiff("added", None, new, None, new_index, None, (DiffOp("insert", new.text),))
    if identity(old) == identity(new):
        return ItemDiff(
            "unchanged", old, new, old_index, new_index, 1.0, word_diff(new.text, new.text)
        )
    return ItemDiff(
        "changed", old, new, old_index, new_index, similarity, word_diff(old.text, new.text)
    )


def diff_category(
    old: Category | None,
    new: Category | None,
    old_level: Level,
    new_level: Level,
    scorer: Scorer,
    threshold: float,
    config: FrameworkConfig = NO_CONFIG,
) -> CategoryDiff:
    old_items = old.items if old else ()
    new_items = new.items if new else ()
    category = new or old
    assert category is not None
    pairing = pair_items(
        old_items,
        new_items,
        old_level,
        new_level,
        scorer,
        threshold,
        config=config,
        category_id=category.id,
    )
    paired = pairing.pairs
    # A statement folded into a pair (merged or split) is shown with that pair, not on its own.
    folded_old = {i for extra in pairing.merges.values() for i in extra}
    folded_new = {j for extra in pairing.splits.values() for j in extra}
    items = []
    order = merge_order({i: j for i, (j, _) in paired.items()}, len(old_items), len(new_items))
    for i, j in order:
        if (i in folded_old and j is None) or (j in folded_new and i is None):
            continue
        item = _item(
            old_items[i] if i is not None else None,
            new_items[j] if j is not None else None,
            i + 1 if i is not None else None,
            j + 1 if j is not None else None,
            paired[i][1] if i is not None and i in paired else None,
        )
        also_old = (
            tuple((k + 1, old_items[k]) for k in pairing.merges.get(j, ())) if j is not None else ()
        )
        also_new = (
            tuple((k + 1, new_items[k]) for k in pairing.splits.get(i, ())) if i is not None else ()
        )
        if also_old or also_new:
            item = replace(item, status="changed", also_old=also_old, also_new=also_new)
        items.append(item)
    status: Status
    if old is None:
        status = "added"
    elif new is None:
        status = "removed"
    elif all(item.status == "unchanged" for item in items):
        status = "unchanged"
    else:
        status = "changed"
    return CategoryDiff(category.id, category.title, status, tuple(items))


def diff_text(old: str, new: str) -> TextDiff:
    status: Status
    if normalize(old) == normalize(new):
        status = "unchanged"
    elif not old.strip():
        status = "added"
    elif not new.strip():
        status = "removed"
    else:
        status = "changed"
    return TextDiff(status, old, new, word_diff(old, new))


def diff_levels(
    framework: Framework,
    old: Level,
    new: Level,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    scorer: Scorer | None = None,
) -> LevelDiff:
    """Compare two levels category by category, in the new level's order."""
    scorer = scorer or scorer_for(framework, old, new)
    # Category ids are unique within a level (``Level`` folds a repeated heading into one).
    old_ids = {i: c.id for i, c in enumerate(old.categories)}
    new_ids = {j: c.id for j, c in enumerate(new.categories)}
    pairs = dict(pair_in_order(list(old_ids), list(new_ids), old_ids, new_ids))
    categories = []
    for i, j in merge_order(pairs, len(old.categories), len(new.categories)):
        categories.append(
            diff_category(
                old.categories[i] if i is not None else None,
                new.categories[j] if j is not None else None,
                old,
                new,
                scorer,
                threshold,
                framework.config,
            )
        )
    return LevelDiff(
        framework=framework,
        old=old,
        new=new,
        overview=diff_text(old.overview, new.overview),
        categories=tuple(categories),
        threshold=threshold,
    )


def category_matches(category: Category | CategoryDiff, name: str) -> bool:
    """``--category`` matching: a case-insensitive prefix of the title, the id or the leaf title."""
    wanted = name.strip().lower()
    prefixes = tuple(p for p in (wanted, slug(wanted)) if p)  # "." slugs to "": no prefix at all
    leaf = category.title.rsplit(" › ", 1)[-1]
    candidates = (category.title.lower(), category.id, leaf.lower(), slug(category.title))
    return bool(prefixes) and any(c.startswith(prefixes) for c in candidates)


_Titled = TypeVar("_Titled", Category, CategoryDiff)


def pick_categories(
    categories: Sequence[_Titled], names: Sequence[str], *, where: str
) -> list[_Titled]:
    """The categories ``--category`` prefixes name (all without names); an unknown name is a
    usage error that lists what there is (``where`` says where we looked)."""
    if not names:
        return list(categories)
    for name in names:
        if not any(category_matches(c, name) for c in categories):
            import difflib

            available = ", ".join(dict.fromkeys(c.title for c in categories)) or "none"
            keys = {key: c.title for c in categories for key in (c.id, slug(c.title))}
            keys.update({slug(c.title.rsplit(" › ", 1)[-1]): c.title for c in categories})
            # A prefix is enough to name a category, so a typo is usually in its first word.
            keys.update({word: c.title for c in categories for word in slug(c.title).split("-")})
            close = difflib.get_close_matches(slug(name), list(keys), n=1, cutoff=0.6)
            suggestion = f"did you mean '{keys[close[0]]}'? " if close else ""
            raise UsageError(
                f"no category matches '{name}'",
                hint=f"{suggestion}categories of {where}: {available}",
            )
    return [c for c in categories if any(category_matches(c, n) for n in names)]


def select_categories(diff: LevelDiff, names: Sequence[str]) -> LevelDiff:
    """Keep the categories named by ``--category`` prefixes; an unknown name is a usage error."""
    if not names:
        return diff
    where = f"{diff.old.title} → {diff.new.title}"
    kept = tuple(pick_categories(diff.categories, names, where=where))
    return LevelDiff(
        framework=diff.framework,
        old=diff.old,
        new=diff.new,
        overview=diff.overview,
        categories=kept,
        threshold=diff.threshold,
        hidden_categories=tuple(c.id for c in diff.categories if c not in kept),
    )
