"""PDF as input to every command: bad PDFs get one line naming the file (exit 2), never a
traceback, in bounded time and memory; scanned pages are named; --fix leaves a PDF alone;
directories, standard input and `lintlaw serve` take PDFs; a text check loads no PDF code."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from lintlaw.cli import app

from .helpers import check_in_new_process, modules_after_check
from .pdf_helpers import Pdf, raw_pdf, stream

runner = CliRunner()
TITLE = "青山县司法局2024年度法治政府建设情况报告"
BODY = "全年共办理行政复议案件52件，办结率达到96.15%，比上年提高3个百分点。"


def report(pdf: Pdf | None = None) -> Pdf:
    pdf = pdf or Pdf(numbers="- {n} -")
    pdf.title(TITLE)
    pdf.line("一、主要举措和成效")
    pdf.paragraph(BODY + "截止目前，各项工作有序推进。")
    return pdf


def scanned_page(pdf: Pdf) -> None:
    pdf.image(0, 0, pdf.width, pdf.height)


def encrypted(data: bytes, password: str) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bomb() -> bytes:
    """One page whose content stream is 100 MB of spaces, compressed to about 100 KB. (Spaces
    rather than zeros, which pdfminer would give up on as one huge number; read, the stream
    takes the process to about 250 MB.)"""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                    stream(b" " * (100 * 2**20))])


def only_scanned() -> bytes:
    pdf = Pdf()
    scanned_page(pdf)
    pdf.new_page()
    scanned_page(pdf)
    return pdf.save()


GOOD = report().save()
BAD = {  # file name → (its bytes, the line on standard error after "lintlaw: NAME: ")
    "text.pdf": (f"{TITLE}\n一、主要举措和成效\n".encode(), "不是 PDF 文件（开头没有 %PDF 标记），请检查文件类型"),
    "empty.pdf": (b"", "文件是空的"),
    "truncated.pdf": (GOOD[:len(GOOD) // 2], "PDF 文件已损坏，无法读取（文件结构不完整或有错误）"),
    "header-only.pdf": (b"%PDF-1.7\n", "PDF 文件已损坏，无法读取（文件结构不完整或有错误）"),
    "encrypted.pdf": (encrypted(GOOD, "secret"),
                      "PDF 已加密（设有打开密码或不支持的加密方式），无法读取；请提供未加密的文件"),
    "bomb.pdf": (zip_bomb(), "PDF 中的压缩数据展开后过大（超过 32 MB，可能是恶意构造的文件），不读取"),
    "scanned.pdf": (only_scanned(), "第1、2页没有文字层（可能是扫描件），需先做文字识别"),
}


@pytest.mark.parametrize("name", BAD)
def test_a_bad_pdf_gets_one_line_naming_it_and_exit_2(name, tmp_path):
    data, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, ["check", "--format", "concise", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"lintlaw: {path}: {message}"]
    assert result.stdout.splitlines() == ["1 个文件无法读取，未检查（见上方的错误信息）。"]
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_bad_pdfs_together_in_a_process_each_get_their_line_and_no_traceback(tmp_path):
    for name, (data, _message) in BAD.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.pdf").write_bytes(GOOD)
    run = subprocess.run([sys.executable, "-m", "lintlaw", "check", "--format", "concise", "--select", "W001", "."],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert sorted(run.stderr.splitlines()) == sorted(f"lintlaw: {name}: {message}" for name, (_, message) in BAD.items())
    assert run.stdout.splitlines() == ["good.pdf:第1页第4行: W001 表示“到某时为止”应写“截至”，不是“截止”",
                                       "7 个文件无法读取，未检查（见上方的错误信息）。"
                                       "发现 1 个问题（错误 0，警告 1，提示 0），检查了 1 个文件。"]


def peak_memory_of_check(path) -> tuple[int, str]:
    """The peak resident memory (KiB) of a new process running `lintlaw check path`, and its
    standard error. VmHWM is the peak of the process's own address space (getrusage's maxrss
    would count the test process it was forked from)."""
    peak, errors = check_in_new_process(
        path, "print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1), file=sys.stderr)")
    return int(peak), errors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the peak memory from /proc")
def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(zip_bomb())
    assert path.stat().st_size < 120_000
    peak, stderr = peak_memory_of_check(path)
    assert stderr == f"lintlaw: {path}: {BAD['bomb.pdf'][1]}"
    assert peak < 120 * 1024  # KiB: less than the stream alone would take


def test_a_pdf_with_some_scanned_pages_is_checked_and_the_pages_are_named(tmp_path):
    pdf = report()
    pdf.new_page()
    scanned_page(pdf)
    pdf.new_page()
    pdf.line("二、存在的不足和原因")
    pdf.paragraph("基层执法力量不足，执法人员的专业化水平有待提高。")
    pdf.new_page()
    scanned_page(pdf)
    path = tmp_path / "r.pdf"
    pdf.save(path)
    result = runner.invoke(app, ["check", "--format", "concise", "--select", "W001,S104", str(path)])
    assert result.stderr.splitlines() == [f"lintlaw: {path}: 第2、4页没有文字层（可能是扫描件），未检查，需先做文字识别"]
    assert result.stdout.splitlines() == [f"{path}:第1页第4行: W001 表示“到某时为止”应写“截至”，不是“截止”",
                                          "发现 1 个问题（错误 0，警告 1，提示 0），检查了 1 个文件。"]
    assert result.exit_code == 0


def test_a_pdf_locked_for_editing_only_opens_with_no_password_and_is_checked(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(encrypted(GOOD, ""))
    result = runner.invoke(app, ["check", "--format", "concise", "--select", "W001", str(path)])
    assert result.stdout.splitlines()[0] == f"{path}:第1页第4行: W001 表示“到某时为止”应写“截至”，不是“截止”"


@pytest.mark.parametrize("options", [["--fix"], ["--fix", "--unsafe-fixes"], ["--diff"]])
def test_fix_on_a_pdf_is_refused_with_a_note_and_the_file_is_untouched(options, tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(GOOD)
    result = runner.invoke(app, ["check", "--format", "concise", *options, str(path)])
    note = f"lintlaw: {path}: PDF 文件不能自动修复，只报告问题（请在原文档中修改；--annotate 可写出带批注的 PDF 副本）"
    if options == ["--diff"]:  # no diff; the count of what would change goes to standard error
        assert result.stdout == ""
        assert result.stderr.splitlines() == [note, "0 个问题可以自动修复（0 处改动），涉及 0 个文件。"]
    else:
        assert result.stderr.splitlines() == [note]
        assert result.stdout.splitlines()[-1] == "剩余 5 个问题（错误 0，警告 4，提示 1），检查了 1 个文件。"
    assert result.exit_code == 0
    assert path.read_bytes() == GOOD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]  # no temporary file left


def test_a_directory_search_finds_pdfs(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.pdf").write_bytes(GOOD)
    (tmp_path / "reports" / "notes.xlsx").write_bytes(b"x")
    result = runner.invoke(app, ["check", "--format", "concise", "--select", "W001", str(tmp_path / "reports")])
    assert result.stdout.splitlines() == [f"{tmp_path / 'reports' / 'r.pdf'}:第1页第4行: W001 表示“到某时为止”应写“截至”，不是“截止”",
                                          "发现 1 个问题（错误 0，警告 1，提示 0），检查了 1 个文件。"]


def test_standard_input_named_pdf_is_read_as_a_pdf(tmp_path):
    run = subprocess.run([sys.executable, "-m", "lintlaw", "check", "--format", "json", "--select", "W001",
                          "--stdin-filename", "x.pdf", "-"], input=GOOD, capture_output=True, timeout=60, check=False)
    [finding] = json.loads(run.stdout)
    assert (finding["path"], finding["code"], finding["page"], finding["page_line"]) == ("x.pdf", "W001", 1, 4)
    assert run.stderr == b""



@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "compressed"])
def test_a_pdf_without_a_pdf_name_is_named_as_a_pdf_not_read_as_text(compressed, tmp_path):
    # Standard input without --stdin-filename, or a file named .txt, holding a PDF: its streams
    # plain (no byte of it says binary) or compressed.
    data = encrypted(GOOD, "") if compressed else GOOD
    assert (b"\x00" in data) is compressed
    hint = "是 PDF 文件，不是文本；请用 .pdf 文件名检查（从标准输入读取时加 --stdin-filename 文件名.pdf）"
    unnamed = subprocess.run([sys.executable, "-m", "lintlaw", "check", "-"], input=data, capture_output=True,
                             timeout=60, check=False)
    assert (unnamed.returncode, unnamed.stderr.decode()) == (2, f"lintlaw: -: {hint}\n")
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    result = runner.invoke(app, ["check", str(path)])
    assert (result.exit_code, result.stderr) == (2, f"lintlaw: {path}: {hint}\n")


def test_serve_checks_a_pdf_as_check_does(tmp_path):
    from .serve_helpers import cli, running_server
    from .test_serve import post_json, records

    (tmp_path / "r.pdf").write_bytes(GOOD)
    expected = json.loads(cli("check", "--isolated", "--format", "json", "r.pdf", cwd=tmp_path).stdout)
    with running_server() as server:
        status, page = post_json(server, "/api/check", GOOD, name="r.pdf")
        assert status == 200 and page["editable"] is False
        assert records(page) == expected
        assert [f["code"] for f in expected] == ["S002", "S003", "S004", "S005", "W001"]
        assert page["findings"][0]["place"] == "第1页第1行"  # as the text formats say it for a PDF
        status, answer = post_json(server, "/api/check", BAD["encrypted.pdf"][0], name="r.pdf")
        assert (status, answer) == (400, {"error": f"lintlaw: r.pdf: {BAD['encrypted.pdf'][1]}"})


def test_a_text_check_loads_no_pdf_code(tmp_path):
    text = tmp_path / "r.txt"
    text.write_text(f"{TITLE}\n一、主要举措和成效\n{BODY}\n", encoding="utf-8")
    loaded = modules_after_check(text)
    assert not {name for name in loaded if name.split(".")[0] in ("pdfplumber", "pdfminer", "pypdfium2")}
    assert "lintlaw.io.readers.pdf" not in loaded
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(GOOD)
    assert {"pdfplumber", "lintlaw.io.readers.pdf"} <= modules_after_check(pdf)  # the probe sees them when used
