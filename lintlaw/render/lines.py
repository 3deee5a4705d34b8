"""Line numbers as shown to people: the page's own (for HTML, the line of the page, not of
the extracted text), always written 第N行; for a PDF, the page and the line of that page
(第3页第12行), since a PDF reader shows pages, not the rebuilt text's lines; a Word document
has no line numbers either, so its lines are its paragraphs (第N段), and a finding's place
names the heading its paragraph sits under, which a Word user finds in the navigation pane."""

from __future__ import annotations

import bisect

from lintlaw.text.layout import page_label

_HEADING_SHOWN = 16  # characters of a heading quoted in a place


def line_label(source, offset: int) -> str:
    label = page_label(source.layout, offset)
    if label:
        return label
    line = source.position(offset)[0]
    return f"第{line}段" if source.reader == "docx" else f"第{line}行"


def page_place(source, offset: int) -> tuple[int, int] | None:
    """(page, line of the page) of an offset in a PDF's text; None for other inputs."""
    return source.layout.place(offset) if source.layout is not None else None


class Places:
    """Where findings are: "line:column" for text, "第3页第12行" for a PDF, for Word
    "第N段第M字（“heading”下）". One per rendering: each Word document's headings are found once."""

    def __init__(self):
        self._headings: dict[str, tuple[list[int], list[str]]] = {}

    def at(self, source, offset: int, heading: bool = True) -> str:
        place = page_place(source, offset)
        if place is not None:
            return f"第{place[0]}页第{place[1]}行"
        line, column = source.position(offset)
        if source.reader != "docx":
            return f"{line}:{column}"
        return f"第{line}段第{column}字" + (self.under(source, line) if heading else "")

    def under(self, source, line: int) -> str:
        """（标题“…”） for a heading's own paragraph, （“…”下） below one, "" before any."""
        numbers, texts = self._headings_of(source)
        index = bisect.bisect_right(numbers, line) - 1
        if index < 0:
            return ""
        from lintlaw.render.visible import one_line

        text = texts[index]
        text = one_line(text if len(text) <= _HEADING_SHOWN else text[:_HEADING_SHOWN - 1] + "…")
        return f"（标题“{text}”）" if numbers[index] == line else f"（“{text}”下）"

    def _headings_of(self, source) -> tuple[list[int], list[str]]:
        key = source.path
        if key not in self._headings:
            from lintlaw.text.outline import HEADING, TITLE, parse_lines

            lines = [line for line in parse_lines(source.text, source.line_starts) if line.type in (HEADING, TITLE)]
            self._headings[key] = ([line.lineno for line in lines], [line.text for line in lines])
        return self._headings[key]
