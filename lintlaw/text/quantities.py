"""Numbers in running text: value, decimals, scale, measure word, approximation.

"共收到信访件282件" gives 282 件; "1.2亿元" gives 120000000 元; "三千余人" gives
3000 人 (approximate); "98.4%" gives 98.4 %. A number with no measure word after it
("12345政务热线", "2024年") is kept as a bare number (unit ""), so that ranges such as
"1至2次" can be recognised, but consistency checks use only measured quantities.
"""

from __future__ import annotations

import itertools
import operator
import re
from dataclasses import dataclass

from lintlaw.text.numerals import chinese_number

# Measure words, longest first so that 人次 wins over 人. Time words (年 月 日 天)
# are left out on purpose: a year is not a count.
MEASURE_WORDS = (
    "部门", "单位", "家庭", "家长",  # nouns that count themselves: 联合3部门
    "人次", "户次", "件次", "场次", "批次", "课时", "学时", "元", "件", "个", "人", "名", "场",
    "所", "项", "次", "家", "部", "条", "份", "户", "位", "批", "期", "篇", "本", "册", "套",
    "台", "辆", "起", "宗", "类", "门", "节", "堂", "支", "张", "处", "座", "间", "款", "轮", "届",
    "例", "封", "单", "卷", "盒", "校", "园", "里", "米", "吨", "亩", "公里", "平方米",
)
_MEASURE = "|".join(sorted(MEASURE_WORDS, key=len, reverse=True))
_SCALE = {"万": 10_000, "亿": 100_000_000, "千": 1000, "百": 100}

_DIGIT = "[0-9０-９]"
_CN_DIGIT = "零〇一二两三四五六七八九"
_CN_CHARS = _CN_DIGIT + "十百千万亿"

# A measure word must not be the start of a longer noun: 3所属, 5人民.
_NOT_A_MEASURE = "(?![民员才属有在以])"
# Arabic: 1,234 · 12.5 · 98.4 ; then an optional 余/多, scale, measure word or %.
# Both open with their first character as a plain class and check the character
# before it with a lookbehind just after: re then finds candidates with its fast
# first-character scan (a pattern that opens with a lookaround is tried at every
# position, 1.5–2× slower). "(?<!X.)" after one character means "(?<!X)" before it.
_ARABIC = re.compile(
    rf"(?P<num>{_DIGIT}(?<![0-9０-９.．A-Za-z].)(?:{_DIGIT}{{0,2}}(?:,{_DIGIT}{{3}})+(?!{_DIGIT})|{_DIGIT}*))"
    rf"(?P<dec>[.．]{_DIGIT}+)?"
    rf"(?![A-Za-z])"
    rf"\s?(?P<approx>[余多])?(?P<scale>[千百]?(?:万亿|[万亿])(?![分之])|[千百](?![分之]))?(?P<approx2>[余多])?"
    rf"(?:(?P<pct>[%％])|(?P<unit>{_MEASURE}){_NOT_A_MEASURE})?"
)
# Chinese: only with a measure word, so that 一是, 一网通办, 十四五 are not numbers; never
# right after a digit (5千万元 and 3百人 are Arabic numbers with a scale).
_CHINESE = re.compile(
    rf"(?P<num>[{_CN_CHARS}](?<![第{_CN_CHARS}0-9０-９].)[{_CN_CHARS}]*?)"
    rf"(?P<approx>余|多)?(?P<unit>{_MEASURE}){_NOT_A_MEASURE}"
)
# Plain string tests, not regexes: they run for every number in the file.
_APPROX_BEFORE = ("约", "近", "超过", "超", "逾", "不到", "不足")
_APPROX_AFTER = ("左右", "以上", "以下", "上下", "有余")
_RANGE_START = frozenset("至到~～-－—–")
_RANGE_JOINER = re.compile(r"\s*(?:至|到|~|～|-|－|—{1,2}|–)\s*")


