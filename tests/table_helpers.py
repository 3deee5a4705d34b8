"""A 政府信息公开工作年度报告 of our own with its three statistics tables, in the forms
lintlaw reads them: a Word document (python-docx, merged header cells), a web page
(rowspan/colspan), and text as web captures flatten tables (one cell per line, or one row
per line with cells separated by tabs, spaces or `|`).

The numbers satisfy every relation of the format, so that a table rule has a correct
table to pass and one number to break.
"""

from __future__ import annotations

from html import escape

TITLE = "青山县交通运输局2024年政府信息公开工作年度报告"
INTRO = ("本报告依据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况、"
         "收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、"
         "其他需要报告的事项六部分组成。本报告所列数据的统计期限为2024年1月1日至2024年12月31日。")
OVERVIEW = [
    "一、总体情况",
    "（一）主动公开",
    "全年通过局门户网站主动公开政府信息326条，其中政策文件18条。",
    "（二）依申请公开",
    "全年共收到政府信息公开申请26件，均在法定期限内答复。",
]
CLOSING = [
    "五、存在的主要问题及改进情况",
    "部分栏目更新不够及时，下一步将完善信息发布审核流程。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
]

# Table 二 (2021 format): (block heading, column labels, rows of (label, numbers)).
ACTIVE = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", ["0", "0", "0"]), ("行政规范性文件", ["2", "1", "15"])]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", ["120"])]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", ["35"]), ("行政强制", ["3"])]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["0"])]),
]
# The same table in the 2019 format, which 2021 replaced (T207).
ACTIVE_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", ["0", "0", "0"]), ("规范性文件", ["2", "2", "15"])]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", ["40", "0", "120"]), ("其他对外管理服务事项", ["5", "0", "12"])]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", ["60", "0", "35"]), ("行政强制", ["8", "0", "3"])]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", ["2", "0"])]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", ["3", "12.5"])]),
]
ACTIVE_KEYS = {"规章": "rules", "行政规范性文件": "normative-documents", "行政许可": "licensing",
               "行政处罚": "punishment", "行政强制": "enforcement", "行政事业性收费": "fees"}
ACTIVE_COLUMNS = {"本年制发件数": "issued", "本年废止件数": "repealed", "现行有效件数": "in-force",
                  "本年处理决定数量": "decisions", "本年收费金额（单位：万元）": "amount"}

