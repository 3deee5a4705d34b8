"""`lintlaw serve` over plain HTTP: the page's API shows what `lintlaw check` shows,
fixes are the bytes `check --fix` writes, and the safety checks hold."""

from __future__ import annotations

import base64
import codecs
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from tests.events import read_fifo
from tests.serve_helpers import LINTLAW, cli, cli_fixed_bytes, running_server

pytestmark = pytest.mark.slow  # lintlaw serve: servers and lintlaw processes

FIXTURE = Path(__file__).parent / "fixtures" / "serve-report.txt"
MANY_PLACES = Path(__file__).parent / "fixtures" / "serve-many-places.txt"


@pytest.fixture(scope="module")
def server():
    with running_server() as running:
        yield running


def request(server, method, path, body=None, host=None, **params):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    query = urllib.parse.urlencode({"token": server.token, **params})
    headers = {"Host": host} if host else {}
    connection.request(method, f"{path}?{query}", body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


PAGE_FIELDS = ("id", "start", "end", "place", "places", "context")  # the page's own, beside --format json's


def records(page) -> list[dict]:
    """The page's findings as `--format json` records (without the page's own fields)."""
    return [{k: v for k, v in f.items() if k not in PAGE_FIELDS} for f in page["findings"]]


def marks(page) -> list[tuple[str, str]]:
    """The changes a fix made, as the page marks them in the fixed text: ("del", text) where
    text was deleted, ("ins", text) for text written, in order."""
    return [("del", s["del"]) if "del" in s else ("ins", s["t"]) for s in page["segments"]
            if "del" in s or s.get("ins")]


def post_json(server, path, data: bytes, **params):
    status, body = request(server, "POST", path, data, **params)
    return status, json.loads(body)


def test_check_returns_the_records_of_check_format_json(server, tmp_path):
    data = FIXTURE.read_bytes()
    status, page = post_json(server, "/api/check", data, name="report.txt")
    assert status == 200
    (tmp_path / "report.txt").write_bytes(data)
    expected = json.loads(cli("check", "--isolated", "--format", "json", "report.txt", cwd=tmp_path).stdout)
    assert records(page) == expected
    assert [f["code"] for f in page["findings"]] == ["S005", "W001", "P009", "S101", "T001", "R002"]
    assert page["editable"] is True and page["encoding"] == "utf-8"


def test_segments_cover_the_text_and_carry_every_finding(server):
    text = FIXTURE.read_text(encoding="utf-8")
    _, page = post_json(server, "/api/check", text.encode(), name="report.txt")
    assert "".join(s["t"] for s in page["segments"]) == text
    for f in page["findings"]:
        covered = "".join(s["t"] for s in page["segments"] if f["id"] in s["ids"])
        assert covered == text[f["start"]:f["end"]]
    w001 = next(f for f in page["findings"] if f["code"] == "W001")
    assert text[w001["start"]:w001["end"]] == "截止"


def test_outline_marks_numbering_breaks_and_rates_are_checked(server):
    _, page = post_json(server, "/api/check", FIXTURE.read_bytes(), name="report.txt")
    [report] = page["reports"]
    assert report["title"] == "绿水市司法局2024年法治政府建设年度报告" and report["year"] == 2024
    first = report["sections"][0]
    assert [(c["marker"], c["line"]) for c in first["children"]] == [("（一）", 6), ("（二）", 8), ("（四）", 10)]
    [gap] = first["children"][2]["findings"]
    assert page["findings"][gap]["code"] == "S101"
    assert report["findings"] == [0]  # S005, about the whole report, sits on the title
    assert report["rates"] == [{"line": 7, "place": "第7行", "start": report["rates"][0]["start"], "rate": "办结率98.4%",
                                "status": "ok", "detail": "✓ 121件÷123件＝98.374%"}]
    assert (report["place"], first["place"], first["children"][2]["place"]) == ("第1行", "第5行", "第10行")


def test_each_finding_has_its_place_and_its_words_in_their_line(server):
    _, page = post_json(server, "/api/check", FIXTURE.read_bytes(), name="report.txt")
    shown = {f["code"]: (f["place"], f["places"], f["context"]) for f in page["findings"]}
    assert shown["W001"] == ("第7行第1列", 1, ["", "截止", "目前，全局共办理行政复议案件123件，其…"])
    assert shown["T001"] == ("第11行第27列", 1, ["…培训12次，开展“八五”普法宣传活动20", "__", "场，推进 依法行政。"])


def test_a_finding_for_many_places_highlights_each(server):
    data = MANY_PLACES.read_bytes()
    text = data.decode()
    _, page = post_json(server, "/api/check", data, name="report.txt")
    by_code = {f["code"]: f for f in page["findings"]}
    for code, places, words in (("P008", 5, [","] * 5), ("S107", 5, ["(一)", "(二)", "(三)", "(四)", "(五)"])):
        finding = by_code[code]
        highlighted = [s for s in page["segments"] if finding["id"] in s["ids"]]
        assert finding["places"] == places and [s["t"] for s in highlighted] == words, code
        assert all(text[s["s"]:s["s"] + len(s["t"])] == s["t"] for s in highlighted)
    assert by_code["S005"]["places"] == 1


@pytest.mark.parametrize("encoding, newline, bom", [
    ("utf-8", "\n", b""), ("gb18030", "\r\n", b""), ("utf-8", "\r\n", codecs.BOM_UTF8),
    ("utf-16-le", "\n", codecs.BOM_UTF16_LE)])
def test_safe_fixes_are_the_bytes_check_fix_writes(server, tmp_path, encoding, newline, bom):
    text = FIXTURE.read_text(encoding="utf-8").replace("\n", newline)
    data = bom + text.encode(encoding)
    status, fixed = post_json(server, "/api/fix", data, name="report.txt")
    assert status == 200
    downloaded = base64.b64decode(fixed["data"])
    assert downloaded == cli_fixed_bytes(data, "report.txt", tmp_path)
    assert downloaded != data and downloaded.startswith(bom)
    assert (fixed["fixed"], fixed["edits"], fixed["remaining"]) == (2, 2, 4)
    # The page is drawn again for the fixed file: its text, what `check` finds in it, each change marked.
    after = fixed["check"]
    assert "".join(s["t"] for s in after["segments"]) == text.replace("截止", "截至").replace("36件,", "36件，")
    assert marks(after) == [("del", "止"), ("ins", "至"), ("del", ","), ("ins", "，")]
    (tmp_path / "fixed.txt").write_bytes(downloaded)
    again = json.loads(cli("check", "--isolated", "--format", "json", "fixed.txt", cwd=tmp_path).stdout)
    assert records(after) == [{**record, "path": "report.txt"} for record in again]
    assert len(after["findings"]) == fixed["remaining"]


def test_nothing_to_fix_gives_the_original_bytes(server):
    data = "报告\r\n没有问题的一行。\r\n".encode("gb18030")
    _, fixed = post_json(server, "/api/fix", data, name="a.txt")
    assert base64.b64decode(fixed["data"]) == data and fixed["fixed"] == 0 and marks(fixed["check"]) == []


def test_a_chosen_unsafe_fix_is_applied_with_the_safe_ones(server, tmp_path):
    data = FIXTURE.read_bytes()
    _, page = post_json(server, "/api/check", data, name="report.txt")
    [r002] = [f["id"] for f in page["findings"] if f["code"] == "R002"]
    _, fixed = post_json(server, "/api/fix", data, name="report.txt", unsafe=str(r002))
    # R002 is the only unsafe fix, so choosing it is --unsafe-fixes.
    assert base64.b64decode(fixed["data"]) == cli_fixed_bytes(data, "report.txt", tmp_path, "--unsafe-fixes")
    assert marks(fixed["check"]) == [("del", "止"), ("ins", "至"), ("del", ","), ("ins", "，"), ("del", " ")]
    # A finding without a fix, or an id out of range, changes nothing more.
    _, again = post_json(server, "/api/fix", data, name="report.txt", unsafe="0,999")
    assert (again["fixed"], again["edits"]) == (2, 2)


def test_a_bad_file_gets_the_cli_message(server, tmp_path):
    data = b"ab\x00\x01cd"
    status, answer = post_json(server, "/api/check", data, name="bad.txt")
    (tmp_path / "bad.txt").write_bytes(data)
    cli_error = cli("check", "--isolated", "bad.txt", cwd=tmp_path).stderr.decode().splitlines()[0]
    assert status == 400
    assert answer == {"error": cli_error} == {"error": "lintlaw: bad.txt: 二进制文件，不是文本"}
    status, answer = post_json(server, "/api/check", b"x", name="report.xlsx")
    assert (status, answer) == (400, {"error": "lintlaw: report.xlsx: 不支持的文件类型"
                                               "（可检查 .txt、.md、.docx、.html、.htm、.pdf）"})
    status, answer = post_json(server, "/api/check", b"x", name="report.pdf")
    assert (status, answer) == (400, {"error": "lintlaw: report.pdf: 不是 PDF 文件（开头没有 %PDF 标记），请检查文件类型"})


@pytest.mark.parametrize("before, revisions, expected", [
    ("截止目前", [(0, 2, "截至")], [(1, 2, "止")]),  # the characters that changed, not the word
    ("(一)依法", [(0, 3, "（一）")], [(0, 1, "("), (2, 3, ")")]),
    ("推进 依法", [(2, 3, "")], [(2, 2, " ")]),
    ("甲,乙,丙", [(1, 2, "，"), (3, 4, "，")], [(1, 2, ","), (3, 4, ",")]),
    ("《法》,截止", [(0, 0, "中华人民共和国"), (4, 6, "截至")], [(0, 7, ""), (12, 13, "止")]),  # shifted by the first
    ("甲" * 300, [(0, 300, "乙" * 200)], [(0, 200, "甲" * 300)]),  # too long to compare: one replacement
])
def test_fix_marks_are_the_changed_characters_in_the_fixed_text(before, revisions, expected):
    from lintlaw.engine.revisions import Revision
    from lintlaw.serve.analysis import fix_marks

    assert fix_marks(before, [Revision(*r) for r in revisions]) == expected


def test_segments_mark_deletions_where_nothing_else_cuts_the_text():
    from lintlaw.serve.analysis import segments

    shown = segments("推进依法行政。", [[(4, 6)]], [(2, 2, " "), (6, 6, "，"), (6, 6, "。")])
    assert shown == [{"s": 0, "t": "推进", "ids": []}, {"s": 2, "t": "", "ids": [], "del": " "},
                     {"s": 2, "t": "依法", "ids": []}, {"s": 4, "t": "行政", "ids": [0]},
                     {"s": 6, "t": "", "ids": [], "del": "，。"}, {"s": 6, "t": "。", "ids": []}]


def test_a_word_documents_fixes_are_its_reviewed_copy(server, tmp_path):
    # What `check --fix` writes for a Word document: report.lintlaw.docx, each fix a tracked change.
    from tests.word_helpers import drafted, resolved, text_of, undated_parts

    data = drafted(tmp_path / "report.docx").read_bytes()
    status, page = post_json(server, "/api/check", data, name="report.docx")
    assert status == 200 and page["encoding"] == "docx" and (page["editable"], page["revisable"]) == (False, True)
    expected = json.loads(cli("check", "--isolated", "--format", "json", "report.docx", cwd=tmp_path).stdout)
    assert records(page) == expected
    status, fixed = post_json(server, "/api/fix", data, name="report.docx")
    assert status == 200 and fixed["name"] == "report.lintlaw.docx"
    (tmp_path / "served.docx").write_bytes(base64.b64decode(fixed["data"]))
    run = cli("check", "--isolated", "--fix", "--format", "json", "report.docx", cwd=tmp_path)
    assert undated_parts(tmp_path / "served.docx") == undated_parts(tmp_path / "report.lintlaw.docx")
    # The page then shows the text accepting every change gives, and the findings `check --fix` leaves.
    after = fixed["check"]
    accepted = text_of(resolved(tmp_path / "served.docx", accept=True))
    assert "".join(s["t"] for s in after["segments"]) == accepted
    assert records(after) == json.loads(run.stdout) and len(after["findings"]) == fixed["remaining"]
    assert ("del", "止") in marks(after) and ("ins", "至") in marks(after)
    summary = cli("check", "--isolated", "--fix", "report.docx", cwd=tmp_path).stdout.decode().splitlines()[-1]
    assert summary.startswith(f"已把 {fixed['fixed']} 个问题的修复作为修订写入审阅副本（{fixed['edits']} 处修订）。"
                              f"剩余 {fixed['remaining']} 个问题")


def test_a_word_documents_unsafe_fixes_go_into_its_copy_all_together(server, tmp_path):
    # unsafe=all is `check --fix --unsafe-fixes`: W010's 不断的提高 → 不断地提高 one more tracked change.
    from tests.word_helpers import drafted, tracked, undated_parts

    data = drafted(tmp_path / "report.docx").read_bytes()
    status, fixed = post_json(server, "/api/fix", data, name="report.docx", unsafe="all")
    assert status == 200
    (tmp_path / "served.docx").write_bytes(base64.b64decode(fixed["data"]))
    cli("check", "--isolated", "--fix", "--unsafe-fixes", "report.docx", cwd=tmp_path)
    assert undated_parts(tmp_path / "served.docx") == undated_parts(tmp_path / "report.lintlaw.docx")
    changes = [(kind, text) for kind, _author, _date, text in tracked(tmp_path / "served.docx")]
    assert ("del", "不断的") in changes and ("ins", "不断地") in changes
    assert ("del", "的") in marks(fixed["check"]) and "不断地提高" in "".join(s["t"] for s in fixed["check"]["segments"])
    # Without it, the same copy as `check --fix`: 不断的 stays.
    _, safe = post_json(server, "/api/fix", data, name="report.docx")
    assert safe["fixed"] == fixed["fixed"] - 1 and ("del", "的") not in marks(safe["check"])


def test_word_positions_are_paragraphs_under_their_heading(server, tmp_path):
    import docx

    document = docx.Document()
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "report.docx")
    _, page = post_json(server, "/api/check", (tmp_path / "report.docx").read_bytes(), name="report.docx")
    places = {f["code"]: f["place"] for f in page["findings"]}
    concise = cli("check", "--isolated", "--format", "concise", "report.docx", cwd=tmp_path).stdout.decode()
    assert places["W001"] == "第7段第1字（“（一）依法全面履行政府职能”下）"
    assert f"report.docx:{places['W001']}: W001 " in concise  # as the text formats say it
    assert places["S101"] == "第10段第1字（标题“（四）严格规范公正文明执法”）"
    [report] = page["reports"]
    assert (report["place"], report["rates"][0]["place"]) == ("第1段", "第7段")


