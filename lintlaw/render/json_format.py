"""`--format json`: one JSON array; the field set is a stable contract."""

from __future__ import annotations

import json

from lintlaw.diagnostics import Diagnostic, related_places
from lintlaw.render.lines import page_place
from lintlaw.render.visible import json_text
from lintlaw.text.source import Source


def to_dict(d: Diagnostic, source: Source, sources: dict | None = None) -> dict:
    """A finding's record; `sources` holds the other files its related spans may be in."""
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
        # Secondary spans: the numbers a consistency finding compared, last year's cell a
        # comparison finding compared (with its "path"). Empty for most rules.
        "related": [_span(source if path == d.path else sources[path], start, end, label,
                          None if path == d.path else path)
                    for path, start, end, label in related_places(d)],
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


def _span(source: Source, start: int, end: int, label: str, path: str | None = None) -> dict:
    line, column = source.position(start)
    end_line, end_column = source.position(end)
    span = {"line": line, "column": column, "end_line": end_line, "end_column": end_column,
            "label": label, "text": source.text[start:end], **_page(source, start)}
    return span if path is None else {"path": path, **span}


def _page(source: Source, offset: int) -> dict:
    """For a PDF, where the offset stands on the pages: `page` and `page_line` (both 1-based);
    `line` and `column` count the lines of the rebuilt text. Nothing for other inputs."""
    place = page_place(source, offset)
    return {} if place is None else {"page": place[0], "page_line": place[1]}


def render(diagnostics: list[Diagnostic], sources: dict[str, Source], rules=()) -> str:
    return json_text(json.dumps([to_dict(d, sources[d.path], sources) for d in diagnostics], ensure_ascii=False,
                                indent=2))
