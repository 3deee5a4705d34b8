"""Which rules run, and with which options: selectors (--select, --ignore, a configuration's
select, ignore, extend-select, per-file-ignores and severity) and a configuration's per-rule
options ([rules.CODE], and the deadline shorthand)."""

from __future__ import annotations

import dataclasses
from typing import Any

from lintlaw.diagnostics import Severity
from lintlaw.engine.redirects import current_name
from lintlaw.engine.rule import Rule
from lintlaw.errors import RuleFileError, UsageError


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


def _any(rule: Rule, selectors) -> bool:
    return any(_matches(rule, selector) for selector in selectors)


def select_rules(rules: list[Rule], select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Rules enabled by --select (default: all) minus those matched by --ignore.

    A selector is ALL, a category, a rule name, a code or a code prefix.
    """
    for selector in (select or []) + (ignore or []):
        if not selector.strip():
            raise UsageError("空的规则选择器（不选规则时省略此选项；选全部规则用 ALL）")
        if not any(_matches(rule, selector) for rule in rules):
            raise UsageError(f"未知的规则选择器“{selector}”（可用代码、代码前缀、规则名或类别）")
    chosen = [r for r in rules if not select or _any(r, select)]
    return [r for r in chosen if not _any(r, ignore or [])]


def configured_rules(settings, select=None, ignore=None, extend_select=None, extra_dirs=(),
                     file_ignores=()) -> list[Rule]:
    """The rules for files under one configuration.

    Command-line select/ignore replace the configuration's; extend-select from both
    adds to the selection; per-file ignores, severity overrides and per-rule
    options come from the configuration.
    """
    from lintlaw.engine.catalog import cached_catalog

    catalog = cached_catalog(tuple(settings.rule_dirs) + tuple(extra_dirs))
    rules = configured_options(settings, catalog.rules, catalog.types)
    _check_selectors(settings, rules, file_ignores)
    # Command-line selectors name no file.
    select_rules(rules, list(select or []) + list(extend_select or []), list(ignore or []))
    chosen_select = select if select is not None else settings.select
    chosen_ignore = list(ignore if ignore is not None else settings.ignore) + list(file_ignores)
    extend = list(settings.extend_select) + list(extend_select or [])
    selected = [r for r in rules
                if (not chosen_select or _any(r, chosen_select) or _any(r, extend)) and not _any(r, chosen_ignore)]
    return [_with_severity(rule, settings.severity) for rule in selected]


def _check_selectors(settings, rules: list[Rule], file_ignores) -> None:
    """Every selector the configuration writes matches a rule (an error names the file and key)."""
    where = f"{settings.path}: " if settings.path else ""
    for selectors, key in ((settings.select or (), "select"), (settings.ignore, "ignore"),
                           (settings.extend_select, "extend-select"), (file_ignores, "per-file-ignores"),
                           (tuple(name for name, _ in settings.severity), "severity")):
        try:
            select_rules(rules, list(selectors), None)
        except UsageError as err:
            raise UsageError(f"{where}{key}: {err}") from None


def _with_severity(rule: Rule, severities) -> Rule:
    """The rule at the severity the configuration's last matching [severity] entry gives it."""
    for selector, level in severities:
        if _matches(rule, selector):
            rule = dataclasses.replace(rule, severity=Severity.parse(level))
    return rule


def configured_options(settings, rules: list[Rule], types=None) -> list[Rule]:
    """The rules with the options the configuration sets ([rules.CODE], and the deadline shorthand).

    A bad key is a UsageError naming the configuration file and the key. A shared
    option set for one rule is set for every rule that reads it.
    """
    where = f"{settings.path}: " if settings.path else ""
    overrides, written = _overrides(settings.rule_options, rules, where)
    if settings.deadline is not None:  # the shorthand for every rule with a deadline option
        for rule in rules:
            if "deadline" in settable_options(rule):
                overrides.setdefault(rule.code, {}).setdefault("deadline", "%02d-%02d" % settings.deadline)
    if not overrides:
        return rules
    return [_overridden(rule, overrides[rule.code], types, where, written) if rule.code in overrides else rule
            for rule in rules]


def _overrides(tables: dict, rules: list[Rule], where: str) -> tuple[dict[str, dict[str, Any]], dict]:
    """{rule code: {option: value}} from the configuration's [rules.X] tables, each key checked
    against the rule's kind, a shared option set for every rule that reads it; and, for each
    (rule code, option), the table that set it, as written."""
    overrides: dict[str, dict[str, Any]] = {}
    setter: dict[tuple[str, str], str] = {}  # (rule code, option) -> the code of the rule whose table set it
    written: dict[tuple[str, str], str] = {}  # (rule code, option) -> that table's name, as written
    for selector, table in tables.items():
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
                written[(owner.code, key)] = selector
                overrides.setdefault(owner.code, {})[key] = value
    return overrides, written


def _overridden(rule: Rule, overrides: dict[str, Any], types, where: str, written: dict) -> Rule:
    """The rule with options the configuration set; a bad value names the file and the key
    as the configuration writes it (a shared option: the table that set it, not this rule)."""
    def fail(key, problem):
        raise UsageError(f"{where}rules.{written.get((rule.code, key), rule.code)}.{key}: {problem}")

    try:
        rule = rule.with_options(overrides, fail)
    except RuleFileError as err:  # pragma: no cover - kinds report through fail
        raise UsageError(str(err)) from None
    problem = types is not None and type(rule.kind).check_types(vars(rule.kind), types)
    if problem:
        fail(*problem)
    return rule
