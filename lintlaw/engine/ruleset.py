"""Loading and validating rule files, and choosing rules by selector.

A rule file is TOML data: it names a kind (Python code in lintlaw/engine/kinds/)
and gives that kind's options. Nothing in a rule file is executed.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from lintlaw.diagnostics import CATEGORIES, SEVERITY_NAMES, Severity
from lintlaw.errors import LintlawError, RuleFileError, UsageError
from lintlaw.reasons import format_reason, read_reason, toml_reason
from lintlaw.engine.redirects import REDIRECTS, REPORT_TYPE_REDIRECTS, current_name, current_report_type

CODE = re.compile(r"^[A-Z]{1,2}[0-9]{3}$")
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COMMON_KEYS = {"code", "name", "kind", "category", "severity", "message", "explanation",
               "authority", "examples", "report-types"}
REQUIRED_KEYS = ("code", "name", "kind", "category", "severity", "message", "explanation",
                 "authority")  # and, for a built-in rule, examples (tests/test_rule_examples.py runs them)


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
    fixes: Any = None  # lintlaw.engine.kinds.base.Fixes: the fixes its findings carry; None: none
    report_types: tuple[str, ...] = ()  # the report types it applies to; () for every type
    settings: dict[str, Any] = field(default_factory=dict)  # the kind's options as written, before defaults

    def with_options(self, overrides: dict[str, Any], fail) -> Rule:
        """This rule with some of its kind's options set anew (from the configuration).

        `fail(key, problem)` reports a bad value; nothing is changed in this rule.
        """
        import dataclasses

        settings = {**self.settings, **overrides}
        kind = build_kind(type(self.kind), settings, fail, self.path)
        return dataclasses.replace(self, kind=kind, settings=settings, fixes=type(self.kind).fixes_for(settings))

    @property
    def fixable(self) -> bool:
        """Whether its findings may carry a fix."""
        return self.fixes is not None

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
    from lintlaw.io import tomlfile

    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RuleFileError(f"{path}: 无法读取规则文件（{read_reason(err)}）") from None
    try:
        return tomlfile.loads(raw)
    except tomlfile.TOMLDecodeError as err:
        raise RuleFileError(f"{path}: 不是有效的 TOML（{toml_reason(err)}）") from None
    except RecursionError:
        raise RuleFileError(f"{path}: 不是有效的 TOML（嵌套层次太深）") from None


def load_rule_file(path: Path, builtin: bool = True, data: dict | None = None) -> Rule:
    """Validate one rule file (its parsed data may be passed in) and build its Rule."""
    from lintlaw.engine.kinds import KINDS
    from lintlaw.engine.kinds.base import applicable_options

    if data is None:
        data = parse_rule_file(path)

    def fail(key: str, problem: str):
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raw = ""
        raise RuleFileError(f"{path}:{_line_of(raw, key)}: {key}: {problem}")

    for key in REQUIRED_KEYS + (("examples",) if builtin else ()):
        if key not in data:
            raise RuleFileError(f"{path}:1: 缺少必填字段“{key}”")
    kind_cls = KINDS.get(data["kind"])
    if kind_cls is None:
        fail("kind", f"未知的规则类型“{data['kind']}”，可用：{', '.join(sorted(KINDS))}")
    usable = applicable_options(kind_cls, data)
    for key in data:
        if key not in COMMON_KEYS and key not in usable:
            fail(key, f"未知字段（类型 {kind_cls.name} 可用的字段：{', '.join(usable)}）")
    for key in ("code", "name", "category", "severity", "message", "explanation", "authority"):
        if not isinstance(data[key], str) or not data[key].strip():
            fail(key, "必须是非空字符串")
    if not CODE.match(data["code"]):
        fail("code", "格式应为一到两个大写字母加三位数字，如 S101")
    if not NAME.match(data["name"]):
        fail("name", "应为小写连字符形式，如 numbering-gap")
    if data["name"] in REDIRECTS:
        fail("name", f"“{data['name']}”是规则“{REDIRECTS[data['name']]}”的旧名，不能再用")
    if data["category"] not in CATEGORIES:
        fail("category", f"只能取 {', '.join(CATEGORIES)}")
    if data["severity"] not in SEVERITY_NAMES:
        fail("severity", f"只能取 {'、'.join(SEVERITY_NAMES)}")

    try:
        used = {name for _, name, _, _ in string.Formatter().parse(data["message"]) if name}
    except ValueError as err:
        fail("message", f"消息模板有误：{format_reason()}")

    # A rule of one's own may leave its examples out, as a Vale rule has none; given, they are checked.
    examples = _examples(data["examples"], fail) if "examples" in data else {"good": [], "bad": []}
    compared = [x for x in examples["good"] + examples["bad"] if x.previous is not None or x.others]
    if compared and kind_cls.name != "comparison":
        fail("examples", "只有 comparison 类型的规则的示例可以写 previous（上年报告）和 others（其他单位的报告）")
    if kind_cls.name == "comparison" and len(compared) < len(examples["bad"]) + len(examples["good"]):
        fail("examples", "comparison 类型的规则的每个示例都要写 previous（上年报告）或 others（其他单位的报告）")

    report_types = data.get("report-types", [])
    if not isinstance(report_types, list) or not all(isinstance(t, str) and t for t in report_types):
        fail("report-types", "应为报告类型名称的列表，如 [\"law-based-government\"]")
    settings = {key: data[key] for key in kind_cls.options if key in data}
    kind = build_kind(kind_cls, settings, fail, str(path))
    # Each problem provides its own values: a placeholder it lacks would print as nothing.
    allowed = kind_cls.message_fields(settings)
    unknown = used - allowed
    if unknown:
        which = f"{kind_cls.name} 类型的 {settings['problem']} 检查" if kind_cls.problems else f"{kind_cls.name} 类型"
        fail("message", f"消息模板用了未知的占位符 {', '.join(sorted(unknown))}；"
                        f"{which}可用：{'、'.join(sorted(allowed)) or '（无）'}")
    return Rule(code=data["code"], name=data["name"], category=data["category"],
                severity=Severity.parse(data["severity"]), message=data["message"],
                explanation=data["explanation"].strip(), authority=data["authority"].strip(),
                examples=examples, kind=kind, path=str(path), builtin=builtin,
                report_types=tuple(map(current_report_type, report_types)), settings=settings, fixes=kind_cls.fixes_for(settings))


def build_kind(kind_cls, settings: dict[str, Any], fail, rule_path: str):
    """A kind instance from option values, checked against the kind's declaration.

    `fail(key, problem)` raises the error for a wrong type or value; a missing
    required option is reported through it too.
    """
    options: dict[str, Any] = {}
    for key, option in kind_cls.options.items():
        if key in settings:
            value = settings[key]
            if not isinstance(value, option.type) or isinstance(value, bool) and option.type in (int, (int, float)):
                fail(key, f"类型应为 {_type_name(option.type)}")
            options[key] = value
        elif option.required:
            fail(key, f"缺少 {kind_cls.name} 类型的必填字段“{key}”")
        else:
            options[key] = option.default
    problem = kind_cls.validate(options)
    if problem:
        fail(*problem)
    kind = kind_cls(**options)
    kind.rule_path = rule_path
    return kind


class Expected(NamedTuple):
    """A finding a bad example must give: where it starts (1-based) and its message; and,
    when the example says, where it ends and its related spans. Ends are given as
    --format json gives them: the line and column just after the last character."""
    line: int
    column: int
    message: str
    end: tuple[int, int] | None = None  # (end_line, end_column)
    # Each (line, column, end_line, end_column, label).
    related: tuple[tuple[int, int, int, int, str], ...] | None = None


class Example(str):
    """A good example's text; for a comparison rule, with the reports it is compared with.

    A str, so that whatever shows or runs examples takes it as plain text."""

    previous: str | None = None  # last year's report of the same issuer (read as --previous reads it)
    others: tuple[str, ...] = ()  # reports of other issuers in the same run


class BadExample(Example):
    """A bad example's text, with what the rule must say about it (when the file says)."""

    findings: tuple[Expected, ...] = ()  # empty: the file names no expected finding
    fixed: str | None = None  # the text after --fix (safe fixes only)
    fixed_unsafe: str | None = None  # the text after --fix --unsafe-fixes, when it differs


