"""Paragraphs broken by a web capture: a line that stops mid-sentence and the next line that goes on.

A capture breaks a paragraph after a comma, in the middle of a word, inside a 《…》
title, across blank lines or lines holding only a zero-width space. Whether a
pair of lines is one sentence is judged from the characters at the break and
from the type of each line; the word lists come from the R005 rule file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

from lintlaw.text.chars import is_han
from lintlaw.analysis.document import Document
from lintlaw.text.outline import DAMAGED, HEADING, TEXT, TITLE, Line

# Characters no font shows: zero-width space/non-joiner/joiner, direction marks, word
# joiner and invisible operators, a byte-order mark inside the text, the soft hyphen.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"
_SPACE = " \t\u00a0\u2002\u2003\u3000"

PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "(": ")", "【": "】"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
ALL_MARKS = (PAIRS, CLOSERS, re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]"))
TITLE_MARKS = ({"《": "》"}, {"》": "《"}, re.compile("[《》]"))


@dataclass(frozen=True)
class BreakWords:
    """What the R005 rule file says about the characters at a break."""

    inside: str  # a line ending in one of these stops inside a sentence: ， 、 （ 《 “
    terminal: str  # a paragraph may end after one of these: 。 ！ ？ ； ：
    closers: str  # closing marks: a paragraph may end after them too, unless a mark is left open
    bound: str  # characters that never start a sentence: 们 性 ， 。 …
    free: tuple[str, ...]  # words that start with a bound character yet may start one: 化解 着力 …
    units: str  # measure words a number is never split from: 件 人 万 %
    whole: str  # one-character lines that are a whole paragraph: 无 略
    new_paragraph: object  # compiled pattern: how a new paragraph starts (一是, 2024年, 此外…)
    min_running: int  # a line shorter than this is a label or a heading, not running text
    long_running: int  # a line this long is running text even without a clause mark
    dangling: tuple[str, ...] = ()  # words no sentence ends on: 从 按照 根据 的 …
    link_length: int = 20  # the longest linked name a capture puts on a line of its own


@dataclass(frozen=True)
class Break:
    cut: int  # offset just past the last visible character before the break
    resume: int  # offset of the first character after it (past blank lines and the indent)
    before: str  # the text before the break, up to the line start
    after: str  # the text after it, to the line end
    why: str  # mark, pair, bound, unit, piece, sentence, dangling, link or title


@functools.cache
def _invisible_chars() -> re.Pattern:
    """Compiled on first need: most files hold no invisible character (find_breaks)."""
    return re.compile(f"[{INVISIBLE}]")


def clean(text: str) -> str:
    """A line's text without invisible characters and surrounding spaces."""
    # A search-and-replace is ten times cheaper than str.translate on a line holding none.
    return _invisible_chars().sub("", text).strip(_SPACE)


def _strip_spaces(text: str) -> str:
    return text.strip(_SPACE)


def is_invisible_only(line: Line) -> bool:
    return not line.text.strip(_SPACE + INVISIBLE)


def neighbours(document: Document) -> Iterator[tuple[Line, Line]]:
    """Each line with the next one, skipping lines that hold only invisible characters. The
    pieces of a flattened line (lintlaw/analysis/flattened.py) have no line break between them."""
    previous = None
    for line in document.lines:
        if line.type == TEXT and is_invisible_only(line):
            continue
        if previous is not None and previous.lineno != line.lineno:
            yield previous, line
        previous = line


def carries_open_mark(before: str, after: str, marks: tuple = ALL_MARKS) -> bool:
    """A paired mark left open at the end of `before` is closed first thing in `after`:
    “学习《中华人民共和国” + “行政处罚法》”. Only the marks of `marks` count (ALL_MARKS or
    TITLE_MARKS: openers, closers and a pattern finding both)."""
    pairs, closers, pattern = marks
    if not any(opener in before for opener in pairs):
        return False  # most lines: nothing opened, no need to read the marks
    stack = _open_marks(before, marks)
    if not stack:
        return False
    own: list[str] = []  # marks the second line opens and closes itself: 《…指 / 导意见（试行）》
    for char in pattern.findall(after):
        if char in pairs:
            own.append(char)
        elif own and own[-1] == closers[char]:
            own.pop()
        else:
            return closers[char] == stack[-1]
    return False


