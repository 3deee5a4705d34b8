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
_PARENTHESIS = re.compile("[()（）]")


def unbalanced(document: Document) -> Iterator[Issue]:
    """A closing mark with no opening one before it, or an opening one never closed, per line.

    A 《…》 title a capture broke over two lines (“学习《中华人民共和国” / “行政处罚法》”) is a
    break (R005's finding), not a 《 and a 》 without their partners.
    """
    from lintlaw.breaks import split_title_marks

    text = document.source.text
    split = split_title_marks(document)
    for line in document.prose_lines():
        for issue in _unbalanced_in(text, line.start, line.end):
            if issue.start not in split:
                yield issue


def _unbalanced_in(text: str, start: int, end: int) -> Iterator[Issue]:
    stack: list[tuple[str, int]] = []
    for match in _PAIR_MARK.finditer(text, start, end):
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
    found: list[int] = []
    for line in document.prose_lines():
        # A heading marker's "(一)" is the numbering rules' business (S107), not this one's.
        start = line.marker.end if line.marker is not None else line.start
        found.extend(m.start() for m in _HALF_MARK.finditer(text, start, line.end)
                     if m.group() not in "()" and _chinese_context(text, m.start()))
        found.extend(_parentheses_to_convert(text, start, line.start, line.end))
    if not found:
        return
    found.sort()
    edits = tuple(Edit(at, at + 1, HALF_TO_FULL[text[at]]) for at in found)
    if len(found) >= threshold:
        first = found[0]
        kinds = "".join(sorted({text[at] for at in found}, key=",;:?!()".index))
        yield Issue("half-width-file", first, first + 1,
                    {"count": len(found), "found": " ".join(kinds)}, fix=Fix(edits, True))
        return
    for at, edit in zip(found, edits):
        yield Issue("half-width", at, at + 1,
                    {"found": text[at], "expected": edit.content}, fix=Fix((edit,), True))


def _parentheses_to_convert(text: str, start: int, line_start: int, line_end: int) -> list[int]:
    """Half-width parentheses to make full-width, a pair at a time, never one bracket alone.

    Parentheses of either width are paired on the line. A pair is converted when one
    half is already full-width (热线（12345)), or when either bracket sits next to a
    Chinese character (热线(12345)); a bracket without its partner is left alone. If
    the conversion would still leave the line's paired marks worse off (an unbalanced
    mark the line did not have), no parenthesis on the line is converted.
    """
    chosen = []
    for pair in _paren_pairs(text, start, line_end):
        half = [at for at in pair if text[at] in "()"]
        if half and (len(half) == 1 or any(_chinese_context(text, at) for at in half)):
            chosen.extend(half)
    if not chosen:
        return []
    line = list(text[line_start:line_end])
    for at in chosen:
        line[at - line_start] = HALF_TO_FULL[text[at]]
    before = {(i.start - line_start, i.values["problem"]) for i in _unbalanced_in(text, line_start, line_end)}
    after = "".join(line)
    if any((i.start, i.values["problem"]) not in before for i in _unbalanced_in(after, 0, len(after))):
        return []
    return chosen


def _paren_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Matching parentheses of either width between start and end."""
    stack: list[int] = []
    pairs = []
    for match in _PARENTHESIS.finditer(text, start, end):
        if match.group() in "(（":
            stack.append(match.start())
        elif stack:
            pairs.append((stack.pop(), match.start()))
    return pairs

