"""Fix rounds as edits of the original text (lintlaw/engine/revisions.py), the spans fixes may
not touch (fixing.Locked), and the Word copy that writes such edits as tracked changes."""

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintlaw.diagnostics import Diagnostic, Edit, Fix, Severity
from lintlaw.engine.fixing import Locked, apply_edits
from lintlaw.engine.revisions import Revision, compose
from lintlaw.io.readers.docx_reader import read_docx
from lintlaw.review.plan import Remark, Review
from lintlaw.review.word import WordCopy

from .test_annotate import _normalized, comments
from .word_helpers import alternating, changes, resolved, text_of


def _finding(*edits, code="Y001"):
    return Diagnostic(code, "x", "residue", Severity.WARNING, "m", "r", edits[0].start, edits[0].end,
                      fix=Fix(tuple(edits), True))


def test_a_later_rounds_edit_of_new_text_is_one_revision_with_it():
    # Round 1 turns ",," into "，，"; round 2 collapses the new "，，" into "，".
    first = _finding(Edit(2, 4, "，，"))
    second = _finding(Edit(2, 4, "，"))
    [revision] = compose("全年,,共", [[first], [second]])
    assert (revision.start, revision.end, revision.content) == (2, 4, "，")
    assert revision.findings == [first, second]


def test_two_replacements_side_by_side_stay_two():
    a, b = _finding(Edit(0, 1, "甲")), _finding(Edit(1, 2, "乙"))
    assert [(r.start, r.end, r.content) for r in compose("ab", [[a, b]])] == [(0, 1, "甲"), (1, 2, "乙")]


def test_an_insertion_beside_a_replacement_joins_it():
    a, b = _finding(Edit(0, 1, "甲")), _finding(Edit(1, 1, "乙"))
    assert [(r.start, r.end, r.content) for r in compose("ab", [[a, b]])] == [(0, 1, "甲乙")]


def test_an_edit_that_undoes_another_leaves_nothing():
    assert compose("截止", [[_finding(Edit(0, 2, "截至"))], [_finding(Edit(0, 2, "截止"))]]) == []


@st.composite
def _rounds(draw):
    """A text and up to four rounds of non-overlapping edits, each on the text the one before left."""
    text = draw(st.text(alphabet="abc", max_size=10))
    rounds, current = [], text
    for _ in range(draw(st.integers(1, 4))):
        points = sorted(set(draw(st.lists(st.integers(0, len(current)), max_size=6))))
        edits, last = [], -1
        i = 0
        while i < len(points):
            start = points[i]
            end = points[i + 1] if i + 1 < len(points) and draw(st.booleans()) else start
            if start > last and not (start == last and start == end):
                edits.append(Edit(start, end, draw(st.text(alphabet="XY", max_size=2))))
                last = end if end > start else start + 0.5  # no second edit may start at an insertion
            i += 2 if end > start else 1
        if edits:
            rounds.append([_finding(edit) for edit in edits])
            current = apply_edits(current, edits)
    return text, rounds, current


@pytest.mark.slow  # a hypothesis search
@settings(max_examples=300)
@given(_rounds())
def test_composed_revisions_give_the_fixed_text(case):
    text, rounds, fixed = case
    revisions = compose(text, rounds)
    assert apply_edits(text, [r.edit for r in revisions]) == fixed
    for before, after in zip(revisions, revisions[1:]):
        # In order, apart, or side by side only as two replacements.
        assert before.end < after.start or (before.end == after.start and before.start < before.end < after.end)
    assert all(text[r.start:r.end] != r.content for r in revisions)


def test_locked_spans_refuse_edits_inside_and_allow_them_at_the_edges():
    locked = Locked([(3, 5), (5, 6), (10, 11)])  # 3..6 once merged, and 10
    assert not locked.allows(Edit(2, 4, "x")) and not locked.allows(Edit(5, 6, ""))
    assert not locked.allows(Edit(4, 4, "x"))  # strictly inside
    assert locked.allows(Edit(3, 3, "x")) and locked.allows(Edit(6, 6, "x"))  # at either end
    assert locked.allows(Edit(0, 3, "x")) and locked.allows(Edit(6, 10, "x"))
    assert not locked.allows(Edit(9, 12, ""))


