"""How any string from outside becomes GitLab Markdown: the one escaping function of that format.

Everything the Markdown views write that came from a page, an included file, an evidence file or
the command line — statement text, titles, descriptions, evidence, file names, link destinations,
ids and header values in ``<!-- … -->`` comments — goes through a function here, by where it goes:

* ``escape``: inline text. Page text is already Markdown (links, emphasis) and stays so, but what
  GitLab would misread in *our* context is neutralised: raw HTML and comments (``<`` becomes
  ``&lt;``, so nothing can hide the rest of the document), look-alikes of our inline diff markers,
  math (``$`` becomes ``&#36;``), and GitLab references — ``@user``, ``#12``, ``!3``, ``&4``,
  ``%5``, ``$6``, ``~label`` — which would notify people or leave "mentioned in" notes when pasted.
  Those get a zero-width space that breaks the pattern: GitLab's reference filters run on the
  rendered text, after backslash escapes are gone, so a backslash does not stop them. Link
  destinations are percent-encoded where they could break out of the link, and a scheme other
  than http(s), mailto or ftp loses its colon (``javascript:`` is no link).
* ``at_line_start``: a block marker that would start a line (``#``, ``>``, ``-``, ``1.``, ``[ ]``).
* ``heading``: a heading's text, whose trailing ``#`` GitLab would take for a closing sequence.
* ``code_span``: a file name as inline code (as text with entities when it holds ``<``).
* ``comment_value``: an id or a header value inside ``<!-- … -->``, which can neither close the
  comment nor start a new one (``evidence.comment_value`` reads it back).
* ``inline_diff``: GitLab's inline diff markup, ``{+ inserted +}`` and ``[- deleted -]``. GitLab
  applies it to single DOM text nodes after rendering, so a marked run must contain no element:
  links get the marker inside their text, emphasis characters become numeric entities (which
  decode into the same text node, where a backslash escape would become a ``<span>`` of its
  own), and a run never spans a line.

``evidence.unescape`` reverses ``escape``, so a checklist reads back the text it was made from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from career_cli.model import DiffOp
from career_cli.text import LINK_RE, visible

ZWSP = "\u200b"
ZWSP_ENTITY = "&#x200b;"
# Positions where a zero-width space breaks a pattern GitLab would act on: look-alikes of the
# inline diff markers ("[-", "+}"), and references (@user, #12, !3, &4, %5, $6, ~label).
_BREAK_AT = re.compile(
    r"(?<=[\[{])(?=[+-])|(?<=[+-])(?=[\]}])"
    r"|(?<=@)(?=\w)|(?<=[#!&$])(?=\d)|(?<=%)(?=[\d\"])|(?<=~)(?=[^\W\d_]|\")"
)
_LEADING_BLOCK = re.compile(r"^(\s*)([#>+*-]|\d{1,9}[.)]|\[[ xX]\])(?=\s|$)")
_ENTITIES = {"*": "&#42;", "_": "&#95;", "`": "&#96;", "~": "&#126;"}
_INLINE_FORMAT = re.compile("[*_`~]")
# A page's own backslash before ASCII punctuation (or before what follows this piece: a link, an
# entity) would escape it in GitLab and vanish, and the checklist would read back other text.
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)")
_MARKS = {"insert": ("{+ ", " +}"), "delete": ("[- ", " -]")}
# In a link destination: what could close it or start markup, whitespace and controls.
_URL_UNSAFE = re.compile("[<>\"'`\\\\{}|^\\s\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
# In an HTML comment's value: what could end or open a comment, or split the value.
_COMMENT_UNSAFE = re.compile(r"[%<>!\"'\t\n\r\f\v]")


def _escape_plain(text: str, *, strict: bool = False) -> str:
    # A zero-width space the page itself holds is written as an entity, so that reading a
    # checklist back (evidence.unescape) can drop the ones inserted here and keep that one.
    # Inside a diff run the backslash is an entity: an escape there would split the text node.
    backslash = "&#92;" if strict else r"\\\\"
    text = ZWSP_ENTITY.join(
        _BACKSLASH.sub(
            backslash,
            _BREAK_AT.sub(ZWSP, part)
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace("$", "&#36;"),  # GitLab's math: $`…`$, $$…$$
        )
        for part in visible(text).split(ZWSP)
    )
    if strict:
        text = _INLINE_FORMAT.sub(lambda m: _ENTITIES[m.group()], text)
    return text


def code_span(text: str) -> str:
    """Text as inline code, whatever backticks it holds (the fence is longer than any run).

    Inline code shows ``<`` as written, but a file name holding one is written as text with
    entities instead (``escape``, strict), so the page's own ``<`` never reaches GitLab raw.
    """
    if "<" in text:
        return escape(text.replace("\n", " "), strict=True).replace("]", "\\]")
    text = visible(text).replace("\n", " ")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def escape(text: str, *, strict: bool = False) -> str:
    """Page text as Markdown that renders as the page meant it, links kept working.

    ``strict`` also escapes emphasis and code markers, for text that goes inside a diff run.
    """
    out: list[str] = []
    position = 0
    for link in LINK_RE.finditer(text):
        out.append(_escape_plain(text[position : link.start()], strict=strict))
        label = _escape_plain(link.group(1), strict=strict).replace("]", "\\]")
        out.append(f"[{label}]({destination(link.group(2))})")
        position = link.end()
    out.append(_escape_plain(text[position:], strict=strict))
    return "".join(out)


def destination(url: str) -> str:
    """A link destination that cannot leave the link: what could end it or start markup (``<>"'``,
    backticks, backslashes, braces, pipes, controls, bidi overrides) percent-encoded, and a scheme
    other than http(s), mailto or ftp disarmed (its colon encoded: a relative link, harmless)."""
    safe = _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)
    scheme = _SCHEME.match(safe)
    if scheme and scheme.group(1).lower() not in _SCHEMES:
        safe = f"{scheme.group(1)}%3A{safe[scheme.end() :]}"
    return safe


def heading(text: str) -> str:
    """A heading's text: escaped, and a trailing ``#`` kept (GitLab would drop it as a closing
    sequence)."""
    escaped = escape(text)
    return escaped[:-1] + "&#35;" if escaped.endswith("#") else escaped


def comment_value(text: str, *, spaces: bool = True) -> str:
    """An id or a value inside an HTML comment: control characters visible, and what could end
    the comment or open another (``--``, ``>``, ``<``, ``!``) or end a value (quotes, line
    breaks; spaces too unless ``spaces``) percent-encoded, as ``%`` itself;
    ``evidence.comment_value`` decodes it."""
    encoded = _COMMENT_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", visible(text))
    if not spaces:
        encoded = encoded.replace(" ", "%20")
    return encoded.replace("--", "-%2D").replace("--", "-%2D")


def _escape_marker(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():  # only punctuation can be escaped: "1\." not "\1."
        return f"{match.group(1)}{marker[:-1]}\\{marker[-1]}"
    return f"{match.group(1)}\\{marker}"


def at_line_start(markdown: str) -> str:
    """Escape a block marker (``#``, ``>``, ``-``, ``1.``, ``[ ]``) that would start the text."""
    return _LEADING_BLOCK.sub(_escape_marker, markdown, count=1)


def _mark(op: str, text: str) -> str:
    """One run of inserted or deleted text, marked line by line, links marked inside their text."""
    opening, closing = _MARKS[op]
    lines = []
    for line in text.split("\n"):
        pieces = []
        position = 0
        for link in [*LINK_RE.finditer(line), None]:
            end = link.start() if link else len(line)
            chunk = line[position:end]
            core = chunk.strip()
            if core:
                lead = chunk[: len(chunk) - len(chunk.lstrip())]
                trail = chunk[len(chunk.rstrip()) :]
                pieces.append(f"{lead}{opening}{escape(core, strict=True)}{closing}{trail}")
            else:
                pieces.append(chunk)
            if link:
                label = escape(link.group(1), strict=True).replace("]", "\\]")
                pieces.append(f"[{opening}{label}{closing}]({destination(link.group(2))})")
                position = link.end()
        lines.append("".join(pieces))
    return "\n".join(lines)


def inline_diff(ops: Iterable[DiffOp]) -> str:
    """A word diff in GitLab's inline diff markup."""
    return "".join(escape(op.text) if op.op == "equal" else _mark(op.op, op.text) for op in ops)
