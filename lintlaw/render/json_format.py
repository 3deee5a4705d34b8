"""`--format json`: one JSON array; the field set is a stable contract."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator

from lintlaw.diagnostics import Diagnostic, related_places
from lintlaw.render.lines import page_place
from lintlaw.render.visible import json_text
from lintlaw.text.source import Source


# From this many spans (edits and related places), a finding's item is written span by span:
# P008's one fix for a whole file can carry tens of thousands.
MANY_SPANS = 200


def to_dict(d: Diagnostic, source: Source, sources: dict | None = None, lazy: bool = False) -> dict:
    """A finding's record; `sources` holds the other files its related spans may be in.
    `lazy`: its lists of spans are iterators, made as they are written."""
    line, column = source.position(d.start)
    end_line, end_column = source.position(d.end)
    related = (_span(source if path == d.path else sources[path], start, end, label,
                     None if path == d.path else path)
               for path, start, end, label in related_places(d))
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
        "fix": _fix(d, source, lazy),
        # Secondary spans: the numbers a consistency finding compared, last year's cell a
        # comparison finding compared (with its "path"). Empty for most rules.
        "related": related if lazy else list(related),
        **_page(source, d.start),
    }


def _fix(d: Diagnostic, source: Source, lazy: bool) -> dict | None:
    if d.fix is None:
        return None
    edits = ({**_span_of(source, edit.start, edit.end), "content": edit.content} for edit in d.fix.edits)
    fix = {"safe": d.fix.safe, "edits": edits if lazy else list(edits)}
    if d.fix.formats:  # a Word document's characters set in another font or size
        formats = ({**_span_of(source, edit.start, edit.end), "font": edit.font,
                    "size": edit.half_points / 2 if edit.half_points else None} for edit in d.fix.formats)
        fix["formats"] = formats if lazy else list(formats)
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
    """The whole array, as json.dumps(…, indent=2) writes it."""
    shown = ",\n".join(item if isinstance(item, str) else "".join(item) for item in items(diagnostics, sources, rules))
    return f"[\n{shown}\n]" if shown else "[]"


def items(diagnostics: list[Diagnostic], sources: dict[str, Source], rules=()) -> Iterator[str | Iterator[str]]:
    """Each finding as an item of the array, indented as in it, one at a time: the array is
    written item by item (a 5 MB report's findings never stand in memory as one text). A
    finding with many spans is an iterator of the item's pieces."""
    for d in diagnostics:
        source = sources[d.path]
        spans = len(d.related) + (len(d.fix.edits) + len(d.fix.formats) if d.fix else 0)
        if spans < MANY_SPANS:
            item = json.dumps(to_dict(d, source, sources), ensure_ascii=False, indent=2)
            # JSON strings hold no line break: each one here is between two lines of the item.
            yield "  " + json_text(item).replace("\n", "\n  ")
        else:
            yield map(json_text, itertools.chain(["  "], pieces(to_dict(d, source, sources, lazy=True), 1)))


def pieces(value, level: int = 0) -> Iterator[str]:
    """`value` as json.dumps(value, ensure_ascii=False, indent=2) writes it at this depth, in
    pieces; an iterator stands for a list, its items made one at a time."""
    if isinstance(value, dict):
        opening, closing = "{", "}"
        entries = ((f"{json.dumps(key, ensure_ascii=False)}: ", entry) for key, entry in value.items())
    elif isinstance(value, (list, Iterator)):
        opening, closing = "[", "]"
        entries = (("", entry) for entry in value)
    else:
        yield json.dumps(value, ensure_ascii=False)
        return
    inner = "\n" + "  " * (level + 1)
    empty = True
    for key, entry in entries:
        yield f"{',' if not empty else opening}{inner}{key}"
        empty = False
        yield from pieces(entry, level + 1)
    yield opening + closing if empty else "\n" + "  " * level + closing
