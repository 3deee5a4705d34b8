"""check report.docx --fix: the reviewed copy, with every applied fix a tracked change (修订)
and every finding a comment (批注). What a drafter relies on: accepting every change gives
the text `check --fix` gives, rejecting every change gives the original, formatting stays,
other people's remarks stay, and reviewing the copy again replaces lintlaw's own remarks.
(LibreOffice doing the accepting: tests/test_libreoffice_review.py.)"""

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from lintlaw.io.readers.docx_reader import read_docx

from .test_annotate import _normalized, _numbered, _numbering, comments
from .test_cli import run
from .word_helpers import (

    NS,
    RED,
    TITLE,
    W,
    changes,
    drafted,
    resolved,
    runs,
    text_of,
    tracked,
    undated_parts,
    xml,
)

pytestmark = pytest.mark.slow  # Word documents built and read with python-docx


def fixed_as_text(tmp_path, text: str, *args) -> str:
    """What `lintlaw check --fix` makes of the same text in a plain-text file."""
    plain = tmp_path / "same-text.txt"
    plain.write_text(text, encoding="utf-8")
    run("check", "--isolated", "--ignore", "layout", "--fix", *args, str(plain))
    return plain.read_text(encoding="utf-8")


def test_fix_writes_the_reviewed_copy_and_never_the_original(tmp_path):
    path = drafted(tmp_path / "report.docx")
    original = path.read_bytes()
    result = run("check", "--isolated", "--ignore", "layout", "--format", "concise", "--fix", str(path))
    assert path.read_bytes() == original
    assert result.stderr == f"已写出审阅副本：{tmp_path / 'report.lintlaw.docx'}（9 处修订，7 条批注）\n"
    assert result.stdout.splitlines()[-1] == (
        "已把 5 个问题的修复作为修订写入审阅副本（9 处修订）。剩余 2 个问题（错误 0，警告 1，提示 1），"
        "检查了 1 个文件。另有 1 个可用 --fix --unsafe-fixes 修复（需人工复核）。")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "report.lintlaw.docx"]


