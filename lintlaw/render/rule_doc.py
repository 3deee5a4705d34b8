"""`lintlaw rule CODE`: a rule's own documentation, from its rule file."""

from __future__ import annotations

import textwrap


def render(rule, settings=None, types=None) -> str:
    """A rule's documentation; with the configuration's settings and report types, its
    options as set there and the types it applies to by their labels."""
    parts = [
        f"{rule.code} {rule.name}",
        f"类别：{category_words(rule.category)}    级别：{rule.severity.chinese}（{rule.severity.label}）",
        f"适用的报告类型：{_types(rule, types)}",
        f"自动修复：{fix_words(rule.fixes)}",
        "",
        _message(rule),
        "",
        "说明：",
        textwrap.indent(rule.explanation, "  "),
        "",
        f"依据：{rule.authority}",
    ]
    if rule.examples["bad"] or rule.examples["good"]:
        parts += ["", "应报告的写法：", *_examples(rule.examples["bad"]),
                  "", "不报告的写法：", *_examples(rule.examples["good"])]
    else:
        parts += ["", "示例：规则文件没有写 [examples]"]
    options = _options(rule, settings)
    if options:
        parts += ["", f"选项（可在配置的 [rules.{rule.code}] 中设置）：", *options]
    if not rule.builtin:
        parts.append(f"\n规则文件：{rule.path}")
    return "\n".join(parts)


def category_words(category: str) -> str:
    """A category in Chinese, with the name --select takes: 结构（structure）."""
    from lintlaw.diagnostics import CATEGORY_NAMES

    return f"{CATEGORY_NAMES[category]}（{category}）" if category in CATEGORY_NAMES else category


def _message(rule) -> str:
    """What the rule says, as it says it about its first bad example; the message template
    only when the rule file records no such message."""
    for example in rule.examples["bad"]:
        for expected in getattr(example, "findings", ()):
            return f"消息示例：{expected.message}"
    return f"消息：{rule.message}"


def fix_words(fixes) -> str:
    """Whether and how --fix mends a rule's findings (ruff's “Fix is sometimes available.”)."""
    if fixes is None:
        return "无"
    which = "每个问题都有" if fixes.always else "部分问题有"
    if fixes.safe is True:
        return f"{which}安全修复（--fix）"
    if fixes.safe is False:
        return f"{which}修复，需人工确认（--fix --unsafe-fixes）"
    return f"{which}修复，有的安全（--fix），有的需人工确认（--unsafe-fixes）"


def fix_mark(fixes) -> str:
    """The same, as one short cell of `lintlaw rules`."""
    if fixes is None:
        return "—"
    return {True: "安全", False: "需确认", None: "部分安全"}[fixes.safe]


def _examples(examples: list[str]) -> list[str]:
    out = []
    for example in examples:
        out += _text(example, "  - ")
        # A comparison rule's example comes with the reports it is compared with.
        if getattr(example, "previous", None) is not None:
            out += _text(example.previous, "    上年报告：")
        for other in getattr(example, "others", ()):
            out += _text(other, "    其他单位的报告：")
    return out


def _text(text: str, lead: str) -> list[str]:
    lines = text.strip("\n").splitlines()
    return [lead + lines[0], *("    " + line for line in lines[1:])]


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
            f'"{value}"' if isinstance(value, str) else f"{value:.4g}" if isinstance(value, float) else str(value))
        shared = "，与同类规则共用" if option.shared else ""
        lines.append(f"  {key} = {shown}    # {origin}{shared}")
        if option.doc:
            lines.append(f"      {option.doc}")
    return lines
