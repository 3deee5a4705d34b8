"""Findings a reviewer of the whole corpus rejected or found missing: each fixed at its cause.

Every fixture is written for the test (no corpus text): the layout spaces R002 must leave
alone, the sections S109 must not call empty, the mixed lists P007 accepts, page debris R001
must catch, filtered text T003 must catch, and year forms P006/P010 must correct.
"""

import pytest

from .conftest import findings

R002 = "中文之间有多余的空格"


@pytest.mark.parametrize("text, expected", [
    # A stray space mid-sentence, ASCII, no-break or a lone ideographic space.
    ("深化四 清单改革，推进依法行政。", [("R002", 1, 4, R002)]),
    ("深化四\u00a0清单改革，推进依法行政。", [("R002", 1, 4, R002)]),
    ("深化四\u3000清单改革，推进依法行政。", [("R002", 1, 4, R002)]),
    # After a word that is no office, a space before a name-like word still counts.
    ("全面增长\u3000张弛有度，稳步推进。", [("R002", 1, 5, R002)]),
])
def test_stray_spaces_between_chinese_are_findings(all_rules, text, expected):
    assert findings(text, all_rules, select=["R002"]) == expected


@pytest.mark.parametrize("text", [
    # Paragraphs flattened into one line keep their two-space indentation.
    "甲县人民政府关于工作情况的报告\u3000\u3000一、工作回顾\u3000\u3000过去一年，我们稳步推进。",
    "全文如下\u3000\u3000\u00a0报告正文，继续推进。",
    # An office and a name, spaced as is customary.
    "甲省人民政府省长\u3000王某某\u3000\u3000各位代表：现在报告工作。",
    "国务院总理\u3000某某某，各位代表。",
    "县委书记 张某，县长 李某，出席会议。",
])
def test_layout_spaces_are_not_findings(all_rules, text):
    assert findings(text, all_rules, select=["R002"]) == []
