"""One rule file: TOML data, checked against its schema, made into a Rule.

A rule file names a kind (Python code in lintlaw/engine/kinds/) and gives that kind's
options. Nothing in a rule file is executed. What every rule file holds is declared once
(`COMMON`); what a kind's options are, by the kind (`RuleKind.options_schema`).
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

from lintlaw.diagnostics import CATEGORIES, SEVERITY_NAMES, Severity
from lintlaw.engine.examples import examples_of
from lintlaw.engine.redirects import REDIRECTS, current_report_type
from lintlaw.engine.rule import Rule
from lintlaw.errors import RuleFileError
from lintlaw.io.schema import Invalid, Items, Node, Record, Text, located
from lintlaw.reasons import format_reason, read_reason, toml_reason

CODE = re.compile(r"^[A-Z]{1,2}[0-9]{3}$")
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED_KEYS = ("code", "name", "kind", "category", "severity", "message", "explanation",
                 "authority")  # and, for a built-in rule, examples (tests/test_rule_examples.py runs them)


def _text() -> Text:
    return Text("必须是非空字符串", nonblank=True)


def _placeholders(template: str) -> set[str] | None:
    """The names a message template uses; None when it is no template (its braces)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError:
        return None


# What every rule file holds, declared once (the kind's options are declared by the kind).
COMMON = {
    "code": _text().where(CODE.match, "格式应为一到两个大写字母加三位数字，如 S101"),
    "name": _text().where(NAME.match, "应为小写连字符形式，如 numbering-gap")
    .where(lambda name: name not in REDIRECTS, lambda name, key: f"“{name}”是规则“{REDIRECTS[name]}”的旧名，不能再用"),
    "kind": Node(),  # a kind of KINDS: known before the rest is checked
    "category": _text().where(lambda category: category in CATEGORIES, f"只能取 {', '.join(CATEGORIES)}"),
    "severity": _text().where(lambda severity: severity in SEVERITY_NAMES, f"只能取 {'、'.join(SEVERITY_NAMES)}"),
    "message": _text().where(lambda message: _placeholders(message) is not None, f"消息模板有误：{format_reason()}"),
    "explanation": _text(),
    "authority": _text(),
    # A rule of one's own may leave its examples out, as a Vale rule has none; given, they are checked.
    "examples": Node().then(examples_of),
    "report-types": Items(Text(nonempty=True), expect="应为报告类型名称的列表，如 [\"law-based-government\"]"),
}
BUILTIN = Record(COMMON, required=(*REQUIRED_KEYS, "examples"))
OWN = Record(COMMON, required=REQUIRED_KEYS)


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
    if data is None:
        data = parse_rule_file(path)
    try:
        return _rule(path, builtin, data)
    except Invalid as err:
        raise RuleFileError(located(path, err, top=True)) from None


def _rule(path: Path, builtin: bool, data: dict) -> Rule:
    from lintlaw.engine.kinds import KINDS
    from lintlaw.engine.kinds.base import applicable_options

    (BUILTIN if builtin else OWN).require(data)
    kind_cls = KINDS[Text("必须是非空字符串").where(
        lambda kind: kind in KINDS, lambda kind, key: f"未知的规则类型“{kind}”，可用：{', '.join(sorted(KINDS))}")
        .check(data["kind"], "kind")]
    usable = applicable_options(kind_cls, data)
    schema = Record({**COMMON, **{key: Node() for key in usable}},  # the options: checked by the kind
                    unknown=lambda names, known: f"未知字段（类型 {kind_cls.name} 可用的字段：{', '.join(usable)}）")
    checked = schema.check(data)
    _check_compared(checked.get("examples"), kind_cls.name)
    settings = {key: data[key] for key in kind_cls.options if key in data}
    kind = build_kind(kind_cls, settings, _invalid, str(path))
    _check_placeholders(checked["message"], kind_cls, settings)
    return Rule(code=checked["code"], name=checked["name"], category=checked["category"],
                severity=Severity.parse(checked["severity"]), message=checked["message"],
                explanation=checked["explanation"].strip(), authority=checked["authority"].strip(),
                examples=checked.get("examples", {"good": [], "bad": []}), kind=kind, path=str(path),
                builtin=builtin, report_types=tuple(map(current_report_type, checked.get("report-types", []))),
                settings=settings, fixes=kind_cls.fixes_for(settings))


def _check_compared(examples: dict | None, kind: str) -> None:
    """The examples of a comparison rule, and only they, give the reports compared with."""
    if examples is None:
        return
    every = examples["good"] + examples["bad"]
    compared = [x for x in every if x.previous is not None or x.others]
    if compared and kind != "comparison":
        raise Invalid("examples", "只有 comparison 类型的规则的示例可以写 previous（上年报告）和 others（其他单位的报告）")
    if kind == "comparison" and len(compared) < len(every):
        raise Invalid("examples", "comparison 类型的规则的每个示例都要写 previous（上年报告）或 others（其他单位的报告）")


def _invalid(key: str, problem: str):
    raise Invalid(key, problem)


def _check_placeholders(message: str, kind_cls, settings: dict[str, Any]) -> None:
    """Each problem provides its own values: a placeholder it lacks would print as nothing."""
    allowed = kind_cls.message_fields(settings)
    unknown = _placeholders(message) - allowed
    if unknown:
        which = f"{kind_cls.name} 类型的 {settings['problem']} 检查" if kind_cls.problems else f"{kind_cls.name} 类型"
        raise Invalid("message", f"消息模板用了未知的占位符 {', '.join(sorted(unknown))}；"
                                 f"{which}可用：{'、'.join(sorted(allowed)) or '（无）'}")


def build_kind(kind_cls, settings: dict[str, Any], fail, rule_path: str):
    """A kind instance from option values, checked against the kind's schema.

    `fail(key, problem)` raises the error for a wrong or missing value.
    """
    try:
        checked = kind_cls.options_schema().check(settings)
    except Invalid as err:
        fail(err.key.split(".")[0], err.problem)
    options = {key: checked[key] if key in checked else option.default for key, option in kind_cls.options.items()}
    problem = kind_cls.validate(options)
    if problem:
        fail(*problem)
    kind = kind_cls(**options)
    kind.rule_path = rule_path
    return kind
