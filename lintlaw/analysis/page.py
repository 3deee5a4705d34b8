"""How a captured page divides into reports: titles, compilations, a table of contents.

One line alone cannot tell these apart, so they are settled here on the typed lines of
lintlaw/text/outline.py, before lintlaw/analysis/document.py builds each report's sections.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lintlaw.text.chars import SENTENCE_PUNCT
from lintlaw.text.outline import CHROME, DATE, HEADING, LETTER, TEXT, TITLE, TOC, Line

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
# A page number after leader dots or spaces ("一、总体情况……3", "二、主动公开情况  5").
_PAGE_NUMBER = re.compile(r"(?:[.．…·—_]{2,}|[ \t\u3000]{2,}|[.．…·][ \t\u3000]*)[0-9]{1,3}$|[^0-9][ \t\u3000]+[0-9]{1,3}$")
_ENTRY_WORDS = re.compile(r"[^。；;]*")
_PAGE_LINE = re.compile(r"[0-9]{1,3}$")  # a page number on a line of its own


def retype(lines: list[Line]) -> list[Line]:
    """Correct what one line alone cannot tell: a cover letter sent with the report, a table of
    contents, and download-site tips (numbered lines under a 友情提示 line, or numbered lines in
    a download site's words)."""
    letter = _cover_letter(lines)
    if letter:
        lines = [replace(line, type=LETTER, marker=None) if index in letter else line
                 for index, line in enumerate(lines)]
    notices = _split_notices(lines)
    if notices:
        lines = [replace(line, type=CHROME, marker=None) if index in notices else line
                 for index, line in enumerate(lines)]
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


# A cover letter sent with the report (a 函 or 报告 to the body above, or a 通知 that prints it):
# each pattern one sign of it, matched against a line's text with its spaces removed.
_LETTER_SIGNS = {
    # 发文字号: 甲司函〔2025〕3号
    "number": re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［【(（](?:19|20)[0-9]{2}[〕\]］】)）][0-9]{1,4}号$"),
    # 主送机关, alone on its line and ending in a colon: 乙市人民政府：, 各乡镇人民政府，县直各单位：
    "addressee": re.compile(r"^[^。；;！？!?：:]{2,80}(?:政府|委员会|委|局|办公室|办|厅|部|院|中心|单位|部门|街道|乡镇|镇|乡)[:：]$"),
    # the sentence that sends the report: 现将《…报告》印送给你们 / 报送如下 / 予以印发
    "sending": re.compile(r"现将.{0,80}?(?:印送|报送|呈报|呈送|报上|送上|印发|转发|报给|发给|提交|上报)"),
    # 附件：…
    "enclosure": re.compile(r"^附件[0-9一二三四五]?[:：]"),
    # the letter's own title: 关于报送…的函 / 关于印发…的通知
    "letter-title": re.compile(r"^[^。，,；;]{0,40}关于(?:报送|呈报|上报|印发|印送|转发|提交)[^。，,；;]{2,80}的(?:函|通知|报告)$"),
}
_LETTER_LINES = 15  # a cover letter is short: its signs lie within this many lines


def _cover_letter(lines: list[Line]) -> set[int]:
    """The lines of a cover letter above the report: before the first heading, two or more
    signs of a letter (发文字号, 主送机关, 现将…印送, 附件, a 关于报送…的函 title) of which one
    sends something (现将…, 附件, the letter's title), and the report's own title after them.
    The report starts at its title; the letter is no part of it and starts no report."""
    first_heading = next((i for i, line in enumerate(lines) if line.type == HEADING), len(lines))
    signs: dict[str, int] = {}
    for index in range(first_heading):
        line = lines[index]
        if line.type in (CHROME, DATE):
            continue
        words = "".join(line.text.split())
        for sign, pattern in _LETTER_SIGNS.items():
            if sign not in signs and pattern.search(words):
                signs[sign] = index
    sending = {"sending", "enclosure", "letter-title"} & signs.keys()
    if len(signs) < 2 or not sending:
        return set()
    start, last = min(signs.values()), max(signs.values())
    if last - start >= _LETTER_LINES:
        return set()
    # The sender's name or the page's title may stand just above the letter's first sign.
    while start > 0 and start > last - _LETTER_LINES and _letter_head(lines[start - 1]):
        start -= 1
    title = next((i for i in range(last + 1, first_heading) if lines[i].type == TITLE), None)
    if title is None:
        return set()
    return set(range(start, title))


