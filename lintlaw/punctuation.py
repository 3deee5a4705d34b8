"""Punctuation checks that need more than a regex (domain guide §4).

Paired marks are matched with a stack per paragraph line; half-width marks are
counted across the whole file, because a web capture turns every mark half-width
and one finding with a count serves the reader better than hundreds.
"""

from __future__ import annotations

import re
from typing import Iterator

from lintlaw.chars import is_han
from lintlaw.diagnostics import Edit, Fix
from lintlaw.document import Document
from lintlaw.issue import Issue

PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "【": "】"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}

HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK_PUNCT = "，。、；：？！“”‘’《》〈〉（）【】"
_HALF_MARK = re.compile(r"[,;:?!()]")


def _chinese_context(text: str, offset: int) -> bool:
    """A half-width mark in Chinese text: , ; : ? ! with a Chinese character on one side and
    Chinese text or a digit on the other ("年,市教育局", "时间:2024年"), and parentheses next
    to a Chinese character ("办法(试行)", "规划(2021—2025年)"). "1,234", "a:b" stay."""
    before = text[offset - 1] if offset else ""
    after = text[offset + 1] if offset + 1 < len(text) else ""
    if text[offset] in "()":
        return is_han(before) or is_han(after)
    return (is_han(before) and _chinese_or_digit(after)) or (_chinese_or_digit(before) and is_han(after))


def _chinese_or_digit(char: str) -> bool:
    return bool(char) and (is_han(char) or char in _CJK_PUNCT or char.isdigit())


_PAIR_MARK = re.compile("[" + "".join(PAIRS) + "".join(CLOSERS) + "]")
_TITLE_MARK = re.compile("[《》]")


def unbalanced(document: Document) -> Iterator[Issue]:
    """A closing mark with no opening one before it, or an opening one never closed, per line.

    Lines a capture broke inside a pair (“学习《中华人民共和国” / “行政处罚法》”) are read as one.
    """
    from lintlaw.breaks import joined_by_open_marks

    text = document.source.text
    for run in joined_by_open_marks(document):
        yield from _unbalanced_in(text, run)


def _unbalanced_in(text: str, lines) -> Iterator[Issue]:
    stack: list[tuple[str, int]] = []
    for line in lines:
        for match in _PAIR_MARK.finditer(text, line.start, line.end):
            char, offset = match.group(), match.start()
            if char in PAIRS:
                stack.append((char, offset))
            elif stack and stack[-1][0] == CLOSERS[char]:
                stack.pop()
            elif any(open_ == CLOSERS[char] for open_, _ in stack):
                # Closes an outer mark: whatever opened since is unclosed.
                while stack[-1][0] != CLOSERS[char]:
                    mark, at = stack.pop()
                    yield _unclosed(mark, at)
                stack.pop()
            else:
                yield Issue("unbalanced", offset, offset + 1,
                            {"found": char, "expected": CLOSERS[char], "problem": "前面没有对应的前半个"})
                return  # one finding per line: the rest of the line is likely off by one
    for mark, at in stack[:1]:
        yield _unclosed(mark, at)


def _unclosed(mark: str, at: int) -> Issue:
    return Issue("unbalanced", at, at + 1, {"found": mark, "expected": PAIRS[mark], "problem": "没有配对的后半个"})


def nested_titles(document: Document) -> Iterator[Issue]:
    """《…《…》…》: a title inside a title takes 〈〉. Fix: swap the inner pair."""
    text = document.source.text
    for line in document.prose_lines():
        depth = 0
        inner_open = None
        for match in _TITLE_MARK.finditer(text, line.start, line.end):
            offset = match.start()
            if match.group() == "《":
                depth += 1
                if depth == 2:
                    inner_open = offset
            elif depth:
                if depth == 2 and inner_open is not None:
                    fix = Fix((Edit(inner_open, inner_open + 1, "〈"), Edit(offset, offset + 1, "〉")), True)
                    yield Issue("nested-title", inner_open, offset + 1,
                                {"found": text[inner_open:offset + 1]}, fix=fix)
                    inner_open = None
                depth -= 1


def half_width(document: Document, threshold: int) -> Iterator[Issue]:
    """Half-width , ; : ( ) ? ! in Chinese text.

    At `threshold` or more in one file, one finding for the file (at the first)
    with every edit in its fix; below it, one finding each.
    """
    text = document.source.text
    found = []
    for line in document.prose_lines():
        # A heading marker's "(一)" is the numbering rules' business, not this one's.
        start = line.marker.end if line.marker is not None else line.start
        found.extend(m for m in _HALF_MARK.finditer(text, start, line.end)
                     if _chinese_context(text, m.start()))
    if not found:
        return
    edits = tuple(Edit(m.start(), m.end(), HALF_TO_FULL[m.group()]) for m in found)
    if len(found) >= threshold:
        first = found[0]
        kinds = "".join(sorted({m.group() for m in found}, key=",;:?!()".index))
        yield Issue("half-width-file", first.start(), first.end(),
                    {"count": len(found), "found": " ".join(kinds)}, fix=Fix(edits, True))
        return
    for match, edit in zip(found, edits):
        yield Issue("half-width", match.start(), match.end(),
                    {"found": match.group(), "expected": edit.content}, fix=Fix((edit,), True))
