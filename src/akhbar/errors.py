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


class SchemaError(AkhbarError, KeyError):
    """Rows for a table carry a column its schema does not declare.

    A ``KeyError`` too, for code written when this was a bare ``KeyError``.
    """

    def __init__(self, columns, expected, table: str | None = None):
        self.table = table
        self.columns = sorted(columns)
        self.expected = list(expected)
        where = f"table {table!r}" if table else "a table"
        super().__init__(f"{where}: column(s) {self.columns} not in its schema; expected "
                         f"only {self.expected} (fix the extractor or declare the column "
                         "in the schema)")

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0])


class ArchiveError(LoadError):
    """An archive member is unsafe (path traversal, symlink, size cap) or unreadable."""


class SkippedInputWarning(UserWarning):
    """Some inputs held no text (None, NaN) and were skipped; the message counts them."""


class OutputError(AkhbarError):
    """Tables cannot be written where they were asked to go (a file, not writable)."""
