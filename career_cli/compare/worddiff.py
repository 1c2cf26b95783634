"""Word-level diff of two statements, built on the standard library's difflib.

Tokens are words, single punctuation marks and whole Markdown links (a link compares on its text,
so a changed URL is not a changed word). Whitespace is not matched, only carried along, so the runs
come out as words a reader would mark with a pen. The result is a tuple of runs (equal / delete /
insert) with two exact guarantees that every renderer relies on:

* the ``equal`` and ``insert`` runs, joined, are the new text exactly;
* the ``equal`` and ``delete`` runs, joined, are the old text (links read by their text).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from career_cli.model import DiffOp, Op
from career_cli.text import LINK_RE, nfc
from career_cli.text import MARKS as _MARKS

# Scripts written without spaces between words. A word there is a run of one script — Japanese
# writes a Kanji stem, its Hiragana ending or particle, a Katakana loanword — so each run is a
# token; Chinese, written in Han alone, is cut into single characters (``_cjk``).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA_HIRA = "\u3040-\u309f"
_KANA_KATA = "\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_UNSPACED = _HAN + _KANA_HIRA + _KANA_KATA + _HANGUL
# Anything that is not a word or a link is a token of its own, with the marks and joiners after it.
_OTHER = rf"|\S(?:\u200d\S|[{_MARKS}])*"
# Text without CJK, which is most text, is cut by a pattern whose classes compile in a fraction of
# a millisecond; a class of the CJK blocks takes ~10 ms to compile (re builds a bitmap of every
# character in it), paid only by a run that meets such text. Both cut such text the same way.
_SPACED_WORD = rf"[^\W_](?:[^\W_]|[{_MARKS}])*"
_SPACED_RE = re.compile(LINK_RE.pattern + rf"|{_SPACED_WORD}(?:['’-]{_SPACED_WORD})*" + _OTHER)
# The code points of the unspaced scripts, for a test that needs no compiled class.
_UNSPACED_RANGES = (
    (0x1100, 0x11FF), (0x3040, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F),
)  # fmt: skip


def _unspaced(text: str) -> bool:
    """Whether ``text`` has a character of a script written without spaces."""
    if not text or max(text) < "\u1100":
        return False
    return any(lo <= ord(c) <= hi for c in text if c >= "\u1100" for lo, hi in _UNSPACED_RANGES)


@cache
def _cjk_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The token pattern for text with CJK in it, a Han run, and a Kana character."""
    word = rf"(?:[^\W_{_UNSPACED}]|[{_MARKS}])"
    tokens = re.compile(
        LINK_RE.pattern
        + rf"|[{_HAN}]+|[{_KANA_HIRA}]+|[{_KANA_KATA}]+|[{_HANGUL}]+"
        + rf"|[^\W_{_UNSPACED}]{word}*(?:['’-][^\W_{_UNSPACED}]{word}*)*"
        + _OTHER
    )
    return tokens, re.compile(f"[{_HAN}]+"), re.compile(f"[{_KANA_HIRA}{_KANA_KATA}]")


# Beyond this many tokens difflib's "popular element" heuristic keeps matching near-linear.
_AUTOJUNK_TOKENS = 1000


def tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` for each token; a link's key is its text, in NFC (a word is the same
    word whether its "é" is composed or not)."""
    found: list[tuple[int, int, str]] = []
    if not _unspaced(text):
        for m in _SPACED_RE.finditer(text):
            key = m.group(1) if m.group(1) is not None else m.group()
            found.append((m.start(), m.end(), nfc(key)))
        return found
    token_re, han_run, kana = _cjk_patterns()
    # Han text without Kana is Chinese, whose words are mostly one or two characters: each
    # character is a token. In Japanese a Kanji run is a word (a stem or a compound).
    chinese = kana.search(text) is None
    for m in token_re.finditer(text):
        key = m.group(1) if m.group(1) is not None else m.group()
        if chinese and len(key) > 1 and han_run.fullmatch(key):
            found.extend((m.start() + k, m.start() + k + 1, key[k]) for k in range(len(key)))
            continue
        found.append((m.start(), m.end(), nfc(key)))
    return found


class _Runs:
    """Collects runs, merging neighbours of the same kind (pieces joined once, at the end: adding
    to a string token by token would copy a long statement once per word)."""

    def __init__(self) -> None:
        self.ops: list[Op] = []
        self.pieces: list[list[str]] = []

    def add(self, op: Op, text: str) -> None:
        if not text:
            return
        if self.ops and self.ops[-1] == op:
            self.pieces[-1].append(text)
        else:
            self.ops.append(op)
            self.pieces.append([text])

    @property
    def runs(self) -> list[tuple[Op, str]]:
        return [(op, "".join(parts)) for op, parts in zip(self.ops, self.pieces, strict=True)]


def _gap(runs: _Runs, old: str, new: str) -> None:
    """Text between two matched blocks: shared leading/trailing whitespace stays equal."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head] and old[head].isspace():
        head += 1
    tail = 0
    while (
        tail < min(len(old), len(new)) - head
        and old[-1 - tail] == new[-1 - tail]
        and old[-1 - tail].isspace()
    ):
        tail += 1
    runs.add("equal", new[:head])
    runs.add("delete", old[head : len(old) - tail])
    runs.add("insert", new[head : len(new) - tail])
    runs.add("equal", new[len(new) - tail :])


def _is_noise(text: str) -> bool:
    """An equal run too small to read as "kept" between two changes: spaces, "a", ", "."""
    return len(text.strip()) <= 2


def _regroup(raw: list[tuple[Op, str]]) -> tuple[DiffOp, ...]:
    """Fold noise equalities into the edits around them; each edit reads delete, then insert."""
    out: list[DiffOp] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for index, (op, text) in enumerate(raw):
        if op == "equal":
            between_edits = 0 < index < len(raw) - 1
            if between_edits and (deleted or inserted) and _is_noise(text):
                deleted.append(text)
                inserted.append(text)
                continue
            if deleted or inserted:
                out.extend(_edit("".join(deleted), "".join(inserted)))
                deleted.clear()
                inserted.clear()
            out.append(DiffOp("equal", text))
        elif op == "delete":
            deleted.append(text)
        else:
            inserted.append(text)
    out.extend(_edit("".join(deleted), "".join(inserted)))
    return _merge(out)


def _edit(deleted: str, inserted: str) -> list[DiffOp]:
    ops = []
    if deleted:
        ops.append(DiffOp("delete", deleted))
    if inserted:
        ops.append(DiffOp("insert", inserted))
    return ops


def _merge(ops: list[DiffOp]) -> tuple[DiffOp, ...]:
    groups: list[tuple[Op, list[str]]] = []
    for op in ops:
        if groups and groups[-1][0] == op.op:
            groups[-1][1].append(op.text)
        else:
            groups.append((op.op, [op.text]))
    return tuple(DiffOp(op, "".join(texts)) for op, texts in groups)


def word_diff(old: str, new: str) -> tuple[DiffOp, ...]:
    """The runs that turn ``old`` into ``new``, word by word."""
    if old == new:
        return (DiffOp("equal", new),) if new else ()
    a, b = tokens(old), tokens(new)
    matcher = SequenceMatcher(
        None,
        [t[2] for t in a],
        [t[2] for t in b],
        autojunk=max(len(a), len(b)) > _AUTOJUNK_TOKENS,
    )
    runs = _Runs()
    old_pos = new_pos = 0
    for i, j, size in matcher.get_matching_blocks():
        if size == 0:
            break
        _gap(runs, old[old_pos : a[i][0]], new[new_pos : b[j][0]])
        for k in range(size):
            if k:
                # Whitespace inside a matched block: kept when it is the same on both sides.
                _gap(runs, old[a[i + k - 1][1] : a[i + k][0]], new[b[j + k - 1][1] : b[j + k][0]])
            runs.add("equal", new[b[j + k][0] : b[j + k][1]])
        old_pos, new_pos = a[i + size - 1][1], b[j + size - 1][1]
    _gap(runs, old[old_pos:], new[new_pos:])
    return _regroup(runs.runs)
