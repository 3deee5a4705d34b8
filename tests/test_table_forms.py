"""Issue 13, end to end: table recognition and the table rules together, in every input form.

A correct report gives no table finding whether it arrives as Word, as a web page or as text a
capture flattened; a broken cell gives the findings of exactly the relations it breaks, naming
the cells.
"""

import pytest

from lintlaw.engine.linter import lint
from lintlaw.engine.ruleset import load_rules, select_rules
from lintlaw.io.readers import read

from .helpers import source_of
from .table_helpers import build_docx, build_html, report_text

TABLE_RULES = select_rules(load_rules(), ["T"], [])
# docx: built with python-docx, slow.
FORMS = [pytest.param("docx", marks=pytest.mark.slow), "html", "cell", "tab", "space", "bar"]


def table_findings(form, tmp_path, numbers=None):
    if form == "docx":
        build_docx(tmp_path / "r.docx", numbers=numbers)
        source = read(str(tmp_path / "r.docx"))
    elif form == "html":
        (tmp_path / "r.html").write_text(build_html(numbers=numbers), encoding="utf-8")
        source = read(str(tmp_path / "r.html"))
    else:
        source = source_of(report_text(form, numbers=numbers))
    return [(d.code, d.message) for d in lint(source, TABLE_RULES)
            if d.code[0] == "T" and d.code[1] in "12"]


@pytest.mark.parametrize("form", FORMS)
def test_a_correct_report_gives_no_table_finding(form, tmp_path):
    assert table_findings(form, tmp_path) == []


@pytest.mark.parametrize("form", FORMS)
def test_one_wrong_count_breaks_its_column_and_its_row(form, tmp_path):
    # 本年新收 by natural persons written 21 instead of 20: its column no longer balances
    # (21 + 2 ≠ 20 + 2) and its row no longer adds up to its total (26).
    numbers = {"new": "21 3 0 1 2 0 26"}
    assert table_findings(form, tmp_path, numbers) == [
        ("T201", "收到和处理政府信息公开申请情况表“自然人”列：本年新收21＋上年结转2＝23，"
                 "而办理结果总计20＋结转下年度继续办理2＝22，两者应相等"),
        ("T203", "收到和处理政府信息公开申请情况表“本年新收”行：总计为26，而自然人与法人或其他组织各列之和为27"
                 "（自然人21＋商业企业3＋社会公益组织1＋法律服务机构2，其余各项为0）")]


@pytest.mark.parametrize("form", FORMS)
def test_a_wrong_results_total_is_named_with_its_cells(form, tmp_path):
    # （七）总计 by natural persons 19 and the row total 22 (its row still adds up): the results no
    # longer sum to it, and the column no longer balances, in both columns.
    numbers = {"results-total": "19 2 0 0 1 0 22"}
    found = table_findings(form, tmp_path, numbers)
    assert sorted(code for code, _ in found) == ["T201", "T201", "T202", "T202"]
    assert ("T202", "收到和处理政府信息公开申请情况表“自然人”列：办理结果总计为19，而各项办理结果之和为20"
                    "（予以公开8＋部分公开2＋不予公开·保护第三方合法权益1＋不予公开·属于四类过程性信息1＋"
                    "无法提供·本机关不掌握相关政府信息5＋无法提供·没有现成信息需要另行制作1＋"
                    "不予处理·信访举报投诉类申请1＋不予处理·重复申请1，其余各项为0）") in found


def test_the_shipped_example_shows_one_wrong_count():
    """examples/information-2024.txt, named in the README, gives exactly its deliberate mistake."""
    from pathlib import Path

    example = Path(__file__).resolve().parent.parent / "examples" / "information-2024.txt"
    source = read(str(example))
    found = [(d.code, *source.position(d.start)) for d in lint(source, load_rules())]
    assert found == [("T201", 27, 20), ("T203", 27, 45)]