EXAMPLE_KEYS = {"text", "line", "column", "message", "end_line", "end_column", "related", "findings", "fixed",
                "fixed_unsafe", "previous", "others"}
COMPARED_KEYS = {"text", "previous", "others"}  # what a good example of a comparison rule may give
_FINDING_KEYS = {"line", "column", "message"}
_OPTIONAL_FINDING_KEYS = {"end_line", "end_column", "related"}
_RELATED_KEYS = {"line", "column", "end_line", "end_column", "label"}


def _examples(examples: Any, fail) -> dict[str, list[str]]:
    """Checked examples: good ones are strings (or, for a comparison rule, tables of the texts
    compared); bad ones a string or a table with the expected finding(s) (line, column, message,
    or a findings list), fixed text, and the texts compared with."""
    if (not isinstance(examples, dict) or set(examples) - {"bad", "good"}
            or not all(isinstance(examples.get(k), list) and examples.get(k) for k in ("bad", "good"))
            or not all(isinstance(x, str) or isinstance(x, dict) and isinstance(x.get("text"), str)
                       for x in examples["good"])):
        fail("examples", "需要 bad 和 good 两个非空列表（good 是字符串列表）")
    return {"good": [_compared(Example(x) if isinstance(x, str) else Example(x["text"]), x, COMPARED_KEYS, fail)
                     for x in examples["good"]],
            "bad": [_bad_example(x, fail) for x in examples["bad"]]}


