"""Comparing reports (lintlaw/analysis/comparison.py, digest.py): how paragraphs are read, the
thresholds at their edges, what the run learns as boilerplate, which reports meet."""

from __future__ import annotations

import pytest

from lintlaw.analysis.comparison import PAIRING_REPORTS, Settings, compare
from lintlaw.analysis.digest import Reading, clauses, digest
from lintlaw.analysis.document import build_document
from lintlaw.engine.comparing import compare_sources
from lintlaw.engine.ruleset import load_rule_file, load_rules
from lintlaw.errors import RuleFileError

from .helpers import source_of

COMPARISON = {rule.code: rule for rule in load_rules() if rule.category == "comparison"}
PARAGRAPH = ("全年围绕优化营商环境推进政务公开，行政许可和行政处罚信息均在作出决定之日起七个工作日内公示，"
             "对群众反映的问题逐条核实并公开处理结果，全年公开处理结果四十余条。")


def report(issuer: str, year: int, *paragraphs: str) -> str:
    return "\n".join([f"{issuer}{year}年政府信息公开工作年度报告", "一、总体情况", *paragraphs]) + "\n"


def found(texts: dict[str, str], codes=("X003", "X004"), previous: dict[str, str] | None = None, **options):
    """(path, line, message) of the comparison findings among some files."""
    def fail(key, problem):
        raise AssertionError(f"{key}: {problem}")

    rules = [COMPARISON[code].with_options(options, fail) if options else COMPARISON[code] for code in codes]
    sources = [source_of(text, path) for path, text in texts.items()]
    earlier = [source_of(text, path) for path, text in (previous or {}).items()]
    everything = {s.path: s for s in [*sources, *earlier]}
    return [(d.path, everything[d.path].position(d.start)[0], d.message)
            for d in compare_sources(sources, rules, previous=earlier)]


def test_numbers_years_and_punctuation_do_not_count_and_short_clauses_join_the_next():
    assert clauses("2024年，全年公开信息1,234条（其中政策文件36件）；办结率100%。") == [
        "0年全年公开信息0条", "其中政策文件0件办结率0"]
    assert clauses("二〇二四年公开信息。") == ["0年公开信息"]
    # A leftover short clause at the end joins the one before.
    assert clauses("全年受理申请二十件，均已办结。") == ["全年受理申请二十件均已办结"]


def test_the_format_s_sentences_and_the_stock_phrases_are_not_read():
    reading = Reading(("统计期限",), ("以习近平新时代中国特色社会主义思想为指导",))
    text = ("本报告所列数据的统计期限自2024年1月1日起至12月31日止。"
            "我局坚持以习近平新时代中国特色社会主义思想为指导，推进政务公开标准化建设。")
    assert clauses(text, reading) == ["我局坚持推进政务公开标准化建设"]


def test_a_paragraph_different_only_in_its_numbers_is_the_same():
    last = report("甲县教育局", 2023, "2023年" + PARAGRAPH.replace("四十余条", "38条"))
    this = report("甲县教育局", 2024, "2024年" + PARAGRAPH.replace("四十余条", "45条"))
    assert found({"2024.txt": this}, previous={"2023.txt": last}) == [
        ("2024.txt", 3, "本段与上年报告（2023.txt第3行）的段落相同（不计数字、年份和标点），可能沿用了上年的文字")]


def test_similarity_is_the_share_of_the_paragraph_s_five_grams_and_a_rule_option():
    edited = PARAGRAPH.replace("逐条核实", "逐条调查核实")
    last, this = report("甲县教育局", 2023, PARAGRAPH), report("甲县教育局", 2024, edited)
    expected = [("2024.txt", 3, "本段与上年报告（2023.txt第3行）的段落91%相同（不计数字、年份和标点），可能沿用了上年的文字")]
    assert found({"2024.txt": this}, previous={"2023.txt": last}) == expected
    assert found({"2024.txt": this}, previous={"2023.txt": last}, similarity=91) == expected
    assert found({"2024.txt": this}, previous={"2023.txt": last}, similarity=92) == []


