"""Reading sources into the model: files, frontmatter, level pages, framework folders, include
shortcodes, git revisions, handbook checkouts, and finding frameworks and levels by name.

Everything here turns bytes a user gave into ``career_cli.model`` objects, or a ``CareerError``
that names the file and line. Nothing here compares, renders or prints.
"""