def _compared(example: Example, case: Any, keys: set[str], fail) -> Example:
    """An example with the texts a comparison rule compares it with (previous, others)."""
    if not isinstance(case, dict):
        return example
    unknown = set(case) - keys
    if unknown:
        fail("examples", f"示例有未知字段 {', '.join(sorted(unknown))}；可用：{', '.join(sorted(keys))}")
    previous, others = case.get("previous"), case.get("others", [])
    if previous is not None and not isinstance(previous, str):
        fail("examples", "示例的 previous（上年报告）应是字符串")
    if not isinstance(others, list) or not all(isinstance(x, str) for x in others):
        fail("examples", "示例的 others（其他单位的报告）应是字符串列表")
    example.previous, example.others = previous, tuple(others)
    return example


def _bad_example(case: Any, fail) -> BadExample:
    if isinstance(case, str):
        return BadExample(case)
    if not isinstance(case, dict) or not isinstance(case.get("text"), str):
        fail("examples", "bad 中的每一项应是字符串，或带 text 字段的表")
    unknown = set(case) - EXAMPLE_KEYS
    if unknown:
        fail("examples", f"bad 示例有未知字段 {', '.join(sorted(unknown))}；可用：{', '.join(sorted(EXAMPLE_KEYS))}")
    single = [key for key in ("line", "column", "message") if key in case]
    if single and "findings" in case:
        fail("examples", "bad 示例的 findings 与 line、column、message 只能写一种")
    if single and len(single) < 3:
        fail("examples", "bad 示例需同时写 line、column、message")
    optional = [key for key in _OPTIONAL_FINDING_KEYS if key in case]
    if optional and not single:
        fail("examples", f"bad 示例的 {', '.join(sorted(optional))} 需与 line、column、message 一起写")
    listed = case.get("findings", [{key: case[key] for key in [*single, *optional]}] if single else [])
    if not isinstance(listed, list):
        fail("examples", "bad 示例的 findings 应是表的列表")
    findings = []
    for item in listed:
        if (not isinstance(item, dict)
                or not _FINDING_KEYS <= set(item) <= _FINDING_KEYS | _OPTIONAL_FINDING_KEYS
                or not all(type(item[k]) is int and item[k] >= 1 for k in ("line", "column"))
                or not isinstance(item["message"], str)):
            fail("examples", "bad 示例的每个结果需要正整数 line、column 和字符串 message")
        findings.append(Expected(item["line"], item["column"], item["message"], _end(item, fail),
                                 _related(item, fail)))
    for key in ("fixed", "fixed_unsafe"):
        if key in case and not isinstance(case[key], str):
            fail("examples", f"bad 示例的 {key} 应是字符串")
    example = _compared(BadExample(case["text"]), case, EXAMPLE_KEYS, fail)
    example.findings = tuple(findings)
    example.fixed = case.get("fixed")
    example.fixed_unsafe = case.get("fixed_unsafe")
    return example


