"""`--format full`: each finding with a code frame, carets under the span.

Carets are measured in terminal cells, so they line up under Chinese text.
Long lines are shown as a window around the span. Written as plain strings with
ANSI codes: a finding costs microseconds, so large runs are not held up by it.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

from lintlaw.diagnostics import Diagnostic, Severity, related_places
from lintlaw.render.cells import char_width
from lintlaw.render.lines import Places, page_place
from lintlaw.render.visible import one_line
from lintlaw.text.source import Source

WINDOW_CELLS = 72
CONTEXT_CELLS = 16
SPAN_CELLS = 400  # a longer span is shown cut, its carets to the cut
# What may sit between two lines a fix joins: spaces, line breaks, invisible characters.
_BLANK = " \t\r\n\u00a0\u2002\u2003\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad"
TAB = 8  # cells between tab stops


def frame(source: Source, d: Diagnostic) -> tuple[str, str, str]:
    """(gutter, shown line, caret line) for a finding's first line.

    Only a window of the line is read, never the whole line: a finding on a line of a
    megabyte costs what one on a short line costs. The window starts CONTEXT_CELLS
    before the span and holds WINDOW_CELLS, stretched to the span's end on that line up
    to SPAN_CELLS; what is cut off either way is shown as “…”."""
    line, _ = source.position(d.start)
    text = source.text
    line_start, line_end = source.line_bounds(d.start)
    start = d.start
    end = min(max(d.end, start + 1), line_end) if line_end > line_start else start + 1

    # Choose a window of characters around the span that fits WINDOW_CELLS.
    first = start
    budget = CONTEXT_CELLS
    while first > line_start and budget - char_width(text[first - 1]) >= 0:
        first -= 1
        budget -= char_width(text[first])
    last = first
    used = 0
    while last < line_end and used + char_width(text[last]) <= WINDOW_CELLS:
        used += char_width(text[last])
        last += 1
    while last < min(end, line_end) and used + char_width(text[last]) <= SPAN_CELLS:
        used += char_width(text[last])
        last += 1
    prefix = "…" if first > line_start else ""
    suffix = "…" if last < line_end else ""
    shown = prefix + one_line(text[first:last]) + suffix
    pad = sum(char_width(c) for c in prefix + text[first:start])
    span = text[start:min(end, last)] or " "
    carets = " " * pad + "^" * max(1, sum(char_width(c) for c in span))
    return str(line), shown, carets


def text(diagnostics: list[Diagnostic], sources: dict[str, Source], rules=()) -> str:
    """The full format as one string (colours only on a terminal, as colours_for decides)."""
    paint = palette(colours_for(sys.stdout))
    places = Places()
    return "".join(finding(d, sources[d.path], paint, places, sources) for d in diagnostics).removesuffix("\n")


def finding(d: Diagnostic, source: Source, paint: Palette, places: Places | None = None,
            sources: dict | None = None) -> str:
    """One finding's block: heading, frame, related spans, fix, rule; a blank line after it.
    A PDF's places are pages and their lines, a Word document's paragraphs under their
    headings (lintlaw/render/lines.py). `sources` holds the other files a comparison finding's
    related spans are in (last year's report)."""
    places = places or Places()
    gutter, shown, carets = frame(source, d)
    place = page_place(source, d.start)
    if place is not None:  # a PDF: the gutter shows the line of the page, as a reader counts it
        gutter = str(place[1])
    blank = " " * len(gutter)
    style = paint.severity[d.severity]
    lines = [
        _line((f"{one_line(d.path)}:{places.at(source, d.start)}:", paint.bold), (" ", ""), (d.code, style), (" ", ""),
              (d.severity.chinese, style), (f" {one_line(d.message)}", "")),
        _line((f"{blank} |", paint.gutter)),
        _line((f"{gutter} |", paint.gutter), (f" {shown}", "")),
        _line((f"{blank} |", paint.gutter), (" ", ""), (carets, style)),
    ]
    for path, start, end, label in related_places(d):
        other = source if path == d.path else sources[path]
        at = places.at(other, start, heading=False)
        file = "" if path == d.path else f"{one_line(path)}:"
        lines.append(_line((f"{blank} =", paint.gutter),
                           (f" {one_line(label)}：{file}{at} “{one_line(other.text[start:end])}”", "")))
    if d.fix is not None:
        lines.append(_line((f"{blank} = 修复：{one_line(_describe_fix(source, d.fix))}", paint.fix)))
    lines.append(_line((f"{blank} = {d.name}：lintlaw rule {d.code} 查看说明", paint.rule)))
    lines.append("")
    return "\n".join(lines) + "\n"


def _line(*parts: tuple[str, str]) -> str:
    """One output line from (text, SGR code) parts; a tab goes to the next stop of 8 cells."""
    if any("\t" in text for text, _ in parts):
        parts = _expand_tabs(parts)
    return "".join(f"\x1b[{code}m{text}\x1b[0m" if code and text else text for text, code in parts)


def _expand_tabs(parts):
    # As rich expanded them when it printed this format: a tab becomes a space and then
    # spaces to the next multiple of 8 cells, counted from the start of the line.
    from rich.cells import cell_len

    # Each tab also ends a coloured run (rich split the line there): the codes repeat after it.
    position = 0
    expanded = []
    for text, code in parts:
        pieces = text.split("\t")
        for piece in pieces[:-1]:
            position += cell_len(piece) + 1
            pad = -position % TAB
            position += pad
            expanded.append((piece + " " * (1 + pad), code))
        position += cell_len(pieces[-1])
        expanded.append((pieces[-1], code))
    return expanded


class Palette(NamedTuple):
    """SGR codes for each part of a finding ("" for none)."""

    bold: str
    severity: dict
    gutter: str
    fix: str
    rule: str


def palette(colours: str | None) -> Palette:
    """None: plain text; "attributes": bold and dim only (NO_COLOR); "colours": everything."""
    if colours is None:
        return Palette("", dict.fromkeys(Severity, ""), "", "", "")
    if colours == "attributes":
        return Palette("1", dict.fromkeys(Severity, "1"), "", "", "2")
    return Palette("1", {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;36"},
                   "34", "32", "2")


def colours_for(stream, environ=None) -> str | None:
    """Whether a stream gets colours: None, "attributes" (NO_COLOR: bold and dim only) or "colours".

    The decision rich's Console made for this format before it was written as plain strings,
    so that nothing changes for the user: TTY_COMPATIBLE=0/1 and a non-empty FORCE_COLOR
    settle whether the stream counts as a terminal, else isatty() does; TERM=dumb or
    unknown means no styling at all; a non-empty NO_COLOR drops the colours only.
    """
    environ = os.environ if environ is None else environ
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        terminal = compatible == "1"
    elif environ.get("FORCE_COLOR") is not None:
        terminal = environ["FORCE_COLOR"] != ""
    else:
        try:
            terminal = stream.isatty()
        except (AttributeError, ValueError, OSError):
            terminal = False
    if not terminal or environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return None
    if sys.platform == "win32" and _legacy_windows():  # pragma: no cover - Windows only
        return None
    return "attributes" if environ.get("NO_COLOR", "") != "" else "colours"


def _legacy_windows() -> bool:  # pragma: no cover - Windows only
    # A console that does not understand escape sequences (before Windows 10).
    from rich.console import detect_legacy_windows

    return detect_legacy_windows()


def _describe_fix(source: Source, fix) -> str:
    if source.revisable:  # Word: --fix writes the fix as a tracked change in a reviewed copy
        how = "--fix 作为修订写入审阅副本" + ("" if fix.safe else "，需 --unsafe-fixes 并人工复核")
    elif not source.editable:  # web pages are not fixed by --fix
        how = "--fix 不能修改此类文件，请在原文档中修改"
    else:
        how = "--fix" if fix.safe else "--fix --unsafe-fixes，需人工复核"
    if fix.formats and not fix.edits:
        return f"{format_words(fix)}（{how}）"
    if len(fix.edits) == 1:
        edit = fix.edits[0]
        old = source.text[edit.start:edit.end]
        if not edit.content and ("\n" in old or "\r" in old) and not old.strip(_BLANK):
            # Only line breaks go: say which lines become one rather than print the breaks.
            first, last = source.position(edit.start)[0], source.position(edit.end)[0]
            return f"把第{first}行和第{last}行接成一行（{how}）"
        lines = _whole_lines(source, edit)
        if lines is not None and not edit.content:
            # A deleted block is named by its lines, not shown: the frame above already shows it.
            first, last = lines
            where = f"第{first}行" if first == last else f"第{first}—{last}行"
            return f"删除{where}（{how}）"
        what = f"将“{old}”改为“{edit.content}”" if old and edit.content else (
            f"删除“{old}”" if old else f"插入“{edit.content}”")
        return f"{what}（{how}）"
    return f"{len(fix.edits)} 处改动（{how}）"


def format_words(fix) -> str:
    """What a fix's formatting changes do: 6处字体改为黑体 (one fix sets one font or size)."""
    kinds = list(dict.fromkeys(edit.describe() for edit in fix.formats))
    return f"{len(fix.formats)}处{'；'.join(kinds)}"


def _whole_lines(source: Source, edit) -> tuple[int, int] | None:
    """(first, last) line numbers when an edit spans whole lines, line breaks included."""
    text = source.text
    starts_line = edit.start == 0 or text[edit.start - 1] in "\r\n"
    ends_line = edit.end == len(text) or (edit.end > edit.start and text[edit.end - 1] in "\r\n")
    if not (starts_line and ends_line and edit.end > edit.start):
        return None
    first = source.position(edit.start)[0]
    last = source.position(edit.end - 1)[0]
    return first, last
