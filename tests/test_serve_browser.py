"""The lintlaw serve page in a real browser: headless Chromium (Debian's package)
driven by Playwright. Skipped, with the reason, where either is missing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.serve_helpers import cli, cli_fixed_bytes, running_server

pytestmark = pytest.mark.slow  # a browser and a server

FIXTURE = Path(__file__).parent / "fixtures" / "serve-report.txt"



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
    groups = page.locator(".group h3").all_inner_texts()  # the categories as `lintlaw rules` names them
    assert groups == ["结构 2", "占位符 1", "标点 1", "用语 1", "残留 1"]
    assert page.inner_text(f".finding[data-id='{w001}'] .where") == "第7行第1列 · 警告 · cutoff-for-as-of"


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
    # Each heading and rate is a button: Tab reaches it, Enter shows its place in the text.
    headings = page.locator("#outline button.entry").all_inner_texts()
    assert [" ".join(h.split()) for h in headings][:3] == ["报告 绿水市司法局2024年法治政府建设年度报告 第1行 · 年度 2024 · 发布机构 绿水市司法局",
                                                            "一、推进法治政府建设的主要举措和成效 第5行",
                                                            "（一）依法全面履行政府职能 第6行"]
    assert page.locator("#rates button.entry").count() == 1


def test_filters_by_severity_and_category(page):
    upload(page, FIXTURE)
    page.uncheck("#filter-severity input[value='warning']")
    assert page.locator(".finding").count() == 3
    assert page.locator("#text .hl.warning").count() == 0
    page.check("#filter-severity input[value='warning']")
    page.select_option("#filter-category", "structure")
    assert page.locator(".finding .code").all_inner_texts() == ["S005", "S101"]
    assert page.locator("#text .hl:not(.off)").count() == 2


def shown_text(page) -> str:
    """The report's text on the page, without the deleted text a fix left struck through."""
    return page.eval_on_selector("#text", "n => { const c = n.cloneNode(true); c.querySelectorAll('del')"
                                 ".forEach(d => d.remove()); return c.textContent; }")


def marked_changes(page) -> list[tuple[str, str]]:
    """The changes marked in the text, in order: ("del", text deleted), ("ins", text written)."""
    return page.eval_on_selector_all("#text .change", "nodes => nodes.map(n => [n.tagName.toLowerCase(), n.textContent])")


def test_fixing_shows_the_fixed_text_checked_again_with_each_change_in_place(page, tmp_path):
    from playwright.sync_api import expect

    data = FIXTURE.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030")
    path = tmp_path / "gbk-report.txt"
    path.write_bytes(data)
    upload(page, path)
    page.click("#fix")
    expect(page.locator("#fix-result")).to_be_visible()
    message = "已修复 2 个问题（2 处改动），剩余 4 个问题。"
    assert page.inner_text("#fix-result").startswith(message)
    expect(page.locator("#announce")).to_have_text(message)
    # The text, counts, highlights and list are those of the fixed file, as `check` sees it.
    fixed = cli_fixed_bytes(data, "gbk-report.txt", tmp_path)
    (tmp_path / "fixed.txt").write_bytes(fixed)
    expected = cli_json(tmp_path / "fixed.txt", tmp_path)
    assert shown_text(page) == fixed.decode("gb18030")
    assert page.inner_text("#summary") == "发现 4 个问题（错误 2，警告 1，提示 1）"
    assert page.locator(".finding .code").all_inner_texts() == ["S005", "S101", "T001", "R002"]
    assert sorted(f["code"] for f in expected) == sorted(["S005", "S101", "T001", "R002"])
    assert sorted(set(highlighted_ids(page))) == [0, 1, 2, 3]
    # Each change marked where it was made, character by character.
    assert marked_changes(page) == [["del", "止"], ["ins", "至"], ["del", ","], ["ins", "，"]]
    assert "截止至目前，全局" in page.inner_text("#text")  # the deleted 止 stands struck through before 至
    with page.expect_download() as download:
        page.click("#download-fixed")
    assert download.value.suggested_filename == "gbk-report.txt"
    assert Path(download.value.path()).read_bytes() == fixed


