"""The issuer's own name written two ways, a level word dropped (issue 20, item 10: C007)."""

import pytest

from lintlaw.analysis.document import build_document
from lintlaw.analysis.issuer_names import issuer_forms

from .helpers import findings, source_of
from .test_fixes import fixed

BODY = "一、主要举措和成效\n"


def forms(text):
    return [(f.short, f.full, f.level, f.where, len(f.places)) for f in issuer_forms(build_document(source_of(text)))]


def test_the_body_drops_the_level_word_of_the_titles_name():
    text = "青石县人民政府2024年法治政府建设情况报告\n" + BODY + "青石人民政府常务会议学法4次，青石人民政府印发文件3件。\n"
    assert forms(text) == [("青石人民政府", "青石县人民政府", "县", "标题", 2)]


def test_the_title_drops_the_level_word_the_body_has():
    text = "青石司法局2024年法治政府建设情况报告\n" + BODY + "青石县司法局牵头开展普法。\n"
    assert forms(text) == [("青石司法局", "青石县司法局", "县", "正文", 1)]


def test_the_signature_is_the_issuers_name_too(all_rules):
    text = ("2024年法治政府建设情况报告\n" + BODY + "青石人民政府常务会议学法4次。\n"
            "青石县人民政府\n2025年1月20日\n")
    assert findings(text, all_rules, select=["C007"]) == [
        ("C007", 3, 1, "“青石人民政府”比落款中的“青石县人民政府”少了“县”字（共1处），同一机关的名称前后应写法一致")]


def test_any_one_level_word_of_a_name_with_several(all_rules):
    text = "甲市乙区司法局2024年法治政府建设情况报告\n" + BODY + "甲乙区司法局牵头开展普法。\n"
    assert findings(text, all_rules, select=["C007"]) == [
        ("C007", 3, 1, "“甲乙区司法局”比标题中的“甲市乙区司法局”少了“市”字（共1处），同一机关的名称前后应写法一致")]


def test_the_fix_writes_the_full_name_at_every_place(all_rules):
    text = "青石县人民政府2024年法治政府建设情况报告\n" + BODY + "青石人民政府学法4次，青石人民政府印发文件3件。\n"
    assert fixed(text, all_rules, unsafe=True, select=["C007"]) == text.replace("青石人民", "青石县人民")


@pytest.mark.parametrize("text", [
    # A short name without the place is not the same name with a level word dropped.
    "青石县司法局2024年法治政府建设情况报告\n" + BODY + "县司法局牵头开展普法，青石县司法局全年办案35件。\n",
    # Another body, whose name holds the issuer's.
    "青石县人民政府办公室2024年政府信息公开工作年度报告\n一、总体情况\n青石县人民政府门户网站发布信息120条。\n",
    # A footer line is page chrome, not report text.
    "青石县人民政府2024年法治政府建设情况报告\n" + BODY + "全年办结案件35件。\n版权所有：青石人民政府\n",
])
def test_names_that_are_not_the_issuers_written_two_ways(all_rules, text):
    assert findings(text, all_rules, select=["C007"]) == []
