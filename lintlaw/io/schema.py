"""One schema for the files users write: configuration, rule files, report types, table
layouts, and the options of each rule kind.

A file's shape is declared as data, a tree of nodes: `Text`, `Regex`, `Whole`, `Number`,
`Decimal`, `Flag`, `Choice`, `Items` (a list), `Entries` (a table of any keys) and `Record` (a
table of known keys). `node.check(value, key)` returns the value, converted where the node says (a parsed
date, compiled patterns), or raises `Invalid(key, problem)`: the key as the user writes it
(`parts.requests.keywords`) and what is wrong with it, in Chinese. Each node carries its own
wording, so the files keep the messages their users know. A loader says where the key is
(`located`: the file and the key's line).

Checks that relate several values (a fix template's groups and the patterns, a deadline given
twice) stay with the loader that knows what they mean; everything else about a value's shape
is declared here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Problem = str | Callable[[Any, str], str]  # what is wrong, or how to say it of (the value, its key)


class Invalid(Exception):
    """A value does not fit its schema: the key (dotted, "" for the whole file) and the problem."""

    def __init__(self, key: str, problem: str):
        super().__init__(f"{key}: {problem}" if key else problem)
        self.key = key
        self.problem = problem


def _say(problem: Problem, value: Any, key: str) -> str:
    return problem(value, key) if callable(problem) else problem


class Node:
    """A value of some shape.

    `wrong`: the problem when the value is not of the node's type. `expect`: said instead of
    any problem found in the value (a key whose every fault has one message). `tests`, added
    with `where`: (test, problem) pairs the value must pass, in order; `then`: what the checked
    value becomes.
    """

    types: tuple[type, ...] | None = None  # None: any value

    def __init__(self, wrong: Problem = "", *, expect: Problem | None = None):
        self.wrong = wrong
        self.expect = expect
        self.tests: tuple[tuple[Callable[[Any], bool], Problem], ...] = ()
        self.more: Node | None = None
        self.convert: Callable[[Any], Any] | None = None

    def where(self, test: Callable[[Any], bool], problem: Problem) -> Node:
        """This node, with one more test the value must pass (`problem` when it does not)."""
        self.tests += ((test, problem),)
        return self

    def also(self, node: Node) -> Node:
        """This node, its value then checked (and converted) by `node` too."""
        self.more = node
        return self

    def then(self, convert: Callable[[Any], Any]) -> Node:
        """This node, its checked value converted by `convert` (which returns None for a value
        it cannot convert: then the last test's problem, or `wrong`, is said)."""
        self.convert = convert
        return self

    def check(self, value: Any, key: str = "") -> Any:
        try:
            return self._checked(value, key)
        except Invalid:
            if self.expect is None:
                raise
            raise Invalid(key, _say(self.expect, value, key)) from None

    def _checked(self, value: Any, key: str) -> Any:
        if not self._fits(value):
            raise Invalid(key, _say(self.wrong, value, key))
        value = self._inside(value, key)
        for test, problem in self.tests:
            if not test(value):
                raise Invalid(key, _say(problem, value, key))
        if self.more is not None:
            value = self.more.check(value, key)
        if self.convert is None:
            return value
        converted = self.convert(value)
        if converted is None:
            raise Invalid(key, _say(self.tests[-1][1] if self.tests else self.wrong, value, key))
        return converted

    def _fits(self, value: Any) -> bool:
        if self.types is None:
            return True
        # TOML's true and false are no numbers, though Python's bool is an int.
        return isinstance(value, self.types) and (not isinstance(value, bool) or bool in self.types)

    def _inside(self, value: Any, key: str) -> Any:
        """The value with its parts checked (a list's items, a table's values)."""
        return value


class Text(Node):
    """A string; `nonempty`: not "", `nonblank`: not only white space."""

    types = (str,)

    def __init__(self, wrong: Problem = "", *, nonempty: bool = False, nonblank: bool = False,
                 expect: Problem | None = None):
        super().__init__(wrong, expect=expect)
        self.nonempty = nonempty or nonblank
        self.nonblank = nonblank

    def _fits(self, value: Any) -> bool:
        return (isinstance(value, str) and (not self.nonempty or value != "")
                and (not self.nonblank or value.strip() != ""))


class Regex(Text):
    """A regular expression of `engine` (re or regex), compiled; `problem(text, reason)` says
    why one does not compile."""

    def __init__(self, engine, wrong: Problem = "", *, problem: Callable[[str, str], str], nonempty: bool = False,
                 expect: Problem | None = None):
        super().__init__(wrong, nonempty=nonempty, expect=expect)
        self.engine = engine
        self.problem = problem

    def _inside(self, value: str, key: str):
        from lintlaw.reasons import regex_reason

        try:
            return self.engine.compile(value)
        except self.engine.error as err:
            raise Invalid(key, self.problem(value, regex_reason(err))) from None


class Whole(Node):
    """An integer."""

    types = (int,)


class Number(Node):
    """An integer or a decimal."""

    types = (int, float)


class Decimal(Node):
    """A decimal (1.0, not 1)."""

    types = (float,)


class Flag(Node):
    """true or false."""

    types = (bool,)


class Choice(Node):
    """One of some values."""

    def __init__(self, values, wrong: Problem = "", *, expect: Problem | None = None):
        super().__init__(wrong, expect=expect)
        self.values = tuple(values)

    def _fits(self, value: Any) -> bool:
        return value in self.values


class Items(Node):
    """A list, each item of the `of` node; `nonempty`: at least one item."""

    types = (list,)

    def __init__(self, of: Node | None = None, wrong: Problem = "", *, nonempty: bool = False,
                 expect: Problem | None = None):
        super().__init__(wrong, expect=expect)
        self.of = of
        self.nonempty = nonempty

    def _fits(self, value: Any) -> bool:
        return isinstance(value, list) and (not self.nonempty or bool(value))

    def _inside(self, value: list, key: str) -> list:
        if self.of is None:
            return value
        return [self.of.check(item, key) for item in value]


class Entries(Node):
    """A table of any keys, each value of the `of` node (checked under `key.name`)."""

    types = (dict,)

    def __init__(self, of: Node | None = None, wrong: Problem = "", *, expect: Problem | None = None):
        super().__init__(wrong, expect=expect)
        self.of = of

    def _inside(self, value: dict, key: str) -> dict:
        if self.of is None:
            return value
        return {name: self.of.check(item, join(key, name)) for name, item in value.items()}


class Record(Node):
    """A table of known keys.

    `fields`: each key's node, in the order they are checked; `required`: the keys it must have
    (`missing(name)` says so, at the table's key, or at the key itself with `missing_here`);
    `unknown(names, known)`: what to say of the keys it does not know (at the first of them). Its value is a dict
    of the checked values of the keys it has.
    """

    types = (dict,)

    def __init__(self, fields: dict[str, Node], wrong: Problem = "", *, required=(),
                 missing: Callable[[str], str] = lambda name: f"缺少必填字段“{name}”",
                 missing_here: bool = False,
                 unknown: Callable[[list[str], list[str]], str] = lambda names, known: f"未知字段（可用：{', '.join(known)}）",
                 expect: Problem | None = None):
        super().__init__(wrong, expect=expect)
        self.fields = fields
        self.required = tuple(required)
        self.missing = missing
        self.missing_here = missing_here
        self.unknown = unknown

    def _inside(self, value: dict, key: str) -> dict:
        self.require(value, key)
        unknown = [name for name in value if name not in self.fields]
        if unknown:
            raise Invalid(join(key, unknown[0]), self.unknown(unknown, list(self.fields)))
        return {name: node.check(value[name], join(key, name))
                for name, node in self.fields.items() if name in value}

    def require(self, value: dict, key: str = "") -> None:
        """Raise Invalid for the first required key `value` lacks."""
        for name in self.required:
            if name not in value:
                raise Invalid(join(key, name) if self.missing_here else key, self.missing(name))


class Either(Node):
    """A value of one of several shapes: the first node whose type it has checks it (none: the
    last node says what is wrong)."""

    def __init__(self, *nodes: Node):
        super().__init__()
        self.nodes = nodes

    def check(self, value: Any, key: str = "") -> Any:
        node = next((node for node in self.nodes if node._fits(value)), self.nodes[-1])
        return node.check(value, key)


def join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def toml_type(value: Any) -> str:
    """A TOML value's type, in words."""
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, (int, float)):
        return "数字"
    if isinstance(value, str):
        return "字符串"
    if isinstance(value, list):
        return "数组"
    return "表" if isinstance(value, dict) else "日期时间"