def test_a_second_fix_starts_from_the_fixed_file(page, tmp_path):
    from playwright.sync_api import expect

    upload(page, FIXTURE)
    page.click("#fix")
    expect(page.locator("#fix-result")).to_contain_text("已修复 2 个问题")
    page.click(".finding:has(.code:text-is('R002'))")
    page.check("#choose-unsafe")
    page.click("#fix")
    expect(page.locator("#fix-result")).to_contain_text("已修复 1 个问题（1 处改动），剩余 3 个问题。")
    assert marked_changes(page) == [["del", " "]]
    with page.expect_download() as download:
        page.click("#download-fixed")
    expected = cli_fixed_bytes(FIXTURE.read_bytes(), FIXTURE.name, tmp_path, "--unsafe-fixes")
    assert Path(download.value.path()).read_bytes() == expected


def test_a_chosen_unsafe_fix(page, tmp_path):
    upload(page, FIXTURE)
    assert page.is_hidden("#unsafe-all-box")  # a text file's unsafe fixes are chosen one by one
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


def word_report(tmp_path: Path, text: str | None = None) -> Path:
    import docx

    document = docx.Document()
    for line in (text or FIXTURE.read_text(encoding="utf-8")).splitlines():
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    return path


def test_a_word_document_is_annotated_and_fixed_in_a_reviewed_copy(page, tmp_path):
    import docx
    from playwright.sync_api import expect

    from tests.word_helpers import resolved, text_of, tracked

    path = word_report(tmp_path)
    upload(page, path)
    # 6 on the text, 8 on the layout of python-docx's default document (GB/T 9704, L0xx)
    assert page.locator(".finding").count() == len(cli_json(path, tmp_path)) == 14
    assert page.inner_text("#fix-note") == "修复将作为修订写入审阅副本"
    w001 = page.locator(".finding:has(.code:text-is('W001')) .where")
    assert w001.inner_text() == "第7段第1字（“（一）依法全面履行政府职能”下） · 警告 · cutoff-for-as-of"
    with page.expect_download() as download:
        page.click("#download-annotated")
    assert download.value.suggested_filename == "report.lintlaw.docx"
    assert len(list(docx.Document(download.value.path()).comments)) == 14
    assert tracked(download.value.path()) == []  # comments only, as --annotate writes

    page.click("#fix")
    expect(page.locator("#fix-result")).to_contain_text("已把 8 个问题的修复作为修订写入审阅副本 report.lintlaw.docx")
    assert page.is_disabled("#fix") and page.is_hidden("#download-annotated")
    assert page.evaluate("document.activeElement.id") == "download-fixed"  # not lost with the disabled button
    assert page.inner_text("#download-fixed") == "下载审阅副本（修订和批注）"
    with page.expect_download() as download:
        page.click("#download-fixed")
    assert download.value.suggested_filename == "report.lintlaw.docx"
    copy = Path(download.value.path())
    assert [(kind, text) for kind, _author, _date, text in tracked(copy)] == [("del", "截止"), ("ins", "截至"),
                                                                              ("del", ","), ("ins", "，")]
    # The page shows what accepting every change gives, the findings left, and the changes in place.
    assert shown_text(page) == text_of(resolved(copy, accept=True))
    assert page.locator(".finding").count() == 6
    assert marked_changes(page) == [["del", "止"], ["ins", "至"], ["del", ","], ["ins", "，"]]


