"""The contract between rule files (data) and rule kinds (code)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, NamedTuple

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.io.schema import Choice, Decimal, Entries, Flag, Items, Node, Number, Record, Text, Whole
from lintlaw.text.source import Source, decode


class Option(NamedTuple):
    """An option a kind accepts from a rule file (and the configuration's [rules.CODE])."""

    type: type | tuple[type, ...]  # its TOML type: str, int, (int, float), float, bool, list or dict
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
    # What else its value must be, beyond its type (lintlaw/io/schema.py): its items, its range,
    # what it converts to (compiled patterns).
    check: Node | None = None

    def node(self) -> Node:
        """Its schema: the type, said as “类型应为 …” when wrong, then `check`."""
        maker, name = _TYPES[self.type]
        node = maker(f"类型应为 {name}")
        return node.also(self.check) if self.check is not None else node


_TYPES = {str: (Text, "字符串"), int: (Whole, "整数"), (int, float): (Number, "数"), float: (Decimal, "小数"),
          bool: (Flag, "布尔值"), list: (lambda wrong: Items(wrong=wrong), "列表"),
          dict: (lambda wrong: Entries(wrong=wrong), "表")}


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


def problems(*declared: tuple) -> dict[str, Problem]:
    """A kind's problem table from the checks the analyses declare: each entry is
    (Check, find) or (Check, find, Fixes)."""
    return {entry[0].name: Problem(entry[1], entry[0].fields, *entry[2:]) for entry in declared}


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
    # What a problem must be given, beyond what each option declares: for a problem, each
    # (options, what to say at the first of them when one is unset or empty).
    needs: ClassVar[dict[str, tuple[tuple[tuple[str, ...], str], ...]]] = {}
    # A kind without `problems`: the names its message template may use, and the fixes it offers.
    fields: ClassVar[frozenset[str]] = frozenset()
    fixes: ClassVar[Fixes | None] = None

    def __init__(self, **options: Any):
        for key, value in options.items():
            setattr(self, key, value)

    @classmethod
    def options_schema(cls) -> Record:
        """The schema of its options (each option's type and check; the required ones)."""
        schema = _SCHEMAS.get(cls)
        if schema is None:
            schema = _SCHEMAS[cls] = Record(
                {key: option.node() for key, option in cls.options.items()},
                required=[key for key, option in cls.options.items() if option.required], missing_here=True,
                missing=lambda key: f"缺少 {cls.name} 类型的必填字段“{key}”")
        return schema

    @classmethod
    def validate(cls, options: dict[str, Any]) -> tuple[str, str] | None:
        """Checks that relate option values (once each has passed its own): (option name,
        problem) or None. The base class checks `needs`.

        May replace values in `options` with prepared ones.
        """
        for keys, problem in cls.needs.get(options.get("problem"), ()):
            if not all(options[key] for key in keys):
                return keys[0], problem
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
    return Option(str, required=True, doc="检查哪一种问题：" + "、".join(problems),
                  check=Choice(problems, f"必须是以下之一：{', '.join(problems)}"))


_SCHEMAS: dict[type, Record] = {}
