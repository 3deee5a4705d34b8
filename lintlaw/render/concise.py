"""`--format concise`: path:line:col: CODE message, one finding a line (path:第3页第12行: for a PDF)."""

from __future__ import annotations

from lintlaw.diagnostics import Diagnostic
from lintlaw.render.lines import page_place
from lintlaw.render.visible import one_line
from lintlaw.text.source import Source


def render(diagnostics: list[Diagnostic], sources: dict[str, Source], rules=()) -> str:
    out = []
    for d in diagnostics:
        source = sources[d.path]
        place = page_place(source, d.start)
        if place is None:
            line, column = source.position(d.start)
            where = f"{line}:{column}"
        else:
            where = f"第{place[0]}页第{place[1]}行"  # a PDF: its page, not the rebuilt text's line
        out.append(one_line(f"{d.path}:{where}: {d.code} {d.message}"))
    return "\n".join(out)