def test_a_word_documents_unsafe_fixes_are_chosen_all_together(page, tmp_path):
    from playwright.sync_api import expect

    from tests.word_helpers import tracked

    path = word_report(tmp_path)
    upload(page, path)
    # No fix of a Word document is chosen one by one: the copy holds them all, each a change to reject.
    page.click(".finding:has(.code:text-is('R002'))")
    assert page.locator("#choose-unsafe").count() == 0
    page.check("#unsafe-all")
    assert page.inner_text("#fix") == "应用全部修复（含需复核的）"
    page.click("#fix")
    expect(page.locator("#fix-result")).to_contain_text("已把 9 个问题的修复作为修订写入审阅副本 report.lintlaw.docx")
    assert page.is_hidden("#unsafe-all-box")
    assert marked_changes(page)[-1] == ["del", " "] and "推进依法行政" in shown_text(page)
    with page.expect_download() as download:
        page.click("#download-fixed")
    served = [(kind, text) for kind, _author, _date, text in tracked(download.value.path())]
    cli("check", "--isolated", "--fix", "--unsafe-fixes", path.name, cwd=tmp_path)
    assert served == [(kind, text) for kind, _author, _date, text in tracked(tmp_path / "report.lintlaw.docx")]
    assert ("del", " ") in served


def test_a_word_documents_fixes_of_fonts_and_sizes_mark_no_text(page, tmp_path):
    from playwright.sync_api import expect

    from tests.word_helpers import tracked

    # The text's own fixes made by hand: what is left to fix is python-docx's fonts and sizes.
    text = FIXTURE.read_text(encoding="utf-8").replace("截止", "截至").replace("36件,", "36件，")
    path = word_report(tmp_path, text)
    summary = cli("check", "--isolated", "--fix", path.name, cwd=tmp_path).stdout.decode().splitlines()[-1]
    assert summary.startswith("已把 6 个问题的修复作为修订写入审阅副本（34 处修订）")
    upload(page, path)
    page.click("#fix")
    expect(page.locator("#fix-result")).to_have_text("已把 6 个问题的修复作为修订写入审阅副本 report.lintlaw.docx（34 处修订），剩余 6 个问题。")
    # No text changed, so none is marked, and the legend does not say there is.
    assert page.locator("#fix-result .legend").count() == 0
    assert marked_changes(page) == [] and shown_text(page) == text
    with page.expect_download() as download:
        page.click("#download-fixed")
    assert tracked(download.value.path()) == []  # no text revised: formatting changes only
    assert b"<w:rPrChange " in zipfile.ZipFile(download.value.path()).read("word/document.xml")


def test_an_oversize_file_gets_the_servers_message_without_uploading(page, tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b" " * (20 * 1024 * 1024 + 1))
    page.set_input_files("#file", str(path))
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error") == "lintlaw: big.txt: 文件太大（20.0 MB），上限是 20 MB"


def test_a_file_is_chosen_and_the_findings_walked_by_keyboard(page):
    from playwright.sync_api import expect

    # Playwright intercepts file choosers from a page's first "filechooser" listener on; one set
    # up only around the key press may come too late, and the chooser opens unseen.
    page.on("filechooser", lambda _chooser: None)
    page.reload()
    page.keyboard.press("Tab")  # the first stop on the page: the file input inside 选择文件
    assert page.evaluate("document.activeElement.id") == "file"
    with page.expect_file_chooser():  # Space opens it too (left unanswered: nothing chosen)
        page.keyboard.press(" ")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(str(FIXTURE))
    expect(page.locator("#announce")).to_have_text("已检查 serve-report.txt：发现 6 个问题（错误 2，警告 3，提示 1）")
    assert page.get_attribute("#announce", "aria-live") == "polite"
    # The list is one tab stop (its first finding); the arrow keys move through it, selecting as they go.
    assert page.locator(".finding[tabindex='0']").count() == 1
    page.focus(".finding[tabindex='0']")
    assert page.locator(".group .finding .code").all_inner_texts() == ["S005", "S101", "T001", "P009", "W001", "R002"]

    def at() -> tuple[str, str]:
        focused = page.evaluate("document.activeElement.querySelector('.code').textContent")
        return focused, page.inner_text("#detail-title").split()[0]

    page.keyboard.press("ArrowDown")
    assert at() == ("S101", "S101") and page.inner_text("#text .current") == "（四）"
    page.keyboard.press("ArrowDown")
    assert at() == ("T001", "T001") and page.inner_text("#text .current") == "__"
    page.keyboard.press("End")
    assert at() == ("R002", "R002")
    page.keyboard.press("ArrowDown")  # the last stays the last
    assert at() == ("R002", "R002")
    page.keyboard.press("Home")
    assert at() == ("S005", "S005")
    page.keyboard.press("ArrowUp")
    assert at() == ("S005", "S005")
    page.keyboard.press("ArrowDown")
    # Tab leaves the list, and Shift+Tab comes back to the finding selected.
    page.keyboard.press("Tab")
    assert "finding" not in page.evaluate("document.activeElement.className")
    page.keyboard.press("Shift+Tab")
    assert at() == ("S101", "S101")