def split_title_marks(document: Document) -> set[int]:
    """Offsets of the 《 left open at the end of a line and the 》 that closes it first thing on
    the next: a title the capture broke in two. P001 leaves both to R005."""
    found: set[int] = set()
    previous = None
    for line in document.lines:
        if line.type == TEXT and is_invisible_only(line):
            continue
        if line.type not in (TEXT, HEADING, DAMAGED):
            previous = None
            continue
        if previous is not None and carries_open_mark(previous.text, line.text, TITLE_MARKS):
            found.add(previous.start + _last_unmatched_open(previous.text))
            found.add(line.start + _first_unmatched_close(line.text))
        previous = line
    return found


def _last_unmatched_open(text: str) -> int:
    opened: list[int] = []
    for index, char in enumerate(text):
        if char == "《":
            opened.append(index)
        elif char == "》" and opened:
            opened.pop()
    return opened[-1]


def _first_unmatched_close(text: str) -> int:
    depth = 0
    for index, char in enumerate(text):
        if char == "《":
            depth += 1
        elif char == "》":
            if not depth:
                return index
            depth -= 1
    return -1


def _open_marks(text: str, marks: tuple) -> list[str]:
    pairs, closers, pattern = marks
    stack: list[str] = []
    for char in pattern.findall(text):  # strings, not match objects: cheaper on every line
        if char in pairs:
            stack.append(char)
        elif stack and stack[-1] == closers[char]:
            stack.pop()
        else:
            return []  # the line's own marks are off; P001 reports that, not this
    return stack


def find_breaks(document: Document, words: BreakWords) -> list[Break]:
    text = document.source.text
    found = []
    for line in document.lines:
        if line.type == TITLE and ("\n" in line.text or "\r" in line.text):
            found.extend(_inside_title(text, line))
    # Most files hold no invisible character at all: then cleaning a line is stripping its spaces.
    line_text = clean if any(char in text for char in INVISIBLE) else _strip_spaces
    pairs = [pair for pair in neighbours(document)
             # only running text goes on from the line before; a table's rows end without punctuation
             if pair[1].type == TEXT and pair[0].type in (TEXT, HEADING, DAMAGED, TITLE)
             and not (document.in_table(pair[0]) or document.in_table(pair[1]))]
    linked: set[int] = set()  # lines that are a linked name between two halves of a sentence
    for (first, middle), (second, last) in zip(pairs, pairs[1:]):
        if middle is second and _is_link(first, middle, last, line_text, words):
            linked.add(middle.start)
    for before, after in pairs:
        a, b = line_text(before.text), line_text(after.text)
        why = _why(before, after, a, b, words)
        if why is None and (after.start in linked or before.start in linked):
            why = "link"
        if why:
            found.append(Break(_last_visible(text, before.start, before.end), after.start, a, b, why))
    return found


_NAME_STOPS = re.compile(r"[，。；：！？,;:!?、]")
# Words that open a sentence before a comma ("为此，我局…"): a paragraph under a subheading, not
# the rest of a sentence broken at a link.
_OPENERS = frozenset({"为此", "对此", "因此", "据此", "由此", "其中", "然而", "但是", "不过", "可见", "综上",
                      "一方面", "另一方面", "总体上", "总的看", "具体而言", "实践中", "工作中"})