def test_a_paragraph_needs_min_chars_of_its_own():
    sixty = "甲" * 30 + "，" + "乙" * 30  # 60 characters once the comma is gone
    last, this = report("甲县教育局", 2023, sixty), report("甲县教育局", 2024, sixty)
    assert len(found({"2024.txt": this}, previous={"2023.txt": last})) == 1
    assert found({"2024.txt": this}, previous={"2023.txt": last}, min_chars=61) == []
    shorter = sixty[:-1]
    assert found({"2024.txt": report("甲县教育局", 2024, shorter)},
                 previous={"2023.txt": report("甲县教育局", 2023, shorter)}) == []


def _six(shared_by: int) -> dict[str, str]:
    """Six issuers' reports; the first `shared_by` hold the same paragraph, each its own besides."""
    texts = {}
    for n in range(6):
        own = f"第{'一二三四五六'[n]}单位" + "本单位的工作各不相同" * 3 + "甲乙丙丁戊己"[n] * 40
        texts[f"{n}.txt"] = report(f"甲县第{'一二三四五六'[n]}局", 2024, *([PARAGRAPH] if n < shared_by else []), own)
    return texts


def test_a_paragraph_in_a_third_of_the_reports_is_shared_and_in_more_it_is_boilerplate():
    assert [(path, line) for path, line, _ in found(_six(2), codes=("X004",))] == [("0.txt", 3), ("1.txt", 3)]
    assert found(_six(3), codes=("X004",)) == []  # 3 of 6: more than a third
    # Learning needs boilerplate_min_reports reports of the type.
    assert len(found(_six(3), codes=("X004",), boilerplate_min_reports=7)) == 3
    # The share is an option, shared by the rules that read it.
    assert len(found(_six(3), codes=("X004",), boilerplate_share=0.5)) == 3


def test_a_paragraph_shared_by_many_issuers_names_the_first_and_counts_the_others():
    count = PAIRING_REPORTS + 4  # beyond the reports a clause may pair: found whole
    texts = {f"{n:02d}.txt": report(f"甲县第{n}局", 2024, PARAGRAPH) for n in range(count)}
    result = found(texts, codes=("X004",), boilerplate_share=1.0)
    assert len(result) == count
    assert result[0] == ("00.txt", 3, f"本段与甲县第1局的报告（01.txt第3行）中的段落相同（不计数字、年份和标点）"
                                      f"；另有{count - 2}个单位的报告也有此段")
    assert result[1][2].startswith("本段与甲县第0局的报告（00.txt第3行）")


def test_the_same_report_in_two_files_is_compared_once_and_reported_in_both():
    last = report("甲县教育局", 2023, PARAGRAPH)
    this = report("甲县教育局", 2024, PARAGRAPH)
    result = found({"a/2024.txt": this, "b/2024.txt": this}, previous={"2023.txt": last})
    assert [(path, line) for path, line, _ in result] == [("a/2024.txt", 3), ("b/2024.txt", 3)]


def test_only_reports_of_a_known_type_are_compared():
    # A budget (the fallback type) repeats its texts from year to year by design; the same
    # documents titled as xxgk reports are compared.
    budget = {"2023.txt": "甲县教育局2023年部门预算\n一、部门职责\n" + PARAGRAPH + "\n",
              "2024.txt": "甲县教育局2024年部门预算\n一、部门职责\n" + PARAGRAPH + "\n",
              "乙.txt": "乙县教育局2024年部门预算\n一、部门职责\n" + PARAGRAPH + "\n"}
    assert found(budget) == []
    reports = {path: text.replace("部门预算", "政府信息公开工作年度报告") for path, text in budget.items()}
    assert [(path, line, message[:8]) for path, line, message in found(reports)] == [
        ("2023.txt", 3, "本段与乙县教育局"), ("2024.txt", 3, "本段与上年报告（"),
        ("2024.txt", 3, "本段与乙县教育局"), ("乙.txt", 3, "本段与甲县教育局")]


