"""A reviewed copy of a Word document: every finding a comment (批注) on its words, every
applied fix a tracked change (修订) that Word, WPS and LibreOffice can accept or reject.

The Source of a Word document has one line per paragraph (lintlaw/io/readers/docx_reader.py),
so a character span names a paragraph and the characters in it. Runs are split where a span
begins or ends, both halves keeping the run's formatting. A change of text[a:b] to "new" puts
the runs holding a..b in a w:del (their w:t become w:delText) and a new run after them, with
the properties of the first deleted run, in a w:ins; accepting every change gives the fixed
text, rejecting every change the original. A fix's formatting (a Word layout rule's font
or size) is a tracked formatting change (w:rPrChange, 格式修订), and so is the highlight on
each place of a finding whose fix is not applied: rejecting either restores the run as it was. Only text in plain runs is changed: Word's automatic numbering, a field's
code or result, another reviewer's tracked change, a tab or a picture are never edited
(`locked`), and the fixes that would need it stay suggestions in their comments.

lintlaw's remarks carry its signature (lintlaw/io/readers/docx_marks.py): reviewing a
reviewed copy first removes its earlier remarks, and keeps everybody else's.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from pathlib import Path

from lintlaw.errors import InputError
from lintlaw.io.readers.docx_marks import Signature
from lintlaw.review.plan import Remark, Review
from lintlaw.review.word_runs import W, XML_SPACE, segments, split_at
from lintlaw.text.source import Source

INITIALS = "LL"
HIGHLIGHT = "yellow"


class WordCopy:
    """A Word document opened to be reviewed: what its fixes may not touch, and the copy."""

    def __init__(self, data: bytes, source: Source):
        from lintlaw.io.readers.docx_marks import own_comment_ids, remove_comments, signature_of
        from lintlaw.io.readers.docx_reader import open_docx, paragraph_lines

        self.source = source
        self.document = open_docx(Path(source.path), data)  # lintlaw's own changes rejected
        remove_comments(self.document, own_comment_ids(self.document, signature_of(self.document)))
        self.paragraphs = paragraph_lines(self.document)  # (w:p, numbering label, text) per line
        if "\n".join(label + text for _p, label, text in self.paragraphs) + "\n" != source.text:
            raise InputError(f"{source.path}: Word 文档在检查之后被改动了，请重新检查后再写批注")

    def locked(self) -> list[tuple[int, int]]:
        """The spans of the Source's text no tracked change may touch: automatic numbering, most
        paragraph breaks, and text that is not in a plain run of its own paragraph."""
        from lintlaw.review.word_runs import FieldRuns, joinable, locked_in_paragraph

        fields = FieldRuns(self.document.element.body)
        spans = []
        starts = self.source.line_starts
        for line, (p, label, text) in enumerate(self.paragraphs):
            base = starts[line] + len(label)
            spans.append((starts[line], base))
            spans.extend((base + a, base + b) for a, b in locked_in_paragraph(p, len(text), fields))
            following = self.paragraphs[line + 1] if line + 1 < len(self.paragraphs) else None
            # A paragraph break may go (two paragraphs joined, a paragraph deleted) between two
            # paragraphs side by side without automatic numbering, whose text would otherwise
            # take the other's number or lose its own.
            if following is None or label or following[1] or not joinable(p, following[0]):
                spans.append((base + len(text), base + len(text) + 1))
        end = len(self.source.text)
        spans.append((end, end + 1))  # nothing after the last paragraph
        return spans

    def write(self, review: Review, author: str, minute: str) -> bytes:
        """The copy's bytes: `review`'s revisions as tracked changes and its remarks as comments,
        by `author` at `minute` (YYYY-MM-DDTHH:MM)."""
        from lintlaw.io.readers.docx_marks import sign

        signature = Signature(author, minute)
        marks = _Marks(self, signature)
        marks.prepare(review)
        marks.revise(review)
        marks.reformat(review)
        marks.highlight(review)
        marks.comment(review)
        sign(self.document, signature)
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


@dataclass
class _Span:
    """A span of the text in paragraph coordinates: lines, and columns of their text (after
    any automatic numbering); `numbering` the label it starts on, if it does."""

    first_line: int
    first: int
    last_line: int
    last: int
    numbering: str = ""


class _Marks:
    """Puts a review into the document: runs split, changes tracked, places highlighted, comments anchored."""

    def __init__(self, copy_: WordCopy, signature: Signature):
        self.copy = copy_
        self.paragraphs = copy_.paragraphs
        self.source = copy_.source
        self.signature = signature
        self.next_id = _next_id(copy_.document)
        # The w:del and w:ins elements written here, by id (kept alive, so that lxml hands out
        # the same Python object for each whenever it is met again).
        self.ours: dict[int, object] = {}
        self.pieces: dict[int, list] = {}  # line → its text's segments once split, before any change
        self.inserted: dict[tuple[int, int], tuple[object, int]] = {}  # (line, column) → (w:ins, revision)
        self._revisions: list = []

    # --- positions ---

    def _at(self, offset: int) -> tuple[int, int]:
        """(0-based line, column in the line's text after its numbering) of an offset."""
        line, column = self.source.position(offset)
        return line - 1, column - 1 - len(self.paragraphs[line - 1][1])

    def anchor(self, start: int, end: int) -> _Span:
        """Where a comment on text[start:end] sits: its characters without paragraph breaks at
        its ends; a point, on the character at it (else the one before); a span starting on
        Word's automatic numbering, on that whole paragraph."""
        text = self.source.text  # never empty: each paragraph, the last too, ends in "\n"
        start, end = max(0, min(start, len(text) - 1)), max(0, min(end, len(text)))
        end = max(start, end)
        while end > start and text[end - 1] == "\n":
            end -= 1
        while start < end and text[start] == "\n":
            start += 1
        line, column = self.source.position(start)
        first_line, first = line - 1, column - 1  # columns here count the numbering too
        if start < end:
            line, column = self.source.position(end - 1)
            last_line, last = line - 1, column
        else:
            last_line = first_line
            length = len(self._line(first_line))
            if first < length:
                last = first + 1
            else:
                first, last = max(0, first - 1), length
        label = self.paragraphs[first_line][1]
        numbering = label if first < len(label) else ""
        if numbering:
            first = len(label)
            if last_line == first_line:
                last = len(self._line(last_line))
        if last_line != first_line and last <= len(self.paragraphs[last_line][1]):
            last = len(self._line(last_line))
        return _Span(first_line, first - len(label), last_line, last - len(self.paragraphs[last_line][1]), numbering)

    def _line(self, line: int) -> str:
        _p, label, text = self.paragraphs[line]
        return label + text

    def place(self, start: int, end: int) -> _Span:
        """A place to highlight: its characters, or the one at (else before) a point."""
        return self.anchor(start, end)

    # --- the steps ---

    def prepare(self, review: Review) -> None:
        """Split the runs at every edge of a change, a place and a comment's words."""
        self._revisions = review.revisions
        cuts: dict[int, set[int]] = {}
        for revision in review.revisions:
            line, first = self._at(revision.start)
            last_line, last = self._at(revision.end)
            cuts.setdefault(line, set()).add(first)
            cuts.setdefault(last_line, set()).add(last)
        for remark in review.remarks:
            spans = [self.anchor(remark.diagnostic.start, remark.diagnostic.end)]
            spans += [self.place(edit.start, edit.end) for edit in remark.formats]
            if not remark.applied:
                spans += [self.place(a, b) for a, b in remark.places]
            for span in spans:
                cuts.setdefault(span.first_line, set()).add(span.first)
                cuts.setdefault(span.last_line, set()).add(span.last)
        for line, offsets in cuts.items():
            p = self.paragraphs[line][0]
            split_at(p, offsets)
            self.pieces[line] = segments(p)

    def revise(self, review: Review) -> None:
        """Each revision as a w:del of the runs it replaces and a w:ins of its new text, in
        the paragraph it starts in; the paragraph breaks it spans are deleted marks (accepted,
        the paragraphs are one)."""
        from lintlaw.review.word_runs import delete_mark

        for number, revision in enumerate(review.revisions):
            first_line, first = self._at(revision.start)
            last_line, last = self._at(revision.end)
            wrappers, first_deleted = [], None
            for line in range(first_line, last_line + 1):
                start = first if line == first_line else 0
                end = last if line == last_line else len(self.paragraphs[line][2])
                deleted = [piece.run for piece in self.pieces.get(line, [])
                           if start <= piece.start and piece.end <= end]
                if line == first_line:
                    wrappers, first_deleted = self._delete(deleted), deleted[0] if deleted else None
                else:
                    self._delete(deleted)
                if line < last_line:
                    delete_mark(self.paragraphs[line][0], self._wrapper("del"))
            if not revision.content:
                continue
            pieces = self.pieces.get(first_line, [])
            run = _new_run(first_deleted if first_deleted is not None else self._neighbour(pieces, first),
                           revision.content)
            insertion = self._wrapper("ins")
            insertion.append(run)
            if wrappers:
                wrappers[-1].addnext(insertion)
            else:
                self._put_at(first_line, first, insertion)
            if last_line == first_line:
                self.inserted[(first_line, last)] = (insertion, number)

    def reformat(self, review: Review) -> None:
        """Each applied formatting edit (a font, a size) as tracked formatting changes of the
        runs that hold its characters."""
        for remark in review.remarks:
            for edit in remark.formats:
                for run in self._runs_in(self.place(edit.start, edit.end)):
                    self._format(run, font=edit.font, half_points=edit.half_points)

    def highlight(self, review: Review) -> None:
        """Each place of a finding that stands for many and whose fix is not applied."""
        for remark in review.remarks:
            if remark.applied:
                continue
            for a, b in remark.places:
                for run in self._runs_in(self.place(a, b)):
                    self._format(run, highlight=HIGHLIGHT)

    def _runs_in(self, span: _Span):
        """The runs holding a span's characters (after prepare split them), but deleted ones."""
        for line in range(span.first_line, span.last_line + 1):
            first = span.first if line == span.first_line else 0
            last = span.last if line == span.last_line else len(self.paragraphs[line][2])
            for piece in self.pieces.get(line, []):
                parent = piece.run.getparent()
                deleted = self.ours.get(id(parent)) is parent and parent.tag == W + "del"
                if first <= piece.start and piece.end <= last and piece.splittable and not deleted:
                    yield piece.run

    def _format(self, run, **change) -> None:
        """A tracked formatting change of a run (lintlaw/io/readers/docx_format_change.py)."""
        from lintlaw.io.readers.docx_format_change import track_format_change

        if track_format_change(run, author=self.signature.author, date=self.signature.date,
                               change_id=self.next_id, **change):
            self.next_id += 1

    def comment(self, review: Review) -> None:
        from lintlaw.review.comments import comment_text

        comments = self.copy.document.comments
        for remark in review.remarks:
            d = remark.diagnostic
            span = self.anchor(d.start, d.end)
            text = comment_text(remark, self.source, review.authorities.get(d.code, ""), span.numbering)
            note = comments.add_comment(text, self.signature.author, INITIALS)
            note._comment_elm.set(W + "date", self.signature.date)
            self._anchor(span, remark, str(note.comment_id))

    # --- elements ---

    def _wrapper(self, kind: str):
        from docx.oxml.parser import OxmlElement

        element = OxmlElement(f"w:{kind}")
        element.set(W + "id", str(self.next_id))
        element.set(W + "author", self.signature.author)
        element.set(W + "date", self.signature.date)
        self.next_id += 1
        self.ours[id(element)] = element
        return element

    def _delete(self, runs: list) -> list:
        """Wrap runs in w:del, one for each stretch of runs side by side under one parent."""
        wrappers = []
        for run in runs:
            for text in run.iter(W + "t"):
                text.tag = W + "delText"
                text.set(XML_SPACE, "preserve")
            previous = run.getprevious()
            if wrappers and previous is wrappers[-1]:
                wrappers[-1].append(run)
                continue
            wrapper = self._wrapper("del")
            run.addprevious(wrapper)
            wrapper.append(run)
            wrappers.append(wrapper)
        return wrappers

    def _neighbour(self, pieces: list, column: int):
        """The run whose properties an insertion at `column` takes: the one before it, else
        the one after it (None in a paragraph without text)."""
        before = [piece.run for piece in pieces if piece.end <= column]
        after = [piece.run for piece in pieces if piece.start >= column]
        return before[-1] if before else after[0] if after else None

    def _put_at(self, line: int, column: int, element) -> None:
        """Put an element where `column` of a paragraph's text is: after the run ending there,
        else before the run starting there, else at the paragraph's end."""
        pieces = self.pieces.get(line, [])
        before = [piece.run for piece in pieces if piece.end == column]
        after = [piece.run for piece in pieces if piece.start == column]
        if before:
            _outer_after(before[-1], self.ours).addnext(element)
        elif after:
            _outer_before(after[0], self.ours).addprevious(element)
        else:
            self.paragraphs[line][0].append(element)

    def _anchor(self, span: _Span, remark: Remark, comment_id: str) -> None:
        from docx.oxml.parser import OxmlElement

        start = OxmlElement("w:commentRangeStart", attrs={W + "id": comment_id})
        end = OxmlElement("w:commentRangeEnd", attrs={W + "id": comment_id})
        reference = _reference_run(comment_id)
        first = self._start_element(span.first_line, span.first, remark)
        last = self._end_element(span.last_line, span.last, span, remark)
        if first is None:
            self.paragraphs[span.first_line][0].append(start)
        else:
            first.addprevious(start)
        if last is None:
            p = self.paragraphs[span.last_line][0]
            p.append(end)
            p.append(reference)
        else:
            last.addnext(reference)
            last.addnext(end)

    def _start_element(self, line: int, column: int, remark: Remark):
        """What a comment starting at `column` begins before (None: a paragraph without text)."""
        inserted = self.inserted.get((line, column))
        if inserted is not None and inserted[1] in remark.revisions and self._is_insertion(inserted[1]):
            return inserted[0]
        pieces = self.pieces.get(line) or segments(self.paragraphs[line][0])
        for piece in pieces:
            if piece.end > column:
                return _outer_before(piece.run, self.ours)
        return _outer_after(pieces[-1].run, self.ours) if pieces else None

    def _end_element(self, line: int, column: int, span: _Span, remark: Remark):
        """What a comment ending at `column` ends after (None: a paragraph without text). The
        new text of a change of the commented words, or of the finding's own, is inside."""
        pieces = self.pieces.get(line) or segments(self.paragraphs[line][0])
        inserted = self.inserted.get((line, column))
        if inserted is not None:
            element, number = inserted
            revision = self._revisions[number]
            within = (line == span.first_line and self._at(revision.start)[1] >= span.first
                      and revision.start < revision.end)
            if number in remark.revisions or within:
                return element
        for piece in reversed(pieces):
            if piece.start < column:
                return _outer_after(piece.run, self.ours)
        return _outer_before(pieces[0].run, self.ours) if pieces else None

    def _is_insertion(self, number: int) -> bool:
        revision = self._revisions[number]
        return revision.start == revision.end


def _outer_before(run, ours: dict):
    """The run, or the change of ours that it opens (to put something before it)."""
    parent = run.getparent()
    if ours.get(id(parent)) is parent and parent[0] is run:
        return parent
    return run


def _outer_after(run, ours: dict):
    """The run, or the change of ours that it closes (to put something after it)."""
    parent = run.getparent()
    if ours.get(id(parent)) is parent and parent[-1] is run:
        return parent
    return run


def _new_run(model, text: str):
    """A run of `text` with the properties of `model` (without anyone's pending formatting change)."""
    from docx.oxml.parser import OxmlElement

    run = OxmlElement("w:r")
    properties = model.find(W + "rPr") if model is not None else None
    if properties is not None:
        properties = copy.deepcopy(properties)
        for change in properties.findall(W + "rPrChange"):
            properties.remove(change)
        run.append(properties)
    t = OxmlElement("w:t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    run.append(t)
    return run


def _reference_run(comment_id: str):
    from docx.oxml.parser import OxmlElement

    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:rStyle", attrs={W + "val": "CommentReference"}))
    run.append(properties)
    run.append(OxmlElement("w:commentReference", attrs={W + "id": comment_id}))
    return run


def _next_id(document) -> int:
    """An id above every annotation id in the body (revisions, comments, bookmarks)."""
    used = [int(value) for value in document.element.body.xpath(".//@w:id") if str(value).isdigit()]
    return max(used, default=0) + 1
