"""`lintlaw rule CODE`: a rule's own documentation, from its rule file."""

from __future__ import annotations

import textwrap


def render(rule, settings=None, types=None) -> str:
    """A rule's documentation; with the configuration's settings and report types, its
    options as set there and the types it applies to by their labels."""
    parts = [
        f"{rule.code} {rule.name}",
        f"类别：{rule.category}    级别：{rule.severity.label}",
        f"适用的报告类型：{_types(rule, types)}",
        "",
        f"消息：{rule.message}",
        "",
        "说明：",
        textwrap.indent(rule.explanation, "  "),
        "",
        f"依据：{rule.authority}",
        "",
        "应报告的写法：",
        *_examples(rule.examples["bad"]),
        "",
        "不报告的写法：",
        *_examples(rule.examples["good"]),
    ]
    options = _options(rule, settings)
    if options:
        parts += ["", f"选项（可在配置的 [rules.{rule.code}] 中设置）：", *options]
    if not rule.builtin:
        parts.append(f"\n规则文件：{rule.path}")
    return "\n".join(parts)


def _examples(examples: list[str]) -> list[str]:
    out = []
    for example in examples:
        lines = example.strip("\n").splitlines()
        out.append("  - " + lines[0])
        out.extend("    " + line for line in lines[1:])
    return out


def _types(rule, types) -> str:
    if not rule.report_types:
        return "全部"
    labels = {t.name: t.label for t in types.types} if types is not None else {}
    return "，".join(f"{name}（{labels[name]}）" if name in labels else name for name in rule.report_types)


def _options(rule, settings) -> list[str]:
    """Each option the configuration may set: its value, where the value comes from, and what it does."""
    from lintlaw.engine.ruleset import settable_options

    lines = []
    configured = {}
    if settings is not None:
        configured = {**settings.rule_options.get(rule.name, {}), **settings.rule_options.get(rule.code, {})}
    for key, option in settable_options(rule).items():
        if key in rule.settings:
            value = rule.settings[key]
            origin = f"来自 {settings.path}" if settings is not None and settings.path and (
                key in configured or key == "deadline" and settings.deadline or option.shared and any(
                    key in table for table in settings.rule_options.values())) else "规则文件"
        else:
            value, origin = option.default, "默认"
        shown = f"（{option.unset or '不限'}）" if value is None else (
            f'"{value}"' if isinstance(value, str) else str(value))
        shared = "，与同类规则共用" if option.shared else ""
        lines.append(f"  {key} = {shown}    # {origin}{shared}")
        if option.doc:
            lines.append(f"      {option.doc}")
    return lines
