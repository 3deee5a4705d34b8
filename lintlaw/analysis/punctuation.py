"""Punctuation checks that need more than a regex (docs/domain.md §4).

Paired marks are matched with a stack per paragraph line; half-width marks are
counted across the whole file, because a web capture turns every mark half-width
and one finding with a count serves the reader better than hundreds.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

from lintlaw.text.chars import CLAUSE_END, HAN, is_han
from lintlaw.diagnostics import Edit, Fix
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue

PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "【": "】"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}

HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK_PUNCT = "，。、；：？！“”‘’《》〈〉（）【】"


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


@functools.cache
def _half_marks_in_chinese() -> re.Pattern:
    """_chinese_context for , ; : ? ! as one scan (a Python call per mark was most of P008's
    time on a large file), led by the mark so that the scan skips from mark to mark.

    It decides when the neighbours are Han, Chinese punctuation or the digits 0-9 and ０-９;
    a mark beside Han and anything else (a space, a letter, "①", "²" and the other digits
    str.isdigit takes) is unsure, and _chinese_context decides it. Compiled on first use:
    its Han classes take re a few milliseconds.
    """
    sure = f"{_CJK_PUNCT}0-9０-９"
    return re.compile(f"[,;:?!](?:(?=[{HAN}])(?:(?<=[{HAN}{sure}].)|(?P<unsure_before>))"
                      f"|(?<=[{HAN}].)(?:(?=[{sure}])|(?P<unsure_after>)))")


# Half-width "(" opens a pair like "（" and either width closes it (mixing widths is P009's
# finding). A lone half-width ")" is left alone: "1)" and "a)" number list items.
_OPENERS = {**PAIRS, "(": "）"}
_OPENED_BY = {**{close: {open_} for open_, close in PAIRS.items()}, "）": {"（", "("}, ")": {"（", "("}}
_BRACKET_OPENERS = frozenset("《〈（【(")
_BRACKET_CLOSERS = frozenset("》〉）】)")
_PAIR_MARK = re.compile("[" + "".join(_OPENERS) + "".join(_OPENED_BY) + "]")
_PARENTHESIS = re.compile("[()（）]")


def unbalanced(document: Document) -> Iterator[Issue]:
    """A closing mark with no opening one before it, an opening one closed by another kind of
    mark ("（2021—2025年》"), or one never closed, per line.

    A 《…》 title a capture broke over two lines (“学习《中华人民共和国” / “行政处罚法》”) is a
    break (R005's finding), not a 《 and a 》 without their partners.
    """
    from lintlaw.analysis.breaks import split_title_marks

    text = document.source.text
    split = split_title_marks(document)
    for line in document.prose_lines():
        for issue in _unbalanced_in(text, line.start, line.end, cut_off(text, line)):
            if issue.start not in split:
                yield issue


def _unbalanced_in(text: str, start: int, end: int, cut_off: bool = False) -> Iterator[Issue]:
    """P001's findings between start and end (one line); `cut_off`: the text stops there."""
    stack: list[tuple[str, int]] = []
    for match in _PAIR_MARK.finditer(text, start, end):
        char, offset = match.group(), match.start()
        openers = _OPENED_BY.get(char)
        if char == ")" and _list_number(text, offset) and not (stack and stack[-1][0] == "("):
            continue  # "（包括：1)学习；2)培训）": ")" numbers an item
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
                         "problem": f"没有配对的后半个，却以「{char}」收尾"})
            return
        else:
            yield Issue("unbalanced", offset, offset + 1,
                        {"found": char, "expected": CLOSERS[char], "problem": "前面没有对应的前半个"})
            return  # one finding per line: the rest of the line is likely off by one
    if cut_off:
        return  # the text stops mid-sentence: the closing mark was cut off with it
    for mark, at in stack[:1]:
        yield _unclosed(mark, at)


def _list_number(text: str, offset: int) -> bool:
    """The ")" at offset ends a list number such as "1)" or "a)" (one digit or letter)."""
    return (offset >= 1 and text[offset - 1].isascii() and text[offset - 1].isalnum()
            and (offset < 2 or not (text[offset - 2].isascii() and text[offset - 2].isalnum())))


_SENTENCE_END = CLAUSE_END + "”’）)》】"  # or a closing mark after one


def cut_off(text: str, line) -> bool:
    """The file's last line ends without a line break and without closing punctuation:
    the text was cut off mid-sentence (an excerpt, a capture that stopped)."""
    return line.end == len(text) and text[line.end - 1] not in _SENTENCE_END


def _unclosed(mark: str, at: int) -> Issue:
    return Issue("unbalanced", at, at + 1,
                 {"found": mark, "expected": _OPENERS[mark], "problem": "没有配对的后半个"})


_TITLE_MARK = re.compile("[《》<>‹›]")
# Marks written for an inner title in place of 〈〉: ASCII angle brackets, single guillemets.
_INNER_CLOSE = {"<": ">", "‹": "›"}


