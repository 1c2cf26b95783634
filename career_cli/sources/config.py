"""A framework's own configuration: ``career.toml`` beside its level pages.

What a maintainer knows better than the pairing does: the framework's language, its threshold,
synonyms in its own vocabulary, and pairs to force or forbid. Every key is optional::

    language = "de"                  # ISO code or name; a page's own lang/language/locale wins
    threshold = 0.12                 # the pairing threshold; --threshold on the command line wins
    synonyms = [                     # added to the shipped thesaurus, in the framework's language
      "0.8 | bereitstellen, ausrollen, deployen",
    ]
    semantic_model = "models/potion" # a static embedding model's folder, relative to this file

    [[pair]]                         # these two pair whenever both are there (adjacent or not)
    from = "Participates in the on-call rotations"   # a statement's opening words, or its id
    to = "Sets the standard for handling on-call"

    [[apart]]                        # these two never pair
    from = "Takes ownership of small features"
    to = "Owns the team's roadmap"

    [change_kinds.scope]             # more words for a change kind's scale, by rank
    company = ["group-wide", "holding"]
    [change_kinds]
    ignore = ["team lead"]           # phrases that count for no scale

A statement is named by the opening words of its text as read (case and spacing aside) or by the
id ``career gap`` gives it (``team-building/plays-integral-role-team-hiring``). An unreadable
file, an unknown key or a value of the wrong type is an error naming the file and line.

The semantic model (the optional ``career[semantic]`` extra, ``compare.semantic``) can also come
from the environment: ``CAREER_SEMANTIC_MODEL`` names a folder (relative to the working directory)
and wins over the file; ``CAREER_SEMANTIC_MODEL=off`` turns the extra off everywhere.
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path
from typing import Any

from career_cli.errors import CareerError
from career_cli.model import CHANGE_SCALES, NO_CONFIG, FrameworkConfig, Pin

FILE_NAME = "career.toml"
MAX_BYTES = 1_048_576  # a configuration is a few lines; more is not one
_KEYS = ("language", "threshold", "synonyms", "pair", "apart", "semantic_model", "change_kinds")
SEMANTIC_ENV = "CAREER_SEMANTIC_MODEL"
SEMANTIC_OFF = "off"
_PIN_KEYS = ("from", "to")


class ConfigError(CareerError):
    """A ``career.toml`` that cannot be used."""


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    return tomllib


def _line_of(text: str, key: str, nth: int = 0) -> int:
    """Where the ``nth`` table or key called ``key`` starts, for messages (0 if not found)."""
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        names = (f"[[{key}]]", f"[{key}]")
        if stripped in names or stripped.split("=", 1)[0].strip() == key:
            if seen == nth:
                return number
            seen += 1
    return 0


def read(folder: Path) -> FrameworkConfig:
    """The configuration of the framework in ``folder``; ``NO_CONFIG`` when it has none."""
    path = folder / FILE_NAME
    if not path.is_file():
        return NO_CONFIG
    from career_cli.sources import files

    kind = files.FileKind(ConfigError, "configuration", "a career.toml", MAX_BYTES)
    text = files.read(path, kind)
    try:
        data = _toml().loads(text)
    except Exception as exc:  # tomllib.TOMLDecodeError: "… (at line 3, column 7)"
        raise ConfigError(
            f"invalid TOML: {exc}", path=path, hint="see the format in docs/pairing.md"
        ) from None
    return parse(data, path, text)


def parse(data: dict[str, Any], path: Path, text: str = "") -> FrameworkConfig:
    """A parsed ``career.toml``, checked key by key."""
    from career_cli.sources.languages import from_code

    def fail(message: str, key: str, nth: int = 0, hint: str | None = None) -> ConfigError:
        return ConfigError(message, path=path, line=_line_of(text, key, nth) or None, hint=hint)

    for key in data:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise fail(f"unknown key '{key}'", key, hint=f"{hint}keys: {', '.join(_KEYS)}")
    language = None
    if "language" in data:
        language = from_code(data["language"])
        if language is None:
            raise fail(
                f"unknown language {data['language']!r}",
                "language",
                hint="write an ISO code such as de, ja or fr",
            )
    threshold = data.get("threshold")
    if threshold is not None:
        number = isinstance(threshold, (int, float)) and not isinstance(threshold, bool)
        if not number or not 0 <= threshold <= 1:
            raise fail("'threshold' must be a number from 0 to 1", "threshold")
        threshold = float(threshold)
    synonyms = data.get("synonyms", [])
    if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
        raise fail("'synonyms' must be a list of \"strength | term, term\" strings", "synonyms")
    for entry in synonyms:
        head, bar, tail = entry.partition("|")
        try:
            strength = float(head)
        except ValueError:
            strength = -1.0
        if not bar or not 0.0 < strength <= 1.0 or tail.count(",") < 1:
            raise fail(
                f"synonyms entry {entry!r:.60} is not 'strength | term, term'",
                "synonyms",
                hint='write a group as "0.8 | deploy, ship, release" (strength from 0 to 1)',
            )
    pins = {}
    for kind in ("pair", "apart"):
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise fail(f"'{kind}' must be tables: [[{kind}]] with from = … and to = …", kind)
        found = []
        for nth, entry in enumerate(entries):
            ok = isinstance(entry, dict) and set(entry) == set(_PIN_KEYS)
            if not ok or not all(isinstance(entry[k], str) and entry[k].strip() for k in _PIN_KEYS):
                raise fail(f"each [[{kind}]] needs 'from' and 'to', as text", kind, nth)
            found.append(Pin(entry["from"].strip(), entry["to"].strip(), _line_of(text, kind, nth)))
        pins[kind] = tuple(found)
    model = data.get("semantic_model")
    if model is not None:
        if not isinstance(model, str) or not model.strip():
            raise fail(
                "'semantic_model' must be a folder name, as text",
                "semantic_model",
                hint='write semantic_model = "models/potion" (relative to this file)',
            )
        model = path.parent / Path(model.strip()).expanduser()
    words = _change_words(data.get("change_kinds", {}), text, fail)
    return FrameworkConfig(
        path, language, threshold, tuple(synonyms), pins["pair"], pins["apart"], model, words
    )


def _phrases(value: Any) -> tuple[str, ...] | None:
    ok = isinstance(value, list) and all(isinstance(p, str) and p.strip() for p in value)
    return tuple(p.strip() for p in value) if ok else None


def _change_words(
    table: Any, text: str, fail: Any
) -> tuple[tuple[str, str, tuple[str, ...], int], ...]:
    """``[change_kinds]``: per scale, a table of rank → phrases (``[change_kinds.scope]``,
    ``company = ["group-wide"]``), and ``ignore = [...]``: phrases that count for no scale."""
    scales = ", ".join(CHANGE_SCALES)
    if not isinstance(table, dict):
        raise fail("'change_kinds' must be a table: [change_kinds.SCALE]", "change_kinds")
    rows = []
    for scale, ranks in table.items():
        line = _line_of(text, f"change_kinds.{scale}") or _line_of(text, "change_kinds")
        if scale == "ignore":
            phrases = _phrases(ranks)
            if phrases is None:
                raise fail("'change_kinds.ignore' must be a list of phrases", "change_kinds")
            rows.append(("ignore", "", phrases, line))
            continue
        if scale not in CHANGE_SCALES:
            raise fail(
                f"unknown change kind scale '{scale}'",
                f"change_kinds.{scale}",
                hint=f"scales: {scales}, or ignore",
            )
        names = ", ".join(CHANGE_SCALES[scale])
        if not isinstance(ranks, dict):
            raise fail(
                f"[change_kinds.{scale}] must map ranks ({names}) to phrases", "change_kinds"
            )
        for rank, value in ranks.items():
            phrases = _phrases(value)
            if rank not in CHANGE_SCALES[scale] or phrases is None:
                raise fail(
                    f"change_kinds.{scale}.{rank} is not a rank of {scale} with a list of phrases",
                    f"change_kinds.{scale}",
                    hint=f'ranks of {scale}, lowest first: {names}; each = ["phrase", …]',
                )
            rows.append((scale, rank, phrases, line))
    return tuple(rows)


def semantic_model(config: FrameworkConfig) -> tuple[Path, Path | None] | None:
    """The semantic model folder chosen for a framework and the career.toml that chose it
    (``None``: the environment did): ``CAREER_SEMANTIC_MODEL`` when set (``off``: none, whatever
    the file says), else the framework's ``semantic_model``; ``None`` when there is none (the
    default: words only)."""
    value = os.environ.get(SEMANTIC_ENV, "").strip()
    if value.casefold() == SEMANTIC_OFF:
        return None
    if value:
        return Path(value).expanduser(), None
    if config.semantic_model is not None:
        return config.semantic_model, config.path
    return None
