"""Shared test helpers: where fixtures and the corpus are, and findings on a text."""

from __future__ import annotations

from pathlib import Path

from lintlaw.text.source import Source, decode

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "report-2024.txt"  # the README's example
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def source_of(text: str, path: str = "t.txt") -> Source:
    """A text as lintlaw reads it from a UTF-8 file."""
    return decode(text.encode("utf-8"), path)


def findings(text: str, rules, select=None):
    """(code, line, column, message) for every finding on a text."""
    from lintlaw.engine.linter import lint
    from lintlaw.engine.ruleset import select_rules

    source = source_of(text)
    chosen = select_rules(rules, select, None) if select else rules
    return [(d.code, *source.position(d.start), d.message) for d in lint(source, chosen)]


def example_findings(example, rule):
    """(code, line, column, message) for every finding of a rule on one of its examples; a
    comparison rule's example is compared with the reports it gives."""
    if rule.kind.name != "comparison":
        return findings(example, [rule])
    from lintlaw.engine.comparing import compare_sources, example_sources

    sources, previous = example_sources(example)
    return [(d.code, *sources[0].position(d.start), d.message)
            for d in compare_sources(sources, [rule], previous=previous) if d.path == sources[0].path]


def comparison_issues(example, rule) -> list:
    """The issues the comparison analysis gives a comparison rule's example, in its own text."""
    from lintlaw.analysis.comparison import compare
    from lintlaw.analysis.digest import digest
    from lintlaw.analysis.document import build_document
    from lintlaw.analysis.report_types import builtin_types
    from lintlaw.engine.comparing import digest_chars, example_sources, readings_of, settings_of

    sources, previous = example_sources(example)
    texts = {source.path: source.text for source in [*sources, *previous]}
    digests = [digest(document, report, digest_chars([rule]))
               for source in [*sources, *previous] for document in (build_document(source),)
               for report in document.reports]
    outcome = compare(digests, texts.__getitem__, frozenset({rule.kind.problem}), settings_of([rule]),
                      frozenset(source.path for source in previous), readings_of([builtin_types()]))
    return [found.issue for found in outcome.findings if found.path == sources[0].path]


def check_in_new_process(path, report: str) -> tuple[str, str]:
    """Run `lintlaw check path` in a new Python process, then `report` (a statement that prints
    one line to standard error) in it; that line, and the check's standard error before it."""
    import subprocess
    import sys

    probe = ("import json, re, runpy, sys\n"
             "sys.argv = ['lintlaw', 'check', sys.argv[1]]\n"
             "try:\n    runpy.run_module('lintlaw', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             f"{report}\n")
    run = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=60,
                         check=False)
    *lines, last = run.stderr.splitlines()
    return last, "\n".join(lines)


def modules_after_check(path) -> set[str]:
    """The modules a `lintlaw check` of one file has imported when it ends (run in a new process)."""
    import json

    modules, _ = check_in_new_process(path, "print(json.dumps(sorted(sys.modules)), file=sys.stderr)")
    return set(json.loads(modules))


# Statistics tables of a 政府信息公开工作年度报告 as a web capture flattens them (one grid row
# per line, cells separated by "|", a merged cell once), and the Tables that table recognition
# reads from them: tests of the table rules build both, so that the findings' positions are
# the cells' places in the text.

REQUESTS_COLUMNS = ("natural-person", "business", "research", "public-interest", "legal-services",
                    "other-organisation", "total")
