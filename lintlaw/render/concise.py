"""`--format concise`: path:line:col: CODE message, one finding a line."""

from __future__ import annotations

from lintlaw.diagnostics import Diagnostic
from lintlaw.render.visible import one_line
from lintlaw.text.source import Source


def render(diagnostics: list[Diagnostic], sources: dict[str, Source], rules=()) -> str:
    out = []
    for d in diagnostics:
        line, column = sources[d.path].position(d.start)
        out.append(one_line(f"{d.path}:{line}:{column}: {d.code} {d.message}"))
    return "\n".join(out)