def test_web_pages_and_pdfs_are_not_fixed(server, tmp_path):
    page = "<html><body><p>截止目前，全局共办理案件12件。</p></body></html>"
    status, answer = post_json(server, "/api/fix", page.encode(), name="report.html")
    assert (status, answer) == (400, {"error": "lintlaw: report.html: 网页不能自动修复，只报告问题"})


def test_rule_explanation_and_authority(server):
    status, body = request(server, "GET", "/api/rule", code="S101")
    rule = json.loads(body)
    assert status == 200 and rule["code"] == "S101" and rule["name"] == "numbering-gap"
    assert rule["explanation"].startswith("同一层级的标题应按顺序连续编号") and rule["authority"].startswith("GB/T")
    status, body = request(server, "GET", "/api/rule", code="Y999")
    assert (status, json.loads(body)) == (404, {"error": "没有代码或名称为“Y999”的规则"})


def test_wrong_or_missing_token_is_refused(server):
    for token in ("wrong", "", server.token[:-1]):
        status, body = request(server, "POST", "/api/check", b"x", name="a.txt", token=token)
        assert (status, json.loads(body)) == (403, {"error": "口令不对：请使用 lintlaw serve 启动时显示的地址"})
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    connection.request("GET", "/api/rule?code=S101")
    assert connection.getresponse().status == 403


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "127.0.0.1",
                                  "[::1]:{port}"])
