"""The akhbar exception family: every error the library raises on purpose."""

from __future__ import annotations


class AkhbarError(Exception):
    """Base class of every error akhbar raises on purpose."""


class LoadError(AkhbarError):
    """A source, file, archive member or table row could not be read as an article."""

    def __init__(self, message: str, *, path: str | None = None, kind: str = "unreadable"):
        self.path = path
        self.kind = kind
        super().__init__(f"{path}: {message}" if path else message)


class ConfigError(AkhbarError, ValueError):
    """An argument or option has a value akhbar does not accept."""


class ArchiveError(LoadError):
    """An archive member is unsafe (path traversal, symlink, size cap) or unreadable."""
