"""Arbitrary text through the whole pipeline: no exception, every span inside the text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintlaw.errors import InputError
from lintlaw.engine.linter import lint
from lintlaw.text.source import decode

pytestmark = pytest.mark.slow  # a hypothesis search over the whole pipeline

PIECES = st.sampled_from([
    "一、", "二、", "十、", "一.", "（一）", "(二)", "（三）、", "1.", "2、", "3。", "1.5", "（1）", "①", "）",
    "一是", "二是", "四是", "报告", "2024年度法治政府建设情况报告", "2025年1月20日", "2025121",
    "首页", "您当前位置：", "20__年", "__", "XX", "×××", "*区", "【待补充】", "某县", "张某",
    "共", "其中", "其余", "办结", "已办结", "办结率", "占比", "同比增长率", "等", "部", "件", "人", "余",
    "282件", "123件", "98.4%", "105%", "1,234人", "1.2亿元", "三千余人", "1至2次", "第", "届",
    "2月30日", "13月", "20243月", "2024度", "（星期二）", "2021—2025年", "现将", "报告如下",
    "。", "，", ",", "“", "”", "《", "》", "%", "\n", "\r\n", "\r", "\n\n", " ", "\u3000", "\u2002",
    "\x00", "\x0b", "\x0c", "\x85", "\u2028", "\ufeff", "\ue000", "\t",
])
CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1, max_size=6)
TEXT = st.lists(st.one_of(PIECES, CJK, st.text(min_size=1, max_size=5)), max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_pipeline_never_fails_and_spans_stay_inside(all_rules, text):
    try:
        source = decode(text.encode("utf-8"), "t.txt")
    except InputError:
        return  # binary-looking input is refused with a message, which is the contract
    for d in lint(source, all_rules):
        assert 0 <= d.start <= d.end <= len(source.text)
        line, column = source.position(d.start)
        assert 1 <= line <= len(source.line_starts)
        assert 1 <= column <= len(source.line_text(line)) + 1
        for start, end, _ in d.related:
            assert 0 <= start <= end <= len(source.text)
