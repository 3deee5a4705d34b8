"""`lintlaw rule CODE`: a rule's own documentation, from its rule file."""

from __future__ import annotations

import textwrap


def render(rule) -> str:
    parts = [
        f"{rule.code} {rule.name}",
        f"类别：{rule.category}    默认级别：{rule.severity.label}",
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
