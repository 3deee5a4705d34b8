"""How a captured page divides into reports: titles, compilations, a table of contents.

One line alone cannot tell these apart, so they are settled here on the typed lines of
lintlaw/text/outline.py, before lintlaw/analysis/document.py builds each report's sections.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lintlaw.text.chars import SENTENCE_PUNCT
from lintlaw.text.outline import CHROME, HEADING, TEXT, TITLE, TOC, Line

_YEAR = re.compile(r"(?:20|19)\d{2}\s*年")
# Sentence punctuation: a line holding it is body text, not a title or a label.
# A compilation mark after a title (…总结 篇二, …报告（三）, …总结之四) or before it (篇一：…),
# a field label (标题：…) and a file name (….docx): none of them is the title's words.
_TITLE_DECORATION = re.compile(
    r"(?:[（(][一二三四五六七八九十0-9]{1,2}[）)]|【?(?:篇|范文)[一二三四五六七八九十0-9]{1,2}】?"
    r"|之[一二三四五六七八九十]{1,2})$")
_TITLE_MARK = re.compile(r"【?(?:篇|范文)[一二三四五六七八九十0-9]{1,2}】?[:：]?")
_FIELD_LABEL = re.compile(r"^标题[:：]")
_FILE_NAME = re.compile(r"\.(?:docx?|wps|pdf|txt)$")
# A title that names a report (…报告, …工作总结, …工作计划) may start a new report in a
# compilation; a …建设情况 title only heads the first.
_REPORT_TITLE_END = re.compile(r"(?:[报報]告|[总總][结結]|[计計][划劃]|打算|安排|思路)$")
# Numbered tips of a download or document-sharing site ("2、PDF文件下载后…"): page debris,
# never a heading of the report.
# (Words a report uses too — 侵权, 充值, 扣费, 本站 of a monitoring station — are no sign:
# "（三）严厉打击知识产权侵权假冒行为" is a heading.)
_SITE_TIP = re.compile(r"(?:PDF|pdf|WORD|Word|word|DOC|doc|TXT|txt)[^。，]{0,8}下载|"
                       r"下载(?:后|前|时|积分|券|次数|失败|不了)|积分下载|本网站|VIP|vip")
_TIPS_LEAD = re.compile(r"^(?:友情|温馨|下载|特别)提示\s*[:：]?$|^下载说明\s*[:：]?$")
_TIP_WORDS = ("下载", "本网站", "VIP", "vip")
_CONTENTS_WORD = re.compile(r"^目\s*录$")
# Page numbers and leader dots after a table-of-contents entry: "一、总体情况……3".
_CONTENTS_TAIL = re.compile(r"[\s.．…·—_\-]*[0-9]*$")


def retype(lines: list[Line]) -> list[Line]:
    """Correct what one line alone cannot tell: a table of contents, and download-site tips
    (numbered lines under a 友情提示 line, or numbered lines in a download site's words)."""
    contents = _contents_lines(lines)
    out = []
    in_tips = False
    for index, line in enumerate(lines):
        if index in contents:
            line = replace(line, type=TOC, marker=None)
        elif line.type == TEXT and _TIPS_LEAD.match(line.text):
            line, in_tips = replace(line, type=CHROME), True
        elif line.type == HEADING and ((in_tips and line.marker.level >= 3)
                                       or (_might_be_tip(line.text) and _SITE_TIP.search(line.body))):
            line = replace(line, type=CHROME, marker=None)
        else:
            in_tips = False
        out.append(line)
    return out


def _might_be_tip(text: str) -> bool:
    """A cheap test first: every download-site tip holds one of these words."""
    return any(word in text for word in _TIP_WORDS)


def _contents_lines(lines: list[Line]) -> set[int]:
    """A table of contents: a run of heading lines with nothing between them whose entries
    come back later as the real headings. Its lines (and a 目录 line before it) are neither
    sections nor the start of another report."""
    top = next((i for i, line in enumerate(lines) if line.type == TEXT and "。" in line.text), len(lines))
    runs: list[range] = []
    index = 0
    while index < top:  # only at the top of the page, before the first sentence
        if not _bare_heading(lines[index]):
            index += 1
            continue
        end = index
        while end + 1 < len(lines) and _bare_heading(lines[end + 1]):
            end += 1
        if end > index:
            runs.append(range(index, end + 1))
        index = end + 1
    if not runs:
        return set()
    last_seen: dict[tuple, int] = {}
    for index, line in enumerate(lines):
        if line.type == HEADING:
            last_seen[_contents_key(line)] = index
    found: set[int] = set()
    for run in runs:
        repeated = sum(1 for i in run if last_seen[_contents_key(lines[i])] > run[-1])
        if repeated * 5 >= len(run) * 4:
            found.update(run)
            if run[0] > 0 and _CONTENTS_WORD.match(lines[run[0] - 1].text):
                found.add(run[0] - 1)
    return found


def _bare_heading(line: Line) -> bool:
    return line.type == HEADING and not any(stop in line.body for stop in "。；;")


def _contents_key(line: Line) -> tuple:
    return line.marker.level, line.marker.number, _CONTENTS_TAIL.sub("", line.body)


def split_reports(lines: list[Line]) -> list[list[Line]]:
    """Split where a title starts another report.

    A new report starts at a title after the current report's body when the numbering
    restarts at 一、 after it, or when the title names a report (…报告, …工作总结 篇二) other
    than the current one: a compilation page holds several. A title repeated before any
    body (page title, then document title) stays one report.
    """
    chunks: list[list[Line]] = [[]]
    title: Line | None = None  # the current report's first title
    seen_heading = seen_sentence = False
    for index, line in enumerate(lines):
        if line.type == TITLE and (seen_heading or (seen_sentence and title is not None)):
            restarts = seen_heading and _next_level1_is_first(lines, index)
            if restarts or (_names_report(line) and not _same_title(title, line)):
                chunks.append([])
                title = None
                seen_heading = seen_sentence = False
        chunks[-1].append(line)
        if line.type == TITLE:
            title = title or line  # the first title names the report
        elif line.type == HEADING:
            seen_heading = True
        elif line.type == TEXT and not seen_sentence and SENTENCE_PUNCT.search(line.text):
            seen_sentence = True
    return chunks


def title_parts(line: Line) -> tuple[str, str]:
    """A title's words and its compilation mark (篇二, （三）, 之四; "" when it has none).

    A field label (标题：) and a file name (.docx) are neither."""
    text = _FIELD_LABEL.sub("", "".join(line.text.split()))
    text = _FILE_NAME.sub("", text)
    mark = ""
    prefix = _TITLE_MARK.match(text)
    if prefix:
        mark, text = prefix.group().rstrip(":："), text[prefix.end():]
    suffix = _TITLE_DECORATION.search(text)
    if suffix:
        mark, text = mark + suffix.group(), text[:suffix.start()]
    return text, mark


def _names_report(line: Line) -> bool:
    return bool(_REPORT_TITLE_END.search(title_parts(line)[0]))


def _same_title(current: Line | None, line: Line) -> bool:
    """The same title again, whole or split (issuer on its own line, then 关于…的报告);
    titles that differ in their compilation marks (篇一, 篇二) are different reports."""
    if current is None:
        return False
    (a, mark_a), (b, mark_b) = title_parts(current), title_parts(line)
    return (a in b or b in a) and mark_a == mark_b


def _next_level1_is_first(lines: list[Line], index: int) -> bool:
    for line in lines[index + 1:]:
        if line.type == HEADING and line.marker.level == 1:
            return line.marker.number == 1
    return False


def title_rank(line: Line) -> tuple[bool, bool]:
    """Of the titles before a report's first heading, the one to show (the least): prefer one
    that names a year, then one that carries no label or breadcrumb (标题: …, 首页 > …)."""
    text = _TITLE_MARK.sub("", line.text)  # 篇一： is a compilation mark, not a label
    return _YEAR.search(text) is None, re.search("[:：>]", text) is not None