# A reprint site's licence or copyright notice whose linked words (a law's name, 法规, the
# licence's name) each stand on a line of their own between fragments of its sentences. Such a
# notice speaks of the page or the work itself and of its licence or copyright: both are needed.
_NOTICE_SUBJECT = re.compile(r"本(?:作品|站|网站?|页面?|文档?|条目|资料)|[此该]作品")
_NOTICE_WORK = re.compile(r"本(?:作品|页面?|条目)|[此该]作品")
_NOTICE_TERMS = re.compile(r"许可(?:协议|证)|知识共享|共享协议|CC[ -]?BY|GFDL|GNU|公有领域|公共领域|释出|"
                           r"著作权|版权|转载|注明(?:出处|来源)|保留所有权利|All Rights|免责|不适用")
_ENDS_SENTENCE = "。！？!?"
_NOTICE_SHORT = 12  # a linked word's line: a name, 法规, a licence's name
_NOTICE_LINE = 60  # no line of such a notice is longer


def _split_notices(lines: list[Line]) -> set[int]:
    """Lines of licence or copyright notices split at their links: a run of three or more
    lines, none longer than a notice's line and at least two as short as a linked word, each
    but the last going on in the next (no full stop at its end), whose words, with the notice's
    sentences next to it, name the page or work and its licence or copyright. The whole run
    and those sentences are page debris."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate(lines + [None]):
        if line is not None and line.type in (TEXT, CHROME) and len(line.text) <= _NOTICE_LINE:
            run.append(index)
            if not line.text.rstrip().endswith(tuple(_ENDS_SENTENCE)):
                continue  # the sentence goes on in the next line
        if len(run) >= 3 and sum(len(lines[i].text.strip()) <= _NOTICE_SHORT for i in run) >= 2:
            # The notice's own sentences next to the run may name the page while the run names
            # the licence ("本作品来自…译文。" / "根据《" / "著作权法" / "》第五条…"): both count.
            around = _notice_neighbours(lines, run[0], -1) + _notice_neighbours(lines, run[-1], 1)
            words = "".join("".join(lines[i].text.split()) for i in run)
            every = words + "".join("".join(lines[i].text.split()) for i in around)
            if ((_NOTICE_SUBJECT.search(words) or _NOTICE_TERMS.search(words))
                    and _NOTICE_SUBJECT.search(every) and _NOTICE_TERMS.search(every)):
                found.update(run + around)
        run = []
    return found


def _notice_neighbours(lines: list[Line], index: int, step: int) -> list[int]:
    """The notice's own sentences next to a split run ("本作品来自…译文。" above "根据《" / …):
    short lines that speak of the work or the page itself (not of 本站 or 本网站, which a report
    may name), or of a licence or copyright."""
    found = []
    index += step
    while 0 <= index < len(lines):
        line = lines[index]
        words = "".join(line.text.split())
        if (line.type not in (TEXT, CHROME) or len(line.text) > _NOTICE_LINE
                or not (_NOTICE_WORK.search(words) or _NOTICE_TERMS.search(words))):
            break
        found.append(index)
        index += step
    return found


def _letter_head(line: Line) -> bool:
    return line.type in (TEXT, TITLE) and len(line.text) <= 40 and not any(stop in line.text for stop in "。，；")


def _contents_lines(lines: list[Line]) -> set[int]:
    """A table of contents: a run of heading lines with nothing between them, before any
    heading has text under it, that a 目录 line heads or whose entries carry page numbers, or,
    before the first sentence, whose entries come back later as the real headings. Its lines
    (and the 目录 line) are neither sections nor the start of another report."""
    top = _first_content(lines)
    first_sentence = next((i for i, line in enumerate(lines) if line.type == TEXT and "。" in line.text),
                          len(lines))
    runs: list[tuple[list[int], list[int]]] = []  # (entries, other lines among them)
    index = 0
    while index < top:  # only at the top of the page, before any heading has text under it
        if not _bare_heading(lines[index]):
            index += 1
            continue
        entries, pages, keys = [index], [], {_contents_key(lines[index])}
        headed = index > 0 and _CONTENTS_WORD.match(lines[index - 1].text) is not None
        following, pending = index + 1, []
        # The run ends where an entry comes again: the body's first heading right after the list.
        # A page number a capture put on a line of its own stays in it; under a 目录 line, so do
        # unnumbered entries between numbered ones ("五、预算表" / "1.2025年收支总表" / "六、…").
        while following < len(lines):
            line = lines[following]
            if line.type == TEXT and _PAGE_LINE.match(line.text):
                (pending if pending else pages).append(following)  # the page of the entry above
            elif headed and line.type == TEXT and _unnumbered_entry(line):
                pending.append(following)
            elif _bare_heading(line) and _contents_key(line) not in keys:
                entries.append(following)
                keys.add(_contents_key(line))
                pages += pending
                pending = []
            else:
                break
            following += 1
        if len(entries) > 1:
            runs.append((entries, pages))
        index = entries[-1] + 1
    found: set[int] = set()
    for run, pages in runs:
        headed = run[0] > 0 and _CONTENTS_WORD.match(lines[run[0] - 1].text) is not None
        paged = (len(pages) + sum(1 for i in run if _PAGE_NUMBER.search(lines[i].text))) * 2 >= len(run)
        if headed or paged or (run[0] < first_sentence and _comes_back(lines, run)):
            found.update(run + pages)
            if headed:
                found.add(run[0] - 1)
    return found


def _unnumbered_entry(line: Line) -> bool:
    """A contents entry without a heading marker: short once its leader dots and page number
    are off, and no sentence."""
    words = _CONTENTS_TAIL.sub("", line.text)
    return len(words) <= 40 and not any(mark in words for mark in "。，；;,")


def _first_content(lines: list[Line]) -> int:
    """The first line of text with a full stop after a heading: the body has begun. (Sentences
    before any heading — a cover letter, an introduction — may stand above a table of contents.)"""
    seen_heading = False
    for index, line in enumerate(lines):
        if line.type == HEADING:
            seen_heading = True
        elif seen_heading and line.type == TEXT and "。" in line.text:
            return index
    return len(lines)


def _comes_back(lines: list[Line], run: list[int]) -> bool:
    """Whether the run's entries come back as headings after it, in order: four in five of
    them, or its first two (a capture cut off after them keeps no more). A report never
    numbers and words two headings again the same way."""
    later: dict[tuple, int] = {}
    for index in range(len(lines) - 1, run[-1], -1):
        if lines[index].type == HEADING:
            later[_contents_key(lines[index])] = index
    places = [later.get(_contents_key(lines[i])) for i in run]
    if sum(place is not None for place in places) * 5 >= len(run) * 4:
        return True
    first, second = places[0], places[1]
    return first is not None and second is not None and first < second


def _bare_heading(line: Line) -> bool:
    return line.type == HEADING and not any(stop in line.body for stop in "。；;")


def _contents_key(line: Line) -> tuple:
    """A heading as a contents entry names it: marker and words, without page number or leader
    dots, without a sentence run in after the words ("（一）主动公开情况。2024年，…")."""
    words = _CONTENTS_TAIL.sub("", _ENTRY_WORDS.match(line.body).group())
    return line.marker.level, line.marker.number, "".join(words.split())


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