def _is_link(first: Line, middle: Line, last: Line, line_text, words: BreakWords) -> bool:
    """Whether `middle` is a linked name a capture put on a line of its own between two halves
    of one sentence ("…加快" / "全国统一大市场" / "建设，推动…"): the line before is running text
    that stops inside the sentence, the name is short and holds no clause mark, and the line
    after goes on from it (a character no sentence starts with, a first clause of a word or
    two, or the rest of the sentence after a title in 《》)."""
    a, name, c = line_text(first.text), line_text(middle.text), line_text(last.text)
    if not (a and name and c) or first.type not in (TEXT, HEADING):
        return False
    if first.type == HEADING and "。" not in first.body:
        return False  # a heading's own words end without a full stop
    if (a[-1] in words.terminal or a[-1] in words.closers or len(a) < words.min_running
            or _is_table_or_list(a) or _is_table_or_list(c)):
        return False
    if not 2 <= len(name) <= words.link_length or _NAME_STOPS.search(name) or name[-1] in words.terminal:
        return False
    if words.new_paragraph.match(c):
        return False
    clause = _NAME_STOPS.search(c)  # a first clause of a word or two, then a comma: "建设，推动…"
    goes_on = (c[0] in words.bound or "《" in name or a.endswith(words.dangling)
               or (clause is not None and clause.start() <= 4 and clause.group() in "，、,"
                   and c[:clause.start()] not in _OPENERS and _is_running(c, words)))
    return goes_on and (_is_running(c, words) or _is_tail(c, words) or c[0] in words.bound)


def _inside_title(text: str, title: Line) -> Iterator[Break]:
    """A title the grammar read over two lines ("…建设情况报" / "告"): the break is inside it."""
    for match in _line_break().finditer(text, title.start, title.end):
        cut = _last_visible(text, title.start, match.start())
        before, after = clean(text[title.start:cut]), clean(text[match.end():title.end])
        yield Break(cut, match.end(), before, after, "title")


@functools.cache
def _line_break() -> re.Pattern:
    """A line break with the spaces around it; compiled on first need, as few titles are broken."""
    return re.compile(r"[ \t\u00a0\u2002\u2003\u3000]*(?:\r\n|\r|\n)[ \t\u00a0\u2002\u2003\u3000]*")


def _last_visible(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1] in INVISIBLE or text[end - 1] in _SPACE):
        end -= 1
    return end


def _why(before: Line, after: Line, a: str, b: str, words: BreakWords) -> str | None:
    """Why the text `a` of line `before` goes on in the text `b` of `after`, if it does."""
    if not a or not b or _is_table_or_list(b):
        return None
    last, first = a[-1], b[0]
    if last in words.terminal:
        return None
    if last in words.inside:
        return "mark"
    if (words.dangling and a.endswith(words.dangling) and _is_running(a, words)
            and (before.type == TEXT or before.type == HEADING and "。" in before.body)):
        return "dangling"  # "…按照《…办法》，从" / "2020年起…": no sentence ends on 从
    if carries_open_mark(a, b):
        return "pair"
    if (first in words.bound and not b.startswith(words.free) and not _is_table_or_list(a)
            and not _is_stray_marks(b, words)):
        return "bound"
    if last in words.closers or not (is_han(last) or last.isalnum()):
        return None
    if last.isdigit() and (first in words.units or first.isdigit() and _is_running(a, words)):
        return "unit"  # a number cut from its measure word, or cut in two
    if len(b) == 1 and is_han(first) and first not in words.whole and before.type in (TEXT, TITLE):
        return "piece"
    if not _is_running(a, words) or words.new_paragraph.match(b):
        return None
    # A heading counts as running text only with a sentence run in after its title.
    if before.type == HEADING and "。" not in before.body:
        return None
    if before.type in (TEXT, HEADING) and (_is_running(b, words) or _is_tail(b, words)):
        return "sentence"
    return None


_CLAUSE_MARKS = "，、；,;"


def _is_stray_marks(b: str, words: BreakWords) -> bool:
    """A line of marks alone that ends inside a sentence ("，，"): no half of a sentence to
    join, and joining it would leave the line before ending on a comma."""
    return b[-1] in words.inside and not any(is_han(c) or c.isalnum() for c in b)


def _is_running(text: str, words: BreakWords) -> bool:
    """Running text, not a heading without a marker, a label, a signature or a table row:
    long enough and holding a clause mark, or longer than a heading is."""
    if len(text) < words.min_running or _is_table_or_list(text):
        return False
    return len(text) >= words.long_running or any(mark in text for mark in _CLAUSE_MARKS)


def _is_tail(text: str, words: BreakWords) -> bool:
    """The end of a sentence cut off the line before: short, one clause, a full stop ("有力的制度支持。")."""
    return (len(text) < words.min_running and text[-1] in words.terminal
            and not any(mark in text for mark in _CLAUSE_MARKS))


