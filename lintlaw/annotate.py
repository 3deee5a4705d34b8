"""Word output: a copy of a .docx with every finding as a comment (批注) on the words it is about.

The Source of a Word document has one line per paragraph (lintlaw/io/readers/docx_reader.py),
so a finding's character span names a paragraph and the characters in it. The runs that
hold those characters become the comment's anchor; a run the span starts or ends inside
is split in two, both halves keeping the run's formatting, so the anchor covers exactly
the words. Nothing else in the document changes.

A finding that starts on Word's automatic numbering ("一、" drawn from numbering.xml,
which is not text one can select) is anchored on the whole paragraph. One that spans
several paragraphs is anchored from its first character to its last.
"""

from __future__ import annotations

import copy
import io
import os
from collections.abc import Iterable
from pathlib import Path

from lintlaw.diagnostics import Diagnostic, Fix
from lintlaw.errors import InputError
from lintlaw.io.inputs import ANNOTATED_COPY
from lintlaw.render.visible import one_line
from lintlaw.text.source import Source

AUTHOR = "lintlaw"
INITIALS = "LL"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_QUOTED_MAX = 40  # characters of a fix's text shown in a comment


def annotate_docx(document: bytes | str | os.PathLike, diagnostics: Iterable[Diagnostic],
                  source: Source) -> bytes:
    """The bytes of a copy of `document` (a .docx file's path or bytes) with each finding
    as a Word comment authored "lintlaw".

    `source` is what lintlaw read from that document (`read_docx`) and the diagnostics'
    offsets point into its text. InputError if the document is not a Word document or
    no longer reads as `source` (it changed since it was checked).
    """
    from lintlaw.io.readers.docx_reader import open_docx, paragraph_lines

    data = document if isinstance(document, bytes) else Path(document).read_bytes()
    word = open_docx(Path(source.path), data)
    paragraphs = paragraph_lines(word)
    if "\n".join(label + text for _p, label, text in paragraphs) + "\n" != source.text:
        raise InputError(f"{source.path}: Word 文档在检查之后被改动了，请重新检查后再写批注")
    anchors = _Anchors(paragraphs, source)
    for diagnostic in sorted(diagnostics, key=lambda d: d.sort_key):
        first, last, numbering = anchors.span(diagnostic.start, diagnostic.end)
        comment = word.comments.add_comment(comment_text(diagnostic, source, numbering), AUTHOR, INITIALS)
        _mark(first, last, comment.comment_id)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def comment_text(diagnostic: Diagnostic, source: Source, numbering: str = "") -> str:
    """The comment: the message, the rule, the fix when there is one, and, for a finding on
    Word's automatic `numbering`, where it is (one paragraph each)."""
    lines = [one_line(diagnostic.message),
             f"{diagnostic.code} {diagnostic.name}（{diagnostic.severity.chinese}）"]
    if diagnostic.fix is not None:
        label = "可安全修复" if diagnostic.fix.safe else "建议修改（需人工复核）"
        lines.append(f"{label}：{_describe(diagnostic.fix, source)}")
    if numbering:
        lines.append(f"“{one_line(numbering)}”是 Word 的自动编号，请在本段的编号格式中修改")
    return "\n".join(lines)


def _describe(fix: Fix, source: Source) -> str:
    parts = list(dict.fromkeys(edit.describe() for edit in fix.formats))  # a layout rule's: font, size
    for edit in fix.edits:
        before, after = _quoted(source.text[edit.start:edit.end]), _quoted(edit.content)
        if not edit.content:
            parts.append(f"删除{before}")
        elif edit.start == edit.end:
            parts.append(f"插入{after}")
        else:
            parts.append(f"{before}改为{after}")
    return "；".join(parts)


def _quoted(text: str) -> str:
    text = text.replace("\n", "↵")  # a paragraph break inside the edited text
    if len(text) > _QUOTED_MAX:
        text = text[:_QUOTED_MAX - 1] + "…"
    return f"“{one_line(text)}”"