MANY_PLACES = Path(__file__).parent / "fixtures" / "serve-many-places.txt"


def test_every_place_of_a_finding_for_many_is_highlighted(page):
    upload(page, MANY_PLACES)
    p008 = page.locator(".finding:has(.code:text-is('P008'))")
    assert p008.locator(".places").inner_text() == "全文5处"
    s107 = page.locator(".finding:has(.code:text-is('S107'))")
    assert s107.locator(".places").inner_text() == "全文5处"
    assert page.locator(".finding:has(.code:text-is('S005')) .places").count() == 0
    p008.click()
    current = page.locator("#text .current")
    assert current.all_inner_texts() == [","] * 5
    assert all("warning" in c.split() for c in current.evaluate_all("ns => ns.map(n => n.className)"))
    assert page.inner_text("#detail-where") == "第5行第10列 · 警告 · 标点 · 全文5处，均已在正文中标出"
    s107.click()
    assert page.locator("#text .current").all_inner_texts() == ["(一)", "(二)", "(三)", "(四)", "(五)"]


def test_rates_panel_lists_checked_rates_first_and_folds_the_unchecked(page):
    upload(page, Path(__file__).parent / "fixtures" / "serve-rates.txt")
    entries = page.locator("#rates > .rate")
    assert entries.all_inner_texts() == ["第6行 办结率90%：✗ 与本句任何分子、分母之比都不符",
                                         "第4行 按时答复率98.4%：✓ 121件÷123件＝98.374%"]
    folded = page.locator("#rates details.unchecked")
    assert folded.locator("summary").inner_text() == "未核对的比率 2 个"
    unchecked = folded.locator(".rate")
    assert [unchecked.nth(i).is_visible() for i in range(2)] == [False, False]
    folded.locator("summary").click()
    assert unchecked.all_inner_texts() == ["第5行 群众满意率99%：未核对：本句没有与比率名称对应的分子",
                                           "第7行 行政执法公示率100%：未核对：本句没有与比率名称对应的分子"]
    assert unchecked.nth(1).is_visible()


def test_printing_gives_the_findings_with_their_context(page, tmp_path):
    import logging

    import pdfplumber

    upload(page, FIXTURE)
    page.uncheck("#filter-severity input[value='info']")  # what is printed is what the list shows
    page.pdf(path=str(tmp_path / "printed.pdf"))
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # Chromium's fonts lack a FontBBox pdfminer warns of
    with pdfplumber.open(tmp_path / "printed.pdf") as pdf:
        printed = "".join(p.extract_text() for p in pdf.pages).replace("\n", "")
    assert printed.startswith("报告检查意见：serve-report.txt发现 6 个问题（错误 2，警告 3，提示 1）；下列为筛选后的问题。检查日期：")
    for entry in ("1. S101（错误） 第10行第1列编号不连续：“（二）”之后是“（四）”，缺少“（三）”（四）严格规范公正文明执法",
                  "1. W001（警告） 第7行第1列表示“到某时为止”应写“截至”，不是“截止”截止目前，全局共办理行政复议案件123件，其…"
                  "安全修复：改为“截至”"):
        assert entry in printed
    assert "S005" not in printed  # 提示, filtered out
    for screen_only in ("选择文件", "应用安全修复", "报告全文", "标题结构"):
        assert screen_only not in printed