def _is_table_or_list(text: str) -> bool:
    """A flattened table row (cells split by | or runs of spaces) or a bulleted list item."""
    return ("|" in text or "\t" in text or "  " in text or "\u3000\u3000" in text
            or text[0] in "-•·▪●◆■*")


@dataclass(frozen=True)
class Unfinished:
    end: int  # offset just past the paragraph's last visible character
    before: str  # the paragraph's line
    after: str  # the heading that follows it


def find_unfinished(document: Document, inside: str, dangling: tuple[str, ...],
                    min_running: int) -> list[Unfinished]:
    """Paragraphs that stop in the middle of a sentence, right before a heading: running text
    ending on a mark no sentence ends on (，、《) or a word none ends on (从, 按照), with the
    next line a heading, not the rest of the sentence. (Text that goes on is R005's break; the
    last line of a text is left alone: an excerpt may be cut anywhere.)"""
    text = document.source.text
    line_text = clean if any(char in text for char in INVISIBLE) else _strip_spaces
    found = []
    for before, after in neighbours(document):
        if after.type not in (HEADING, DAMAGED) or document.in_table(before) or document.in_table(after):
            continue
        if before.type != TEXT and not (before.type == HEADING and "。" in before.body):
            continue
        a = line_text(before.text)
        if len(a) < min_running or _is_table_or_list(a) or not (a[-1] in inside or a.endswith(dangling)):
            continue
        found.append(Unfinished(_last_visible(text, before.start, before.end), a, line_text(after.text)))
    return found


def find_unpunctuated(document: Document, terminal: str, min_running: int, min_clauses: int,
                      min_last_clause: int) -> list[Unfinished]:
    """Paragraphs of running text that end without a sentence's closing mark, right before a
    heading: "…满意率达97.49%" / "3.政务服务有序推进。…". The sentence is whole (its last clause
    is long, unlike find_unfinished's "…，按照"); only its full stop is missing. A short line with
    no punctuation between the paragraph and a heading is a heading that lost its marker.
    The text's last line is left alone: an excerpt may be cut anywhere."""
    text = document.source.text
    line_text = clean if any(char in text for char in INVISIBLE) else _strip_spaces
    lines = [line for line in document.lines if not (line.type == TEXT and is_invisible_only(line))]
    found = []
    for index, before in enumerate(lines[:-1]):
        if before.type != TEXT and not (before.type == HEADING and "。" in before.body):
            continue
        if document.in_table(before) or not _heading_follows(document, lines, index + 1, line_text):
            continue
        a = line_text(before.text)
        if len(a) < min_running or _is_table_or_list(a) or _ends_sentence(a, terminal):
            continue
        clauses = re.split("[，,；;]", a)
        if len(clauses) <= min_clauses or len(clauses[-1]) < min_last_clause:
            continue
        found.append(Unfinished(_last_visible(text, before.start, before.end), a,
                                line_text(lines[index + 1].text)))
    return found


def _ends_sentence(text: str, terminal: str) -> bool:
    """Ends on a sentence's mark or a closing quote after one (“…。”); or on a mark that is not this
    check's: a comma or an opening mark (a sentence cut off, R007's), a closing parenthesis (the
    contact details closing an introduction are often left so)."""
    if text[-1] in "，、,（(《“‘【〈）)】〉":
        return True
    stripped = text.rstrip("”’》")
    return not stripped or stripped[-1] in terminal


def _heading_follows(document: Document, lines: list[Line], index: int, line_text) -> bool:
    """The line at `index` is a heading, or a short line without punctuation (a heading that
    lost its marker) with a heading after it."""
    line = lines[index]
    if document.in_table(line):
        return False
    if line.type in (HEADING, DAMAGED):
        return True
    words = line_text(line.text)
    return (line.type == TEXT and index + 1 < len(lines) and lines[index + 1].type in (HEADING, DAMAGED)
            and 0 < len(words) <= _MARKERLESS_HEADING and not _ANY_MARK.search(words))


_MARKERLESS_HEADING = 30
_ANY_MARK = re.compile(r"[。，、；：！？,;:!?“”（）()《》]")
