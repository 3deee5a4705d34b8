"""The issuer's own name written two ways: once whole, once with a level word dropped
(青石县人民政府 in the title, 青石人民政府 in the body).

The names are the ones the report itself gives: the title's issuer and the signature. The forms
of a name with one level word (省, 市, 县, 区, 乡, 镇) taken out are looked for in the report's
lines; so are, for a name that may itself be the short form, the forms with one put in. Only
forms the report really holds are reported, once per form, with every place the short form is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator, NamedTuple

from lintlaw.analysis.document import Document, Report
from lintlaw.text.chars import is_han
from lintlaw.text.outline import CHROME, TOC, Line

LEVELS = "省市县区乡镇"
# A level word stands after a place (one character at least: 沛县) and before a body's name
# (two at least: 县司法局).
_MIN_AFTER = 2
# A name worth comparing ends as a body's name does.
_BODY = re.compile(r"(?:政府|委员会|局|委|办公室|办|厅|中心|所|院|署|镇|乡|街道办事处)$")


class TwoForms(NamedTuple):
    short: str  # the form without the level word
    full: str  # the form with it
    level: str  # the level word
    where: str  # where the full form is: 标题, 落款 or 正文
    places: list[int]  # offsets of the short form (never empty)


def issuer_forms(document: Document) -> Iterator[TwoForms]:
    text = document.source.text
    for report in document.reports:
        names = _names(report)
        if not names:
            continue
        lines = [line for line in report.lines if line.type not in (CHROME, TOC)]
        given = {name for name, _, _ in names}
        seen: set[str] = set()
        for name, where, line in names:
            for other, level, dropped in _forms(name):
                if other in seen or other in given:
                    continue
                places = _places(text, lines, other)
                if not places:
                    continue
                seen.add(other)
                if dropped:  # the body's form lacks the level word
                    yield TwoForms(other, name, level, where, places)
                else:  # the title's or signature's form does
                    at = text.find(name, line.start, line.end)
                    if at >= 0:
                        yield TwoForms(name, other, level, "正文", [at])


def _places(text: str, lines: list[Line], words: str) -> list[int]:
    """Offsets of `words` in the given lines (in order, never blank)."""
    if not lines:
        return []
    # One search over the report's text (most forms are not there at all), then the lines kept.
    found, at, end = [], text.find(words, lines[0].start, lines[-1].end), lines[-1].end
    starts = [line.start for line in lines]
    while at >= 0:
        line = lines[bisect_right(starts, at) - 1]
        if line.start <= at and at + len(words) <= line.end:
            found.append(at)
        at = text.find(words, at + len(words), end)
    return found


def _names(report: Report) -> list[tuple[str, str, Line]]:
    """The issuer's names the report gives: (name, 标题 or 落款, the line)."""
    names = []
    if report.title_issuer:
        names.append((report.title_issuer, "标题", report.title))
    if report.signature is not None:
        names.extend((part, "落款", report.signature) for part in report.signature.text.split())
    unique = {}
    for name, where, line in names:  # the title's first
        unique.setdefault(name, (name, where, line))
    return [entry for name, entry in unique.items() if all(is_han(char) for char in name) and _BODY.search(name)]


def _forms(name: str) -> Iterator[tuple[str, str, bool]]:
    """(form, level word, whether the form drops it) for each level word taken out of or put into `name`."""
    for index, char in enumerate(name):
        if char in LEVELS and index >= 1 and len(name) - index - 1 >= _MIN_AFTER:
            yield name[:index] + name[index + 1:], char, True
    for index in range(1, len(name) - _MIN_AFTER + 1):
        if name[index - 1] in LEVELS or name[index] in LEVELS:
            continue  # 县县, 县市: no name reads so
        for level in LEVELS:
            yield name[:index] + level + name[index:], level, False
