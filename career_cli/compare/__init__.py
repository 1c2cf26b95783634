"""Comparing levels: how alike two statements are (``similarity``), which statement of one level
is which of another (``assignment``, ``align``), and what changed word by word (``worddiff``).

Pure functions over the model: no file is read and nothing is rendered here.
"""
