"""Loading and validating rule files, and choosing rules by selector.

A rule file is TOML data: it names a kind (Python code in lintlaw/kinds/)
and gives that kind's options. Nothing in a rule file is executed.
"""

from __future__ import annotations

import re
import string
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from lintlaw.diagnostics import CATEGORIES, Severity
from lintlaw.errors import RuleFileError, UsageError

CODE = re.compile(r"^[A-Z]{1,2}[0-9]{3}$")
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COMMON_KEYS = {"code", "name", "kind", "category", "severity", "message", "explanation",
               "authority", "examples"}
REQUIRED_KEYS = ("code", "name", "kind", "category", "severity", "message", "explanation",
                 "authority", "examples")


@dataclass
class Rule:
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    explanation: str
    authority: str
    examples: dict[str, list[str]]
    kind: Any  # a RuleKind instance
    path: str
    builtin: bool = True

    def render_message(self, values: dict[str, Any]) -> str:
        return self.message.format_map(_Defaults(values))


class _Defaults(dict):
    def __missing__(self, key):
        return ""


def _line_of(raw: str, key: str) -> int:
    """Line of a key in a TOML file, for error messages (1 if not found)."""
    pattern = re.compile(rf"^\s*(?:{re.escape(key)}\s*=|\[+\s*{re.escape(key)}\s*\]+)", re.M)
    match = pattern.search(raw)
    return raw.count("\n", 0, match.start()) + 1 if match else 1


def parse_rule_file(path: Path) -> dict:
    """A rule file's TOML data; unreadable or malformed files are a RuleFileError."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RuleFileError(f"{path}: 无法读取规则文件（{err}）") from None
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        raise RuleFileError(f"{path}: 不是有效的 TOML（{err}）") from None


def load_rule_file(path: Path, builtin: bool = True, data: dict | None = None) -> Rule:
    """Validate one rule file (its parsed data may be passed in) and build its Rule."""
    from lintlaw.kinds import KINDS

    if data is None:
        data = parse_rule_file(path)

    def fail(key: str, problem: str):
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raw = ""
        raise RuleFileError(f"{path}:{_line_of(raw, key)}: {key}: {problem}")

    for key in REQUIRED_KEYS:
        if key not in data:
            raise RuleFileError(f"{path}:1: 缺少必填字段“{key}”")
    kind_cls = KINDS.get(data["kind"])
    if kind_cls is None:
        fail("kind", f"未知的规则类型“{data['kind']}”，可用：{', '.join(sorted(KINDS))}")
    for key in data:
        if key not in COMMON_KEYS and key not in kind_cls.options:
            fail(key, f"未知字段（类型 {kind_cls.name} 可用的字段：{', '.join(kind_cls.options)}）")
    for key in ("code", "name", "category", "severity", "message", "explanation", "authority"):
        if not isinstance(data[key], str) or not data[key].strip():
            fail(key, "必须是非空字符串")
    if not CODE.match(data["code"]):
        fail("code", "格式应为一到两个大写字母加三位数字，如 S101")
    if not NAME.match(data["name"]):
        fail("name", "应为小写连字符形式，如 numbering-gap")
    if data["category"] not in CATEGORIES:
        fail("category", f"只能取 {', '.join(CATEGORIES)}")
    if data["severity"] not in ("error", "warning", "info"):
        fail("severity", "只能取 error、warning、info")

    allowed = set(kind_cls.fields) | {"match"}
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(data["message"]) if name}
    except ValueError as err:
        fail("message", f"消息模板有误（{err}）")
    unknown = used - allowed
    if unknown:
        fail("message", f"消息模板用了未知的占位符 {', '.join(sorted(unknown))}；可用：{', '.join(sorted(allowed))}")

    examples = data["examples"]
    if (not isinstance(examples, dict) or set(examples) - {"bad", "good"}
            or not all(isinstance(examples.get(k), list) and examples.get(k)
                       and all(isinstance(x, str) for x in examples[k]) for k in ("bad", "good"))):
        fail("examples", "需要 bad 和 good 两个非空字符串列表")

    options: dict[str, Any] = {}
    for key, option in kind_cls.options.items():
        if key in data:
            value = data[key]
            if not isinstance(value, option.type) or isinstance(value, bool) and option.type is int:
                fail(key, f"类型应为 {_type_name(option.type)}")
            options[key] = value
        elif option.required:
            raise RuleFileError(f"{path}:1: 缺少 {kind_cls.name} 类型的必填字段“{key}”")
        else:
            options[key] = option.default
    problem = kind_cls.validate(options)
    if problem:
        fail(*problem)

    kind = kind_cls(**options)
    kind.rule_path = str(path)
    return Rule(code=data["code"], name=data["name"], category=data["category"],
                severity=Severity.parse(data["severity"]), message=data["message"],
                explanation=data["explanation"].strip(), authority=data["authority"].strip(),
                examples=examples, kind=kind, path=str(path), builtin=builtin)


def _type_name(kind) -> str:
    names = {str: "字符串", int: "整数", list: "列表", bool: "布尔值", dict: "表"}
    return names.get(kind, getattr(kind, "__name__", str(kind)))


def load_rules(extra_dirs: Iterable[Path] = ()) -> list[Rule]:
    """The built-in rules plus rule files from extra directories, sorted by code."""
    from lintlaw import rulecache
    from lintlaw.resources import builtin_rules_dir

    sources = [(path, True) for path in sorted(builtin_rules_dir().rglob("*.toml"))]
    for directory in extra_dirs:
        if not directory.is_dir():
            raise RuleFileError(f"{directory}: 规则目录不存在")
        sources += [(path, False) for path in sorted(directory.rglob("*.toml"))]
    data = rulecache.parsed([path for path, _ in sources], parse_rule_file)
    rules = [load_rule_file(path, builtin, data[str(path)]) for path, builtin in sources]
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise RuleFileError(f"{rule.path}: “{key}”与 {seen[key].path} 重复")
            seen[key] = rule
    return sorted(rules, key=lambda rule: rule.code)


def _matches(rule: Rule, selector: str) -> bool:
    # codes and their prefixes in any case (s101 as S101), as `lintlaw rule s101` takes them
    return (selector == "ALL" or selector == rule.category or selector == rule.name
            or rule.code.startswith(selector.upper()))


def select_rules(rules: list[Rule], select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Rules enabled by --select (default: all) minus those matched by --ignore.

    A selector is ALL, a category, a rule name, a code or a code prefix.
    """
    for selector in (select or []) + (ignore or []):
        if not selector.strip():
            raise UsageError("空的规则选择器（不选规则时省略此选项；选全部规则用 ALL）")
        if not any(_matches(rule, selector) for rule in rules):
            raise UsageError(f"未知的规则选择器“{selector}”（可用代码、代码前缀、规则名或类别）")
    chosen = [r for r in rules if not select or any(_matches(r, s) for s in select)]
    return [r for r in chosen if not any(_matches(r, s) for s in ignore or [])]


