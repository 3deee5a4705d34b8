"""`check --statistics`: findings per rule, most first, as text or JSON."""

from __future__ import annotations

from collections import Counter

from lintlaw.render.visible import one_line


def rows(diagnostics) -> list[dict]:
    """One row a rule: code, name, count, and how many of them a fix covers."""
    counts = Counter((d.code, d.name) for d in diagnostics)
    fixable = Counter(d.code for d in diagnostics if d.fix is not None)
    return [{"code": code, "name": name, "count": count, "fixable": fixable[code]}
            for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def text(diagnostics) -> str:
    lines = []
    for row in rows(diagnostics):
        mark = f"  （可修复 {row['fixable']}）" if row["fixable"] else ""
        lines.append(one_line(f"{row['count']:>6}  {row['code']}  {row['name']}{mark}"))
    return "\n".join(lines)


def json_text(diagnostics) -> str:
    import json

    return json.dumps(rows(diagnostics), ensure_ascii=False, indent=2)