def test_a_foreign_host_header_is_refused(server, host):
    # DNS rebinding: a site whose name now points at 127.0.0.1 sends its own name as Host.
    for path in ("/", "/api/rule"):
        status, body = request(server, "GET", path, host=host.format(port=server.port), code="S101")
        assert (status, json.loads(body)) == (421, {"error": "请求的主机名不是本机地址，已拒绝"})
    for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}"):
        assert request(server, "GET", "/api/rule", host=host, code="S101")[0] == 200


def test_an_oversize_upload_is_refused_before_its_body_is_read(server):
    # Only the headers are sent: the answer must come without waiting for 20 MB.
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
        connection.sendall((f"POST /api/check?token={server.token}&name=big.txt HTTP/1.1\r\n"
                            f"Host: 127.0.0.1:{server.port}\r\n"
                            f"Content-Length: {20 * 1024 * 1024 + 1}\r\n\r\n").encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, body = answer.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 413 ")
    assert json.loads(body) == {"error": "lintlaw: big.txt: 文件太大（20.0 MB），上限是 20 MB"}


def test_exactly_the_limit_is_accepted(server):
    from lintlaw.serve.app import MAX_UPLOAD

    data = "报告。".encode() + b" " * (MAX_UPLOAD - 9)  # spaces: quick to check
    status, body = request(server, "POST", "/api/check", data, name="big.txt")
    assert len(data) == MAX_UPLOAD and status == 200
    assert "".join(s["t"] for s in json.loads(body)["segments"]) == data.decode()


def test_the_page_and_its_assets_ship_in_the_package(server):
    for path, kind in (("/", "text/html"), ("/app.js", "text/javascript"), ("/style.css", "text/css")):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode()
        assert response.status == 200 and response.headers["Content-Type"].startswith(kind)
        assert "http://" not in body and "https://" not in body  # nothing from a CDN: works offline
        assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_the_server_listens_on_loopback_only(server):
    assert server.server_address[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.port}/?token={server.token}"


def test_serve_command_prints_the_address_and_stops_on_ctrl_c(tmp_path):
    process = subprocess.Popen([*LINTLAW, "serve", "--isolated"], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        first = process.stdout.readline()
        assert first.startswith("lintlaw 检查页面：http://127.0.0.1:")
        url = urllib.parse.urlsplit(first.split("：", 1)[1].strip())
        token = urllib.parse.parse_qs(url.query)["token"][0]
        assert len(token) >= 32
        connection = http.client.HTTPConnection("127.0.0.1", url.port, timeout=30)
        connection.request("GET", f"/api/rule?token={token}&code=W001")
        assert json.loads(connection.getresponse().read())["code"] == "W001"
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        process.stdout.close()
        assert process.stderr.read() == ""
        process.stderr.close()


def test_serve_reports_a_port_in_use(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", "--isolated", "--port", str(port), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode() == f"lintlaw: 无法在 127.0.0.1:{port} 上启动（端口已被占用）\n"


def test_check_does_not_import_the_server(tmp_path):
    (tmp_path / "a.txt").write_text("报告\n正文。\n", encoding="utf-8")
    code = ("import sys\nfrom lintlaw.cli import main\nsys.argv = ['lintlaw', 'check', 'a.txt']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "loaded = [m for m in sys.modules if m.startswith(('lintlaw.serve', 'http.server'))]\n"
            "print(sorted(loaded), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert result.stderr.splitlines()[-1] == "[]"


def test_open_hands_the_address_to_the_browser(tmp_path):
    # The "browser" writes the address it was given to a FIFO, which the test reads: it
    # returns once the browser has written and closed it.
    opened = tmp_path / "opened"
    os.mkfifo(opened)
    opener = tmp_path / "browser.sh"
    opener.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    opener.chmod(0o755)
    process = subprocess.Popen([*LINTLAW, "serve", "--isolated", "--open"], cwd=tmp_path, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env={**os.environ, "BROWSER": str(opener)})
    try:
        url = process.stdout.readline().split("：", 1)[1].strip()
        process.stdout.readline()
        assert read_fifo(opened, "the browser to be started").decode() == url + "\n"
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        process.stdout.close()


def corpus_files():
    from tests.helpers import CORPUS

    if not CORPUS.is_dir():
        return []
    return sorted(p for p in [*CORPUS.glob("*.txt"), *(CORPUS / "web").iterdir()]
                  if p.suffix in (".txt", ".html", ".md") and p.name != "README.md")


@pytest.mark.skipif(not corpus_files(), reason="../shared/corpus not present")
def test_the_page_shows_what_check_shows_on_the_whole_corpus(server):
    # One `check` run over the corpus (read in place), then the page's answer file by file.
    files = corpus_files()
    by_directory = {}
    for path in files:
        by_directory.setdefault(path.parent, []).append(path.name)
    expected = {}
    for directory, names in by_directory.items():
        run = cli("check", "--isolated", "--format", "json", *names, cwd=directory)
        for record in json.loads(run.stdout):
            expected.setdefault((directory, record["path"]), []).append(record)
    for path in files:
        _, page = post_json(server, "/api/check", path.read_bytes(), name=path.name)
        shown = records(page)
        assert shown == expected.get((path.parent, path.name), []), path.name
        assert sorted({i for s in page["segments"] for i in s["ids"]}) == list(range(len(shown))), path.name


def test_concurrent_requests_give_the_same_answer(server):
    from concurrent.futures import ThreadPoolExecutor

    data = FIXTURE.read_bytes()
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: post_json(server, "/api/check", data, name="report.txt"),
                                range(16)))
    assert all(answer == answers[0] for answer in answers) and answers[0][0] == 200


def test_the_annotated_word_document(server, tmp_path):
    import docx

    document = docx.Document()
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "report.docx")
    data = (tmp_path / "report.docx").read_bytes()
    status, body = request(server, "POST", "/api/annotate", data, name="report.docx")
    assert status == 200
    annotated = tmp_path / "annotated.docx"
    annotated.write_bytes(body)
    cli("check", "--isolated", "--annotate", "expected.docx", "report.docx", cwd=tmp_path)
    comments = [c.text for c in docx.Document(str(annotated)).comments]
    assert comments == [c.text for c in docx.Document(str(tmp_path / "expected.docx")).comments]
    assert len(comments) == 14  # 6 on the text, 8 on the layout of python-docx's default document (L0xx)


def test_the_annotated_pdf(server, tmp_path):
    pytest.importorskip("reportlab")
    import pdfplumber
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(tmp_path / "report.pdf"))
    page.setFont("STSong-Light", 16)
    for row, line in enumerate(["青山县2024年法治政府建设情况报告", "截止目前，全县办理案件35件。"]):
        page.drawString(72, 760 - 30 * row, line)
    page.save()
    data = (tmp_path / "report.pdf").read_bytes()
    status, body = request(server, "POST", "/api/annotate", data, name="report.pdf")
    assert status == 200
    (tmp_path / "annotated.pdf").write_bytes(body)
    cli("check", "--isolated", "--annotate", "expected.pdf", "report.pdf", cwd=tmp_path)

    def notes(path):
        with pdfplumber.open(path) as pdf:
            return [(a["data"]["Subtype"].name, a["contents"], round(a["x0"]), round(a["top"]))
                    for p in pdf.pages for a in p.annots]
    found = notes(tmp_path / "annotated.pdf")
    assert found == notes(tmp_path / "expected.pdf")
    assert ("Highlight", "表示“到某时为止”应写“截至”，不是“截止”（W001，警告）\n"
            "依据：《现代汉语词典》（第7版）“截止”“截至”条；国家语言文字工作委员会等关于常见易混词语的规范用法\n"
            "建议把“截止”改为“截至”", 72, 100) in found


