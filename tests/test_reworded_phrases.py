"""Set phrases and body names with one word swapped, as rewording sites leave them
(issue 20, item 11: W015, W016; the lead-in written twice: W014)."""

import textwrap

import pytest

from lintlaw.analysis.set_phrases import variants
from lintlaw.engine.ruleset import load_rule_file
from lintlaw.errors import RuleFileError

from .helpers import findings

TITLE = "青石县司法局2024年法治政府建设情况报告\n一、主要举措和成效\n"


def test_each_word_swapped_alone_gives_a_variant_of_the_phrase():
    found = variants(["全面 从严 治党"], {"全面": ["周全"], "治党": ["管党"]})
    assert sorted(found.by_text) == ["全面从严管党", "周全从严治党"]
    assert found.by_text["周全从严治党"][:3] == ("全面从严治党", "全面", "周全")


def test_a_swap_that_gives_another_set_phrase_is_no_variant():
    found = variants(["依法 行政", "依法 治国"], {"行政": ["治国"]})
    assert found.by_text == {}
    assert list(found.find("依法治国", 0, 4)) == []


def test_the_longest_variant_wins_and_marks_at_the_ends_are_not_reported():
    found = variants(["法治 政府", "法治 政府 建设", "“ 两个 维护 ”"], {"政府": ["当局"], "维护": ["保护"]})
    text = "推进法治当局建设，做到“两个保护”。"
    assert [(text[a:b], v.phrase) for a, b, v in found.find(text, 0, len(text))] == [
        ("法治当局建设", "法治政府建设"), ("两个保护", "两个维护")]


def test_a_spun_report_gets_one_finding_per_swapped_phrase(all_rules):
    text = TITLE + "坚持周全从严治党，层层压紧主体责任，认真贯彻中共核心决策部署，县司法处理局牵头普法。\n"
    assert findings(text, all_rules, select=["W015", "W016"]) == [
        ("W015", 3, 3, "“周全从严治党”应为“全面从严治党”：固定提法中的“全面”被换成了“周全”"),
        ("W015", 3, 12, "“压紧主体责任”应为“压实主体责任”：固定提法中的“压实”被换成了“压紧”"),
        ("W016", 3, 23, "机关名称“中共中央”写成了“中共核心”（“中央”被换成了“核心”）"),
        ("W016", 3, 33, "机关名称“司法局”写成了“司法处理局”（“司法”被换成了“司法处理”）"),
    ]


@pytest.mark.parametrize("text", [
    "坚持全面从严治党，压紧压实主体责任，考虑周全。",
    "全面从严治党核心是加强党的领导。",
    "新建两个保护区，帮助学生认识形态各异的动物。",
    "以公民为中心优化政务服务，主动揭露问题。",
    "做到“两个维护”，增强“四个意识”。",
])
def test_ordinary_text_near_the_phrases_is_left_alone(all_rules, text):
    assert findings(TITLE + text + "\n", all_rules, select=["W014", "W015", "W016"]) == []


def test_page_chrome_is_not_searched(all_rules):
    text = "首页 > 中共核心新闻 > 法治政府建设\n" + TITLE + "全年办结案件35件。\n"
    assert findings(text, all_rules, select=["W016"]) == []


RULE = textwrap.dedent('''\
    code = "Y001"
    name = "spun-phrase"
    kind = "set-phrase"
    category = "wording"
    severity = "warning"
    message = "“{found}”应为“{expected}”"
    phrases = ["全面 从严 治党"]
    explanation = "固定提法。"
    authority = "党章"

    [swaps]
    "全面" = ["周全"]

    [examples]
    bad = ["周全从严治党"]
    good = ["全面从严治党"]
    ''')


@pytest.mark.parametrize("change, message", [
    (('phrases = ["全面 从严 治党"]', 'phrases = ["全面从严治党"]'), "phrases: 每项应为用一个空格隔开的两个或更多的词"),
    (('phrases = ["全面 从严 治党"]', 'phrases = ["依法 治国"]'), "phrases: “依法 治国”中没有一个词在 swaps 里"),
    (('"全面" = ["周全"]', '"全面" = "周全"'), "swaps: “全面”应对应一个非空的词语列表"),
    (('"全面" = ["周全"]', '"全面" = ["全面"]'), "swaps: “全面”应对应一个非空的词语列表（不含它自己）"),
])
def test_a_broken_set_phrase_rule_names_the_option(tmp_path, change, message):
    path = tmp_path / "x.toml"
    path.write_text(RULE.replace(*change), encoding="utf-8")
    with pytest.raises(RuleFileError, match=message):
        load_rule_file(path, builtin=False)


def test_a_user_rule_of_the_kind_runs(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text(RULE, encoding="utf-8")
    rule = load_rule_file(path, builtin=False)
    assert findings("坚持周全从严治党。", [rule]) == [("Y001", 1, 3, "“周全从严治党”应为“全面从严治党”")]


def test_the_lead_in_written_twice_over_a_line_break(all_rules):
    text = TITLE.splitlines()[0] + "\n现将有关情况报告如下：\n现将2024年法治政府建设情况报告如下：\n一、主要举措和成效\n"
    assert findings(text, all_rules, select=["W014"]) == [
        ("W014", 3, 1, "“现将……报告如下”连写了两遍，应删去一处")]
