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
    edits = [{**_span_of(source, edit.start, edit.end), "content": edit.content} for edit in d.fix.edits]
    fix = {"safe": d.fix.safe, "edits": edits}
    if d.fix.formats:  # a Word document's characters set in another font or size
        fix["formats"] = [{**_span_of(source, edit.start, edit.end), "font": edit.font,
                           "size": edit.half_points / 2 if edit.half_points else None} for edit in d.fix.formats]
    return fix


def _span_of(source: Source, start: int, end: int) -> dict:
    line, column = source.position(start)
    end_line, end_column = source.position(end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def _span(source: Source, start: int, end: int, label: str, path: str | None = None) -> dict:
    span = {**_span_of(source, start, end), "label": label, "text": source.text[start:end], **_page(source, start)}
    return span if path is None else {"path": path, **span}


def _page(source: Source, offset: int) -> dict:
    """For a PDF, where the offset stands on the pages: `page` and `page_line` (both 1-based);
    `line` and `column` count the lines of the rebuilt text. Nothing for other inputs."""
    place = page_place(source, offset)
    return {} if place is None else {"page": place[0], "page_line": place[1]}


def render(diagnostics: list[Diagnostic], sources: dict[str, Source], rules=()) -> str:
    return json_text(json.dumps([to_dict(d, sources[d.path], sources) for d in diagnostics], ensure_ascii=False,
                                indent=2))