REQUESTS_ROWS = (  # row key, the label cells before its numbers
    ("new", ["一、本年新收政府信息公开申请数量"]),
    ("carried-over", ["二、上年结转政府信息公开申请数量"]),
    ("published", ["三、本年度办理结果", "（一）予以公开"]),
    ("partly-published", ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
    ("refused-secret", ["（三）不予公开", "1.属于国家秘密"]),
    ("refused-prohibited", ["2.其他法律行政法规禁止公开"]),
    ("refused-security", ["3.危及“三安全一稳定”"]),
    ("refused-third-party", ["4.保护第三方合法权益"]),
    ("refused-internal", ["5.属于三类内部事务信息"]),
    ("refused-process", ["6.属于四类过程性信息"]),
    ("refused-enforcement-file", ["7.属于行政执法案卷"]),
    ("refused-query", ["8.属于行政查询事项"]),
    ("unable-not-held", ["（四）无法提供", "1.本机关不掌握相关政府信息"]),
    ("unable-needs-creating", ["2.没有现成信息需要另行制作"]),
    ("unable-unclear", ["3.补正后申请内容仍不明确"]),
    ("not-processed-petition", ["（五）不予处理", "1.信访举报投诉类申请"]),
    ("not-processed-repeated", ["2.重复申请"]),
    ("not-processed-publication", ["3.要求提供公开出版物"]),
    ("not-processed-excessive", ["4.无正当理由大量反复申请"]),
    ("not-processed-confirmation", ["5.要求行政机关确认或重新出具已获取信息"]),
    ("other-no-correction", ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
    ("other-no-fee", ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
    ("other-other", ["3.其他"]),
    ("results-total", ["（七）总计"]),
    ("carried-forward", ["四、结转下年度继续办理"]),
)
REQUESTS_HEADER = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|申请人情况",
                   "自然人|法人或其他组织|总计", "商业企业|科研机构|社会公益组织|法律服务机构|其他"]
REVIEW_ROWS = ("review", "lawsuit-direct", "lawsuit-after-review")
REVIEW_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
REVIEW_HEADER = ["行政复议|行政诉讼", "结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉",
                 "|".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)]
ACTIVE_LINES = (  # label cells, then the (row, column) keys of the numbers on the line
    (["第二十条第（一）项"], []),
    (["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], []),
    (["规章"], [("rules", "issued"), ("rules", "repealed"), ("rules", "in-force")]),
    (["行政规范性文件"], [("normative-documents", c) for c in ("issued", "repealed", "in-force")]),
    (["第二十条第（五）项"], []),
    (["信息内容", "本年处理决定数量"], []),
    (["行政许可"], [("licensing", "decisions")]),
    (["第二十条第（六）项"], []),
    (["信息内容", "本年处理决定数量"], []),
    (["行政处罚"], [("punishment", "decisions")]),
    (["行政强制"], [("enforcement", "decisions")]),
    (["第二十条第（八）项"], []),
    (["信息内容", "本年收费金额（单位：万元）"], []),
    (["行政事业性收费"], [("fees", "amount")]),
)


_CHANGES = ("last-year-items", "change", "decisions")
ACTIVE_2019_LINES = (  # the 2019 format's table, replaced in 2021
    (["第二十条第（一）项"], []),
    (["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], []),
    (["规章"], [("rules", c) for c in ("new-made", "new-published", "total-published")]),
    (["规范性文件"], [("normative-documents", c) for c in ("new-made", "new-published", "total-published")]),
    (["第二十条第（五）项"], []),
    (["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], []),
    (["行政许可"], [("licensing", c) for c in _CHANGES]),
    (["其他对外管理服务事项"], [("other-services", c) for c in _CHANGES]),
    (["第二十条第（六）项"], []),
    (["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], []),
    (["行政处罚"], [("punishment", c) for c in _CHANGES]),
    (["行政强制"], [("enforcement", c) for c in _CHANGES]),
    (["第二十条第（八）项"], []),
    (["信息内容", "上一年项目数量", "本年增/减"], []),
    (["行政事业性收费"], [("fees", "last-year-items"), ("fees", "change")]),
    (["第二十条第（九）项"], []),
    (["信息内容", "采购项目数量", "采购总金额"], []),
    (["政府集中采购"], [("procurement", "procurement-items"), ("procurement", "procurement-amount")]),
)


def requests_values(new=(7, 1), carried=(1, 0)):
    """A correct 申请 table that exercises every relation: a natural person's and a business's
    requests, carried over and forward, spread over every group of results (none all zero)."""
    values = {key: [0] * 6 for key, _ in REQUESTS_ROWS}
    values["new"][:2] = new
    values["carried-over"][:2] = carried
    values["published"][:2] = [2, 1]
    values["partly-published"][0] = 1
    values["refused-third-party"][0] = 1
    values["unable-not-held"][0] = 1
    values["not-processed-repeated"][0] = 1
    values["other-no-correction"][0] = 1
    values["carried-forward"][0] = 1
    results = [key for key, _ in REQUESTS_ROWS[2:-2]]
    values["results-total"] = [sum(values[k][i] for k in results) for i in range(6)]
    table = {}
    for key, row in values.items():
        for col, value in zip(REQUESTS_COLUMNS, [*row, sum(row)]):
            table[(key, col)] = str(value)
    return table


def review_values():
    table = {}
    for row, numbers in zip(REVIEW_ROWS, ([1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 0, 0])):
        for col, value in zip(REVIEW_COLUMNS, [*numbers, sum(numbers)]):
            table[(row, col)] = str(value)
    return table


def active_values():
    return {cell: "0" for _, cells in ACTIVE_LINES for cell in cells} | {("fees", "amount"): "1.25"}


def flattened_tables(before: str, tables: dict[str, dict], after: str = "", notes=None) -> tuple[str, list]:
    """The report text `before` + the tables (key → {(row, column): cell text}) + `after`, and
    the Tables with each cell where its text is (a blank cell at the start of its line).

    Each table is preceded by its part's heading (二、/三、/四、) and its `notes` (key → lines of
    text between the heading and the table), and may be given in any order."""
    from decimal import Decimal, InvalidOperation

    from lintlaw.analysis.tables import Cell, Table

    headings = {"active": "二、主动公开政府信息情况", "requests": "三、收到和处理政府信息公开申请情况",
                "review": "四、政府信息公开行政复议、行政诉讼情况", "active-2019": "二、主动公开政府信息情况"}
    text = before
    built = []
    for key, values in tables.items():
        text += headings[key] + "\n" + (notes or {}).get(key, "")
        if key == "requests":
            lines = [(cells, []) for cells in REQUESTS_HEADER] + [
                (labels, [(row, col) for col in REQUESTS_COLUMNS]) for row, labels in REQUESTS_ROWS]
        elif key == "review":
            lines = [(cells, []) for cells in REVIEW_HEADER] + [
                ([], [(row, col) for row in REVIEW_ROWS for col in REVIEW_COLUMNS])]
        else:
            lines = list(ACTIVE_2019_LINES if key == "active-2019" else ACTIVE_LINES)
        first_line = text.count("\n")
        cells = {}
        for labels, keys in lines:
            if isinstance(labels, str):
                labels = [labels]
            line_start = len(text)
            line = "|".join(labels)
            for cell_key in keys:
                raw = values.get(cell_key, "0")
                line += "|" if line or keys.index(cell_key) else ""
                offset = line_start + len(line) if raw else line_start
                line += raw
                try:
                    value = Decimal(raw.strip())
                except InvalidOperation:
                    value = None
                cells[cell_key] = Cell(cell_key[0], cell_key[1], raw, value, offset)
            text += line + "\n"
        built.append(Table(key, "以“|”分隔各格的文本", range(first_line, text.count("\n")), cells))
    return text + after, built


def document_with_tables(text: str, tables: list, types=None):
    """The document of a text, its reports given the tables a test built (each to the report
    whose lines hold it), as table recognition would have read them."""
    from lintlaw.analysis.document import build_document

    document = build_document(source_of(text), types)
    for report in document.reports:
        first, last = report.lines[0].lineno - 1, report.lines[-1].lineno - 1
        report.read_tables = [table for table in tables if first <= table.lines.start <= last]
    return document


def table_findings(text: str, tables: list, rules, select=None):
    """(code, line, column, message) for every finding on a text whose reports hold `tables`."""
    from lintlaw.engine.linter import lint
    from lintlaw.engine.ruleset import select_rules

    document = document_with_tables(text, tables)
    chosen = select_rules(rules, select, None) if select else rules
    return [(d.code, *document.source.position(d.start), d.message)
            for d in lint(document.source, chosen, document=document)]


def flagged(text: str, rules, select=None):
    """(code, the text it points at) for every finding on a text: pins where a span ends."""
    from lintlaw.engine.linter import lint
    from lintlaw.engine.ruleset import select_rules

    source = source_of(text)
    chosen = select_rules(rules, select, None) if select else rules
    return [(d.code, source.text[d.start:d.end]) for d in lint(source, chosen)]


def fixable(start: int, end: int, *edits, related=()):
    """A finding at start..end whose safe fix makes `edits`, each (start, end, new text)."""
    from lintlaw.diagnostics import Diagnostic, Edit, Fix, Severity

    return Diagnostic("W001", "w", "wording", Severity.WARNING, "m", "t.txt", start, end,
                      related=tuple(related), fix=Fix(tuple(Edit(*edit) for edit in edits), True))

