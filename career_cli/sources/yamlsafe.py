"""YAML as the readers of user files load it: PyYAML's safe loader, failing only with YAML errors.

PyYAML's constructors raise ``ValueError``, ``KeyError``, ``IndexError``, ``AttributeError`` or
``OverflowError`` for a value they cannot build — ``!!int x``, a bare ``!!bool``, ``!!timestamp
x``, the date 2024-13-45, an integer longer than Python's 4,300-digit limit. That is a problem of
the document, not of the tool: here each becomes a ``ConstructorError`` marked at its node, which
the readers report with its line like any other YAML error. YAML nested deeper than
``MAX_DEPTH`` is refused before libyaml composes it. Imported only by the readers that parse YAML,
so commands that read none do not pay for it at start-up.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import Node

try:
    from yaml import CSafeLoader as _Base
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

# libyaml composes nested collections by recursion in C, with no depth limit: YAML nested some
# 30,000 deep (60 kB of brackets) overflows the C stack, and the process dies with SIGSEGV before
# Python can raise anything. Frontmatter and evidence nest a few levels; this many is refused.
MAX_DEPTH = 100

# What PyYAML's constructors raise for a value they cannot build.
_UNBUILDABLE = (ValueError, TypeError, AttributeError, LookupError, ArithmeticError)


class Loader(_Base):
    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except _UNBUILDABLE as exc:
            kind = str(node.tag).rsplit(":", 1)[-1]
            shown = f"{node.value!r:.40}" if isinstance(node.value, str) else "this value"
            problem = f"cannot read {shown} as {kind}"
            if isinstance(exc, ValueError):  # "month must be in 1..12"; other errors are PyYAML's
                # (and not Python's advice on sys.set_int_max_str_digits)
                problem += f" ({str(exc).split(';', 1)[0]})"
            raise ConstructorError(None, None, problem, node.start_mark) from None


def refuse_deep(text: str) -> None:
    """Raise ``RecursionError`` (as a Python composer would) for YAML nested too deeply to load.

    The depth is measured on libyaml's event stream, which is not recursive. Each level of
    nesting needs an indicator (``[ { - : ?``), so text with few of them is not even parsed.
    A syntax error found on the way is raised as the ``YAMLError`` loading would raise.
    """
    if sum(map(text.count, "[{-:?")) <= MAX_DEPTH:
        return
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise RecursionError(f"YAML nested more than {MAX_DEPTH} deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load(source: str) -> Any:
    """The document's value; ``YAMLError`` for bad YAML, ``RecursionError`` for deep nesting."""
    refuse_deep(source)
    return yaml.load(source, Loader=Loader)


def compose(source: str) -> Node | None:
    """The document's node tree (for the lines of its keys), refused as ``load`` refuses."""
    refuse_deep(source)
    return yaml.compose(source, Loader=_Base)
