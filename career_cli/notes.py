"""What a reader notices in a page that is not an error: the codes of ``model.Note``, named once.

The readers (``sources``) make notes; ``career lint`` reports each as a rule of its own, and the
other commands warn about the ones that change what a comparison shows (an include that brought
nothing in). A code is a string in the model and in JSON; these names keep the three in step.
"""

from __future__ import annotations

OUTSIDE_CATEGORY = "outside-category"  # text before the first category
MALFORMED_SHORTCODE = "malformed-shortcode"  # an include shortcode Hugo does not read
INCLUDE_OUTSIDE_CATEGORY = "include-outside-category"  # an include before any category
DUPLICATE_CATEGORY = "duplicate-category"  # a category heading repeated in one page
UNKNOWN_LANGUAGE = "unknown-language"  # a lang/language/locale that names no language
INCLUDE_MISSING = "include-missing"  # an include that names no file
INCLUDE_UNSAFE = "include-unsafe"  # refused: absolute, '..', or leaving the root
INCLUDE_CYCLE = "include-cycle"  # files that include each other
INCLUDE_DEPTH = "include-depth"  # nested deeper than the limit
INCLUDE_UNREADABLE = "include-unreadable"  # there, but not readable text, or over a budget

UNREAD_CONTENT = "unread-content"  # content in a category that no reader made statements of
SAME_AS = "same-as"  # a cell such as "Same as L3": the statements of another level, by reference
GUESSED_ENCODING = "guessed-encoding"  # a spreadsheet not in UTF-8, read as Windows-1252

INCLUDE_CODES = frozenset(
    {INCLUDE_MISSING, INCLUDE_UNSAFE, INCLUDE_CYCLE, INCLUDE_DEPTH, INCLUDE_UNREADABLE}
)
# The notes every command warns about: statements an include should have brought in.
# Unread content too: nothing a user gave us is dropped without a word.
WARNED = INCLUDE_CODES | {MALFORMED_SHORTCODE, UNREAD_CONTENT, GUESSED_ENCODING}
# A table showing several levels' columns: which one was read as this level's.
TABLE_COLUMN = "table-column"
