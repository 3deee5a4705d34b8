"""The reviews for people (issue 22): `--format html` read in a real browser (headless Chromium
driven by Playwright, skipped with the reason where either is missing) and `--format csv` read
back with the csv module. Both say what `--format json` says."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lintlaw.cli import app
from lintlaw.engine.ruleset import load_rules

from .region import write_region

runner = CliRunner()
pytestmark = pytest.mark.slow  # lintlaw on twelve reports, Word documents, a browser
KINDS = {rule.code: (rule.kind.name, getattr(rule.kind, "problem", None)) for rule in load_rules()}


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review")
    write_region(folder)
    before = os.getcwd()
    os.chdir(folder)
    try:
        for output in ("html", "csv"):
            result = runner.invoke(app, ["check", "--isolated", "--format", output, "-o", f"review.{output}",
                                         "2024年", "2023年"])
            assert result.exit_code == 1 and result.stdout == ""
        records = json.loads(runner.invoke(app, ["check", "--isolated", "--format", "json", "2024年", "2023年"]).stdout)
    finally:
        os.chdir(before)
    return folder, records


def expected_rows(records) -> dict[str, dict]:
    """What the summary must say of each file (one report each), worked out from the JSON."""
    rows = {}
    for path in dict.fromkeys(Path(p).as_posix() for p in [f"{y}年/{n}" for y in (2024, 2023) for n in
                                                             ("交通运输局.txt", "农业农村局.txt", "卫生健康局.txt", "县政府办.txt",
                                                              "市场监管局.txt", "教育局.txt")]):
        found = [r for r in records if r["path"] == path]
        kinds = [KINDS[r["code"]] for r in found]
        rows[path] = {
            "errors": str(sum(r["severity"] == "error" for r in found)),
            "warnings": str(sum(r["severity"] == "warning" for r in found)),
            "infos": str(sum(r["severity"] == "info" for r in found)),
            "missing": str(sum(kind == "required-section" for kind, _ in kinds)),
            "relations": str(sum(kind == "table" and problem in ("sum", "text-count") for kind, problem in kinds)),
            "late": str(int(any(kind == "date" and problem == "late-date" for kind, problem in kinds))),
        }
    return rows



@pytest.fixture
def page(browser, region):
    folder, _ = region
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    opened = context.new_page()
    fetched = []
    opened.on("request", lambda request: fetched.append(request.url))
    opened.goto((folder / "review.html").as_uri())
    opened.fetched = fetched
    yield opened
    context.close()


def summary(page) -> list[dict]:
    return page.eval_on_selector_all("#summary-table tbody tr", """rows => rows.map(tr => Object.fromEntries(
        [...tr.children].map(td => [td.className, td.dataset.value])))""")


def test_the_summary_numbers_are_the_json_s(page, region):
    _, records = region
    shown = summary(page)
    expected = expected_rows(records)
    assert [row["file"] for row in shown] == list(expected)
    for row in shown:
        assert {key: row[key] for key in expected[row["file"]]} == expected[row["file"]], row["file"]
    # Who and when, and the share copied from last year's report.
    by_file = {row["file"]: row for row in shown}
    assert (by_file["2024年/教育局.txt"]["issuer"], by_file["2024年/教育局.txt"]["year"]) == ("青石县教育局", "2024")
    assert by_file["2024年/交通运输局.txt"]["last-year"] == "2023年/交通运输局.txt"
    assert by_file["2023年/交通运输局.txt"]["copied"] == ""  # nothing to compare it with
    copied = float(by_file["2024年/交通运输局.txt"]["copied"])
    x003 = next(r for r in records if r["code"] == "X003")
    assert page.inner_text("#summary-table tbody tr:first-child td.copied") == f"{round(100 * copied)}%"
    assert 0 < copied < 1 and x003["path"] == "2024年/交通运输局.txt"


def test_the_page_fetches_nothing(page):
    assert [url for url in page.fetched if not url.startswith("file:")] == []
    assert page.eval_on_selector_all("link[href], script[src], img[src]", "nodes => nodes.length") == 0


def test_a_column_sorts_the_summary_both_ways(page):
    page.click("#summary-table th.errors button")
    errors = [int(row["errors"]) for row in summary(page)]
    assert errors == sorted(errors) and errors[-1] == 3
    assert page.get_attribute("#summary-table th.errors", "aria-sort") == "ascending"
    page.click("#summary-table th.errors button")
    assert [int(row["errors"]) for row in summary(page)] == sorted(errors, reverse=True)
    page.click("#summary-table th.issuer button")
    issuers = [row["issuer"] for row in summary(page)]
    assert issuers[:2] == ["青石县交通运输局", "青石县交通运输局"] and len(set(issuers)) == 6
    # Blank shares (nothing compared) stay last either way.
    page.click("#summary-table th.copied button")
    assert [row["copied"] for row in summary(page)][-6:] == [""] * 6


def test_findings_are_grouped_by_category_and_a_comparison_links_both_reports(page):
    section = page.locator("section.report", has=page.locator("li[data-code='X001']"))
    assert section.locator("h2").inner_text() == "青石县教育局 · 2024年 · 政府信息公开工作年度报告"
    assert section.locator("h3.category").all_inner_texts() == ["对照比较 1"]
    finding = section.locator("li[data-code='X001']")
    assert finding.locator("mark").inner_text() == "1"  # the cell, in its row
    link = finding.locator(".related a")
    assert link.inner_text() == "2023年/教育局.txt 第57行"
    page.click(f"#{section.get_attribute('id')} li[data-code='X001'] .related a")
    target = page.evaluate("location.hash").removeprefix("#")
    assert page.inner_text(f"#{target} h2") == "青石县教育局 · 2023年 · 政府信息公开工作年度报告"
    transport = page.locator("section.report", has=page.locator("li[data-code='T201']"))
    assert transport.locator("h3.category").all_inner_texts() == ["统计表 3"]


def test_it_prints_on_a4_each_report_on_its_own_sheet(page, tmp_path):
    from pypdf import PdfReader

    pdf = tmp_path / "review.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    pages = PdfReader(str(pdf)).pages
    assert [round(float(x)) for x in pages[0].mediabox[2:]] == [595, 842]
    assert len(pages) >= 13  # the summary, then twelve reports each from a new sheet
    assert "审查意见" in pages[0].extract_text()


def test_csv_is_one_row_per_finding_for_excel(region):
    folder, records = region
    data = (folder / "review.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel and WPS read UTF-8
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["发布机关", "年度", "报告类型", "文件", "页", "行", "列", "代码", "类别", "级别", "问题"]
    assert [(r[3], int(r[5]), int(r[6]), r[7], r[10]) for r in rows[1:]] == [
        (r["path"], r["line"], r["column"], r["code"], r["message"]) for r in records]
    first = rows[1]
    assert first[:3] == ["青石县交通运输局", "2024", "政府信息公开工作年度报告"]
    assert (first[4], first[8], first[9]) == ("", "对照比较", "警告")


def test_a_csv_cell_a_spreadsheet_would_take_for_a_formula_is_quoted(tmp_path):
    report = tmp_path / "=cmd.txt"
    report.write_text("青山县2024年法治政府建设情况报告\n截止目前，全县办理案件35件。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--isolated", "--format", "csv", "--select", "W001", str(report)])
    [row] = list(csv.reader(result.stdout.removeprefix("\ufeff").splitlines()))[1:]
    assert row[3] == f"{report}" and row[7] == "W001"
    relative = tmp_path / "sub"
    relative.mkdir()
    (relative / "=cmd.txt").write_bytes(report.read_bytes())
    before = os.getcwd()
    os.chdir(relative)
    try:
        result = runner.invoke(app, ["check", "--isolated", "--format", "csv", "--select", "W001", "=cmd.txt"])
    finally:
        os.chdir(before)
    [row] = list(csv.reader(result.stdout.removeprefix("\ufeff").splitlines()))[1:]
    assert row[3] == "'=cmd.txt"
