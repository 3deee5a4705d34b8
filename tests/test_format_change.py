"""A tracked formatting change on a run (w:rPrChange): the new formatting is what Word shows
and what lintlaw reads back, the old is kept whole for rejecting, and someone else's
pending change is never overwritten."""

import copy

import docx
from docx.oxml.ns import qn
from lxml import etree

from lintlaw.io.readers import read
from lintlaw.io.readers.docx_format_change import track_format_change
from lintlaw.text.word_format import Run

from .layout_documents import set_run

AUTHOR, DATE = "lintlaw", "2025-03-01T09:30:00Z"


def _run(font="宋体", points=14):
    document = docx.Document()
    run = document.add_paragraph().add_run("依法行政")
    set_run(run, font, points)
    run.bold = True
    return document, run._r


def _xml(element) -> bytes:
    """An element as exclusive canonical XML: namespace declarations only where used."""
    return etree.tostring(element, method="c14n", exclusive=True)


def _reject(run) -> None:
    """What rejecting the change does: the old properties come back."""
    properties = run.find(qn("w:rPr"))
    old = properties.find(qn("w:rPrChange")).find(qn("w:rPr"))
    run.replace(properties, old)


def test_a_font_and_a_size_become_one_tracked_change(tmp_path):
    document, run = _run()
    original = copy.deepcopy(run)
    assert track_format_change(run, author=AUTHOR, date=DATE, change_id=7, font="仿宋_GB2312", half_points=32)
    properties = run.find(qn("w:rPr"))
    assert [child.tag for child in properties] == [qn("w:rFonts"), qn("w:b"), qn("w:sz"), qn("w:szCs"),
                                                   qn("w:rPrChange")]  # the schema's order, the change last
    change = properties.find(qn("w:rPrChange"))
    assert (change.get(qn("w:id")), change.get(qn("w:author")), change.get(qn("w:date"))) == ("7", AUTHOR, DATE)
    path = tmp_path / "changed.docx"
    document.save(path)
    assert read(str(path)).formatting.paragraphs[0].runs == (Run(0, 4, "仿宋_GB2312", 32),)
    reread = docx.Document(str(path)).paragraphs[0].runs[0]
    assert reread.bold and reread.font.size.pt == 16
    _reject(run)
    assert _xml(run) == _xml(original)


def test_a_theme_font_gives_way_to_the_named_one():
    document, run = _run()
    fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
    fonts.set(qn("w:eastAsiaTheme"), "minorEastAsia")
    track_format_change(run, author=AUTHOR, date=DATE, change_id=1, font="黑体")
    assert fonts.get(qn("w:eastAsia")) == "黑体" and fonts.get(qn("w:eastAsiaTheme")) is None


def test_a_second_change_by_the_same_review_keeps_the_first_old_properties():
    document, run = _run()
    original = copy.deepcopy(run)
    assert track_format_change(run, author=AUTHOR, date=DATE, change_id=1, font="仿宋_GB2312")
    assert track_format_change(run, author=AUTHOR, date=DATE, change_id=2, highlight="yellow")
    assert len(run.find(qn("w:rPr")).findall(qn("w:rPrChange"))) == 1
    _reject(run)
    assert _xml(run) == _xml(original)


def test_someone_elses_pending_change_is_left_alone():
    document, run = _run()
    track_format_change(run, author="张三", date="2025-02-01T08:00:00Z", change_id=1, font="楷体")
    before = etree.tostring(run)
    assert not track_format_change(run, author=AUTHOR, date=DATE, change_id=2, font="仿宋_GB2312")
    assert etree.tostring(run) == before


def test_a_change_that_changes_nothing_leaves_no_mark():
    document, run = _run(font="仿宋_GB2312", points=16)
    before = etree.tostring(run)
    assert not track_format_change(run, author=AUTHOR, date=DATE, change_id=1, font="仿宋_GB2312", half_points=32)
    assert etree.tostring(run) == before
    bare = docx.Document().add_paragraph().add_run("依法")._r
    assert not track_format_change(bare, author=AUTHOR, date=DATE, change_id=1)
    assert bare.find(qn("w:rPr")) is None
