"""The layout of a Word document against GB/T 9704-2012: fonts and sizes of the title, the
headings and the body, the title's alignment, the page, the lines and characters of a page,
the page numbers.

Which text is which element comes from the outline: the title line(s), the headings of each
level (the heading's own words: the whole paragraph, or up to its first 。 when the text runs
on after it), and the body (the report's paragraphs, signature and date). Table cells,
centred lines in the body (captions, a subtitle, the issuer under the title), the “附件”
label, and whatever stands before the title or after the date are no element here. Text of
unknown formatting (a text box) is left alone.

Each check gathers its places and yields one Issue per kind of deviation (one font found
where another is due) with the count of paragraphs and the first of them; a font or a size
carries its fix as FormatEdits on every place.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.diagnostics import Fix, FormatEdit
from lintlaw.text.outline import TITLE
from lintlaw.text.word_format import MM_PER_POINT, size_name

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_VISIBLE = re.compile(r"[^\s\u3000]")
_ATTACHMENT_LABEL = re.compile(r"附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?")
_SENTENCE = re.compile(r"[。，；！？]")
_TITLE_LINE_MAX = 40  # characters of a line that continues a title
_PLACES_SHOWN = 3
_ALIGNMENT_NAMES = {"left": "居左", "both": "两端对齐", "right": "居右", "distribute": "分散对齐", "center": "居中"}
DASH = "—"  # 一字线, on each side of a page number


@dataclass(frozen=True)
class Stretch:
    """Part of a paragraph that is one element: columns start..end of a 0-based Source line."""

    element: str
    line: int
    start: int
    end: int
    run_in: bool = False  # a heading whose paragraph runs on into body text after it


def formatting_of(document: Document):
    """The Word formatting of the document's source, when it has one that fits its lines."""
    formatting = document.source.formatting
    if formatting is None or len(formatting.paragraphs) != len(document.source.line_starts) - 1:
        return None
    return formatting


def stretches(document: Document) -> list[Stretch]:
    """Every stretch of text that is an element, computed once per document."""
    return document.fact("word-layout", lambda: list(_stretches(document)))


def _stretches(document: Document) -> Iterator[Stretch]:
    formatting = formatting_of(document)
    if formatting is None:
        return
    paragraphs = formatting.paragraphs
    source = document.source

    def usable(line) -> bool:
        return not paragraphs[line.lineno - 1].in_table

    for report in document.reports:
        yield from _title(document, report, paragraphs)
        for section in report.walk():
            heading = section.heading
            if not usable(heading) or section.level > 4:
                continue
            index = heading.lineno - 1
            text = source.line_text(heading.lineno)
            stop = text.find("。")
            cut = len(text) if stop < 0 or not text[stop + 1:].strip() else stop + 1
            yield Stretch(f"heading-{section.level}", index, 0, cut, cut < len(text))
            if cut < len(text):
                yield Stretch("body", index, cut, len(text))
        body = [*report.intro, *(p for s in report.walk() for p in s.paragraphs), report.signature, report.date]
        for line in body:
            if line is None or not usable(line) or paragraphs[line.lineno - 1].alignment == "center":
                continue
            if _ATTACHMENT_LABEL.fullmatch(line.text.strip()):
                continue  # “附件1” is set in 黑体 (GB/T 9704 7.3.7)
            yield Stretch("body", line.lineno - 1, 0, len(source.line_text(line.lineno)))


def _title(document: Document, report, paragraphs) -> Iterator[Stretch]:
    """The title's lines: those typed as a title before the first heading, and the centred
    lines beside them set like them (a title over two lines), without sentence punctuation."""
    if report.title is None:
        return
    source = document.source
    first_heading = next((s.heading.lineno for s in report.sections), None)
    typed = [line.lineno - 1 for line in report.lines
             if line.type == TITLE and (first_heading is None or line.lineno < first_heading)
             and not paragraphs[line.lineno - 1].in_table]
    lines = set(typed)
    for start in typed:
        look = _setting(paragraphs[start])
        for step in (-1, 1):
            index = start + step
            while 0 <= index < len(paragraphs) and index not in lines:
                text = source.line_text(index + 1).strip()
                p = paragraphs[index]
                if (not text or p.in_table or p.alignment != "center" or len(text) > _TITLE_LINE_MAX
                        or _SENTENCE.search(text) or _setting(p) != look):
                    break
                lines.add(index)
                index += step
    for index in sorted(lines):
        yield Stretch("title", index, 0, len(source.line_text(index + 1)))


