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


# Half-width "(" opens a pair like "（" and either width closes it (mixing widths is P009's
# finding). A lone half-width ")" is left alone: "1)" and "a)" number list items.
_OPENERS = {**PAIRS, "(": "）"}
_OPENED_BY = {**{close: {open_} for open_, close in PAIRS.items()}, "）": {"（", "("}, ")": {"（", "("}}
_BRACKET_OPENERS = frozenset("《〈（【(")
_BRACKET_CLOSERS = frozenset("》〉）】)")
_PAIR_MARK = re.compile("[" + "".join(_OPENERS) + "".join(_OPENED_BY) + "]")


def unbalanced(document: Document) -> Iterator[Issue]:
    """A closing mark with no opening one before it, an opening one closed by another kind of
    mark ("（2021—2025年》"), or one never closed, per line."""
    text = document.source.text
    for line in document.prose_lines():
        stack: list[tuple[str, int]] = []
        for match in _PAIR_MARK.finditer(text, line.start, line.end):
            char, offset = match.group(), match.start()
            openers = _OPENED_BY.get(char)
            if openers is None:
                if char != "(" or _chinese_context(text, offset):  # not "bytes (see…"
                    stack.append((char, offset))
            elif stack and stack[-1][0] in openers:
                stack.pop()
            elif any(open_ in openers for open_, _ in stack):
                # Closes an outer mark: whatever opened since is unclosed.
                while stack[-1][0] not in openers:
                    mark, at = stack.pop()
                    yield _unclosed(mark, at)
                stack.pop()
            elif char == ")":
                continue
            elif stack and char in _BRACKET_CLOSERS and stack[-1][0] in _BRACKET_OPENERS:
                # A bracket closed by another kind of bracket: the closer is the typo.
                mark, at = stack[-1]
                yield Issue("unbalanced", at, offset + 1,
                            {"found": mark, "expected": _OPENERS[mark],
                             "problem": f"没有配对的后半个，却以“{char}”收尾"})
                break
            else:
                yield Issue("unbalanced", offset, offset + 1,
                            {"found": char, "expected": CLOSERS[char], "problem": "前面没有对应的前半个"})
                break  # one finding per line: the rest of the line is likely off by one
        else:
            if stack and _cut_off(text, line):
                continue  # the text stops mid-sentence: the closing mark was cut off with it
            for mark, at in stack[:1]:
                yield _unclosed(mark, at)


_SENTENCE_END = "。！？!?；;…”’）)》】"


def _cut_off(text: str, line) -> bool:
    """The file's last line ends without a line break and without closing punctuation."""
    return line.end == len(text) and text[line.end - 1] not in _SENTENCE_END


def _unclosed(mark: str, at: int) -> Issue:
    return Issue("unbalanced", at, at + 1,
                 {"found": mark, "expected": _OPENERS[mark], "problem": "没有配对的后半个"})


_TITLE_MARK = re.compile("[《》<>‹›]")
# Marks written for an inner title in place of 〈〉: ASCII angle brackets, single guillemets.
_INNER_CLOSE = {"<": ">", "‹": "›"}


def nested_titles(document: Document) -> Iterator[Issue]:
    """《…《…》…》, 《…<…>…》, 《…‹…›…》: a title inside a title takes 〈〉. Fix: swap the inner pair."""
    text = document.source.text
    for line in document.prose_lines():
        depth = 0
        inner_open = None
        stand_in = None  # (mark, offset) of an open < or ‹ inside 《》
        for match in _TITLE_MARK.finditer(text, line.start, line.end):
            offset, char = match.start(), match.group()
            if char in _INNER_CLOSE:
                stand_in = (char, offset) if depth else None
            elif char in ">›":
                # A title holds Chinese; "<b>" or "<br/>" inside a 《》 line is markup.
                if (depth and stand_in and _INNER_CLOSE[stand_in[0]] == char
                        and any(is_han(c) for c in text[stand_in[1] + 1:offset])):
                    yield _inner_title(text, stand_in[1], offset)
                stand_in = None
            elif char == "《":
                depth += 1
                if depth == 2:
                    inner_open = offset
            elif depth:
                if depth == 2 and inner_open is not None:
                    yield _inner_title(text, inner_open, offset)
                    inner_open = None
                depth -= 1
                stand_in = None


def _inner_title(text: str, start: int, close: int) -> Issue:
    fix = Fix((Edit(start, start + 1, "〈"), Edit(close, close + 1, "〉")), True)
    return Issue("nested-title", start, close + 1, {"found": text[start:close + 1]}, fix=fix)


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
