"""The lintlaw serve page in a real browser: headless Chromium (Debian's package)
driven by Playwright. Skipped, with the reason, where either is missing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.serve_helpers import cli, cli_fixed_bytes, running_server

pytestmark = pytest.mark.slow  # a browser and a server

FIXTURE = Path(__file__).parent / "fixtures" / "serve-report.txt"


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True,
                                              args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    with running_server() as server:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
        opened = context.new_page()
        opened.goto(server.url)
        yield opened
        context.close()


def upload(page, path: Path) -> None:
    page.set_input_files("#file", str(path))
    page.wait_for_selector("#result:not([hidden])")


def cli_json(path: Path, tmp_path: Path) -> list[dict]:
    (tmp_path / path.name).write_bytes(path.read_bytes())
    return json.loads(cli("check", "--isolated", "--format", "json", path.name, cwd=tmp_path).stdout)


def highlighted_ids(page) -> list[int]:
    return page.eval_on_selector_all(
        "#text [data-ids]", "nodes => nodes.flatMap(n => n.dataset.ids.split(' ').map(Number))")


def test_every_finding_is_listed_and_highlighted_in_place(page, tmp_path):
    upload(page, FIXTURE)
    expected = cli_json(FIXTURE, tmp_path)
    assert page.locator(".finding").count() == len(expected) == 6
    assert sorted(set(highlighted_ids(page))) == list(range(len(expected)))
    assert page.inner_text("#summary") == "发现 6 个问题（错误 2，警告 3，提示 1）"
    # Each highlight shows the text the finding is about, coloured by severity.
    w001 = next(i for i, f in enumerate(expected) if f["code"] == "W001")
    span = page.locator(f"#text [data-ids='{w001}']")
    assert span.inner_text() == "截止" and "warning" in span.get_attribute("class").split()
    texts = page.locator(".finding .code").all_inner_texts()
    assert sorted(texts) == sorted(f["code"] for f in expected)
    groups = page.locator(".group h3").all_inner_texts()
    assert groups == ["结构 2", "模板残留 1", "标点 1", "用语 1", "网页残留 1"]


def test_clicking_a_finding_shows_its_rule(page):
    upload(page, FIXTURE)
    page.click(".finding:has(.code:text-is('S101'))")
    page.wait_for_selector("#detail[data-rule='S101']")
    assert page.inner_text("#detail-title") == "S101 numbering-gap"
    assert page.get_attribute("#detail", "data-rule") == "S101"
    assert page.inner_text("#detail-message") == "编号不连续：“（二）”之后是“（四）”，缺少“（三）”"
    assert page.inner_text("#detail-explanation").startswith("同一层级的标题应按顺序连续编号")
    assert page.inner_text("#detail-authority").startswith("GB/T")
    current = page.locator("#text .current")
    assert current.count() == 1 and current.inner_text() == "（四）"
    assert current.evaluate("n => { const r = n.getBoundingClientRect(); const p = n.closest('main')"
                            ".getBoundingClientRect(); return r.top >= p.top && r.bottom <= p.bottom; }")


def test_outline_and_rate_checks(page):
    upload(page, FIXTURE)
    outline = page.inner_text("#outline")
    assert "报告 绿水市司法局2024年法治政府建设年度报告" in outline
    assert "✗ S101 编号不连续：“（二）”之后是“（四）”，缺少“（三）”" in outline
    assert page.inner_text("#rates") == "第7行 办结率98.4%：✓ 121件÷123件＝98.374%"


def test_filters_by_severity_and_category(page):
    upload(page, FIXTURE)
    page.uncheck("#filter-severity input[value='warning']")
    assert page.locator(".finding").count() == 3
    assert page.locator("#text .hl.warning").count() == 0
    page.check("#filter-severity input[value='warning']")
    page.select_option("#filter-category", "structure")
    assert page.locator(".finding .code").all_inner_texts() == ["S005", "S101"]
    assert page.locator("#text .hl:not(.off)").count() == 2


def test_safe_fixes_download_the_bytes_check_fix_writes(page, tmp_path):
    data = FIXTURE.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030")
    path = tmp_path / "gbk-report.txt"
    path.write_bytes(data)
    upload(page, path)
    page.click("#fix")
    page.wait_for_selector("#download-fixed:not([hidden])")
    assert page.inner_text("#fix-result") == "已修复 2 个问题（2 处改动），剩余 4 个问题。"
    # The diff shown is `lintlaw check --diff`'s, line for line.
    cli_diff = cli("check", "--isolated", "--diff", path.name, cwd=tmp_path).stdout.decode()
    assert "+截至目前，全局共办理行政复议案件123件" in cli_diff
    assert page.inner_text("#diff").replace("\r", "") == cli_diff.replace("\r", "").rstrip("\n")
    with page.expect_download() as download:
        page.click("#download-fixed")
    assert download.value.suggested_filename == "gbk-report.txt"
    assert Path(download.value.path()).read_bytes() == cli_fixed_bytes(data, "gbk-report.txt", tmp_path)


def test_a_chosen_unsafe_fix(page, tmp_path):
    upload(page, FIXTURE)
    page.click(".finding:has(.code:text-is('R002'))")
    page.check("#choose-unsafe")
    assert page.inner_text("#fix") == "应用安全修复及选中的 1 处需复核修复"
    page.click("#fix")
    page.wait_for_selector("#download-fixed:not([hidden])")
    with page.expect_download() as download:
        page.click("#download-fixed")
    expected = cli_fixed_bytes(FIXTURE.read_bytes(), FIXTURE.name, tmp_path, "--unsafe-fixes")
    assert Path(download.value.path()).read_bytes() == expected


def test_pasted_text_is_checked(page):
    page.click("#paste-box summary")
    page.fill("#paste", FIXTURE.read_text(encoding="utf-8"))
    page.click("#check-paste")
    page.wait_for_selector("#result:not([hidden])")
    assert page.inner_text("#file-name") == "粘贴的文字.txt"
    assert page.locator(".finding").count() == 6


def test_a_bad_file_shows_the_cli_message(page, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"ab\x00\x01cd")
    page.set_input_files("#file", str(path))
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error") == "lintlaw: bad.txt: 二进制文件，不是文本"


def test_a_page_without_the_token_says_so(browser):
    with running_server() as server:
        context = browser.new_context()
        opened = context.new_page()
        opened.goto(f"http://127.0.0.1:{server.port}/")
        assert opened.inner_text("#error") == "地址中缺少口令：请使用 lintlaw serve 启动时显示的完整地址"
        context.close()


def test_a_word_document_is_checked_and_annotated_not_fixed(page, tmp_path):
    import docx

    document = docx.Document()
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    upload(page, path)
    # 6 on the text, 8 on the layout of python-docx's default document (GB/T 9704, L0xx)
    assert page.locator(".finding").count() == len(cli_json(path, tmp_path)) == 14
    assert page.is_disabled("#fix")
    assert page.inner_text("#fix-note") == "Word 文档和网页不能自动修复，只报告问题"
    with page.expect_download() as download:
        page.click("#download-annotated")
    assert download.value.suggested_filename == "report.lintlaw.docx"
    comments = docx.Document(download.value.path()).comments
    assert len(list(comments)) == 14


def test_an_oversize_file_gets_the_servers_message_without_uploading(page, tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b" " * (20 * 1024 * 1024 + 1))
    page.set_input_files("#file", str(path))
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error") == "lintlaw: big.txt: 文件太大（20.0 MB），上限是 20 MB"