def test_last_year_is_the_issuer_s_report_of_the_year_before_of_the_same_file_name():
    last_a = report("甲县教育局", 2023, PARAGRAPH)
    last_b = report("甲县教育局", 2023, "另一份文字完全不同的报告" * 6)
    this = report("甲县教育局", 2024, PARAGRAPH)
    texts = {"2024/教育局.txt": this, "2023/附件.txt": last_b, "2023/教育局.txt": last_a}
    [(path, _, message)] = found(texts, codes=("X003",))
    assert path == "2024/教育局.txt" and message.startswith("本段与上年报告（2023/教育局.txt第3行）")
    # Two years apart: not last year.
    assert found({"2024.txt": this, "2022.txt": report("甲县教育局", 2022, PARAGRAPH)}, codes=("X003",)) == []


def test_a_previous_report_of_another_issuer_pairs_only_when_it_is_the_one_that_fits():
    this = report("甲县教育局", 2024, PARAGRAPH)
    other = report("甲县教体局", 2023, PARAGRAPH)  # renamed department
    assert len(found({"2024.txt": this}, codes=("X003",), previous={"2023.txt": other})) == 1
    two = {"a.txt": other, "b.txt": report("甲县卫健局", 2023, PARAGRAPH)}
    assert found({"2024.txt": this}, codes=("X003",), previous=two) == []  # which one? none


def test_digests_travel_small():
    import pickle

    text = report("甲县教育局", 2024, *(PARAGRAPH.replace("四十", str(n)) for n in range(20)))
    document = build_document(source_of(text))
    made = digest(document, document.reports[0], 54)
    assert made.paragraphs == 20 and len(pickle.dumps(made)) < len(text.encode("utf-8"))


def test_the_analysis_reads_again_only_the_paragraphs_the_keys_pair_and_are_not_the_same():
    read = []
    texts = {f"{n}.txt": report(f"甲县第{n}局", 2024, f"第{n}单位" + "各不相同的内容" * 10 + str(n)) for n in range(8)}
    texts["8.txt"] = report("甲县第8局", 2024, PARAGRAPH)
    texts["9.txt"] = report("甲县第9局", 2024, PARAGRAPH.replace("逐条核实", "逐条调查核实"))
    texts["10.txt"] = report("甲县第10局", 2024, PARAGRAPH)  # the same as 8's: known the same by its key
    sources = {path: source_of(text, path) for path, text in texts.items()}
    digests = [digest(d, r, 54) for s in sources.values() for d in (build_document(s),) for r in d.reports]

    def text_of(path):
        read.append(path)
        return sources[path].text

    outcome = compare(digests, text_of, frozenset({"shared"}), Settings())
    assert sorted(f.path for f in outcome.findings) == ["10.txt", "8.txt", "9.txt"]
    assert sorted(set(read)) == ["10.txt", "8.txt", "9.txt"]  # 9 against 8 and 10, and they against it
    read.clear()
    same = [d for d in digests if d.path != "9.txt"]
    assert sorted(f.path for f in compare(same, text_of, frozenset({"shared"}), Settings()).findings) == [
        "10.txt", "8.txt"]
    assert read == []


@pytest.mark.parametrize("kind_lines, example, message", [
    ('kind = "pattern"\npatterns = ["其它"]\n', 'bad = [{ text = "其它", previous = "其他" }]\ngood = ["其他"]\n',
     "examples: 只有 comparison 类型的规则的示例可以写 previous（上年报告）和 others（其他单位的报告）"),
    ('kind = "comparison"\nproblem = "copied"\n', 'bad = ["其它"]\ngood = ["其他"]\n',
     "examples: comparison 类型的规则的每个示例都要写 previous（上年报告）或 others（其他单位的报告）"),
])
def test_only_comparison_examples_give_the_reports_they_are_compared_with(tmp_path, kind_lines, example, message):
    path = tmp_path / "Y001-mine.toml"
    path.write_text(f'code = "Y001"\nname = "mine"\n{kind_lines}category = "comparison"\nseverity = "warning"\n'
                    f'message = "照抄"\nexplanation = "x"\nauthority = "x"\n[examples]\n{example}', encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path, builtin=False)
    assert str(err.value).endswith(message)
