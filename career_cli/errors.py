"""Errors a user can cause, each carrying what went wrong, where, and what to do about it.

The core raises these; only the CLI turns them into a message on stderr and exit status 2, so
the message format lives in one place (``CareerError.render``).
"""

from __future__ import annotations

from pathlib import Path


class CareerError(Exception):
    """A failure the user can fix: bad input, an unknown name, an unreadable file."""

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        path: Path | str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path
        self.line = line

    def location(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}: " if self.line else f"{self.path}: "

    def render(self) -> str:
        """One or two lines: ``location: message`` and, when we know one, the fix."""
        text = f"{self.location()}{self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class PageError(CareerError):
    """A level page that cannot be read or parsed."""


class LevelNotFound(CareerError):
    """A level name that matches no level, or more than one."""


class FrameworkNotFound(CareerError):
    """A framework name or directory that does not exist or holds no level pages."""


class UsageError(CareerError):
    """Options that cannot work together or values that make no sense."""
