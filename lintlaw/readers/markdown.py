"""Markdown headings for the outline, without moving a single character.

The outline is typed from a copy of the text in which each “#” heading mark is
replaced by something of the same length: spaces when the heading already has a
typed marker (“## （一）依法履职”) or is the report title, and otherwise the marker
its depth stands for (“## 主要举措” → “ 一、主要举措”: the shallowest depth under
the title is level 1, the next level 2, counted in order). Offsets are the same
in the copy and in the file, so findings, columns and fixes refer to the file.
"""

from __future__ import annotations

import re

from lintlaw.outline import standard_marker

_HEADING = re.compile(r"^(#{1,6})[ \t]+(?=\S)", re.M)
_TYPED = re.compile(r"(?:[一二三四五六七八九十]{1,3}[、.．，,]|[（(][一二三四五六七八九十]{1,3}[）)]"
                    r"|[0-9０-９]{1,2}[.．、。]|[（(][0-9]{1,2}[）)]|[①-⑳])")


def outline_text(text: str) -> str:
    headings = list(_HEADING.finditer(text))
    if not headings:
        return text
    words = [text[m.end():text.find("\n", m.end()) if "\n" in text[m.end():] else len(text)] for m in headings]
    depths = [len(m.group(1)) for m, w in zip(headings, words, strict=True) if "报告" not in w]
    top = min(depths) if depths else 1
    counters = [0] * 5
    pieces, position = [], 0
    for match, heading in zip(headings, words, strict=True):
        pieces.append(text[position:match.start()])
        width = match.end() - match.start()
        level = len(match.group(1)) - top + 1
        replacement = " " * width
        if "报告" not in heading and not _TYPED.match(heading) and 1 <= level <= 4:
            counters[level] += 1
            for deeper in range(level + 1, 5):
                counters[deeper] = 0
            marker = standard_marker(level, counters[level])
            if len(marker) <= width:
                # Padding goes before the marker: the words must follow it directly.
                replacement = " " * (width - len(marker)) + marker
        pieces.append(replacement)
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)