# Table 三: the columns, then each row as (group label or "", label, key, seven numbers).
REQUEST_COLUMNS = ["natural-person", "business", "research", "public-interest", "legal-services",
                   "other-organisation", "total"]
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REQUESTS = [
    ("", "一、本年新收政府信息公开申请数量", "new", "20 3 0 1 2 0 26"),
    ("", "二、上年结转政府信息公开申请数量", "carried-over", "2 0 0 0 0 0 2"),
    ("三、本年度办理结果", "（一）予以公开", "published", "8 1 0 0 1 0 10"),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly-published", "2 0 0 0 0 0 2"),
    ("（三）不予公开", "1.属于国家秘密", "refused-secret", "0 0 0 0 0 0 0"),
    ("", "2.其他法律行政法规禁止公开", "refused-prohibited", "0 0 0 0 0 0 0"),
    ("", "3.危及“三安全一稳定”", "refused-security", "0 0 0 0 0 0 0"),
    ("", "4.保护第三方合法权益", "refused-third-party", "1 0 0 0 0 0 1"),
    ("", "5.属于三类内部事务信息", "refused-internal", "0 0 0 0 0 0 0"),
    ("", "6.属于四类过程性信息", "refused-process", "1 0 0 0 0 0 1"),
    ("", "7.属于行政执法案卷", "refused-enforcement-file", "0 0 0 0 0 0 0"),
    ("", "8.属于行政查询事项", "refused-query", "0 0 0 0 0 0 0"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", "unable-not-held", "5 1 0 0 0 0 6"),
    ("", "2.没有现成信息需要另行制作", "unable-needs-creating", "1 0 0 0 0 0 1"),
    ("", "3.补正后申请内容仍不明确", "unable-unclear", "0 0 0 0 0 0 0"),
    ("（五）不予处理", "1.信访举报投诉类申请", "not-processed-petition", "1 0 0 0 0 0 1"),
    ("", "2.重复申请", "not-processed-repeated", "1 0 0 0 0 0 1"),
    ("", "3.要求提供公开出版物", "not-processed-publication", "0 0 0 0 0 0 0"),
    ("", "4.无正当理由大量反复申请", "not-processed-excessive", "0 0 0 0 0 0 0"),
    ("", "5.要求行政机关确认或重新出具已获取信息", "not-processed-confirmation", "0 0 0 0 0 0 0"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     "other-no-correction", "0 0 0 0 0 0 0"),
    ("", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other-no-fee",
     "0 0 0 0 0 0 0"),
    ("", "3.其他", "other-other", "0 0 0 0 0 0 0"),
    ("", "（七）总计", "results-total", "20 2 0 0 1 0 23"),
    ("", "四、结转下年度继续办理", "carried-forward", "2 1 0 1 1 0 5"),
]
# Rows of the 三、本年度办理结果 block (the group label spans them all).
RESULT_ROWS = range(2, 24)
GROUP_SPANS = {"三、本年度办理结果": 22, "（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}

# Table 四: three groups of five results, one row of fifteen numbers.
REVIEW_GROUPS = ["review", "lawsuit-direct", "lawsuit-after-review"]
REVIEW_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
REVIEW = "1 0 0 1 2 0 1 0 0 1 0 0 0 0 0"


def expected_cells() -> dict[str, dict[tuple[str, str], str]]:
    """Every cell of the three tables: table key → (row key, column key) → the number written."""
    active = {}
    for _heading, columns, rows in ACTIVE:
        for label, numbers in rows:
            for column, number in zip(columns, numbers):
                active[(ACTIVE_KEYS[label], ACTIVE_COLUMNS[column])] = number
    requests = {(key, col): number for _g, _l, key, numbers in REQUESTS
                for col, number in zip(REQUEST_COLUMNS, numbers.split())}
    positions = [(group, col) for group in REVIEW_GROUPS for col in REVIEW_COLUMNS]
    review = dict(zip(positions, REVIEW.split()))
    return {"active": active, "requests": requests, "review": review}


# ---------------------------------------------------------------------------
# Flattened text


def _rows_of_cells(numbers: dict[str, str]) -> dict[str, list[list[str]]]:
    """Each table as the rows of cells a web page draws (merged cells once, at their first row)."""
    active = []
    for heading, columns, rows in ACTIVE:
        active.append([heading])
        active.append(["信息内容", *columns])
        active += [[label, *numbers] for label, numbers in rows]
    requests = [[NOTE, "申请人情况"], ["自然人", "法人或其他组织", "总计"],
                ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    for group, label, key, row_numbers in REQUESTS:
        requests.append([cell for cell in (group, label) if cell] + numbers.get(key, row_numbers).split())
    review = [["行政复议", "行政诉讼"], [*RESULTS, "未经复议直接起诉", "复议后起诉"], RESULTS * 2, REVIEW.split()]
    return {"active": active, "requests": requests, "review": review}


def report_text(layout: str = "cell", tables: dict[str, list[str]] | None = None,
                numbers: dict[str, str] | None = None) -> str:
    """The whole report as text, its tables flattened as `layout` says: "cell" (one cell per
    line), "tab", "space" or "bar" (one row per line). `tables` replaces a table's lines;
    `numbers` replaces the numbers of table 三's rows by key."""
    flattened = {}
    for key, rows in _rows_of_cells(numbers or {}).items():
        if layout == "cell":
            flattened[key] = [cell for row in rows for cell in row]
        else:
            mark = {"tab": "\t", "space": " ", "bar": " | "}[layout]
            flattened[key] = [mark.join(row) for row in rows]
    flattened.update(tables or {})
    lines = [TITLE, INTRO, *OVERVIEW,
             "二、主动公开政府信息情况", *flattened["active"],
             "三、收到和处理政府信息公开申请情况", *flattened["requests"],
             "四、政府信息公开行政复议、行政诉讼情况", *flattened["review"],
             *CLOSING]
    return "\n".join(lines) + "\n"


def line_of(text: str, line: str, after: int = 0) -> int:
    """The 1-based number of the first line equal to `line` (after line `after`)."""
    lines = text.split("\n")
    return next(i for i in range(after, len(lines)) if lines[i] == line) + 1


# ---------------------------------------------------------------------------
# Word


def build_docx(path, numbers: dict[str, str] | None = None, *, style: str | None = None, review: str | None = None,
               overview: list[str] | None = None, active: list | None = None) -> None:
    """The report as a Word document; the tables' header cells merged as the format draws them.
    `numbers` replaces the numbers of table 三's rows by key, `review` table 四's fifteen numbers,
    `overview` part 一's lines, `active` table 二's blocks (ACTIVE_2019); `style` names the tables'
    Word style ("Table Grid" draws every border, as a PDF export then shows them)."""
    import docx

    document = docx.Document()
    for line in (TITLE, INTRO, *(overview or OVERVIEW), "二、主动公开政府信息情况"):
        document.add_paragraph(line)
    _docx_active(document, active or ACTIVE)
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    _docx_requests(document, numbers or {})
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    _docx_review(document, review or REVIEW)
    for line in CLOSING:
        document.add_paragraph(line)
    if style is not None:
        for table in document.tables:
            table.style = document.styles[style]
    document.save(str(path))


def _docx_active(document, blocks: list) -> None:
    rows = sum(2 + len(block[2]) for block in blocks)
    table = document.add_table(rows=rows, cols=4)
    r = 0
    for heading, columns, block_rows in blocks:
        merged = table.cell(r, 0).merge(table.cell(r, 3))
        merged.text = heading
        # Three number columns under the label: a block of fewer columns widens its last one.
        spans = [(c, c) for c in range(1, len(columns))] + [(len(columns), 3)]
        header = [table.cell(r + 1, 0)] + [table.cell(r + 1, a).merge(table.cell(r + 1, b)) for a, b in spans]
        for cell, text in zip(header, ["信息内容", *columns]):
            cell.text = text
        r += 2
        for label, numbers in block_rows:
            table.cell(r, 0).text = label
            for (a, b), number in zip(spans, numbers):
                table.cell(r, a).merge(table.cell(r, b)).text = number
            r += 1


def _docx_requests(document, numbers: dict[str, str]) -> None:
    table = document.add_table(rows=3 + len(REQUESTS), cols=10)
    table.cell(0, 0).merge(table.cell(2, 2)).text = NOTE
    table.cell(0, 3).merge(table.cell(0, 9)).text = "申请人情况"
    table.cell(1, 3).merge(table.cell(2, 3)).text = "自然人"
    table.cell(1, 4).merge(table.cell(1, 8)).text = "法人或其他组织"
    table.cell(1, 9).merge(table.cell(2, 9)).text = "总计"
    for c, label in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], start=4):
        table.cell(2, c).text = label
    spans = {}
    for index, (group, label, key, row_numbers) in enumerate(REQUESTS):
        r = 3 + index
        if index not in RESULT_ROWS:
            table.cell(r, 0).merge(table.cell(r, 2)).text = label
        else:
            if group:
                spans[group] = r
            if label in ("（一）予以公开", "（七）总计") or label.startswith("（二）"):
                table.cell(r, 1).merge(table.cell(r, 2)).text = label
            else:
                table.cell(r, 2).text = label
        for c, number in enumerate(numbers.get(key, row_numbers).split(), start=3):
            table.cell(r, c).text = "" if number == "_" else number
    for group, first in spans.items():
        column = 0 if group == "三、本年度办理结果" else 1
        table.cell(first, column).merge(table.cell(first + GROUP_SPANS[group] - 1, column)).text = group


def _docx_review(document, numbers: str) -> None:
    table = document.add_table(rows=4, cols=15)
    table.cell(0, 0).merge(table.cell(0, 4)).text = "行政复议"
    table.cell(0, 5).merge(table.cell(0, 14)).text = "行政诉讼"
    for c, label in enumerate(RESULTS):
        table.cell(1, c).merge(table.cell(2, c)).text = label
    table.cell(1, 5).merge(table.cell(1, 9)).text = "未经复议直接起诉"
    table.cell(1, 10).merge(table.cell(1, 14)).text = "复议后起诉"
    for c, label in enumerate(RESULTS * 2, start=5):
        table.cell(2, c).text = label
    for c, number in enumerate(numbers.split()):
        table.cell(3, c).text = number


# ---------------------------------------------------------------------------
# Web page


def build_html(numbers: dict[str, str] | None = None) -> str:
    """The report as a government web page: the tables with rowspan and colspan."""
    numbers = numbers or {}

    def td(text="", rowspan=1, colspan=1):
        spans = f' rowspan="{rowspan}"' if rowspan > 1 else ""
        spans += f' colspan="{colspan}"' if colspan > 1 else ""
        return f"<td{spans}>{escape(text)}</td>"

    def rows_html(rows):
        return "\n".join(f"<tr>{''.join(row)}</tr>" for row in rows)

    active = []
    for heading, columns, block_rows in ACTIVE:
        active.append([td(heading, colspan=4)])
        wide = 3 if len(columns) == 1 else 1
        active.append([td("信息内容"), *(td(c, colspan=wide) for c in columns)])
        for label, row_numbers in block_rows:
            active.append([td(label), *(td(n, colspan=wide) for n in row_numbers)])
    requests = [[td(NOTE, rowspan=3, colspan=3), td("申请人情况", colspan=7)],
                [td("自然人", rowspan=2), td("法人或其他组织", colspan=5), td("总计", rowspan=2)],
                [td(c) for c in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]]
    for index, (group, label, key, row_numbers) in enumerate(REQUESTS):
        cells = []
        if index not in RESULT_ROWS:
            cells.append(td(label, colspan=3))
        else:
            if group:
                cells.append(td(group, rowspan=GROUP_SPANS[group]))
            wide = label in ("（一）予以公开", "（七）总计") or label.startswith("（二）")
            cells.append(td(label, colspan=2 if wide else 1))
        cells += [td("" if n == "_" else n) for n in numbers.get(key, row_numbers).split()]
        requests.append(cells)
    review = [[td("行政复议", colspan=5), td("行政诉讼", colspan=10)],
              [*(td(r, rowspan=2) for r in RESULTS), td("未经复议直接起诉", colspan=5), td("复议后起诉", colspan=5)],
              [td(r) for r in RESULTS * 2],
              [td(n) for n in REVIEW.split()]]
    paragraphs = "\n".join(f"<p>{escape(line)}</p>" for line in (INTRO, *OVERVIEW))
    closing = "\n".join(f"<p>{escape(line)}</p>" for line in CLOSING)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{TITLE}_青山县人民政府</title></head>
<body>
<div class="nav">首页 &gt; 政务公开</div>
<div class="article-content">
<h1>{TITLE}</h1>
{paragraphs}
<p>二、主动公开政府信息情况</p>
<table border="1">
{rows_html(active)}
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1"><tbody>
{rows_html(requests)}
</tbody></table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1">
{rows_html(review)}
</table>
{closing}
</div>
</body></html>
"""
