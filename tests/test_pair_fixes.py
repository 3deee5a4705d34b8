"""Half-width brackets are made full-width a pair at a time (issue 9, item 19)."""

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .helpers import findings
from .test_fixes import fixed

HALF_WIDTH = ["P008", "P009", "P001", "S107"]


@pytest.mark.parametrize("before, after", [
    ("热线(12345)。", "热线（12345）。"),
    ("(12345)热线。", "（12345）热线。"),
    ("热线（12345)。", "热线（12345）。"),  # half a pair already full-width: the other half follows
    ("热线(12345）。", "热线（12345）。"),
    ("办法(试行)和规划(2021—2025年)。", "办法（试行）和规划（2021—2025年）。"),
    ("拨打(12345，或者(6789)。", "拨打(12345，或者（6789）。"),  # the lone ( has no partner: left alone
    ("见附件(a)b)。", "见附件（a）b)。"),
    ("公式a(b)c成立。", "公式a(b)c成立。"),  # no Chinese next to either bracket
    ("（a)b）。", "（a)b）。"),  # converting ) would leave the last ） unmatched
])
def test_parentheses_are_converted_in_pairs(all_rules, before, after):
    assert fixed(before, all_rules, select=HALF_WIDTH) == after


@pytest.mark.parametrize("before, after", [
    ('制作"红黑榜"，评选"典型案卷"20宗。', "制作“红黑榜”，评选“典型案卷”20宗。"),
    ('制作"红黑榜"，评选"典型案卷20宗。', '制作"红黑榜"，评选"典型案卷20宗。'),  # odd: which pair cannot be told
    ('制作"红黑榜”，评选“典型案卷"。', '制作"红黑榜”，评选“典型案卷"。'),  # full-width ones on the line too
    ('<p class="a">', '<p class="a">'),  # no Chinese inside: markup
    ('"提升居民节能环保意识，优化营商环境"', '"提升居民节能环保意识，优化营商环境"'),  # a quoted cell
    ("未收到依申请公开事项.", "未收到依申请公开事项。"),
    ("学宪法.讲宪法，投入3.5亿元。", "学宪法.讲宪法，投入3.5亿元。"),  # between words: P014's, not fixed
])
def test_ascii_quotes_in_pairs_and_a_full_stop_at_the_sentence_end(all_rules, before, after):
    assert fixed(before, all_rules, select=HALF_WIDTH) == after


def test_half_width_heading_marker_is_one_s107_finding(all_rules):
    text = "一、主要举措\n(一)依法履职(试行)。\n（二）严格执法\n(3)其次\n"
    assert findings(text, all_rules, select=HALF_WIDTH) == [
        ("S107", 2, 1, "标题编号“(一)”标点不规范，应写作“（一）”"),
        ("P009", 2, 8, "半角“(”夹在中文里，应为全角“（”"),
        ("P009", 2, 11, "半角“)”夹在中文里，应为全角“）”"),
        ("S107", 4, 1, "标题编号“(3)”标点不规范，应写作“（3）”"),
    ]
    assert fixed(text, all_rules, select=HALF_WIDTH) == "一、主要举措\n（一）依法履职（试行）。\n（二）严格执法\n（3）其次\n"


def test_the_marker_is_fixed_by_s107_alone(all_rules):
    # Punctuation fixes keep off the marker (fixing.choose); S107, the marker's own rule, converts it.
    text = "甲市2024年度法治政府建设情况报告\n一、主要举措\n(一)依法履职,加强学习\n"
    assert fixed(text, all_rules, select=["punctuation", "S107"]) == (
        "甲市2024年度法治政府建设情况报告\n一、主要举措\n（一）依法履职，加强学习\n")


BRACKET = st.sampled_from(["(", ")", "（", "）"])
FILLER = st.sampled_from(["热线", "12345", "a", "试行", "，", "。", "“", "”", "《", "》", " ", "2021—2025年", "b"])
LINE = st.lists(st.one_of(BRACKET, FILLER), min_size=1, max_size=14).map("".join)
TEXTS = st.lists(LINE, min_size=1, max_size=4).map(lambda lines: "一、主要举措\n" + "\n".join(lines) + "\n")


def _pairs(line: str) -> list[tuple[int, int]]:
    stack, pairs = [], []
    for match in re.finditer("[()（）]", line):
        if match.group() in "(（":
            stack.append(match.start())
        elif stack:
            pairs.append((stack.pop(), match.start()))
    return pairs


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
@example("一、主要举措\n(热线》)\n")  # a bracket closed by another kind: the finding stays, quoting （
def test_fixing_half_width_marks_never_unbalances_a_pair(all_rules, text):
    after = fixed(text, all_rules, select=HALF_WIDTH)
    # The fixes replace one character by one: positions stay comparable.
    assert len(after) == len(text)
    # Compared by place: a finding that quotes a bracket quotes the converted one after the fix.
    def places(t):
        return {f[:3] for f in findings(t, all_rules, select=["P001"])}

    assert places(after) <= places(text)
    for before_line, after_line in zip(text.splitlines(), after.splitlines(), strict=True):
        for start, end in _pairs(before_line):
            if before_line[start] + before_line[end] == "()":
                converted = (after_line[start] != "(", after_line[end] != ")")
                assert converted[0] == converted[1], (before_line, after_line)
        for at, char in enumerate(before_line):  # nothing but brackets and marks changes
            if after_line[at] != char:
                assert char in "(),;:?!"


# Which , ; : ? ! are in Chinese text is decided by one regex scan; the digits str.isdigit takes
# beyond \d (①, ², ⑴) are decided apart. Each case: the line, and the column of the finding or None.
@pytest.mark.parametrize("line, column", [
    ("全年,市教育局召开会议。", 3),
    ("会议时长:30分钟。", 5),  # a digit after
    ("共2024;全年召开会议。", 6),  # a digit before
    ("会议召开,２次。", 5),  # a full-width digit
    ("会议召开:①学习。", 5),  # circled and superscript digits are digits too
    ("①:学习。", 2),
    ("面积为10米²,共计。", 8),
    ("会议召开!“学习”。", 5),  # Chinese punctuation on the other side
    ("“学习”?会议。", 5),
    ("共1,234人。", None),  # a number's separator
    ("见a:b项。", None),
    ("会议召开,a项。", None),
    ("会议召开, 学习。", None),  # a space on one side, Chinese on the other
    ("第Ⅻ,条。", None),  # a Roman numeral is no digit
    ("会议召开€,学习。", None),
    ("会议召开,", None),  # the line's end
])
def test_half_width_mark_beside_chinese(all_rules, line, column):
    mark = line[column - 1] if column else None
    expected = [] if column is None else [
        ("P009", 1, column, f"半角“{mark}”夹在中文里，应为全角“{'，；：？！'[',;:?!'.index(mark)]}”")]
    assert findings(line + "\n", all_rules, select=["P008", "P009"]) == expected
