"""`--format concise`: path:line:col: CODE message, one finding a line (path:第3页第12行: for a
PDF, path:第N段第M字（“heading”下）: for a Word document: lintlaw/render/lines.py)."""

from __future__ import annotations

from lintlaw.diagnostics import Diagnostic
from lintlaw.render.lines import Places
from lintlaw.render.visible import one_line
from lintlaw.text.source import Source


def render(diagnostics: list[Diagnostic], sources: dict[str, Source], rules=()) -> str:
    out = []
    places = Places()
    for d in diagnostics:
        out.append(one_line(f"{d.path}:{places.at(sources[d.path], d.start)}: {d.code} {d.message}"))
    return "\n".join(out)
