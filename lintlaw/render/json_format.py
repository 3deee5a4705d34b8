"""`--format json`: one JSON array; the field set is a stable contract."""

from __future__ import annotations

import json

from lintlaw.diagnostics import Diagnostic
from lintlaw.render.lines import page_place
from lintlaw.render.visible import json_text
from lintlaw.text.source import Source


def to_dict(d: Diagnostic, source: Source) -> dict:
    line, column = source.position(d.start)
    end_line, end_column = source.position(d.end)
    return {
        "path": d.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "code": d.code,
        "name": d.name,
        "category": d.category,
        "severity": d.severity.label,
        "message": d.message,
        "fix": _fix(d, source),
        # Secondary spans: the numbers a consistency finding compared. Empty for most rules.
        "related": [_span(source, start, end, label) for start, end, label in d.related],
        **_page(source, d.start),
    }


def _fix(d: Diagnostic, source: Source) -> dict | None:
    if d.fix is None:
        return None
    edits = []
    for edit in d.fix.edits:
        line, column = source.position(edit.start)
        end_line, end_column = source.position(edit.end)
        edits.append({"line": line, "column": column, "end_line": end_line, "end_column": end_column,
                      "content": edit.content})
    return {"safe": d.fix.safe, "edits": edits}


def _span(source: Source, start: int, end: int, label: str) -> dict:
    line, column = source.position(start)
    end_line, end_column = source.position(end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column,
            "label": label, "text": source.text[start:end], **_page(source, start)}


def _page(source: Source, offset: int) -> dict:
    """For a PDF, where the offset stands on the pages: `page` and `page_line` (both 1-based);
    `line` and `column` count the lines of the rebuilt text. Nothing for other inputs."""
    place = page_place(source, offset)
    return {} if place is None else {"page": place[0], "page_line": place[1]}


def render(diagnostics: list[Diagnostic], sources: dict[str, Source], rules=()) -> str:
    return json_text(json.dumps([to_dict(d, sources[d.path]) for d in diagnostics], ensure_ascii=False,
                                indent=2))
