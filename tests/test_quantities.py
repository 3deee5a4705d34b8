"""Numbers in running text: what value, unit and flags each gets."""

import pytest

from lintlaw.text.numerals import chinese_number
from lintlaw.text.quantities import find_quantities


def measured(text):
    return [(q.text, q.value, q.unit) for q in find_quantities(text) if q.unit]


@pytest.mark.parametrize("text, value", [
    ("十二", 12), ("三千", 3000), ("两万", 20000), ("三千五百", 3500), ("一百零五", 105),
    ("一亿二千万", 120_000_000), ("二〇二四", 2024), ("十万", 100_000),
])
def test_chinese_numerals(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("text", ["万", "", "是"])
def test_not_chinese_numerals(text):
    assert chinese_number(text) is None


@pytest.mark.parametrize("text, expected", [
    ("共收到信访件282件", [("282件", 282, "件")]),
    ("录取新生4,420人", [("4,420人", 4420, "人")]),
    ("满意率98.4%", [("98.4%", 98.4, "%")]),
    ("投入资金1.2亿元", [("1.2亿元", 120_000_000, "元")]),
    ("8000万元", [("8000万元", 80_000_000, "元")]),
    ("两万余人次参加", [("两万余人次", 20000, "人次")]),
    ("联合3部门开展检查", [("3部门", 3, "部门")]),
    ("出动执法人员３４６人次", [("３４６人次", 346, "人次")]),
    # Digits with a scale written in Chinese, one or two characters of it.
    ("投入经费5千万元", [("5千万元", 50_000_000, "元")]),
    ("培训3百人次", [("3百人次", 300, "人次")]),
    ("投入1.5千万元", [("1.5千万元", 15_000_000, "元")]),
    ("融资10万亿元", [("10万亿元", 10_000_000_000_000, "元")]),
    # An amount in two parts is one amount; the second part must be below the first's unit.
    ("投入资金2亿3千万元", [("2亿3千万元", 230_000_000, "元")]),
    ("投入资金1亿2000万元", [("1亿2000万元", 120_000_000, "元")]),
    ("培训3万5千人", [("3万5千人", 35_000, "人")]),
    ("共1万2万元", [("2万元", 20_000, "元")]),
])
def test_measured_quantities(text, expected):
    assert measured(text) == expected


@pytest.mark.parametrize("text", [
    "拨打12345政务热线",  # a hotline is not a count
    "联系电话：023-58123456",  # nor is a phone number
    "渝教发〔2024〕2号",  # nor a document number
    "统一部署，逐一落实，唯一标准",  # 一 inside a word
    "一是加强学习，二是完善制度",
    "推进“十四五”规划实施",
    "2024年3月",  # years and months are dates, not counts
    "5人民币",
])
def test_no_measured_quantity(text):
    assert measured(text) == []


@pytest.mark.parametrize("text, expected", [
    # 一 inside a word is no count, at the start of the text or anywhere after it.
    ("统一部署", []),
    ("按照上级统一部署开展检查", []),
    # 一部分 is "a part"; 一部 alone is one item.
    ("制定一部分规章", []),
    ("出台一部地方性法规", [("一部", 1, "部")]),
    ("出台一部法规、修订一部分规章", [("一部", 1, "部")]),
])
def test_one_as_a_count_and_one_inside_a_word(text, expected):
    assert measured(text) == expected


def test_flags():
    [approx] = find_quantities("约500人")
    assert approx.approximate and not approx.exact_count
    [more] = find_quantities("1200余人")
    assert more.approximate and more.value == 1200
    low, high = find_quantities("每月1至2次")
    assert low.in_range and high.in_range and high.unit == "次" and not high.exact_count
    [ordinal] = find_quantities("第3次会议")
    assert ordinal.ordinal and not ordinal.exact_count
    [vague] = [q for q in find_quantities("三四个部门") if q.unit]
    assert vague.approximate
    [exact] = find_quantities("办结121件")
    assert exact.exact_count and (exact.start, exact.end) == (2, 6)


def test_decimals_shown_are_kept():
    [rate] = find_quantities("92.71%")
    assert rate.decimals == 2 and rate.percent


def test_approximation_after_the_scale():
    [q] = find_quantities("发放宣传资料5万余份")
    assert (q.value, q.unit, q.approximate) == (50000, "份", True)


@pytest.mark.parametrize("text, start, expected", [
    # The character before a number decides, wherever the search starts.
    ("12件", 0, [("12件", 12, "件")]),  # at the very start of the text
    ("A12件", 0, []),
    ("A12件", 1, []),  # a letter just before the searched range still counts
    ("．5件", 0, []),
    ("x三件", 1, [("三件", 3, "件")]),
    ("十三件", 0, [("十三件", 13, "件")]),  # not 三件 inside it
    ("第三件事", 0, []),
])
def test_what_comes_before_a_number(text, start, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text, start) if q.unit] == expected