def _setting(paragraph) -> tuple:
    """The font and size most of a paragraph's text is set in."""
    counts = Counter()
    for run in paragraph.runs:
        counts[(run.font, run.half_points)] += run.end - run.start
    return counts.most_common(1)[0][0] if counts else (None, None)


# --- fonts and sizes ---

def accepted_font(name: str, fonts: list[str]) -> bool:
    """Whether a font is one of the kinds named (仿宋 accepts 仿宋_GB2312 and 方正仿宋_GBK)."""
    lowered = name.lower()
    return any(font.lower() in lowered for font in fonts)


def font_issues(document: Document, check: str, elements: list[str], fonts: list[str]) -> Iterator[Issue]:
    """One Issue per font found in `elements` that is not one of `fonts`; the fix sets the
    font the document already uses for them most, else the first of `fonts`."""
    formatting = formatting_of(document)
    if formatting is None:
        return
    wrong: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    used: Counter = Counter()
    for stretch in stretches(document):
        if stretch.element not in elements:
            continue
        text = document.source.line_text(stretch.line + 1)
        runs = [(run, a, b) for run, a, b in _runs_in(formatting.paragraphs[stretch.line], stretch)
                if run.font is not None and _CJK.search(text[a:b])]
        if stretch.run_in and runs:  # a heading run into its text: judged by its first words' font
            runs = [item for item in runs if item[0].font == runs[0][0].font]
        for run, a, b in runs:
            if accepted_font(run.font, fonts):
                used[run.font] += b - a
            else:
                wrong[run.font].append((stretch.line, a, b))
    expected = used.most_common(1)[0][0] if used else fonts[0]
    for found, places in wrong.items():
        yield _issue(document, check, places, {"found": found, "expected": expected},
                     lambda a, b: FormatEdit(a, b, font=expected))


def size_issues(document: Document, check: str, elements: list[str], points: float) -> Iterator[Issue]:
    """One Issue per size found in `elements` other than `points`; the fix sets `points`."""
    formatting = formatting_of(document)
    if formatting is None:
        return
    due = round(points * 2)
    wrong: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for stretch in stretches(document):
        if stretch.element not in elements:
            continue
        text = document.source.line_text(stretch.line + 1)
        for run, a, b in _runs_in(formatting.paragraphs[stretch.line], stretch):
            if run.half_points is not None and run.half_points != due and _VISIBLE.search(text[a:b]):
                wrong[run.half_points].append((stretch.line, a, b))
    for found, places in sorted(wrong.items(), key=lambda item: item[1][0]):
        yield _issue(document, check, places, {"found": size_name(found), "expected": size_name(due)},
                     lambda a, b: FormatEdit(a, b, half_points=due))


def alignment_issues(document: Document, check: str, elements: list[str], alignment: str) -> Iterator[Issue]:
    """One Issue per alignment of `elements`' paragraphs other than `alignment` (no fix: it is
    the paragraph's, not its characters')."""
    formatting = formatting_of(document)
    if formatting is None:
        return
    wrong: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for stretch in stretches(document):
        found = formatting.paragraphs[stretch.line].alignment
        if stretch.element in elements and found != alignment:
            wrong[found].append((stretch.line, stretch.start, stretch.end))
    for found, places in wrong.items():
        values = {"found": _ALIGNMENT_NAMES.get(found, found), "expected": _ALIGNMENT_NAMES.get(alignment, alignment)}
        yield _issue(document, check, places, values)


