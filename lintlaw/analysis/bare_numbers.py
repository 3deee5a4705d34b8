"""Numbers a capture left without their measure word or 年 (docs/domain.md §5, §6).

"聘任业务精湛156优秀人员", "6学生参加", "三等奖15。" lost 名; "一、2025工作开展情况" lost 年.
A number may be followed by a measure word, a unit, a scale, an approximation or a
conjunction (FOLLOWERS); a number followed by any other Chinese character lost
something, unless it is not a count at all: a hotline (12345, 110), a code or a model
number (5G, GB/T 9704, V2.0, W-08), an ordinal (第3), a list marker at the start of a
line, a day's name (3·15). A year-like number (19xx, 20xx) before a word that is no
measure word is a year that lost 年 ("2025全年度"); before a measure word it is a count
(公开信息2017条).

A number at the end of a list item with no measure word ("二等奖4人、三等奖15。") is
reported only where the next or the previous item of the list has one: "附件1、附件2"
and "拨打12345、12315" have none.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

import regex

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Check, Issue
from lintlaw.text.chars import is_han

# The problems this analysis reports (lintlaw/analysis/issue.py): name and the values each carries.
MEASURE_WORD = Check.of("measure-word", "found", "number")
YEAR = Check.of("year", "found", "number")

# What may follow a number: measure words, units (of time too), scales, approximations,
# comparisons and conjunctions (3至5, 3和4), ranks (百强, 十佳), N大类, 90后. Two-character
# words first where the first character alone is no measure word (小时, 公里, 平方米).
# Traditional forms are included: mirrors convert whole pages (7項, 39號).
# 部门 and 单位 count themselves in formal text (联合12部门); 家长, 家庭 do not (500名家长).
FOLLOWERS = (
    "小时|课时|学时|学年|学期|学分|公里|公斤|公顷|公分|平方|立方|摄氏|英里|英尺|海里|美元|欧元|港元|日元|英镑|"
    "纳米|安培|上下|左右|以上|以下|以内|以外|之间|家(?!长|庭)|"
    "[个人名位件次项条所户场期批部篇份起宗例座栋幢间层台辆套张本册卷类种支队组处块片段幅封首门科款章节号届轮级"
    "等遍趟回番倍成折元角分厘毫万亿千百兆年月日天周时秒岁载代世季旬夜晚米里亩顷吨斤克两升度瓦伏码寸尺丈余多来"
    "至到和与及或比对强佳大小型版线路楼室弄社单巷街村镇乡县区市省国校园院馆站厂店车船架艘列班课堂讲集稿则笔票"
    "针剂粒颗头只匹根棵株枝盏杯瓶箱包袋桶罐盒把扇面页字句行题口尾星色险方点刻帧屏格胎孩后地"
    "個條項號場屆輪級種張冊類隊組處塊輛萬億歲兩噸畝間層臺門節頁題點時週筆顆隻]"
)
# Measure words a list item's count ends with (the other items of "二等奖4人、三等奖15").
_ITEM_UNIT = "(?:人次|家次|件次|户次|场次|[个人名位件次项条所户场期批部篇份起宗例座家元])"
# A number that names rather than counts: preceded by a letter, a digit or a mark of a code,
# a date, a time, a decimal or a day name (W-08, 12:30, 3·15); or by 第 (an ordinal).
_NOT_AFTER = r"(?<![0-9０-９A-Za-z.．·•/\\\-_~～—–:：#＃%％第])(?<![0-9][对比])"
# Hotlines and service numbers: 110, 119, 120, 122; 12345, 12315, 12348, 95598, 96180.
_SERVICE_NUMBER = r"(?:1[12][0-9]|[19][0-9]{4})(?![0-9])"
_YEAR = r"(?:19|20)[0-9]{2}(?![0-9])"
# Before a measure word nothing was lost; a day name or an event after a number is a name.
_NAME_AFTER = r"(?:国际|全国|国家|世界|消费|宣传|纪念|晚会)"
# Words a number may follow with nothing between (为0、达12、共3、占比10), and counts and
# scores that need no measure word (人数120、得分95、指数105): not a lost measure word.
_VERB_BEFORE = "为达是至到约近超逾计共有占比数分值率额量"
# Nouns a number identifies rather than counts: 附件1、表2、热线12345、第3条、1号楼.
_LABEL_BEFORE = "表图件号码线话骤序版型编章节条款栋楼室层"


@functools.cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(number before a word, year before a word, list item without a measure word)."""
    start = _NOT_AFTER + r"(?<!^[ \t\u3000\u00a0]*)"  # not a list marker at the line start
    word = rf"(?=\p{{Han}})(?!{FOLLOWERS}|{_NAME_AFTER})"
    noun = regex.compile(rf"{start}(?!{_YEAR}|{_SERVICE_NUMBER})[0-9]{{1,5}}(?![0-9.．]){word}", regex.M)
    year = regex.compile(rf"{start}(?<![〔\[【（(])(?:19|20)[0-9]{{2}}(?![0-9.．]){word}", regex.M)
    bare = rf"(?<=\p{{Han}})(?<![{_VERB_BEFORE}{_LABEL_BEFORE}])(?!{_YEAR})[0-9]{{1,5}}"
    item = regex.compile(
        # after an item with a measure word: "二等奖4人、三等奖15。", "23人次开具整改通知书105、"
        rf"(?<=[0-9]{_ITEM_UNIT}[、，,]?\p{{Han}}[^、，,；;。\n0-9]{{0,15}}){bare}(?=/?[、，；;。]|,(?![0-9])|$)"
        # before one: "培训机构1282/、联合执法18次"
        rf"|{bare}(?=/?[、，,](?![0-9])\p{{Han}}[^、，,；;。\n0-9]{{0,15}}[0-9]+{_ITEM_UNIT})",
        regex.M)
    return noun, year, item


# Where a run of digits starts. Every match of the three patterns does: each consumes digits
# first and none may follow a digit (a letter-or-digit lookbehind, or a Chinese character
# before it). Trying the patterns only there gives the matches a search of the line gives,
# without the lookbehinds tried at every character (the list-item one looks back 15).
_NUMBER_START = re.compile(r"(?<![0-9])[0-9]")


def bare_numbers(document: Document) -> Iterator[Issue]:
    """Issues "measure-word" (a count without one) and "year" (a year without 年), in order."""
    text = document.source.text
    noun, year, item = _patterns()
    for line in document.prose_lines():
        if document.in_table(line):
            continue  # a table's cells hold bare numbers by design
        for start in _NUMBER_START.finditer(text, line.start, line.end):
            at = start.start()
            # As the searches of the line did: a number without its measure word, else a list
            # item's, and a year-like number before a word is a year that lost 年.
            match = year.match(text, at, line.end)
            if match:
                yield _issue(YEAR, text, match, line)
                continue
            match = noun.match(text, at, line.end)
            if match:
                yield _issue(MEASURE_WORD, text, match, line)
                continue
            match = item.match(text, at, line.end)
            if match:
                yield _issue(MEASURE_WORD, text, match, line, after=False)


def _issue(check: Check, text: str, match, line, after: bool = True) -> Issue:
    """The number's finding; `found` shows it with the word after it (or the noun before it)."""
    start, end = match.span()
    if after:
        shown = text[start:min(end + 2, line.end)]
    else:  # the noun before it: up to four Chinese characters
        begin = start
        while begin > max(start - 4, line.start) and is_han(text[begin - 1]):
            begin -= 1
        shown = text[begin:end]
    return check.issue(start, end, {"found": shown.strip(), "number": match.group()})