def test_only_word_documents_and_pdfs_are_annotated(server):
    status, body = request(server, "POST", "/api/annotate", FIXTURE.read_bytes(), name="report.txt")
    assert (status, json.loads(body)) == (400, {"error": "只有 Word 文档（.docx）和 PDF 文件可以生成批注版"})


def test_web_pages_are_checked_with_the_page_lines(server, tmp_path):
    page = ("<html><head><title>x</title></head>\n<body>\n<div class=\"article\">\n"
            + "\n".join(f"<p>{line}</p>" for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line)
            + "\n</div>\n</body></html>\n")
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    status, shown = post_json(server, "/api/check", page.encode(), name="report.html")
    expected = json.loads(cli("check", "--isolated", "--format", "json", "report.html", cwd=tmp_path).stdout)
    assert status == 200 and shown["editable"] is False
    assert records(shown) == expected
    assert len(expected) >= 5


def test_mojibake_is_not_fixed(server):
    data = "报告\n截止目前办理锟斤拷件。\n".encode()
    status, answer = post_json(server, "/api/fix", data, name="m.txt")
    assert (status, answer) == (400, {"error": "lintlaw: m.txt: 有乱码（R003），文件编码可能识别错了，不自动修复；"
                                               "确认编码后用 --encoding 指定"})


