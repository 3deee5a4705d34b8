"""The contract between rule files (data) and rule kinds (code)."""

from __future__ import annotations

from typing import Any, ClassVar, Iterator, NamedTuple

from lintlaw.diagnostics import Fix
from lintlaw.document import Document


class Hit(NamedTuple):
    """What a kind reports: a span and the values its message template may use."""

    start: int
    end: int
    values: dict[str, Any]
    related: tuple[tuple[int, int, str], ...] = ()  # other spans the finding compared: (start, end, label)
    fix: Fix | None = None


class Option(NamedTuple):
    """An option a kind accepts from a rule file."""

    type: type | tuple[type, ...]
    required: bool = False
    default: Any = None
    doc: str = ""
    # One value for every rule of the kind (two rules that split one count between them):
    # setting it for one rule sets it for all, so they can never disagree.
    shared: bool = False
    # For a kind that runs one of several named checks: the problems that read this option
    # (empty: all). A rule of another problem may not set it.
    problems: tuple[str, ...] = ()


class RuleKind:
    """A family of checks. Subclasses declare their options and message fields.

    A kind is instantiated once per rule file with the validated options; its
    check() runs over one Document and yields Hits.
    """

    name: ClassVar[str]
    options: ClassVar[dict[str, Option]] = {}
    # Names a rule's message template may use, beyond {match}.
    fields: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, **options: Any):
        for key, value in options.items():
            setattr(self, key, value)

    @classmethod
    def validate(cls, options: dict[str, Any]) -> tuple[str, str] | None:
        """Further checks on option values: (option name, problem) or None.

        May replace values in `options` with prepared ones (compiled patterns).
        """
        return None

    def check(self, document: Document) -> Iterator[Hit]:
        raise NotImplementedError


def applicable_options(kind_cls, settings: dict[str, Any]) -> dict[str, Option]:
    """The options a rule of this kind may set, given its other settings (its problem)."""
    problem = settings.get("problem")
    return {key: option for key, option in kind_cls.options.items()
            if not option.problems or problem in option.problems}


def problem_option(problems: tuple[str, ...]) -> Option:
    """The `problem` option of a kind that runs one of several named checks."""
    return Option(str, required=True, doc="检查哪一种问题：" + "、".join(problems))


def check_problem(options: dict[str, Any], problems: tuple[str, ...]) -> tuple[str, str] | None:
    if options["problem"] not in problems:
        return "problem", f"必须是以下之一：{', '.join(problems)}"
    return None
