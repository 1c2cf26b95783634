"""career: compare the levels of an engineering career framework.

The package is layered, and imports flow one way:
``loader`` (files → model) → ``model`` (frozen dataclasses) → ``align``/``worddiff``/``similarity``
(pure functions) → ``render`` (strings) → ``cli`` (Typer; the only place that prints or exits).
"""

__version__ = "0.1.0"