def nested_titles(document: Document) -> Iterator[Issue]:
    """《…《…》…》, 《…<…>…》, 《…‹…›…》: a title inside a title takes 〈〉. Fix: swap the inner
    pair, and every pair of 《》 nested deeper inside it, so that one round fixes all levels."""
    text = document.source.text
    for line in document.prose_lines():
        opened: list[int] = []  # offsets of the open 《 marks
        deeper: list[int] = []  # matched 《》 inside the inner title, to turn with it
        stand_in = None  # (mark, offset) of an open < or ‹ inside 《》
        for match in _TITLE_MARK.finditer(text, line.start, line.end):
            offset, char = match.start(), match.group()
            if char in _INNER_CLOSE:
                stand_in = (char, offset) if opened else None
            elif char in ">›":
                # A title holds Chinese; "<b>" or "<br/>" inside a 《》 line is markup.
                if (opened and stand_in and _INNER_CLOSE[stand_in[0]] == char
                        and any(is_han(c) for c in text[stand_in[1] + 1:offset])):
                    yield _inner_title(text, stand_in[1], offset)
                stand_in = None
            elif char == "《":
                opened.append(offset)
            elif opened:
                start = opened.pop()
                if len(opened) == 1:
                    yield _inner_title(text, start, offset, deeper)
                    deeper = []
                elif len(opened) > 1:
                    deeper += (start, offset)
                stand_in = None
        # 《 marks left open: their deeper pairs stay as they are (never one mark alone).


def _inner_title(text: str, start: int, close: int, deeper: list[int] = ()) -> Issue:
    edits = [Edit(start, start + 1, "〈"), Edit(close, close + 1, "〉")]
    edits += (Edit(at, at + 1, "〈" if text[at] == "《" else "〉") for at in deeper)
    fix = Fix(tuple(sorted(edits, key=lambda e: e.start)), True)
    return Issue("nested-title", start, close + 1, {"found": text[start:close + 1]}, fix=fix)


def half_width(document: Document, threshold: int) -> Iterator[Issue]:
    """Half-width , ; : ( ) ? ! in Chinese text, a half-width . ending a Chinese sentence, and
    ASCII double quotes around Chinese words.

    At `threshold` or more in one file, one finding for the file (at the first)
    with every edit in its fix; below it, one finding each.
    """
    text = document.source.text
    found: list[tuple[int, str]] = []  # (offset, the full-width mark it becomes)
    marks = _half_marks_in_chinese()
    for line in document.prose_lines():
        # A heading marker's "(一)" is the numbering rules' business (S107), not this one's.
        start = line.marker.end if line.marker is not None else line.start
        found.extend((m.start(), HALF_TO_FULL[m.group()]) for m in marks.finditer(text, start, line.end)
                     if m.lastgroup is None or _chinese_context(text, m.start()))
        if text.find("(", start, line.end) >= 0 or text.find(")", start, line.end) >= 0:
            found.extend((at, HALF_TO_FULL[text[at]])
                         for at in _parentheses_to_convert(text, start, line.start, line.end))
        found.extend(_full_stop(text, start, line.end))
        if text.find('"', start, line.end) >= 0:
            found.extend(_quotes_to_convert(text, start, line.end))
    if not found:
        return
    found.sort()
    edits = tuple(Edit(at, at + 1, full) for at, full in found)
    if len(found) >= threshold:
        first = found[0][0]
        shown = "".join(sorted({text[at] for at, _ in found}, key=_HALF_MARKS.index))
        yield Issue("half-width-file", first, first + 1,
                    {"count": len(found), "found": " ".join(shown)}, fix=Fix(edits, True))
        return
    for (at, full), edit in zip(found, edits):
        yield Issue("half-width", at, at + 1, {"found": text[at], "expected": full}, fix=Fix((edit,), True))


_HALF_MARKS = ",;:?!().\""


def _full_stop(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """A half-width "." ending a line's last Chinese sentence (未收到依申请公开事项.): a 句号.
    (A "." between two Chinese words is P014's: which mark was meant cannot be told.)"""
    last = end
    while last > start and text[last - 1] in " \t":
        last -= 1
    if last - start >= 2 and text[last - 1] == "." and is_han(text[last - 2]):
        return [(last - 1, "。")]
    return []


def _quotes_to_convert(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """ASCII double quotes around Chinese words ("红黑榜"): the line's quotes are paired in
    order, each pair made “ ” when it holds Chinese; a line with an odd number, or with
    full-width quotes as well, is left alone (which quote pairs with which cannot be told), and
    so is a line quoted whole (a spreadsheet cell a PDF export kept in its quotes)."""
    if "“" in text[start:end] or "”" in text[start:end]:
        return []
    quotes = [at for at in range(start, end) if text[at] == '"']
    if len(quotes) % 2 or quotes == [start, end - 1]:
        return []  # odd; or the whole line quoted: a spreadsheet cell exported with its quotes
    chosen = []
    for open_, close in zip(quotes[::2], quotes[1::2]):
        if any(is_han(char) for char in text[open_ + 1:close]):
            chosen += [(open_, "“"), (close, "”")]
    return chosen


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
    after = _full_width_at(text, line_start, line_end, chosen)
    problems = [(i.start, i.values["problem"]) for i in _unbalanced_in(after, 0, len(after))]
    if not problems:  # the common case: the line as it was need not be read
        return chosen
    before = {(i.start - line_start, i.values["problem"]) for i in _unbalanced_in(text, line_start, line_end)}
    return [] if any(problem not in before for problem in problems) else chosen


def _full_width_at(text: str, start: int, end: int, offsets: list[int]) -> str:
    """text[start:end] with the half-width marks at `offsets` made full-width."""
    parts = []
    for at in sorted(offsets):
        parts += (text[start:at], HALF_TO_FULL[text[at]])
        start = at + 1
    parts.append(text[start:end])
    return "".join(parts)


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