def _runs_in(paragraph, stretch: Stretch):
    """(run, first column, end column) of each run's part inside a stretch."""
    for run in paragraph.runs:
        a, b = max(run.start, stretch.start), min(run.end, stretch.end)
        if a < b:
            yield run, a, b


def _issue(document: Document, check: str, places: list[tuple[int, int, int]], values: dict, edit=None) -> Issue:
    """The Issue of one kind of deviation at `places` (line, start, end): at the first place,
    with the count of paragraphs and the first of them; a fix of `edit` on every place."""
    places = sorted(places)
    starts = document.source.line_starts
    lines = sorted({line for line, _a, _b in places})
    shown = "、".join(str(line + 1) for line in lines[:_PLACES_SHOWN])
    values = {**values, "count": len(lines), "places": f"第{shown}段" + ("等" if len(lines) > _PLACES_SHOWN else "")}
    line, a, b = places[0]
    fix = None
    if edit is not None:
        fix = Fix((), True, tuple(edit(starts[line] + start, starts[line] + end) for line, start, end in _merged(places)))
    return Issue(check, starts[line] + a, starts[line] + b, values, fix=fix)


def _merged(places: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Places side by side in one line as one."""
    merged: list[list[int]] = []
    for line, a, b in places:
        if merged and merged[-1][0] == line and merged[-1][2] == a:
            merged[-1][2] = b
        else:
            merged.append([line, a, b])
    return [tuple(place) for place in merged]


# --- lines on a page ---

def line_pitch_issues(document: Document, check: str, lines: int, tolerance: int, height: float) -> Iterator[Issue]:
    """One Issue per line pitch of body paragraphs that puts more or fewer than `lines` ±
    `tolerance` lines on a text block `height` millimetres high."""
    formatting = formatting_of(document)
    if formatting is None:
        return
    wrong: dict[float, list[tuple[int, int, int]]] = defaultdict(list)
    seen = set()
    for stretch in stretches(document):
        pitch = formatting.paragraphs[stretch.line].line_pitch
        if stretch.element != "body" or pitch is None or stretch.line in seen:
            continue
        seen.add(stretch.line)
        if abs(per_page(height, pitch) - lines) > tolerance:
            wrong[round(pitch, 2)].append((stretch.line, stretch.start, stretch.end))
    for pitch, places in wrong.items():
        yield _issue(document, check, places, {"found": f"{pitch:g}磅", "lines": per_page(height, pitch)})


def per_page(length_mm: float, pitch_points: float) -> int:
    """How many lines (or characters) of a pitch fit in a length (a hair's tolerance for
    a pitch that divides it exactly, as 22 lines of 28.95 points do 225 mm)."""
    return int(length_mm / MM_PER_POINT / pitch_points + 0.05)


def char_pitch_issues(document: Document, check: str, chars: int, tolerance: int, width: float) -> Iterator[Issue]:
    """One Issue per character grid (a section's) that fits more or fewer than `chars` ±
    `tolerance` characters in a line `width` millimetres long."""
    formatting = formatting_of(document)
    if formatting is None:
        return
    pitches = _by_value(formatting, lambda s: round(s.char_pitch, 2) if s.char_pitch and s.char_pitch > 0 else None)
    for pitch, sections in pitches.items():
        if abs(per_page(width, pitch) - chars) > tolerance:
            anchor = _section_anchor(document, formatting, sections)
            if anchor is not None:
                yield Issue(check, *anchor, {"found": f"{pitch:g}磅", "chars": per_page(width, pitch)})


# --- the page ---

def margin_issues(document: Document, check: str, top: float, left: float, width: float, height: float,
                  paper: list, tolerance: float) -> Iterator[Issue]:
    """One Issue per set of deviations of portrait sections holding body text from the paper,
    天头, 订口 and text block the standard gives (landscape pages hold tables: GB/T 9704 8)."""
    formatting = formatting_of(document)
    if formatting is None:
        return
    body_sections = {formatting.paragraphs[s.line].section for s in stretches(document) if s.element == "body"}

    def deviations(section) -> str:
        if not section.measured or not section.portrait or formatting.sections.index(section) not in body_sections:
            return ""
        found = []
        if abs(section.width - paper[0]) > tolerance or abs(section.height - paper[1]) > tolerance:
            found.append(f"纸张{_mm(section.width)}×{_mm(section.height)}毫米（应为A4，{_mm(paper[0])}×{_mm(paper[1])}毫米）")
        if abs(section.top - top) > tolerance:
            found.append(f"天头{_mm(section.top)}毫米（应为{_mm(top)}±{_mm(tolerance)}毫米）")
        if abs(section.left - left) > tolerance:
            found.append(f"订口{_mm(section.left)}毫米（应为{_mm(left)}±{_mm(tolerance)}毫米）")
        text_width = section.width - section.left - section.right
        text_height = section.height - section.top - section.bottom
        if abs(text_width - width) > tolerance or abs(text_height - height) > tolerance:
            found.append(f"版心{_mm(text_width)}×{_mm(text_height)}毫米（应为{_mm(width)}×{_mm(height)}毫米）")
        return "、".join(found)

    for found, sections in _by_value(formatting, deviations).items():
        anchor = _section_anchor(document, formatting, sections)
        if anchor is not None:
            yield Issue(check, *anchor, {"found": found})


def _mm(value: float) -> str:
    return f"{round(value, 1):g}"


def page_number_issues(document: Document, check: str, what: str, points: float, pages: int) -> Iterator[Issue]:
    """Page numbers: `what` is "form" (a 一字线 each side), "size" (`points`) or "missing"
    (no page number in a document of `pages` pages or more)."""
    formatting = formatting_of(document)
    if formatting is None:
        return
    if what == "missing":
        if formatting.pages is not None and formatting.pages >= pages and not any(
                s.page_numbers for s in formatting.sections):
            anchor = _section_anchor(document, formatting, list(range(len(formatting.sections))))
            if anchor is not None:
                yield Issue(check, *anchor, {"pages": formatting.pages})
        return

    def found(section) -> tuple:
        if what == "form":
            return tuple(dict.fromkeys(shown(n) for n in section.page_numbers if not standard_form(n)))
        due = round(points * 2)
        return tuple(dict.fromkeys(n.half_points for n in section.page_numbers
                                   if n.half_points is not None and n.half_points != due))

    deviations: dict = defaultdict(list)
    for index, section in enumerate(formatting.sections):
        for value in found(section):
            deviations[value].append(index)
    for value, sections in deviations.items():
        anchor = _section_anchor(document, formatting, sections)
        if anchor is not None:
            shown_value = value if what == "form" else size_name(value)
            yield Issue(check, *anchor, {"found": shown_value, "expected": size_name(round(points * 2))})


def standard_form(number) -> bool:
    """Half-width Arabic digits between two 一字线: “— 1 —” (spaces beside them or not)."""
    return (number.first == "1" and number.before.strip(" \u3000\t") == DASH
            and number.after.strip(" \u3000\t") == DASH)


def shown(number) -> str:
    """A page number as its footer shows it on the first page: “- 1 -”, “第1页”, “— １ —”."""
    return f"{number.before}{number.first}{number.after}".strip(" \u3000\t")


def _by_value(formatting, value) -> dict:
    """Sections by a value of theirs (sections whose value is empty or None left out)."""
    groups: dict = defaultdict(list)
    for index, section in enumerate(formatting.sections):
        key = value(section)
        if key:
            groups[key].append(index)
    return groups


def _section_anchor(document: Document, formatting, sections: list[int]) -> tuple[int, int] | None:
    """Where a finding about some sections points: the first paragraph with text in the first
    of them (a finding about the whole page points at its first words)."""
    source = document.source
    for index, paragraph in enumerate(formatting.paragraphs):
        if paragraph.section in sections:
            text = source.line_text(index + 1)
            if text.strip():
                start = source.line_starts[index] + len(text) - len(text.lstrip())
                return start, source.line_starts[index] + len(text.rstrip())
    return None