def test_a_line_break_of_its_own_is_refused_where_lines_are_paragraphs():
    assert Locked([]).allows(Edit(1, 1, "\n"))
    assert not Locked([], breaks=False).allows(Edit(1, 1, "甲\n乙"))
    assert Locked([], breaks=False).allows(Edit(1, 3, ""))  # taking breaks away is for the spans to say


def test_locked_spans_move_with_the_edits_before_them():
    locked = Locked([(4, 5)])
    locked.move([Edit(0, 2, "a"), Edit(4, 4, "xyz"), Edit(6, 7, "")])  # -1, then +3 at its start
    assert (locked.starts, locked.ends) == ([6], [7])
    assert not locked.allows(Edit(6, 7, "")) and locked.allows(Edit(7, 8, ""))


# --- the Word copy of any revisions ---

@st.composite
def _document_and_revisions(draw):
    """Paragraphs of runs of alternating formatting, and revisions inside their text: apart, or
    side by side as two replacements (what compose gives)."""
    paragraphs = draw(st.lists(st.lists(st.text(alphabet="甲乙丙 ，", min_size=1, max_size=4), max_size=3),
                               min_size=1, max_size=3))
    lines = ["".join(runs) for runs in paragraphs]
    revisions, base = [], 0
    for line in lines:
        points = sorted(set(draw(st.lists(st.integers(0, len(line)), max_size=4))))
        last, i = -1, 0
        while i < len(points):
            start = points[i]
            end = points[i + 1] if i + 1 < len(points) and draw(st.booleans()) else start
            content = draw(st.text(alphabet="子丑", min_size=0 if end > start else 1, max_size=2))
            touching = start == last
            if start >= last and not (touching and (start == end or revisions[-1].start == revisions[-1].end)):
                if line[start:end] != content:
                    revisions.append(Revision(base + start, base + end, content))
                    last = end
            i += 2 if end > start else 1
        base += len(line) + 1
    return paragraphs, revisions


@pytest.mark.slow  # a hypothesis search over Word copies
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_document_and_revisions())
def test_any_revisions_accept_to_the_edited_text_and_reject_to_the_original(tmp_path, case):
    paragraphs, revisions = case
    path = alternating(tmp_path / "p.docx", paragraphs)
    data = path.read_bytes()
    source = read_docx(path)
    findings = [_finding(Edit(r.start, r.end, r.content)) for r in revisions]
    for revision, finding in zip(revisions, findings):
        revision.findings = [finding]
    remarks = [Remark(d, revisions=[i]) for i, d in enumerate(findings)]
    copy = WordCopy(data, source).write(Review(source, findings, remarks, revisions), "lintlaw", "2025-03-01T09:30")
    (tmp_path / "out.docx").write_bytes(copy)
    edited = apply_edits(source.text, [r.edit for r in revisions])
    assert text_of(resolved(tmp_path / "out.docx", accept=True)) == edited
    assert text_of(resolved(tmp_path / "out.docx", accept=False)) == source.text
    with zipfile.ZipFile(io.BytesIO(resolved(tmp_path / "out.docx", accept=False))) as archive:
        assert _normalized(archive.read("word/document.xml")) == _normalized(data_document(data))
    assert [(old, new) for old, new in changes(tmp_path / "out.docx")] == [
        (source.text[r.start:r.end], r.content) for r in revisions]
    # A comment on a replacement covers its new text (its old text is deleted text, not text).
    anchored = [c["anchored"] for c in comments(tmp_path / "out.docx")]
    assert len(anchored) == len(revisions)
    for revision, words in zip(revisions, anchored):
        if revision.start < revision.end and revision.content:
            assert words == revision.content


def data_document(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


def test_earlier_revisions_side_by_side_stay_apart_in_a_later_round():
    # Round 1: "(" → "（" beside "2015-2020" → "2015—2020"; round 2 changes something else.
    # Both earlier revisions stay (the second was once lost when they met).
    text = "(2015-2020),"
    first = [_finding(Edit(0, 1, "（")), _finding(Edit(1, 10, "2015—2020"))]
    second = [_finding(Edit(11, 12, "，"))]
    assert [(r.start, r.end, r.content) for r in compose(text, [first, second])] == [
        (0, 1, "（"), (1, 10, "2015—2020"), (11, 12, "，")]