def configured_rules(settings, select=None, ignore=None, extend_select=None, extra_dirs=(),
                     file_ignores=()) -> list[Rule]:
    """The rules for files under one configuration.

    Command-line select/ignore replace the configuration's; extend-select from both
    adds to the selection; per-file ignores, severity overrides and the publication
    deadline come from the configuration.
    """
    import copy
    import dataclasses

    from lintlaw.diagnostics import Severity

    rules = _cached_rules(tuple(settings.rules) + tuple(extra_dirs))
    where = f"{settings.path}: " if settings.path else ""

    def check(selectors, key):
        try:
            select_rules(rules, list(selectors), None)
        except UsageError as err:
            raise UsageError(f"{where}{key}: {err}") from None

    chosen_select = select if select is not None else settings.select
    chosen_ignore = list(ignore if ignore is not None else settings.ignore) + list(file_ignores)
    extend = list(settings.extend_select) + list(extend_select or [])
    for selectors, key in ((settings.select or (), "select"), (settings.ignore, "ignore"),
                           (settings.extend_select, "extend-select"), (file_ignores, "per-file-ignores"),
                           (tuple(name for name, _ in settings.severity), "severity")):
        check(selectors, key)
    # Command-line selectors name no file.
    select_rules(rules, list(select or []) + list(extend_select or []), list(ignore or []))
    selected = [r for r in rules
                if (not chosen_select or any(_matches(r, s) for s in chosen_select)
                    or any(_matches(r, s) for s in extend))
                and not any(_matches(r, s) for s in chosen_ignore)]
    result = []
    for rule in selected:
        for selector, level in settings.severity:
            if _matches(rule, selector):
                rule = dataclasses.replace(rule, severity=Severity.parse(level))
        if settings.deadline and getattr(rule.kind, "problem", None) in ("late-date", "early-date"):
            kind = copy.copy(rule.kind)
            kind.deadline = settings.deadline
            rule = dataclasses.replace(rule, kind=kind)
        result.append(rule)
    return result


_RULE_CACHE: dict[tuple, list[Rule]] = {}


def _cached_rules(dirs: tuple) -> list[Rule]:
    if dirs not in _RULE_CACHE:
        _RULE_CACHE[dirs] = load_rules([Path(d) for d in dirs])
    return _RULE_CACHE[dirs]