@pytest.mark.parametrize("length", ["-5", "abc", None])
def test_a_missing_or_bad_length_is_refused(server, length):
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
        header = f"Content-Length: {length}\r\n" if length is not None else ""
        connection.sendall((f"POST /api/check?token={server.token}&name=a.txt HTTP/1.1\r\n"
                            f"Host: 127.0.0.1:{server.port}\r\n{header}\r\n").encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, body = answer.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 411 ") and json.loads(body) == {"error": "缺少有效的 Content-Length"}


def test_a_bug_is_one_line_not_a_dropped_connection(server, monkeypatch):
    from lintlaw.serve import analysis

    def broken(source, plan):
        raise ValueError("boom\nsecond line")

    monkeypatch.setattr(analysis, "check", broken)
    status, answer = post_json(server, "/api/check", b"x", name="a.txt")
    assert (status, answer) == (500, {"error": "lintlaw: 内部错误：ValueError: boom\\x0asecond line（请报告此问题）"})


def test_a_page_ending_in_page_chrome_is_checked(server, tmp_path):
    # R001's fix on the last line ends at the end of the text (issue 20 C1: it was a 500).
    from tests.test_formats import CHROME_LAST

    (tmp_path / "page.html").write_text(CHROME_LAST, encoding="utf-8")
    status, shown = post_json(server, "/api/check", CHROME_LAST.encode(), name="page.html")
    assert status == 200
    expected = json.loads(cli("check", "--isolated", "--format", "json", "page.html", cwd=tmp_path).stdout)
    assert records(shown) == expected
    assert [f["code"] for f in expected if f["code"] == "R001"] == ["R001"]


def _stalled_upload(server, reset=False):
    """A connection that sends the head of an upload and a little of its body, then nothing
    more (or, with reset, hangs up abruptly)."""
    connection = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    connection.sendall((f"POST /api/check?token={server.token}&name=a.txt HTTP/1.1\r\n"
                        f"Host: 127.0.0.1:{server.port}\r\nContent-Length: 100000\r\n\r\n").encode() + "截止".encode())
    if reset:  # RST instead of FIN
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        connection.close()
    return connection


def test_stalled_uploads_hold_a_few_threads_and_are_dropped_quietly(monkeypatch, capfd):
    # Issue 20 S1/S2: 200 stalled uploads held 400 threads and printed 200 tracebacks.
    import threading

    from lintlaw.serve import app

    monkeypatch.setattr(app.Handler, "timeout", 0.5)
    before = threading.active_count()
    with running_server() as server:
        stalled = [_stalled_upload(server) for _ in range(3 * app.WORKERS)]
        for _ in range(app.WORKERS):
            _stalled_upload(server, reset=True)
        status, answer = post_json(server, "/api/check", "截止目前，已完成。\n".encode(), name="a.txt")
        assert status == 200 and answer["findings"][0]["code"] == "W001"  # served once its turn came
        assert threading.active_count() <= before + app.WORKERS + 1  # and the thread serving forever
        for connection in stalled:  # each silent client was hung up on, without an answer
            assert connection.recv(1) == b""
            connection.close()
    assert capfd.readouterr().err == ""


def test_open_without_a_browser_says_so(tmp_path):
    process = subprocess.Popen([*LINTLAW, "serve", "--isolated", "--open"], cwd=tmp_path, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "BROWSER": str(tmp_path / "no-such-browser")})
    import threading

    silent = threading.Timer(60, process.kill)  # a server that says nothing is ended, not waited on
    silent.start()
    try:
        assert process.stdout.readline().startswith("lintlaw 检查页面：http://127.0.0.1:")
        assert process.stderr.readline() == "lintlaw: 无法打开浏览器，请把上面的地址复制到浏览器中打开\n"
    finally:
        silent.cancel()
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == 0