def _end(item: dict, fail) -> tuple[int, int] | None:
    """Where an expected finding ends, when the example says (end_line and end_column together)."""
    if "end_line" not in item and "end_column" not in item:
        return None
    if not all(type(item.get(k)) is int and item[k] >= 1 for k in ("end_line", "end_column")):
        fail("examples", "bad 示例结果的 end_line、end_column 需同时写，且为正整数")
    return item["end_line"], item["end_column"]


def _related(item: dict, fail) -> tuple[tuple[int, int, int, int, str], ...] | None:
    """An expected finding's related spans, when the example says (each with where it starts
    and ends and its label)."""
    if "related" not in item:
        return None
    spans = item["related"]
    if not isinstance(spans, list) or not all(
            isinstance(span, dict) and set(span) == _RELATED_KEYS and isinstance(span["label"], str)
            and all(type(span[k]) is int and span[k] >= 1 for k in _RELATED_KEYS - {"label"})
            for span in spans):
        fail("examples", "bad 示例结果的 related 应是表的列表，每项有正整数 line、column、end_line、end_column"
                         "和字符串 label")
    return tuple((s["line"], s["column"], s["end_line"], s["end_column"], s["label"]) for s in spans)


def _type_name(kind) -> str:
    names = {str: "字符串", int: "整数", list: "列表", bool: "布尔值", dict: "表", (int, float): "数"}
    return names.get(kind, getattr(kind, "__name__", str(kind)))


@dataclass(frozen=True)
class Catalog:
    """Everything the rule directories hold: the rules and the report types."""

    rules: list[Rule]
    types: Any  # lintlaw.analysis.report_types.ReportTypes


def load_rules(extra_dirs: Iterable[Path] = ()) -> list[Rule]:
    """The built-in rules plus rule files from extra directories, sorted by code."""
    return load_catalog(tuple(extra_dirs)).rules


def load_catalog(extra_dirs: Iterable[Path] = ()) -> Catalog:
    """The built-in rules and report types plus those in extra directories.

    A directory's report-types/ folder holds type files (and the built-in tables/ folder
    table layouts); every other .toml file under it is a rule file.
    """
    from lintlaw.engine import rulecache
    from lintlaw.analysis.report_types import TABLES_DIR, TYPES_DIR, load_types, type_paths
    from lintlaw.resources import builtin_rules_dir

    directories = [builtin_rules_dir()]
    for directory in extra_dirs:
        if not directory.is_dir():
            problem = "不是目录（应指向存放规则文件的目录）" if directory.exists() else "规则目录不存在"
            raise RuleFileError(f"{directory}: {problem}")
        directories.append(directory)
    sources = [(path, directory is directories[0]) for directory in directories
               for path in sorted(directory.rglob("*.toml"))
               if TYPES_DIR not in path.relative_to(directory).parts[:-1]
               and not (directory is directories[0] and path.parent == directory / TABLES_DIR)]
    typed = [path for directory in directories for path in type_paths(directory)]
    data = rulecache.parsed([path for path, _ in sources] + typed, parse_rule_file)
    types = load_types(directories, data)
    for report_type in types.types:
        if report_type.name in REPORT_TYPE_REDIRECTS:
            line = _line_of(Path(report_type.path).read_text(encoding="utf-8"), "name")
            raise RuleFileError(f"{report_type.path}:{line}: name: “{report_type.name}”是报告类型"
                                f"“{REPORT_TYPE_REDIRECTS[report_type.name]}”的旧名，不能再用")
    rules = [load_rule_file(path, builtin, data[str(path)]) for path, builtin in sources]
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise RuleFileError(f"{rule.path}: “{key}”与 {seen[key].path} 重复")
            seen[key] = rule
        _check_types(rule, types)
        if not rule.builtin:  # the built-in rules' examples are tests (tests/test_rule_examples.py)
            _check_fix_stable(rule)
    _check_shared(rules)
    return Catalog(sorted(rules, key=lambda rule: rule.code), types)


