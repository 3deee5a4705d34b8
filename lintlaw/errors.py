"""Errors that end a run with exit code 2 and a one-line message."""

from __future__ import annotations


class LintlawError(Exception):
    """A user-facing error: the message names the file and the problem."""


class InputError(LintlawError):
    """An input file cannot be read or decoded."""

    def __init__(self, message: str, data: bytes | None = None):
        super().__init__(message)
        self.data = data  # the bytes read, when there were any (a filter passes them on)


class RuleFileError(LintlawError):
    """A rule file is malformed."""


class UsageError(LintlawError):
    """A command-line option has a bad value."""


class WriteError(LintlawError):
    """A fixed file cannot be written back safely; the file is left as it was."""

