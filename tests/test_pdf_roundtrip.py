"""Word to PDF and back: the report of tests/table_helpers.py written as .docx (its tables in
the "Table Grid" style, so that every border is drawn), exported to PDF by LibreOffice, then
checked. The PDF gives exactly the findings the .docx gives, but for those on the Word file's
own layout (its fonts and margins, which python-docx leaves at Word's defaults): none for the
correct report, and for one wrong cell (or one sentence against the tables) the same codes
and messages.

LibreOffice lays the tables out as a publisher's export would: the 申请 table runs over three
pages, rows whose labels wrap break across pages, merged labels go on as empty cells."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from lintlaw.engine.linter import lint
from lintlaw.engine.ruleset import load_rules
from lintlaw.io.readers import read

from .table_helpers import ACTIVE_2019, OVERVIEW, build_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
RULES = load_rules()

REQUESTS_SENTENCE = "全年共收到政府信息公开申请26件，均在法定期限内答复。"


def _overview(sentence: str) -> list[str]:
    return [sentence if line == REQUESTS_SENTENCE else line for line in OVERVIEW]


# Each case: one wrong cell (or one sentence the tables contradict), the code it must fire.
CASES = {
    "correct": ({}, None),
    "T201": ({"numbers": {"carried-over": "3 0 0 0 0 0 3"}}, "T201"),
    "T202": ({"numbers": {"results-total": "19 2 0 0 1 0 22"}}, "T202"),
    "T203": ({"numbers": {"new": "21 3 0 1 2 0 26"}}, "T203"),
    "T204": ({"review": "1 0 0 1 3 0 1 0 0 1 0 0 0 0 0"}, "T204"),
    "T205": ({"numbers": {"refused-query": "0 0 0 0 0 0 0.5"}}, "T205"),
    "T206": ({"numbers": {"published": "8 _ 0 0 1 0 9"}}, "T206"),
    "T207": ({"active": ACTIVE_2019}, "T207"),
    "T208": ({"overview": _overview("全年共收到政府信息公开申请27件，均在法定期限内答复。")}, "T208"),
    "T209": ({"overview": _overview("全年共收到政府信息公开申请26件，办结24件。")}, "T209"),
    "T210": ({"overview": [*OVERVIEW, "本年度因政府信息公开工作被申请行政复议3件。"]}, "T210"),
    "T211": ({"overview": [*OVERVIEW, "本年度因政府信息公开工作被提起行政诉讼2件。"]}, "T211"),
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Each case as .docx and as the PDF LibreOffice made of it (one LibreOffice run for all)."""
    folder = tmp_path_factory.mktemp("roundtrip")
    documents = []
    for name, (options, _code) in CASES.items():
        path = folder / f"{name}.docx"
        build_docx(path, style="Table Grid", **options)
        documents.append(str(path))
    profile = folder / "profile"  # a private profile: no clash with another LibreOffice running
    converted = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *documents], capture_output=True, text=True, timeout=600, check=False)
    assert converted.returncode == 0, converted.stderr
    return folder


def findings(path) -> list[tuple[str, str]]:
    source = read(str(path))
    return [(d.code, d.message) for d in lint(source, RULES) if d.category != "layout"]


def test_the_correct_report_as_pdf_gives_no_finding_at_all(exported):
    assert findings(exported / "correct.docx") == []
    assert lint(read(str(exported / "correct.pdf")), RULES) == []


@pytest.mark.parametrize("case", [name for name in CASES if name != "correct"])
def test_each_relation_fires_on_the_pdf_with_the_docx_s_message(case, exported):
    code = CASES[case][1]
    expected = findings(exported / f"{case}.docx")
    assert code in [found for found, _ in expected]
    assert findings(exported / f"{case}.pdf") == expected


def test_libreoffice_cut_the_requests_table_over_pages_and_the_pdf_reads_it_whole(exported):
    # What the cases rest on: the 申请 table of the PDF is one grid of the .docx's cells, though
    # LibreOffice spread it over pages and broke rows whose labels wrap.
    word, pdf = read(str(exported / "correct.docx")), read(str(exported / "correct.pdf"))
    assert len({pdf.layout.cells[cell.line][0] for cell in pdf.grids[1].cells}) >= 2  # pages it stands on
    assert [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in pdf.grids[1].cells] == [
        (c.row, c.col, c.rowspan, c.colspan, c.text) for c in word.grids[1].cells]
