"""Markdown headings for the outline, without moving a single character.

The outline is typed from a copy of the text in which each “#” heading mark is
replaced by something of the same length: spaces when the heading already has a
typed marker (“## （一）依法履职”) or is the report title, and otherwise the marker
its depth stands for (“## 主要举措” → “ 一、主要举措”: the shallowest depth under
the title is level 1, the next level 2). Offsets are the same in the copy and in
the file, so findings, columns and fixes refer to the file.

Which heading is the title: the first heading, or failing that the first one
that reads as a report title before the body (“# 目录” first; see _title_index).
A later heading that mentions 报告 (“## 其他需要报告的情况”) is a section like
any other. Headings before the title are not sections.

Numbering: at a depth where the drafter typed markers, the numbering is theirs:
an unnumbered heading there gets no marker (“## 一、…” “## 存在的不足” “## 二、…”
reads as 一、 二、, no duplicate the drafter never wrote). Only a depth without any
typed marker is numbered from the “#” marks.

Fenced code blocks (``` or ~~~) are not report text: the copy blanks them, so
they are neither linted nor fixed (see code_blocks).
"""

from __future__ import annotations

import re

from lintlaw.text.outline import heading_markers, standard_marker

_HEADING = re.compile(r"^(#{1,6})[ \t]+(?=\S)", re.M)
_REPORT_TITLE = re.compile(r"(?:报告|总结)[ \t]*$")
# A fence opens a code block: up to three spaces, then ``` or ~~~ (three or more).
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def code_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the fenced code blocks, fences included (to the end of the text if unclosed)."""
    blocks = []
    position = 0
    while True:
        opening = _FENCE.search(text, position)
        if opening is None:
            return blocks
        fence = opening.group(1)
        if fence[0] == "`" and "`" in _rest_of_line(text, opening.end()):
            position = _next_line(text, opening.end())  # ```x` is inline code, not a fence
            continue
        closing = re.compile(rf"^ {{0,3}}{fence[0]}{{{len(fence)},}}[ \t]*$", re.M)
        start = opening.start()
        body = _next_line(text, opening.end())
        match = closing.search(text, body) if body < len(text) else None
        end = match.end() if match else len(text)
        blocks.append((start, end))
        position = end


def _rest_of_line(text: str, offset: int) -> str:
    found = _LINE_BREAK.search(text, offset)
    return text[offset:found.start() if found else len(text)]


def _next_line(text: str, offset: int) -> int:
    found = _LINE_BREAK.search(text, offset)
    return found.end() if found else len(text)


def _blank(text: str, blocks: list[tuple[int, int]]) -> str:
    """The text with each code block's characters turned into spaces, line breaks kept."""
    pieces, position = [], 0
    for start, end in blocks:
        pieces.append(text[position:start])
        pieces.append(re.sub(r"[^\r\n]", " ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def outline_text(text: str) -> str:
    blocks = code_blocks(text)
    text = _blank(text, blocks)
    headings = list(_HEADING.finditer(text))
    if not headings:
        return text
    words = [_rest_of_line(text, m.end()) for m in headings]
    # The marker each heading's words open with, read as the outline reads a line: the
    # grammar is the one place heading markers are defined.
    typed = heading_markers(words)
    title = _title_index(text, headings, words, typed)
    # Headings before the title (“# 目录”) are not sections; nor is the title itself.
    body = -1 if title is None else title
    depths = [len(m.group(1)) for i, m in enumerate(headings) if i > body]
    top = min(depths) if depths else 1
    # Depths where the drafter typed markers: their numbering is the drafter's own, and
    # an unnumbered heading there is given no number the drafter would then be blamed for.
    typed_depths = {len(m.group(1)) for i, (m, marker) in enumerate(zip(headings, typed, strict=True))
                    if i > body and marker is not None}
    counters = [0] * 5
    pieces, position = [], 0
    for index, (match, marker) in enumerate(zip(headings, typed, strict=True)):
        pieces.append(text[position:match.start()])
        width = match.end() - match.start()
        level = len(match.group(1)) - top + 1
        replacement = " " * width
        if index > body and 1 <= level <= 4:
            number = marker.number if marker else None
            if marker is None and len(match.group(1)) not in typed_depths:
                number = counters[level] + 1
                given = standard_marker(level, number)
                if len(given) <= width:
                    # Padding goes before the marker: the words must follow it directly.
                    replacement = " " * (width - len(given)) + given
            if number is not None:
                counters[level] = number
                for deeper in range(level + 1, 5):
                    counters[deeper] = 0
        pieces.append(replacement)
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)


def _title_index(text: str, headings: list[re.Match], words: list[str], typed: list) -> int | None:
    """The index of the title heading, or None.

    The first heading, with only blank lines before it and no typed marker, is the
    title when it names a 报告 or is the document's only heading of its depth
    (“# 标题” over “##” sections). Otherwise the title is the first heading that reads
    as a report title (ends in 报告 or 总结) before the body begins (a typed marker):
    “# 目录” or “## 工作情况” may come first. A document whose “#” headings are all
    sections has no title heading.
    """
    first = headings[0]
    if not text[:first.start()].strip() and typed[0] is None:
        alone = sum(1 for m in headings if m.group(1) == first.group(1)) == 1
        if "报告" in words[0] or (alone and len(headings) > 1):
            return 0
    for index, (heading, marker) in enumerate(zip(words, typed, strict=True)):
        if marker is not None:
            return None  # the body has begun
        if _REPORT_TITLE.search(heading):
            return index
    return None


def view(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The reader's view (lintlaw/io/readers/__init__.py): outline text and code blocks."""
    return outline_text(text), code_blocks(text)