def _check_types(rule: Rule, types) -> None:
    """A rule names known report types, and a part every one of them declares."""
    raw = Path(rule.path).read_text(encoding="utf-8") if rule.report_types or hasattr(rule.kind, "part") else ""
    for name in rule.report_types:
        if types.get(name) is None:
            known = ", ".join(t.name for t in types.types)
            raise RuleFileError(f"{rule.path}:{_line_of(raw, 'report-types')}: report-types: "
                                f"未知的报告类型“{name}”（可用：{known}）")
    problem = type(rule.kind).check_types(vars(rule.kind), types)
    if problem:
        key, text = problem
        raw = raw or Path(rule.path).read_text(encoding="utf-8")
        raise RuleFileError(f"{rule.path}:{_line_of(raw, key)}: {key}: {text}")
    part = getattr(rule.kind, "part", None)
    if part is not None and rule.kind.name == "required-section":
        owners = [types.get(n) for n in rule.report_types] or list(types.types)
        if not rule.report_types or any(part not in t.parts for t in owners):
            raise RuleFileError(f"{rule.path}:{_line_of(raw, 'part')}: part: 报告类型 "
                                f"{', '.join(rule.report_types) or '（未限定）'} 没有声明必备部分“{part}”"
                                "（report-types 应列出声明了它的类型）")


def _check_fix_stable(rule: Rule) -> None:
    """A rule's fix, applied to its bad examples as --fix applies it, gives a text the rule
    leaves alone: otherwise every run of --fix changes the file again (培训机构 → 民办培训机构,
    then 民办民办培训机构 …)."""
    if not rule.fixable:
        return
    from lintlaw.engine.fixing import fix_source

    for example in rule.examples["bad"]:
        try:
            source = rule.kind.example_source(str(example), rule.path)
            fixed = fix_source(source, [rule], unsafe=True).source
            once = fixed.text
            twice = fix_source(fixed, [rule], unsafe=True).source.text if once != source.text else once
        except LintlawError:
            return  # a pattern out of time: the files checked will say so, naming themselves
        if twice != once:
            key = "fix" if "fix" in rule.settings else "examples"
            raw = Path(rule.path).read_text(encoding="utf-8")
            raise RuleFileError(f"{rule.path}:{_line_of(raw, key)}: {key}: 修复结果不稳定：示例“{example}”"
                                f"修复后是“{once}”，再次修复又成了“{twice}”（修复后的文字仍被本规则找出）；"
                                "请让规则不再匹配修复后的写法")


def _check_shared(rules: list[Rule]) -> None:
    """A shared option (one setting for every rule of a kind) has one value in all rule files."""
    values: dict[tuple[str, str], Rule] = {}
    for rule in rules:
        for key, option in type(rule.kind).options.items():
            if option.shared and key in rule.settings:
                other = values.setdefault((rule.kind.name, key), rule)
                if other.settings[key] != rule.settings[key]:
                    raise RuleFileError(f"{rule.path}: {key}: 与 {other.path} 共用此设置，值必须相同")


def settable_options(rule: Rule) -> dict:
    """The options of a rule's kind the configuration may set for it (not which problem it checks)."""
    from lintlaw.engine.kinds.base import applicable_options

    usable = applicable_options(type(rule.kind), rule.settings)
    return {key: option for key, option in usable.items() if key != "problem"}


