"""The contract between rule files (data) and rule kinds (code)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, NamedTuple

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.text.source import Source, decode


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
    # What an option left unset means, as `lintlaw rule` shows it (“报告类型的期限”); else “不限”.
    unset: str = ""


class Fixes(NamedTuple):
    """The fixes a rule's findings carry (`lintlaw rule CODE` says it in words;
    tests/test_problem_tables.py holds every rule's bad examples to it)."""

    always: bool = True  # every finding carries one (False: some do)
    safe: bool | None = True  # True: all safe (--fix); False: all need --unsafe-fixes; None: some of each


class Problem(NamedTuple):
    """One of the checks a kind runs, as a rule file chooses it with `problem = "..."`."""

    find: Callable[[Any, Document], Iterable[Issue]]  # (the kind, the document) -> its issues
    fields: frozenset[str]  # the names its message template may use
    fixes: Fixes | None = None  # the fixes its findings carry; None: no fix


class RuleKind:
    """A family of checks. Subclasses declare their options and message fields.

    A kind is instantiated once per rule file with the validated options; its
    check() runs over one Document and yields Issues. A kind that runs one of
    several checks declares them in `problems`; the rule file's `problem` option
    picks one, and the table says what its message may show.
    """

    name: ClassVar[str]
    options: ClassVar[dict[str, Option]] = {}
    problems: ClassVar[dict[str, Problem]] = {}
    # A kind without `problems`: the names its message template may use, and the fixes it offers.
    fields: ClassVar[frozenset[str]] = frozenset()
    fixes: ClassVar[Fixes | None] = None

    def __init__(self, **options: Any):
        for key, value in options.items():
            setattr(self, key, value)

    @classmethod
    def validate(cls, options: dict[str, Any]) -> tuple[str, str] | None:
        """Further checks on option values: (option name, problem) or None.

        May replace values in `options` with prepared ones (compiled patterns).
        """
        if cls.problems and options["problem"] not in cls.problems:
            return "problem", f"必须是以下之一：{', '.join(cls.problems)}"
        return None

    @classmethod
    def check_types(cls, options: dict[str, Any], types) -> tuple[str, str] | None:
        """Checks of option values that name things the report types declare (an issuer, a
        table and its rows): (option name, problem) or None. `types` is the ReportTypes."""
        return None

    @classmethod
    def message_fields(cls, options: dict[str, Any]) -> frozenset[str]:
        """What a message may show for a rule with these (validated) options."""
        return cls.problems[options["problem"]].fields if cls.problems else cls.fields

    @classmethod
    def fixes_for(cls, options: dict[str, Any]) -> Fixes | None:
        """The fixes a rule with these (validated) options offers; None: none."""
        return cls.problems[options["problem"]].fixes if cls.problems else cls.fixes

    def check(self, document: Document) -> Iterator[Issue]:
        yield from self.problems[self.problem].find(self, document)

    @classmethod
    def example_source(cls, text: str, path: str = "example.txt") -> Source:
        """The Source a rule file's example stands for: its text, as a UTF-8 file holds it (a
        kind that checks more than text, such as a Word document's layout, reads a notation)."""
        return decode(text.encode("utf-8"), path)


def applicable_options(kind_cls, settings: dict[str, Any]) -> dict[str, Option]:
    """The options a rule of this kind may set, given its other settings (its problem)."""
    problem = settings.get("problem")
    return {key: option for key, option in kind_cls.options.items()
            if not option.problems or problem in option.problems}


def problem_option(problems) -> Option:
    """The `problem` option of a kind that runs one of several named checks (its problems table)."""
    return Option(str, required=True, doc="检查哪一种问题：" + "、".join(problems))