def regex_of(engine, text: str) -> str | None:
    """Why `text` is no regular expression of `engine` (re or regex), in Chinese; None if it is one."""
    from lintlaw.reasons import regex_reason

    try:
        engine.compile(text)
    except engine.error as err:
        return regex_reason(err)
    return None


def line_of(raw: str, key: str) -> int:
    """The line of a key in a TOML file's text: where `name =` (the key's last part) or the
    table `[key]` is written; 1 if neither is found (a key left out, the whole file)."""
    if not key:
        return 1
    last = re.escape(key.split(".")[-1])
    pattern = rf"^\s*(?:{last}\s*=|\[+\s*{re.escape(key)}\s*\]+)"
    match = re.search(pattern, raw, re.M)
    return raw.count("\n", 0, match.start()) + 1 if match else 1


def located(path, err: Invalid, raw: str | None = None, top: bool = False) -> str:
    """`path:line: key: problem` for an Invalid of the file at `path` (read when `raw` is not
    given); `top`: the key named is its first part (a rule file names the option, however deep
    the fault lies in it)."""
    if raw is None:
        try:
            with open(path, encoding="utf-8") as file:
                raw = file.read()
        except (OSError, UnicodeDecodeError):
            raw = ""
    key = err.key.split(".")[0] if top else err.key
    where = f"{path}:{line_of(raw, key)}"
    return f"{where}: {key}: {err.problem}" if key else f"{where}: {err.problem}"