def test_each_fix_is_a_deletion_and_an_insertion(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    assert changes(tmp_path / "report.lintlaw.docx") == [
        (",", "，"), (",", "，"), ("(一)", "（一）"), (",", "，"), ("截止", "截至"), (";", "；"),
        ("截止", "截至"), ("截止", "截至"), (",", "，")]


def test_accepting_every_change_gives_what_check_fix_gives(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    accepted = text_of(resolved(tmp_path / "report.lintlaw.docx", accept=True))
    assert accepted == fixed_as_text(tmp_path, read_docx(path).text)
    assert accepted != read_docx(path).text


def test_rejecting_every_change_gives_the_original(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    rejected = resolved(tmp_path / "report.lintlaw.docx", accept=False)
    assert text_of(rejected) == read_docx(path).text
    # Not only the text: the document itself, once runs split in two read as one again.
    with zipfile.ZipFile(io.BytesIO(rejected)) as archive:
        assert _normalized(archive.read("word/document.xml")) == _normalized(
            zipfile.ZipFile(path).read("word/document.xml"))


def test_formatting_is_kept_run_by_run_and_new_text_takes_the_edited_runs(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    accepted = runs(resolved(tmp_path / "report.lintlaw.docx", accept=True))
    assert accepted[1:4] == [("2024年", False, False, None), ("，", False, False, None),
                             ("我局认真推进法治政府建设", False, False, None)]
    # A half-width comma inside a bold run becomes a bold full-width comma.
    assert accepted[4:6] == [("，", True, False, None), ("现将有关情况报告如下", True, False, None)]
    # 截止 over a red italic run and a plain one: 截至 takes the first run's properties.
    item = [r for r in accepted if r[0] in ("截至", "止目前已全部办结", "目前已全部办结")]
    assert item == [("截至", False, True, RED), ("目前已全部办结", False, False, None)]
    # Rejected, every run is as it was (split runs read back with the same properties).
    rejected = runs(resolved(tmp_path / "report.lintlaw.docx", accept=False))
    assert "".join(r[0] for r in rejected) == "".join(r[0] for r in runs(path.read_bytes()))
    assert {r[1:] for r in rejected if "截" in r[0]} == {(False, True, RED)}


def test_author_and_date(tmp_path):
    path = drafted(tmp_path / "report.docx")
    before = dt.datetime.now().replace(second=0, microsecond=0)
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    after = dt.datetime.now()
    found = tracked(tmp_path / "report.lintlaw.docx")
    assert {author for _kind, author, _date, _text in found} == {"lintlaw"}
    dates = {date for _kind, _author, date, _text in found}
    assert len(dates) == 1  # the run's one minute, in local time as Word writes it
    when = dt.datetime.strptime(dates.pop(), "%Y-%m-%dT%H:%M:00Z")
    assert before <= when <= after
    notes = xml(tmp_path / "report.lintlaw.docx", "word/comments.xml")
    assert {(c.get(W + "author"), c.get(W + "date")) for c in notes.iter(W + "comment")} == {
        ("lintlaw", when.strftime("%Y-%m-%dT%H:%M:00Z"))}
    ids = [node.get(W + "id") for node in xml(tmp_path / "report.lintlaw.docx").iter(W + "ins", W + "del")]
    assert len(ids) == len(set(ids))


def test_author_from_the_command_line_or_the_configuration(tmp_path):
    path = drafted(tmp_path / "report.docx")
    (tmp_path / "lintlaw.toml").write_text('author = "法制科"\n', encoding="utf-8")
    run("check", "--ignore", "layout", "--fix", str(path))
    assert {author for _k, author, _d, _t in tracked(tmp_path / "report.lintlaw.docx")} == {"法制科"}
    assert {c["author"] for c in comments(tmp_path / "report.lintlaw.docx")} == {"法制科"}
    run("check", "--ignore", "layout", "--fix", "--author", "王五", str(path))
    assert {author for _k, author, _d, _t in tracked(tmp_path / "report.lintlaw.docx")} == {"王五"}


@pytest.mark.parametrize(("config", "args", "message"), [
    ('author = ""\n', [], 'lintlaw: {tmp}/lintlaw.toml: author: 应为审阅副本中批注和修订的作者名（一行文字，不超过 100 字），如 "法制科"\n'),
    ("author = 3\n", [], 'lintlaw: {tmp}/lintlaw.toml: author: 应为审阅副本中批注和修订的作者名（一行文字，不超过 100 字），如 "法制科"\n'),
    ("", ["--author", "甲\n乙"], "lintlaw: --author: 应为一行文字（不超过 100 字），如“法制科”：“甲\\x0a乙”\n"),
])
def test_a_bad_author_is_refused(tmp_path, config, args, message):
    path = drafted(tmp_path / "report.docx")
    (tmp_path / "lintlaw.toml").write_text(config, encoding="utf-8")
    result = run("check", "--fix", *args, str(path))
    assert result.exit_code == 2
    assert result.stderr == message.format(tmp=tmp_path)
    assert not (tmp_path / "report.lintlaw.docx").exists()


def _comment(path, code: str) -> dict:
    [found] = [c for c in comments(path) if f"（{code}，" in c["text"].split("\n")[0]]
    return found


def test_unsafe_fixes_are_suggested_unless_asked_for(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    copy = tmp_path / "report.lintlaw.docx"
    assert ("不断的", "不断地") not in changes(copy)
    assert _comment(copy, "W010")["text"].endswith("\n建议把“不断的”改为“不断地”（需人工确认）")
    run("check", "--isolated", "--ignore", "layout", "--fix", "--unsafe-fixes", str(path))
    assert ("不断的", "不断地") in changes(copy)
    assert _comment(copy, "W010")["text"].endswith("\n已作为修订标出")
    assert text_of(resolved(copy, accept=True)) == fixed_as_text(tmp_path, read_docx(path).text, "--unsafe-fixes")


def test_a_fixed_finding_says_so_in_its_comment(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    note = _comment(tmp_path / "report.lintlaw.docx", "S107")
    assert note["text"] == ("标题编号“(一)”标点不规范，应写作“（一）”（S107，警告）\n"
                            "依据：GB/T 9704-2012《党政机关公文格式》：文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注\n"
                            "已作为修订标出")
    assert note["anchored"] == "（一）"  # the new words; and the old ones, which are no longer text:
    start = next(node for node in xml(tmp_path / "report.lintlaw.docx").iter(W + "commentRangeStart")
                 if node.getnext().tag == W + "del" and node.getnext().findtext(f".//{W}delText") == "(一)")
    assert start.getnext().getnext().tag == W + "ins"


def test_a_finding_for_many_places_marks_each_with_one_comment(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    copy = tmp_path / "report.lintlaw.docx"
    assert [pair for pair in changes(copy) if pair[0] in ",;"] == [(",", "，")] * 3 + [(";", "；"), (",", "，")]
    notes = [c for c in comments(copy) if "（P008，" in c["text"]]
    assert len(notes) == 1
    assert notes[0]["text"].endswith("\n全文5处已作为修订标出，可一并接受")
    assert notes[0]["anchored"] == "，"  # on the first place (its old text is no longer text)


def test_without_fix_each_place_is_highlighted_as_a_formatting_change(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--annotate", str(path))
    copy = tmp_path / "report.lintlaw.docx"
    assert tracked(copy) == []
    highlighted = []
    for run_ in xml(copy).iter(W + "r"):
        properties = run_.find(W + "rPr")
        change = properties.find(W + "rPrChange") if properties is not None else None
        if change is not None:
            assert properties.find(W + "highlight").get(W + "val") == "yellow"
            assert change.get(W + "author") == "lintlaw" and change.find(W + "rPr").find(W + "highlight") is None
            highlighted.append("".join(t.text for t in run_.iter(W + "t")))
    assert highlighted == [",", ",", ",", ";", ","]
    [note] = [c for c in comments(copy) if "（P008，" in c["text"]]
    assert note["text"].endswith("\n全文5处已用突出显示标出；建议把“,”改为“，”；把“,”改为“，”；把“,”改为“，”等5处")
    # Rejecting the formatting changes gives the document back as it was.
    with zipfile.ZipFile(io.BytesIO(resolved(copy, accept=False))) as archive:
        assert _normalized(archive.read("word/document.xml")) == _normalized(
            zipfile.ZipFile(path).read("word/document.xml"))


def test_many_half_width_heading_markers_each_a_change(tmp_path):
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("一、主要举措和成效")
    for number in "一二三四五":
        document.add_paragraph(f"({number})依法履职")
        document.add_paragraph("做了工作。")
    path = tmp_path / "r.docx"
    document.save(path)
    run("check", "--isolated", "--ignore", "layout", "--select", "S107", "--fix", str(path))
    copy = tmp_path / "r.lintlaw.docx"
    assert changes(copy) == [(f"({n})", f"（{n}）") for n in "一二三四五"]
    [note] = comments(copy)
    assert note["text"].endswith("\n全文5处已作为修订标出，可一并接受")


def _numbered_report(path):
    """A report whose third-level heading “1、” is Word's automatic numbering (S107 finds it)."""
    document = docx.Document()
    _numbering(document)
    document.add_paragraph(TITLE)
    for text, level in (("主要举措和成效", 0), ("依法履行职能", 1), ("规范行政审批,截止目前已办结。", 2)):
        _numbered(document.add_paragraph(text), level)
    document.save(path)
    return path


def test_word_numbering_is_never_rewritten_as_text(tmp_path):
    path = _numbered_report(tmp_path / "r.docx")
    assert read_docx(path).text.split("\n")[3] == "1、规范行政审批,截止目前已办结。"
    run("check", "--isolated", "--ignore", "layout", "--select", "S107,W001,P009", "--fix", str(path))
    copy = tmp_path / "r.lintlaw.docx"
    assert changes(copy) == [(",", "，"), ("截止", "截至")]  # the text; never the number
    note = _comment(copy, "S107")
    assert note["text"].endswith("\n建议把“1、”改为“1.”\n“1、”是 Word 的自动编号，请在本段的编号格式中修改")
    assert text_of(resolved(copy, accept=True)).split("\n")[3] == "1、规范行政审批，截至目前已办结。"


def _with_others_remarks(path):
    """A report a colleague has already been through: a tracked insertion (holding 截止), a
    tracked deletion, and a comment of theirs."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    p = document.add_paragraph()._p
    p.append(parse_xml(f'<w:r {NS}><w:t>全年截止目前，</w:t></w:r>'))
    p.append(parse_xml(f'<w:ins {NS} w:id="1" w:author="张三" w:date="2025-01-02T09:00:00Z">'
                       f'<w:r><w:t>另截止年底</w:t></w:r></w:ins>'))
    p.append(parse_xml(f'<w:del {NS} w:id="2" w:author="张三" w:date="2025-01-02T09:00:00Z">'
                       f'<w:r><w:delText>删去的话</w:delText></w:r></w:del>'))
    p.append(parse_xml(f'<w:r {NS}><w:t>已办结。</w:t></w:r>'))
    reviewed = document.add_paragraph().add_run("依法行政水平不断提高。")
    document.add_comment([reviewed], "请补充数据", author="张三", initials="ZS")
    document.save(path)
    return path


def test_other_peoples_changes_and_comments_stay(tmp_path):
    path = _with_others_remarks(tmp_path / "r.docx")
    assert read_docx(path).text == f"{TITLE}\n全年截止目前，另截止年底已办结。\n依法行政水平不断提高。\n"
    run("check", "--isolated", "--ignore", "layout", "--select", "W001", "--fix", str(path))
    copy = tmp_path / "r.lintlaw.docx"
    assert [(kind, author, text) for kind, author, _date, text in tracked(copy)] == [
        ("del", "lintlaw", "截止"), ("ins", "lintlaw", "截至"),
        ("ins", "张三", "另截止年底"), ("del", "张三", "删去的话")]  # 张三's insertion is not edited
    assert [(c["author"], c["text"].split("\n")[-1]) for c in comments(copy)] == [
        ("lintlaw", "已作为修订标出"), ("lintlaw", "建议把“截止”改为“截至”"), ("张三", "请补充数据")]
    accepted = text_of(resolved(copy, accept=True))
    assert accepted == f"{TITLE}\n全年截至目前，另截止年底已办结。\n依法行政水平不断提高。\n"
    assert text_of(resolved(copy, accept=False)) == text_of(resolved(path, accept=False))


def test_the_reader_reads_a_reviewed_copy_as_its_original(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    assert read_docx(tmp_path / "report.lintlaw.docx").text == read_docx(path).text
    again = run("check", "--isolated", "--ignore", "layout", "--format", "concise", str(tmp_path / "report.lintlaw.docx"))
    first = run("check", "--isolated", "--ignore", "layout", "--format", "concise", str(path))
    assert again.stdout.replace("report.lintlaw.docx", "report.docx") == first.stdout


def test_reviewing_a_reviewed_copy_replaces_lintlaws_remarks_and_keeps_a_persons(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(path))
    first = tmp_path / "report.lintlaw.docx"
    # A colleague adds a comment of their own to the reviewed copy and saves it.
    document = docx.Document(first)
    paragraph = next(p for p in document.paragraphs if p.text.startswith("法治宣传"))
    document.add_comment(paragraph.runs, "同意", author="李四", initials="LS")
    document.save(tmp_path / "commented.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", str(tmp_path / "commented.docx"))
    second = tmp_path / "commented.lintlaw.docx"
    assert [c["author"] for c in comments(second)].count("lintlaw") == 7  # not 14
    assert [c["text"] for c in comments(second) if c["author"] == "李四"] == ["同意"]
    assert changes(second) == changes(first)
    assert text_of(resolved(second, accept=True)) == text_of(resolved(first, accept=True))
    # Reviewing the unchanged copy gives the copy again (but for the minute it was made).
    run("check", "--isolated", "--ignore", "layout", "--fix", str(first), "--annotate", str(tmp_path / "again.docx"))
    assert undated_parts(tmp_path / "again.docx") == undated_parts(first)


def test_a_persons_change_under_lintlaws_name_but_another_date_stays(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--fix", "--author", "法制科", str(path))
    copy = tmp_path / "report.lintlaw.docx"
    document = docx.Document(copy)
    last = document.paragraphs[-1]._p
    last.append(parse_xml(f'<w:ins {NS} w:id="900" w:author="法制科" w:date="2020-05-05T08:00:00Z">'
                          f'<w:r><w:t>（手工补充）</w:t></w:r></w:ins>'))
    document.save(tmp_path / "edited.docx")
    assert read_docx(tmp_path / "edited.docx").text.endswith("提高依法行政水平。（手工补充）\n")
    run("check", "--isolated", "--ignore", "layout", "--fix", "--author", "法制科", str(tmp_path / "edited.docx"))
    found = tracked(tmp_path / "edited.lintlaw.docx")
    assert ("ins", "法制科", "2020-05-05T08:00:00Z", "（手工补充）") in found
    assert len(found) == len(tracked(copy)) + 1


def test_comments_are_short_plain_chinese(tmp_path):
    from lintlaw.review.comments import MAX_CHARS

    from .helpers import EXAMPLE, FIXTURES

    document = docx.Document()
    for example in (EXAMPLE, FIXTURES / "numbering-defects.txt"):
        for line in example.read_text(encoding="utf-8").splitlines():
            document.add_paragraph(line)
    path = tmp_path / "example.docx"
    document.save(path)
    result = run("check", "--isolated", "--ignore", "layout", "--format", "json", "--annotate", str(path))
    names = {rule.name for rule in _all_rules()}
    notes = comments(tmp_path / "example.lintlaw.docx")
    assert len(notes) == len(json.loads(result.stdout)) >= 15
    for note in notes:
        text = note["text"]
        assert len(text) <= MAX_CHARS, text
        lines = text.split("\n")
        assert lines[1].startswith("依据："), text
        assert not any(name in text for name in names), text  # the code, never the English name
    assert result.exit_code == 1


def _all_rules():
    from lintlaw.engine.ruleset import load_rules

    return load_rules()


def test_a_long_comment_is_cut_to_300_characters():
    from lintlaw.diagnostics import Diagnostic, Severity
    from lintlaw.review.comments import comment_text
    from lintlaw.review.plan import Remark
    from lintlaw.text.source import Source

    source = Source(path="r.docx", text="甲\n", encoding="docx")
    d = Diagnostic("Y001", "x", "residue", Severity.INFO, "很长的说明" * 80, "r.docx", 0, 1)
    text = comment_text(Remark(d), source, "某规定" * 100)
    assert len(text) == 300
    first, basis = text.split("\n")
    assert first.endswith("…") and basis.startswith("依据：某规定") and basis.endswith("…")


def test_fix_on_a_folder_fixes_text_in_place_and_reviews_word_documents(tmp_path):
    drafted(tmp_path / "a.docx")
    drafted(tmp_path / "old.lintlaw.docx")  # an earlier copy: never searched for
    (tmp_path / "b.txt").write_text(f"{TITLE}\n截止目前。\n", encoding="utf-8")
    result = run("check", "--isolated", "--ignore", "layout", "--no-ignore", "--select", "W001", "--fix", str(tmp_path))
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == f"{TITLE}\n截至目前。\n"
    assert result.stderr == f"已写出审阅副本：{tmp_path / 'a.lintlaw.docx'}（3 处修订，3 条批注）\n"
    assert result.stdout.startswith("已修复 4 个问题（4 处改动，Word 文档的修复作为修订写入审阅副本）。")
    assert not (tmp_path / "old.lintlaw.lintlaw.docx").exists()


def test_a_copy_named_as_an_input_is_refused(tmp_path):
    path = drafted(tmp_path / "report.docx")
    drafted(tmp_path / "report.lintlaw.docx")
    before = (tmp_path / "report.lintlaw.docx").read_bytes()
    result = run("check", "--isolated", "--ignore", "layout", "--fix", str(path), str(tmp_path / "report.lintlaw.docx"))
    assert result.exit_code == 2
    assert result.stderr == (f"lintlaw: {tmp_path / 'report.lintlaw.docx'}: --fix 的审阅副本 的输出文件也是要检查的输入文件，"
                             "不能覆盖它\n")
    assert (tmp_path / "report.lintlaw.docx").read_bytes() == before


def test_diff_shows_what_the_changes_do_and_writes_nothing(tmp_path):
    path = drafted(tmp_path / "report.docx", unsafe=False)
    result = run("check", "--isolated", "--ignore", "layout", "--diff", "--select", "W001", str(path))
    assert result.exit_code == 1
    assert result.stdout == (f"--- {path}\n+++ {path}\n@@ -2,10 +2,10 @@\n"
                             " 2024年,我局认真推进法治政府建设,现将有关情况报告如下。\n 一、主要举措和成效\n (一)依法履行职能\n"
                             "-全年共办理行政许可事项120件,截止目前已全部办结;群众满意。\n-详见截止年底的公示。\n"
                             "+全年共办理行政许可事项120件,截至目前已全部办结;群众满意。\n+详见截至年底的公示。\n"
                             " 复议案件\n-截止年底办结3件\n+截至年底办结3件\n 二、存在的不足和原因\n"
                             " 法治宣传的针对性还不够强。\n 三、党政主要负责人履行推进法治建设第一责任人职责情况\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


def test_a_document_changed_since_it_was_read_is_refused(tmp_path):
    from lintlaw.errors import InputError
    from lintlaw.review.word import WordCopy

    path = drafted(tmp_path / "report.docx")
    source = read_docx(path)
    source.text = source.text.replace("截止", "截至", 1)
    with pytest.raises(InputError, match="Word 文档在检查之后被改动了"):
        WordCopy(path.read_bytes(), source)


def test_fixes_in_a_table_cell_and_a_link(tmp_path):
    path = drafted(tmp_path / "report.docx")
    run("check", "--isolated", "--ignore", "layout", "--select", "W001", "--fix", str(path))
    body = xml(tmp_path / "report.lintlaw.docx")
    link = body.find(f".//{W}hyperlink")
    assert [child.tag[len(W):] for child in link] == ["commentRangeStart", "del", "ins", "commentRangeEnd", "r", "r"]
    cell = body.find(f".//{W}tc/{W}p/{W}del")
    assert cell is not None and cell.getparent().getparent().tag == W + "tc"


def test_a_finding_in_a_field_is_left_as_a_suggestion(tmp_path):
    document = docx.Document()
    document.add_paragraph(TITLE)
    p = document.add_paragraph()._p
    p.append(parse_xml(f'<w:r {NS}><w:t>全年截止目前，</w:t></w:r>'))
    for part in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText> DOCPROPERTY x </w:instrText>',
                 '<w:fldChar w:fldCharType="separate"/>', "<w:t>截止年底</w:t>", '<w:fldChar w:fldCharType="end"/>'):
        p.append(parse_xml(f"<w:r {NS}>{part}</w:r>"))
    path = tmp_path / "r.docx"
    document.save(path)
    assert read_docx(path).text == f"{TITLE}\n全年截止目前，截止年底\n"
    run("check", "--isolated", "--ignore", "layout", "--select", "W001", "--fix", str(path))
    assert changes(tmp_path / "r.lintlaw.docx") == [("截止", "截至")]  # the field's result is Word's
    notes = [c["text"].split("\n")[-1] for c in comments(tmp_path / "r.lintlaw.docx")]
    assert notes == ["已作为修订标出", "建议把“截止”改为“截至”"]


def test_reviewed_copy_of_standard_input_names_no_file(tmp_path):
    path = drafted(tmp_path / "report.docx")
    result = run("check", "--isolated", "--ignore", "layout", "--fix", "--stdin-filename", "r.docx", "-", input=path.read_bytes())
    assert result.stdout_bytes[:2] == b"PK"
    assert text_of(resolved(io.BytesIO(result.stdout_bytes), accept=True)) == fixed_as_text(
        tmp_path, read_docx(path).text)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "same-text.txt"]


def test_a_plain_text_check_does_not_load_the_review_code(tmp_path):
    from .helpers import modules_after_check

    (tmp_path / "r.txt").write_text(TITLE + "\n截止目前。\n", encoding="utf-8")
    assert {m for m in modules_after_check(tmp_path / "r.txt") if m.startswith("lintlaw.review.")} == set()


def test_grids_are_read_again_after_a_fix(tmp_path):
    path = drafted(tmp_path / "report.docx")
    source = read_docx(Path(path))
    fixed = source.with_text(source.text.replace("截止年底办结3件", "截至年底办结3件"))
    assert [cell.text for cell in fixed.grids[0].cells] == ["复议案件", "截至年底办结3件"]
    assert fixed.revisable and not fixed.editable


def test_the_readme_example(tmp_path):
    """examples/report-2024.docx gives the reviewed copy the README shows."""
    from .helpers import EXAMPLE

    example = tmp_path / "report-2024.docx"
    example.write_bytes(EXAMPLE.with_suffix(".docx").read_bytes())
    result = run("check", "--isolated", "--fix", str(example))
    assert result.stderr == f"已写出审阅副本：{tmp_path / 'report-2024.lintlaw.docx'}（12 处修订，12 条批注）\n"
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "已写出审阅副本：examples/report-2024.lintlaw.docx（12 处修订，12 条批注）" in readme
    texts = [c["text"] for c in comments(tmp_path / "report-2024.lintlaw.docx")]
    assert "全文7处已作为修订标出，可一并接受" in "\n".join(texts)
    shown = readme.split("```text\n")[1].split("```")[0]
    assert "\n".join(line.strip() for line in shown.strip().splitlines()) in texts


def _with_page_debris(path):
    """A report pasted from a web page: a line of markup between two paragraphs (R001 deletes it
    safely), and a sentence broken over two paragraphs (R005 joins them, unsafely)."""
    document = docx.Document()
    for text in (TITLE, "一、主要举措和成效", '<div class="TRS_Editor">', "全年共开展普法宣传活动30场，",
                 "覆盖群众5000余人次。", "二、存在的不足和原因", "宣传方式单一。"):
        document.add_paragraph(text)
    document.save(path)
    return path


def test_a_deleted_line_is_a_deleted_paragraph_and_a_join_a_deleted_mark(tmp_path):
    path = _with_page_debris(tmp_path / "r.docx")
    run("check", "--isolated", "--ignore", "layout", "--select", "R001,R005", "--fix", "--unsafe-fixes", str(path))
    copy = tmp_path / "r.lintlaw.docx"
    marks = [(p.find(f"{W}pPr/{W}rPr/{W}del") is not None, "".join(t.text for t in p.iter(W + "delText")))
             for p in xml(copy).iter(W + "p")]
    assert marks[2] == (True, '<div class="TRS_Editor">')  # its text and its end, both deleted
    assert marks[3] == (True, "")  # only its end: the next paragraph joins it
    assert [m for i, m in enumerate(marks) if i not in (2, 3)] == [(False, "")] * 5
    accepted = text_of(resolved(copy, accept=True))
    assert accepted == fixed_as_text(tmp_path, read_docx(path).text, "--select", "R001,R005", "--unsafe-fixes")
    assert accepted.split("\n")[2] == "全年共开展普法宣传活动30场，覆盖群众5000余人次。"
    rejected = resolved(copy, accept=False)
    assert text_of(rejected) == read_docx(path).text
    with zipfile.ZipFile(io.BytesIO(rejected)) as archive:
        assert _normalized(archive.read("word/document.xml")) == _normalized(
            zipfile.ZipFile(path).read("word/document.xml"))
    # lintlaw reads its own pending change of a paragraph's end as rejected.
    assert read_docx(copy).text == read_docx(path).text


def test_paragraph_breaks_that_cannot_go_stay(tmp_path):
    """The break before a table, after the last paragraph, and beside Word's numbering stay."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("全年共开展普法宣传活动30场，")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "覆盖群众5000余人次。"
    path = tmp_path / "r.docx"
    document.save(path)
    from lintlaw.review.word import WordCopy

    source = read_docx(path)
    locked = WordCopy(path.read_bytes(), source).locked()
    breaks = [i for i, char in enumerate(source.text) if char == "\n"]
    assert [any(a <= i < b for a, b in locked) for i in breaks] == [False, True, True]


def test_comments_of_the_first_annotated_copies_are_replaced_too(tmp_path):
    """Copies written before the signature existed: comments by “lintlaw” with initials LL."""
    document = docx.Document()
    paragraph = document.add_paragraph("全年截止目前已办结。")
    document.add_comment(paragraph.runs, "表示“到某时为止”应写“截至”\nW001 cutoff-for-as-of（警告）", author="lintlaw",
                         initials="LL")
    document.add_comment(paragraph.runs, "请核实", author="lintlaw", initials="张")  # a person called lintlaw
    path = tmp_path / "old.docx"
    document.save(path)
    run("check", "--isolated", "--ignore", "layout", "--select", "W001", "--annotate", str(path))
    assert [(c["initials"], c["text"].split("\n")[0]) for c in comments(tmp_path / "old.lintlaw.docx")] == [
        ("张", "请核实"), ("LL", "表示“到某时为止”应写“截至”，不是“截止”（W001，警告）")]


def test_text_moved_away_is_read_once(tmp_path):
    document = docx.Document()
    document.add_paragraph(TITLE)
    p = document.add_paragraph()._p
    p.append(parse_xml(f'<w:moveFrom {NS} w:id="5" w:author="张三" w:date="2025-01-02T09:00:00Z">'
                       f'<w:r><w:t>挪走的话</w:t></w:r></w:moveFrom>'))
    p.append(parse_xml(f'<w:r {NS}><w:t>留下的话</w:t></w:r>'))
    q = document.add_paragraph()._p
    q.append(parse_xml(f'<w:moveTo {NS} w:id="6" w:author="张三" w:date="2025-01-02T09:00:00Z">'
                       f'<w:r><w:t>挪走的话</w:t></w:r></w:moveTo>'))
    path = tmp_path / "r.docx"
    document.save(path)
    assert read_docx(path).text == f"{TITLE}\n留下的话\n挪走的话\n"


def _pdf_report(path):
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 16)
    for row, line in enumerate(["青山县2024年法治政府建设情况报告", "截止目前，全县办理案件35件。"]):
        page.drawString(72, 760 - 30 * row, line)
    page.save()
    return path


def test_a_pdf_gets_a_reviewed_copy_of_notes_but_no_changes(tmp_path):
    from pypdf import PdfReader

    path = _pdf_report(tmp_path / "report.pdf")
    result = run("check", "--isolated", "--ignore", "layout", "--select", "W001", "--fix", str(path))
    assert "PDF 文件不能自动修复" in result.stderr and not (tmp_path / "report.lintlaw.pdf").exists()
    result = run("check", "--isolated", "--ignore", "layout", "--select", "W001", "--annotate", "--author", "法制科", str(path))
    assert result.stderr == f"已写出审阅副本：{tmp_path / 'report.lintlaw.pdf'}（1 条批注）\n"

    def notes(copy):
        return [(str(a.get_object()["/T"]), str(a.get_object()["/Contents"]))
                for page in PdfReader(copy).pages for a in page.get("/Annots", [])]
    assert notes(tmp_path / "report.lintlaw.pdf") == [("法制科", (
        "表示“到某时为止”应写“截至”，不是“截止”（W001，警告）\n"
        "依据：《现代汉语词典》（第7版）“截止”“截至”条；国家语言文字工作委员会等关于常见易混词语的规范用法\n"
        "建议把“截止”改为“截至”"))]
    # Annotated again, under another name: lintlaw's own note is replaced, not doubled.
    run("check", "--isolated", "--ignore", "layout", "--select", "W001", "--annotate", str(tmp_path / "again.pdf"),
        str(tmp_path / "report.lintlaw.pdf"))
    assert [author for author, _note in notes(tmp_path / "again.pdf")] == ["lintlaw"]


def _east_asian_fonts(data: bytes) -> list[tuple[str, str | None]]:
    """(text, East Asian font set on the run) of each run with text, read by python-docx."""
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    found = []
    for paragraph in document.paragraphs:
        for run_ in paragraph.runs:
            fonts = run_._r.rPr.rFonts if run_._r.rPr is not None else None
            if run_.text:
                found.append((run_.text, fonts.get(qn("w:eastAsia")) if fonts is not None else None))
    return found


def test_a_layout_fix_is_a_tracked_formatting_change(tmp_path):
    from .layout_documents import saved, word_style

    path = saved(word_style(fonts={"heading-1": "宋体"}), tmp_path / "r.docx")
    run("check", "--isolated", "--select", "L002", "--fix", str(path))
    copy = tmp_path / "r.lintlaw.docx"
    changed = [r for r in xml(copy).iter(W + "r") if r.find(f"{W}rPr/{W}rPrChange") is not None]
    assert ["".join(t.text for t in r.iter(W + "t")) for r in changed] == [
        "一、主要举措和成效", "二、存在的不足和原因", "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、2025年工作安排"]
    assert {r.find(f"{W}rPr/{W}rPrChange").get(W + "author") for r in changed} == {"lintlaw"}
    [note] = comments(copy)
    assert note["text"].endswith("\n全文4处已作为修订标出，可一并接受")
    headings = [text for text, _font in _east_asian_fonts(path.read_bytes()) if text[:2] in ("一、", "二、", "三、", "四、")]
    accepted = dict(_east_asian_fonts(resolved(copy, accept=True)))
    rejected = dict(_east_asian_fonts(resolved(copy, accept=False)))
    assert {accepted[text] for text in headings} == {"黑体"} and {rejected[text] for text in headings} == {"宋体"}
    assert text_of(resolved(copy, accept=True)) == read_docx(path).text  # formatting only
    # Checked again, the reviewed copy reads as its original: the same finding, replaced.
    run("check", "--isolated", "--select", "L002", "--fix", str(copy), "--annotate", str(tmp_path / "again.docx"))
    assert len(comments(tmp_path / "again.docx")) == 1
    assert len([r for r in xml(tmp_path / "again.docx").iter(W + "rPrChange")]) == 4
