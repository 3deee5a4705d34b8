"""Errors that end a run with exit code 2 and a one-line message."""


class LintlawError(Exception):
    """A user-facing error: the message names the file and the problem."""


class InputError(LintlawError):
    """An input file cannot be read or decoded."""


class RuleFileError(LintlawError):
    """A rule file is malformed."""


class UsageError(LintlawError):
    """A command-line option has a bad value."""


class WriteError(LintlawError):
    """A fixed file cannot be written back safely; the file is left as it was."""
