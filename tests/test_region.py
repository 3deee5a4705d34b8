"""A region's reports checked together (issue 22): six departments × 2023 and 2024
(tests/region.py says what is planted). Every finding is read here: the planted ones and
nothing else, the same from text and from Word, with any number of jobs."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lintlaw.cli import app

from .region import write_region

runner = CliRunner()
pytestmark = pytest.mark.slow  # lintlaw on twelve reports, Word documents, a browser

# Every finding of `lintlaw check 2024年 2023年` on the region as text.
TEXT_FINDINGS = [
    "2024年/市场监管局.txt:1:1: S012 没有单列“其他需要报告的事项”部分（一级标题中没有“其他”“其它”“需要报告”等字样）",
    "2023年/交通运输局.txt:9:13: T208 正文“收到政府信息公开申请9件”与收到和处理政府信息公开申请情况表不符：“本年新收×总计”为10",
    "2023年/交通运输局.txt:33:30: T201 收到和处理政府信息公开申请情况表“总计”列：本年新收10＋上年结转0＝10，"
    "而办理结果总计9＋结转下年度继续办理0＝9，两者应相等",
    "2023年/交通运输局.txt:33:30: T203 收到和处理政府信息公开申请情况表“本年新收”行：总计为10，"
    "而自然人与法人或其他组织各列之和为9（自然人8＋商业企业1，其余各项为0）",
    "2023年/卫生健康局.txt:68:1: D006 成文日期“2024年3月5日”晚于政府部门年度报告的公开期限2024年1月31日",
    "2024年/交通运输局.txt:11:1: X003 本段与上年报告（2023年/交通运输局.txt第11行）的段落相同（不计数字、年份和标点），"
    "可能沿用了上年的文字",
    "2024年/农业农村局.txt:13:1: X004 本段与青石县人民政府办公室的报告（2024年/县政府办.txt第13行）中的段落相同"
    "（不计数字、年份和标点）",
    "2024年/卫生健康局.txt:18:13: X002 行政规范性文件现行有效件数为26，而上年报告（2023年/卫生健康局.txt第18行）的18件"
    "加本年制发5件、减本年废止1件应为22件；本年另有清理（制发、废止之外的失效、修改）时，请在正文中说明",
    "2024年/县政府办.txt:13:1: X004 本段与青石县农业农村局的报告（2024年/农业农村局.txt第13行）中的段落相同"
    "（不计数字、年份和标点）",
    "2024年/教育局.txt:34:20: X001 上年结转（商业企业）为1，而上年报告（2023年/教育局.txt第57行）的结转下年度继续办理为0，"
    "两者应相等",
]
# The comparison findings from the Word documents: their lines are paragraphs (a table's cells too).
WORD_COMPARISONS = [
    "2024年/交通运输局.docx:第11段第1字（“（三）政府信息管理”下）: X003 本段与上年报告（2023年/交通运输局.docx第11段）"
    "的段落相同（不计数字、年份和标点），可能沿用了上年的文字",
    "2024年/农业农村局.docx:第13段第1字（“（四）平台建设”下）: X004 本段与青石县人民政府办公室的报告"
    "（2024年/县政府办.docx第13段）中的段落相同（不计数字、年份和标点）",
    "2024年/卫生健康局.docx:第27段第1字（“二、主动公开政府信息情况”下）: X002 行政规范性文件现行有效件数为26，"
    "而上年报告（2023年/卫生健康局.docx第27段）的18件加本年制发5件、减本年废止1件应为22件；本年另有清理"
    "（制发、废止之外的失效、修改）时，请在正文中说明",
    "2024年/县政府办.docx:第13段第1字（“（四）平台建设”下）: X004 本段与青石县农业农村局的报告"
    "（2024年/农业农村局.docx第13段）中的段落相同（不计数字、年份和标点）",
    "2024年/教育局.docx:第70段第1字（“二、上年结转政府信息公开申请数量”下）: X001 上年结转（商业企业）为1，"
    "而上年报告（2023年/教育局.docx第295段）的结转下年度继续办理为0，两者应相等",
]

# Every finding from the reports as PDF exports (tests/region.py draws them): the same ten,
# placed by page and line.
PDF_FINDINGS = [
    "2024年/市场监管局.pdf:第1页第1行: S012 没有单列“其他需要报告的事项”部分"
    "（一级标题中没有“其他”“其它”“需要报告”等字样）",
    "2023年/交通运输局.pdf:第2页第5行: T208 正文“收到政府信息公开申请9件”与"
    "收到和处理政府信息公开申请情况表不符：“本年新收×总计”为10",
    "2023年/交通运输局.pdf:第4页第4行: T201 收到和处理政府信息公开申请情况表“"
    "总计”列：本年新收10＋上年结转0＝10，而办理结果总计9＋结转下年度继续办理0＝9，两者应"
    "相等",
    "2023年/交通运输局.pdf:第4页第4行: T203 收到和处理政府信息公开申请情况表“"
    "本年新收”行：总计为10，而自然人与法人或其他组织各列之和为9（自然人8＋商业企业1，其余各"
    "项为0）",
    "2023年/卫生健康局.pdf:第5页第12行: D006 成文日期“2024年3月5日”晚"
    "于政府部门年度报告的公开期限2024年1月31日",
    "2024年/交通运输局.pdf:第2页第9行: X003 本段与上年报告（2023年/交通运"
    "输局.pdf第2页第8行）的段落相同（不计数字、年份和标点），可能沿用了上年的文字",
    "2024年/农业农村局.pdf:第2页第12行: X004 本段与青石县人民政府办公室的报告"
    "（2024年/县政府办.pdf第2页第12行）中的段落相同（不计数字、年份和标点）",
    "2024年/卫生健康局.pdf:第3页第4行: X002 行政规范性文件现行有效件数为26，"
    "而上年报告（2023年/卫生健康局.pdf第3页第4行）的18件加本年制发5件、减本年废止1"
    "件应为22件；本年另有清理（制发、废止之外的失效、修改）时，请在正文中说明",
    "2024年/县政府办.pdf:第2页第12行: X004 本段与青石县农业农村局的报告（20"
    "24年/农业农村局.pdf第2页第12行）中的段落相同（不计数字、年份和标点）",
    "2024年/教育局.pdf:第4页第5行: X001 上年结转（商业企业）为1，而上年报告（"
    "2023年/教育局.pdf第4页第33行）的结转下年度继续办理为0，两者应相等",
]


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    folder = tmp_path_factory.mktemp("region")
    write_region(folder / "txt")
    write_region(folder / "docx", "docx")
    write_region(folder / "pdf", "pdf")
    return folder


def check(folder, *args):
    import os

    before = os.getcwd()
    os.chdir(folder)
    try:
        return runner.invoke(app, ["check", "--isolated", *args])
    finally:
        os.chdir(before)


def concise(folder, *args) -> list[str]:
    result = check(folder, "--format", "concise", *args)
    return result.stdout.splitlines()


def test_the_region_gives_the_planted_findings_and_nothing_else(region):
    result = check(region / "txt", "--format", "concise", "2024年", "2023年")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [*TEXT_FINDINGS, "发现 10 个问题（错误 4，警告 4，提示 2），检查了 12 个文件。"]


def test_the_word_documents_give_the_same_comparison(region):
    found = concise(region / "docx", "--select", "comparison", "2024年", "2023年")
    assert found == [*WORD_COMPARISONS, "发现 5 个问题（错误 1，警告 2，提示 2），检查了 12 个文件。"]


def test_the_pdf_exports_give_the_same_findings_placed_by_page(region):
    result = check(region / "pdf", "--format", "concise", "2024年", "2023年")
    assert result.stdout.splitlines() == [*PDF_FINDINGS, "发现 10 个问题（错误 4，警告 4，提示 2），检查了 12 个文件。"]


@pytest.mark.parametrize("output", ["concise", "json"])
def test_workers_give_the_same_findings(region, output):
    one = check(region / "txt", "--format", output, "--jobs", "1", "2024年", "2023年").stdout
    two = check(region / "txt", "--format", output, "--jobs", "2", "2024年", "2023年").stdout
    assert one == two and "X001" in one


def test_the_text_formats_write_the_comparison_after_every_file(region):
    # concise streams each file's findings as it is done: the comparison needs every file.
    found = concise(region / "txt", "--select", "S,T,D,X", "2024年", "2023年")
    assert [line.split(" ")[1] for line in found[:-1]] == ["S012", "T208", "T201", "T203", "D006",
                                                            "X003", "X004", "X002", "X004", "X001"]
    # json prints at the end: each comparison finding sits among its file's own, by place.
    records = json.loads(check(region / "txt", "--format", "json", "2024年", "2023年").stdout)
    assert [(r["path"].split("/")[1], r["code"]) for r in records] == [
        ("交通运输局.txt", "X003"), ("农业农村局.txt", "X004"), ("卫生健康局.txt", "X002"), ("县政府办.txt", "X004"),
        ("市场监管局.txt", "S012"), ("教育局.txt", "X001"),
        ("交通运输局.txt", "T208"), ("交通运输局.txt", "T201"), ("交通运输局.txt", "T203"), ("卫生健康局.txt", "D006")]


def test_ignoring_the_category_leaves_the_rest(region):
    found = concise(region / "txt", "--ignore", "comparison", "2024年", "2023年")
    assert found == [*TEXT_FINDINGS[:5], "发现 5 个问题（错误 3，警告 2，提示 0），检查了 12 个文件。"]


def test_json_gives_last_year_s_cell_with_its_file(region):
    records = json.loads(check(region / "txt", "--format", "json", "--select", "X001", "2024年", "2023年").stdout)
    [record] = records
    assert record["related"] == [{"path": "2023年/教育局.txt", "line": 57, "column": 15, "end_line": 57,
                                  "end_column": 16, "label": "上年报告的结转下年度继续办理", "text": "0"}]
    assert (record["line"], record["column"], record["end_column"]) == (34, 20, 21)


def test_learning_is_a_rule_option(region, tmp_path):
    config = tmp_path / "lintlaw.toml"
    config.write_text("[rules.X003]\nboilerplate_min_reports = 13\n", encoding="utf-8")
    import os

    before = os.getcwd()
    os.chdir(region / "txt")
    try:
        result = runner.invoke(app, ["check", "--config", str(config), "--format", "concise", "--select", "X003",
                                     "2024年", "2023年"])
    finally:
        os.chdir(before)
    lines = result.stdout.splitlines()[:-1]
    # Each department's stock paragraph (line 5) is now "copied" from its 2023 report.
    assert sorted(line.split(":")[0] for line in lines if ":5:1: X003" in line) == [
        f"2024年/{name}.txt" for name in sorted(["市场监管局", "教育局", "卫生健康局", "交通运输局", "农业农村局", "县政府办"])]


def test_previous_names_last_year_s_report_and_its_findings_are_not_reported(region):
    result = check(region / "txt", "--format", "concise", "2024年/交通运输局.txt", "--previous", "2023年/交通运输局.txt")
    # 2023's own T201, T203, T208 are not this run's findings. With two reports nothing is learnt
    # (boilerplate_min_reports): the county's common wording (line 5) is last year's wording too.
    assert result.stdout.splitlines() == [
        "2024年/交通运输局.txt:5:1: X003 本段与上年报告（2023年/交通运输局.txt第5行）的段落相同（不计数字、年份和标点），"
        "可能沿用了上年的文字", TEXT_FINDINGS[5], "发现 2 个问题（错误 0，警告 2，提示 0），检查了 1 个文件。"]


def test_previous_pairs_a_draft_whose_title_names_no_issuer(region, tmp_path):
    draft = tmp_path / "草稿.txt"
    text = (region / "txt" / "2024年" / "教育局.txt").read_text(encoding="utf-8")
    draft.write_text(text.replace("青石县教育局2024年", "2024年", 1).replace("\n青石县教育局\n", "\n"),
                     encoding="utf-8")
    previous = str(region / "txt" / "2023年" / "教育局.txt")
    alone = runner.invoke(app, ["check", "--isolated", "--format", "concise", "--select", "X001", str(draft),
                                "--previous", previous])
    # The one --previous report of the type and year before is last year's, whoever issued it.
    assert alone.stdout.splitlines()[0] == (f"{draft}:34:20: X001 上年结转（商业企业）为1，而上年报告（{previous}第57行）"
                                            "的结转下年度继续办理为0，两者应相等")
    named = runner.invoke(app, ["check", "--isolated", "--format", "concise", "--select", "X001", "--issuer",
                                "青石县教育局", str(draft), "--previous", previous])
    assert named.stdout == alone.stdout


def test_a_baseline_records_the_comparison_findings(region, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert check(region / "txt", "--write-baseline", str(baseline), "2024年", "2023年").exit_code == 0
    result = check(region / "txt", "--format", "concise", "--baseline", str(baseline), "2024年", "2023年")
    assert result.exit_code == 0
    assert result.stdout == "未发现问题（检查了 12 个文件）。\n"
    assert result.stderr == ""  # no entry left over: the comparison's findings matched theirs