class _Anchors:
    """Turns a character span of the Source into the first and last run of a comment's anchor,
    splitting runs at the span's ends."""

    def __init__(self, paragraphs, source: Source):
        self.paragraphs = paragraphs  # (w:p element, numbering label, text) per line
        self.source = source

    def span(self, start: int, end: int):
        """(first, last, numbering): the anchor's end points, each a w:r element, or the w:p
        itself where the paragraph has no text to cover; and the automatic numbering the span
        starts on, if it does ("" if not)."""
        text = self.source.text  # never empty: each paragraph, the last too, ends in "\n"
        last_offset = len(text) - 1
        start, end = max(0, min(start, last_offset)), max(0, min(end, len(text)))
        end = max(start, end)
        while end > start and text[end - 1] == "\n":  # paragraph breaks are not text to anchor
            end -= 1
        while start < end and text[start] == "\n":
            start += 1
        first_line, first_column = self._start(start)
        if start < end:
            last_line, last_column = self._end(end)
        else:  # a point: anchor the character at it, else the one before it
            last_line = first_line
            if first_column < len(self._line(first_line)):
                last_column = first_column + 1
            else:
                first_column = max(0, first_column - 1)
                last_column = len(self._line(first_line))
        first_label = len(self.paragraphs[first_line][1])
        numbering = self.paragraphs[first_line][1] if first_column < first_label else ""
        if numbering:  # on Word's numbering, which is not text: the paragraph
            first_column = first_label
            if last_line == first_line:
                last_column = len(self._line(last_line))
        if last_line != first_line and last_column <= len(self.paragraphs[last_line][1]):
            last_column = len(self._line(last_line))  # ends on the numbering: that whole paragraph
        first = self._boundary(first_line, first_column - first_label, True)
        last = self._boundary(last_line, last_column - len(self.paragraphs[last_line][1]), False)
        return first, last, numbering

    def _start(self, offset: int) -> tuple[int, int]:
        """(0-based line, column) of the first character of a span."""
        line, column = self.source.position(offset)
        return line - 1, column - 1

    def _end(self, offset: int) -> tuple[int, int]:
        """(0-based line, column) of a span's exclusive end: the line of its last character."""
        line, column = self._start(offset - 1)
        return line, column + 1

    def _line(self, line: int) -> str:
        _p, label, text = self.paragraphs[line]
        return label + text

    def _boundary(self, line: int, column: int, is_start: bool):
        """The run that starts (is_start) or ends at `column` of the paragraph's text,
        splitting a run when the column falls inside it."""
        p = self.paragraphs[line][0]
        segments = _segments(p)
        if not segments:
            return p
        if is_start:
            for run, start, end, splittable in segments:
                if column < end:
                    if column > start and splittable:
                        return _split(run, column - start)
                    return run
            return segments[-1][0]
        for run, start, end, splittable in reversed(segments):
            if column > start:
                if column < end and splittable:
                    _split(run, column - start)
                return run
        return segments[0][0]


def _segments(p) -> list[tuple[object, int, int, bool]]:
    """(run, start, end, splittable) for each run that holds text in a paragraph, in order,
    offsets counted in the paragraph's text as the reader reads it."""
    from lintlaw.io.readers.docx_reader import text_nodes

    segments: list[list] = []
    offset = 0
    for node, text in text_nodes(p):
        run, splittable = _run_of(node, p)
        if segments and segments[-1][0] is run:
            segments[-1][2] += len(text)
        elif run is not None:
            segments.append([run, offset, offset + len(text), splittable])
        offset += len(text)
    return [tuple(segment) for segment in segments if segment[2] > segment[1]]


def _run_of(node, p):
    """The run of `p` a text node belongs to, and whether it may be split at that node:
    text inside a text box belongs to the run holding the drawing, which is kept whole."""
    run = None
    parent = node.getparent()
    while parent is not None and parent is not p:
        if parent.tag == W + "r":
            run = parent  # the outermost run below the paragraph
        parent = parent.getparent()
    return run, run is not None and run is node.getparent()


def _split(run, at: int):
    """Split a run before its `at`-th character; the new second run, with the same properties,
    follows the first and is returned."""
    from lintlaw.io.readers.docx_reader import text_nodes

    second = copy.deepcopy(run)
    for child in list(second):
        if child.tag != W + "rPr":
            second.remove(child)
    offset = 0
    moving = False
    for child in list(run):
        if child.tag == W + "rPr":
            continue
        if moving:
            second.append(child)
            continue
        length = sum(len(text) for _node, text in text_nodes(child)) if child.tag in (
            W + "t", W + "tab", W + "br") else 0
        if offset + length <= at:
            offset += length
            if offset == at and length:
                moving = True
            continue
        # The split falls inside this w:t: its text is shared between the two runs.
        keep = at - offset
        tail = copy.deepcopy(child)
        child.text, tail.text = child.text[:keep], child.text[keep:]
        for part in (child, tail):
            part.set(XML_SPACE, "preserve")
        second.append(tail)
        moving = True
    run.addnext(second)
    return second


def _mark(first, last, comment_id: int) -> None:
    """Place the comment's range and reference: python-docx's own marking between two runs;
    an end of the anchor in a paragraph with no text sits at that paragraph's end."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement
    from docx.oxml.text.run import CT_R
    from docx.text.run import Run

    if isinstance(first, CT_R) and isinstance(last, CT_R):
        Run(first, None).mark_comment_range(Run(last, None), comment_id)
        return
    start = OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(comment_id)})
    if isinstance(first, CT_R):
        first.addprevious(start)
    else:
        first.append(start)
    end = OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(comment_id)})
    reference = OxmlElement("w:r")
    reference.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(comment_id)}))
    if isinstance(last, CT_R):
        last.addnext(reference)
        last.addnext(end)
    else:
        last.append(end)
        last.append(reference)


def default_output(path: str | os.PathLike) -> Path:
    """Where `lintlaw check report.docx --annotate` writes the copy: report.lintlaw.docx beside it."""
    path = Path(path)
    return path.with_name(path.stem + ANNOTATED_COPY)


def write_copy(path: str | os.PathLike, data: bytes) -> None:
    """Write the annotated copy whole or not at all: a temporary file beside it, then a rename."""
    from lintlaw.io.writeback import replacing

    with replacing(path) as stream:
        stream.write(data)