def drop(page, name: str, data: bytes) -> None:
    """Drop a file on the page's drop zone, as a file dragged from the desktop arrives: a
    drop event whose DataTransfer holds it."""
    import base64

    transfer = page.evaluate_handle(
        """([name, data]) => { const t = new DataTransfer();
           t.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name)); return t; }""",
        [name, base64.b64encode(data).decode("ascii")])
    page.dispatch_event("#drop", "dragover", {"dataTransfer": transfer})
    assert "over" in page.get_attribute("#drop", "class").split()  # the zone shows it will take the file
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    page.wait_for_selector("#result:not([hidden])")


def test_a_dropped_pdf_is_checked_with_its_pages_and_lines(page, tmp_path):
    from playwright.sync_api import expect

    from tests.test_pdf_input import GOOD

    drop(page, "report.pdf", GOOD)
    (tmp_path / "report.pdf").write_bytes(GOOD)
    concise = cli("check", "--isolated", "--format", "concise", "report.pdf", cwd=tmp_path).stdout.decode()
    expect(page.locator("#announce")).to_have_text("已检查 report.pdf：发现 5 个问题（错误 0，警告 4，提示 1）")
    assert page.locator(".finding .code").all_inner_texts() == ["S002", "S003", "S004", "S005", "W001"]
    # Places as the text formats give them for a PDF: page and line.
    w001 = page.locator(".finding:has(.code:text-is('W001')) .where")
    assert w001.inner_text() == "第1页第4行 · 警告 · cutoff-for-as-of"
    assert "report.pdf:第1页第4行: W001 " in concise
    assert page.locator("#text .hl.warning").all_inner_texts()[-1] == "截止"
    # Read, not written: no fix, but the copy with each finding a highlight and a note.
    assert page.is_disabled("#fix") and page.inner_text("#fix-note") == "PDF 文件不能自动修复，只报告问题"
    assert page.inner_text("#download-annotated") == "下载带批注的 PDF"


def test_a_file_fixed_among_several_stays_fixed_when_shown_again(page, tmp_path):
    from playwright.sync_api import expect

    rates = Path(__file__).parent / "fixtures" / "serve-rates.txt"
    page.set_input_files("#file", [str(FIXTURE), str(rates)])
    expect(page.locator("#announce")).to_have_text("已检查 2 个文件，2 份报告；第一个文件：发现 6 个问题（错误 2，警告 3，提示 1）")
    page.click("#fix")
    expect(page.locator("#fix-result")).to_contain_text("已修复 2 个问题（2 处改动）")
    fixed = shown_text(page)
    page.click("#review-table tbody tr[data-file='serve-rates.txt']")
    expect(page.locator("#file-name")).to_have_text("serve-rates.txt")
    assert page.is_hidden("#fix-result") and page.is_hidden("#download-fixed")
    page.click("#review-table tbody tr[data-file='serve-report.txt']")
    expect(page.locator("#file-name")).to_have_text("serve-report.txt")
    # The fixed file as it was left: its text, its changes marked, its download.
    assert shown_text(page) == fixed and marked_changes(page) == [["del", "止"], ["ins", "至"], ["del", ","], ["ins", "，"]]
    with page.expect_download() as download:
        page.click("#download-fixed")
    assert Path(download.value.path()).read_bytes() == cli_fixed_bytes(FIXTURE.read_bytes(), FIXTURE.name, tmp_path)
    # Text pasted afterwards is one file: the summary of the several goes.
    page.click("#paste-box summary")
    page.fill("#paste", rates.read_text(encoding="utf-8"))
    page.click("#check-paste")
    expect(page.locator("#file-name")).to_have_text("粘贴的文字.txt")
    assert page.is_hidden("#review")
