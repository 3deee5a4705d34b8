"""The reviewed copy as an independent reader sees it: LibreOffice, through its UNO API,
accepts or rejects every tracked change (its own 全部接受 / 全部拒绝), and reads the text and
the comments. Accepting gives the text `lintlaw check --fix` gives for the same text,
rejecting gives the original, and a copy LibreOffice saved is reviewed again without
doubling lintlaw's remarks.

Needs LibreOffice (soffice) and a Python with its UNO bridge (Debian: python3-uno, for the
system python3); skipped with the reason when either is missing.
"""

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from lintlaw.io.readers.docx_reader import read_docx

from .test_annotate import comments
from .test_cli import run
from .test_review import _numbered_report, _with_others_remarks, _with_page_debris, fixed_as_text
from .word_helpers import changes, drafted

pytestmark = pytest.mark.slow  # LibreOffice


TOOL = Path(__file__).parent / "tools" / "libreoffice_revisions.py"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _uno_python() -> str | None:
    """A Python that can import LibreOffice's uno module (the system one, on Debian)."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and Path(candidate).exists():
            probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=60, check=False)
            if probe.returncode == 0:
                return candidate
    return None


class LibreOffice:
    """The helper process (tests/tools/libreoffice_revisions.py): one request, one answer."""

    def __init__(self, python: str):
        self.process = subprocess.Popen([python, str(TOOL), SOFFICE], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, encoding="utf-8")
        ready = self.process.stdout.readline()  # the office has started and answers
        assert json.loads(ready) == {"ready": True}, ready

    def ask(self, path, action: str, save=None) -> dict:
        request = {"path": str(Path(path).resolve()), "action": action}
        if save is not None:
            request["save"] = str(Path(save).resolve())
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        assert "error" not in answer, answer
        return answer

    def text(self, path, action: str) -> str:
        return "".join(line + "\n" for line in self.ask(path, action)["lines"])

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=120)


@pytest.fixture(scope="module")
def office():
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    python = _uno_python()
    if python is None:
        pytest.skip("no Python with LibreOffice's uno module (Debian: apt-get install python3-uno)")
    helper = LibreOffice(python)
    yield helper
    helper.close()


def test_accepting_in_libreoffice_gives_what_check_fix_gives(office, tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", "--unsafe-fixes", str(path))
    copy = tmp_path / "report.lintlaw.docx"
    seen = office.ask(copy, "none")
    assert seen["changes"] == 2 * len(changes(copy))  # each change a deletion and an insertion
    assert [author for author, _text in seen["comments"]] == ["lintlaw"] * len(comments(copy))
    assert office.text(copy, "accept") == fixed_as_text(tmp_path, read_docx(path).text, "--unsafe-fixes")
    assert office.text(copy, "reject") == read_docx(path).text


def test_libreoffice_sees_the_highlights_as_changes_and_rejects_them(office, tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--annotate", str(path))
    copy = tmp_path / "report.lintlaw.docx"
    assert office.ask(copy, "none")["changes"] == 5  # P008's five places, each a formatting change
    assert office.text(copy, "reject") == office.text(copy, "accept") == read_docx(path).text


def test_word_numbering_stays_numbering(office, tmp_path):
    path = _numbered_report(tmp_path / "r.docx")
    run("check", "--isolated", "--ignore", "layout", "--select", "S107,W001,P009", "--fix", str(path))
    accepted = office.text(tmp_path / "r.lintlaw.docx", "accept").split("\n")
    assert accepted[3] == "1、规范行政审批，截至目前已办结。"  # LibreOffice draws the number; the text is fixed


def test_other_peoples_changes_are_accepted_and_rejected_with_lintlaws(office, tmp_path):
    path = _with_others_remarks(tmp_path / "r.docx")
    run("check", "--isolated", "--ignore", "layout", "--select", "W001", "--fix", str(path))
    copy = tmp_path / "r.lintlaw.docx"
    assert sorted(author for author, _text in office.ask(copy, "none")["comments"]) == ["lintlaw", "lintlaw", "张三"]
    assert office.text(copy, "accept") == (
        "青山县教育局2024年度法治政府建设情况报告\n全年截至目前，另截止年底已办结。\n依法行政水平不断提高。\n")
    assert office.text(copy, "reject") == office.text(path, "reject")


def test_deleted_paragraphs_and_joined_ones(office, tmp_path):
    path = _with_page_debris(tmp_path / "r.docx")
    run("check", "--isolated", "--ignore", "layout", "--select", "R001,R005", "--fix", "--unsafe-fixes", str(path))
    copy = tmp_path / "r.lintlaw.docx"
    expected = fixed_as_text(tmp_path, read_docx(path).text, "--select", "R001,R005", "--unsafe-fixes")
    assert office.text(copy, "accept") == expected
    assert office.text(copy, "reject") == read_docx(path).text


def test_a_copy_libreoffice_saved_is_reviewed_again_without_doubling(office, tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    copy = tmp_path / "report.lintlaw.docx"
    # A drafter opens the copy, adds a comment of their own, and saves it in LibreOffice.
    document = docx.Document(copy)
    document.add_comment(document.paragraphs[-1].runs, "已核", author="李四", initials="LS")
    document.save(tmp_path / "commented.docx")
    office.ask(tmp_path / "commented.docx", "none", save=tmp_path / "saved.docx")
    assert read_docx(tmp_path / "saved.docx").text == read_docx(path).text  # lintlaw's changes read as rejected
    run("check", "--isolated", "--ignore", "layout", "--fix", str(tmp_path / "saved.docx"))
    again = tmp_path / "saved.lintlaw.docx"
    authors = [author for author, _text in office.ask(again, "none")["comments"]]
    assert authors.count("lintlaw") == len([c for c in comments(copy)]) and authors.count("李四") == 1
    assert office.text(again, "accept") == office.text(copy, "accept")


def test_libreoffice_sees_a_layout_fix_as_formatting_changes(office, tmp_path):
    from .layout_documents import saved, word_style

    path = saved(word_style(fonts={"heading-1": "宋体"}), tmp_path / "r.docx")
    run("check", "--isolated", "--select", "L002", "--fix", str(path))
    copy = tmp_path / "r.lintlaw.docx"
    assert office.ask(copy, "none")["changes"] == 4  # the four level-1 headings
    assert office.text(copy, "accept") == office.text(copy, "reject") == read_docx(path).text