@dataclass(slots=True, eq=False)  # identity: two equal numbers are still two figures
class Quantity:
    start: int
    end: int
    text: str
    value: float  # scale applied: 1.2亿元 → 120000000
    decimals: int  # digits shown after the decimal point
    unit: str  # measure word ("件", "元", "%"), "" for a bare number
    approximate: bool = False  # 余, 多, 约, 近, 左右, 三四个
    chinese: bool = False
    in_range: bool = False  # one end of 1至2次, 3～5年
    ordinal: bool = False  # 第3次

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    @property
    def exact_count(self) -> bool:
        """A measured, exact quantity that sums and ratios may use."""
        return bool(self.unit) and not (self.approximate or self.in_range or self.ordinal)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Numbers in text[start:end], in order, with offsets into text."""
    end = len(text) if end is None else end
    arabic, chinese = _arabic(text, start, end), _chinese(text, start, end)
    if not chinese:  # each list is in order already; most text has no Chinese count
        return _mark_ranges(text, arabic)
    found = arabic + chinese
    found.sort(key=_START)
    return _mark_ranges(text, found)


_START = operator.attrgetter("start")


def _arabic(text: str, start: int, end: int) -> list[Quantity]:
    found = []
    high = None  # (start, value, scale) of a bare 2亿 or 3万 that the next number may go on
    for match in _ARABIC.finditer(text, start, end):
        digits, decimals, approx, scale, approx_after_scale, percent, unit = match.group(
            "num", "dec", "approx", "scale", "approx2", "pct", "unit")
        unit = "%" if percent else (unit or "")
        digits = digits.replace(",", "")
        decimals = decimals[1:] if decimals else ""
        if not (digits.isascii() and decimals.isascii()):
            digits, decimals = digits.translate(_FULLWIDTH_DIGITS), decimals.translate(_FULLWIDTH_DIGITS)
        value = float(f"{digits}.{decimals}" if decimals else digits)
        for multiplier in scale or "":  # 5千万元: 5 × 千 × 万
            value *= _SCALE[multiplier]
        begin = match.start()
        # 2亿3千万元, 1亿2000万元, 3万5千人: one amount written in two parts.
        if high is not None and _continues(high, match, value):
            begin, value = high[0], high[1] + value
        high = None
        if not unit:
            if scale and scale[-1] in "亿万" and not (approx or approx_after_scale):
                high = (begin, value, scale[-1], match.end())
            if text[match.end():match.end() + 1] not in _RANGE_START:
                continue  # a bare number (2024年, 12345) matters only as the low end of a range
        found.append(_finish(text, begin, text[begin:match.end()], value, len(decimals), unit,
                             bool(approx or approx_after_scale), False))
    return found


def _continues(high, match, value: float) -> bool:
    """Whether a number goes on the bare 2亿 (or 3万) just before it: it starts where that
    ends, and it is less than one of that number's last unit (3千万 < 1亿)."""
    _begin, _value, unit, end = high
    return match.start() == end and value < _SCALE[unit]


def _chinese(text: str, start: int, end: int) -> list[Quantity]:
    found = []
    for match in _CHINESE.finditer(text, start, end):
        core = match.group("num")
        if _in_word(text, match):
            continue
        value = chinese_number(core)
        if value is None or value == 0:
            continue
        # 三四个, 七八名: two neighbouring digits mean "three or four".
        vague = all(c in _CN_DIGIT for c in core) and 2 <= len(core) <= 3
        found.append(_finish(text, match.start(), match.group(0), float(value), 0, match.group("unit"),
                             bool(match.group("approx")) or vague, True))
    return found


# 一 inside a word is not a count: 统一部署, 逐一, 唯一, 一部分.
_WORDS_WITH_ONE = frozenset({"统一", "逐一", "唯一", "同一", "划一", "单一", "专一", "万一", "之一",
                             "进一", "一一"})


def _in_word(text: str, match: re.Match) -> bool:
    start = match.start()
    if text[max(0, start - 1):start + 1] in _WORDS_WITH_ONE:
        return True
    return match.group(0) == "一部" and text[match.end():match.end() + 1] == "分"


def _finish(text, start, shown, value, decimals, unit, approximate, chinese) -> Quantity:
    before = text[max(0, start - 4):start].rstrip()
    shown = shown.rstrip()
    after = text[start + len(shown):start + len(shown) + 2]
    approximate = approximate or before.endswith(_APPROX_BEFORE) or after.startswith(_APPROX_AFTER)
    ordinal = before.endswith("第")
    return Quantity(start, start + len(shown), shown, value, decimals, unit, approximate, chinese,
                    False, ordinal)


def _mark_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """Mark both ends of 1至2次, 3～5年, 15%～30%."""
    for left, right in itertools.pairwise(found):
        if right.start - left.end <= 4 and _RANGE_JOINER.fullmatch(text, left.end, right.start):
            left.in_range = right.in_range = True
    return found