def option_owners(rule: Rule, key: str, rules: list[Rule]) -> list[Rule]:
    """The rules that read one option value: the rule alone, or every rule of its kind for a shared option."""
    option = type(rule.kind).options.get(key)
    if option is None or not option.shared:
        return [rule]
    return [r for r in rules if type(r.kind) is type(rule.kind) and key in settable_options(r)]


def _matches(rule: Rule, selector: str) -> bool:
    selector = current_name(selector)
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
    adds to the selection; per-file ignores, severity overrides and per-rule
    options come from the configuration.
    """
    import dataclasses

    from lintlaw.diagnostics import Severity

    catalog = cached_catalog(tuple(settings.rule_dirs) + tuple(extra_dirs))
    rules = configured_options(settings, catalog.rules, catalog.types)
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
        result.append(rule)
    return result


def configured_options(settings, rules: list[Rule], types=None) -> list[Rule]:
    """The rules with the options the configuration sets ([rules.CODE], and the deadline shorthand).

    A bad key is a UsageError naming the configuration file and the key. A shared
    option set for one rule is set for every rule that reads it.
    """
    where = f"{settings.path}: " if settings.path else ""
    overrides: dict[str, dict[str, Any]] = {}
    setter: dict[tuple[str, str], str] = {}  # (rule code, option) -> the table that set it
    for selector, table in settings.rule_options.items():
        matched = [r for r in rules if selector in (r.code, r.name)]
        if not matched:
            raise UsageError(f"{where}rules.{selector}: 没有代码或名称为“{selector}”的规则")
        rule = matched[0]
        declared = settable_options(rule)
        for key, value in table.items():
            if key not in declared:
                usable = ", ".join(declared) or "无"
                raise UsageError(f"{where}rules.{selector}.{key}: 未知的选项（{rule.code} 可用的选项：{usable}）")
            for owner in option_owners(rule, key, rules):
                earlier = setter.get((owner.code, key))
                if earlier is not None and overrides[owner.code][key] != value:
                    raise UsageError(f"{where}rules.{selector}.{key}: {rule.code} 与 {earlier} 共用这一设置，"
                                     "两处的值不同；只需设一处")
                setter[(owner.code, key)] = rule.code
                overrides.setdefault(owner.code, {})[key] = value
    if settings.deadline is not None:  # the shorthand for every rule with a deadline option
        for rule in rules:
            if "deadline" in settable_options(rule):
                overrides.setdefault(rule.code, {}).setdefault("deadline", "%02d-%02d" % settings.deadline)
    if not overrides:
        return rules
    result = []
    for rule in rules:
        if rule.code in overrides:
            def fail(key, problem, code=rule.code):
                raise UsageError(f"{where}rules.{code}.{key}: {problem}")
            try:
                rule = rule.with_options(overrides[rule.code], fail)
            except RuleFileError as err:  # pragma: no cover - kinds report through fail
                raise UsageError(str(err)) from None
            problem = types is not None and type(rule.kind).check_types(vars(rule.kind), types)
            if problem:
                fail(*problem)
        result.append(rule)
    return result


_CATALOG_CACHE: dict[tuple, Catalog] = {}


def cached_catalog(dirs: tuple) -> Catalog:
    """The catalog of the built-in and extra rule directories, loaded again when any file in them changed
    (a long-lived process, such as the test suite, sees edits and new directories)."""
    from lintlaw.resources import builtin_rules_dir

    key = tuple(_signature(Path(d)) for d in (builtin_rules_dir(), *dirs))
    if key not in _CATALOG_CACHE:
        _CATALOG_CACHE[key] = load_catalog([Path(d) for d in dirs])
    return _CATALOG_CACHE[key]


def _signature(directory: Path) -> tuple:
    """A directory and every rule file under it, with size and modification time."""
    if not directory.is_dir():
        return (str(directory),)
    files = []
    for path in sorted(directory.rglob("*.toml")):
        try:
            status = path.stat()
        except OSError:
            continue
        files.append((str(path), status.st_size, status.st_mtime_ns))
    return (str(directory.resolve()), *files)
