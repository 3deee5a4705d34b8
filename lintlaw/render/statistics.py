"""`check --statistics`: findings per rule, most first, as text or JSON."""

from __future__ import annotations

from collections import Counter

from lintlaw.render.visible import one_line


def rows(diagnostics, sources) -> list[dict]:
    """One row a rule: code, name, count, and how many of them a fix covers."""
    counts = Counter((d.code, d.name) for d in diagnostics)
    # Only in files --fix can write: not Word documents or web pages.
    fixable = Counter(d.code for d in diagnostics if d.fix is not None and sources[d.path].editable)
    return [{"code": code, "name": name, "count": count, "fixable": fixable[code]}
            for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def text(diagnostics, sources) -> str:
    lines = []
    for row in rows(diagnostics, sources):
        mark = f"  （可修复 {row['fixable']}）" if row["fixable"] else ""
        lines.append(one_line(f"{row['count']:>6}  {row['code']}  {row['name']}{mark}"))
    return "\n".join(lines)


def json_text(diagnostics, sources) -> str:
    import json

    return json.dumps(rows(diagnostics, sources), ensure_ascii=False, indent=2)
