"""The runs of a Word paragraph as lintlaw reads its text: where each character is, which
characters a tracked change may replace, and splitting a run so that a span begins or
ends exactly at a run's edge.

Offsets here count characters of a paragraph's text as the reader reads it
(lintlaw/io/readers/docx_reader.py), without Word's automatic numbering.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# What a run may hold besides text and still have its text replaced by a tracked change:
# its properties, and the page-break hint Word leaves where a page last broke.
_PLAIN = frozenset({W + "rPr", W + "t", W + "lastRenderedPageBreak"})
# Containers whose text is not the drafter's to change as text: other tracked changes, a
# simple field's result. (Hyperlinks, content controls and smart tags hold ordinary text.)
_FROZEN = frozenset({W + "ins", W + "del", W + "moveFrom", W + "moveTo", W + "fldSimple"})


@dataclass
class Segment:
    run: object  # the w:r element below the paragraph that holds these characters
    start: int
    end: int
    splittable: bool  # the text is the run's own (not inside a text box the run draws)


def segments(p) -> list[Segment]:
    """The runs of a paragraph that hold text, in order, with the characters each holds."""
    from lintlaw.io.readers.docx_reader import text_nodes

    found: list[Segment] = []
    offset = 0
    for node, text in text_nodes(p):
        run, splittable = run_of(node, p)
        if found and found[-1].run is run:
            found[-1].end += len(text)
        elif run is not None:
            found.append(Segment(run, offset, offset + len(text), splittable))
        offset += len(text)
    return [segment for segment in found if segment.end > segment.start]


def run_of(node, p):
    """The run of `p` a text node belongs to, and whether it may be split at that node:
    text inside a text box belongs to the run holding the drawing, which is kept whole."""
    run = None
    parent = node.getparent()
    while parent is not None and parent is not p:
        if parent.tag == W + "r":
            run = parent  # the outermost run below the paragraph
        parent = parent.getparent()
    return run, run is not None and run is node.getparent()


def split(run, at: int):
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


def split_at(p, offsets) -> None:
    """Split the runs of a paragraph so that each offset falls between two runs (where the
    run holding it may be split)."""
    found = segments(p)
    for offset in sorted(set(offsets), reverse=True):
        for segment in found:
            if segment.start < offset < segment.end and segment.splittable:
                split(segment.run, offset - segment.start)
                break


def is_plain(run) -> bool:
    """Whether a run holds only text (and properties): its text can be deleted as a tracked
    change without taking anything else (a tab, a footnote mark, a picture) with it."""
    return all(child.tag in _PLAIN for child in run)


class FieldRuns:
    """The runs inside complex fields (w:fldChar begin … end, which may span paragraphs),
    found by walking the body's runs once in order: their text is a field's code or result,
    which Word computes, not text to change."""

    def __init__(self, body):
        # The elements themselves are kept: lxml gives a node the same Python object only
        # while one is referenced, so an id() alone could name another node later.
        self.runs: dict[int, object] = {}
        depth = 0
        for run in body.iter(W + "r"):
            chars = [c.get(W + "fldCharType") for c in run.iter(W + "fldChar")]
            if "begin" in chars:
                depth += chars.count("begin")
            if depth > 0:
                self.runs[id(run)] = run
            depth = max(0, depth - chars.count("end"))

    def holds(self, run) -> bool:
        return self.runs.get(id(run)) is run


def editable(run, p, fields: FieldRuns) -> bool:
    """Whether the text of a run (a Segment's, splittable) may be replaced by a tracked change."""
    if not is_plain(run) or fields.holds(run):
        return False
    parent = run.getparent()
    while parent is not None and parent is not p:
        if parent.tag in _FROZEN:
            return False
        parent = parent.getparent()
    return True


def locked_in_paragraph(p, length: int, fields: FieldRuns) -> list[tuple[int, int]]:
    """The spans of a paragraph's text (`length` characters) that tracked changes may not touch."""
    spans = []
    position = 0
    for segment in segments(p):
        if segment.start > position:  # text outside any run: left alone
            spans.append((position, segment.start))
        if not (segment.splittable and editable(segment.run, p, fields)):
            spans.append((segment.start, segment.end))
        position = segment.end
    if position < length:
        spans.append((position, length))
    return spans


# What may sit between two paragraphs that one deleted paragraph mark joins: marks of ranges.
_BETWEEN = frozenset({W + "bookmarkStart", W + "bookmarkEnd", W + "commentRangeStart", W + "commentRangeEnd",
                      W + "proofErr", W + "permStart", W + "permEnd"})


def joinable(p, following) -> bool:
    """Whether the mark ending paragraph `p` may be deleted as a tracked change, joining it to
    `following`: the next paragraph in the same container, the mark no section break and no
    one's pending change."""
    properties = p.find(W + "pPr")
    if properties is not None:
        if properties.find(W + "sectPr") is not None:
            return False
        mark = properties.find(W + "rPr")
        if mark is not None and any(mark.find(W + tag) is not None for tag in ("ins", "del", "moveFrom", "moveTo")):
            return False
    for sibling in p.itersiblings():
        if sibling is following:
            return True
        if sibling.tag not in _BETWEEN:
            return False
    return False


def delete_mark(p, change) -> None:
    """Mark the end of paragraph `p` deleted: `change` (a w:del) in its mark's properties."""
    from docx.oxml.parser import OxmlElement

    properties = p.get_or_add_pPr()
    mark = properties.find(W + "rPr")
    if mark is None:
        mark = OxmlElement("w:rPr")
        later = [child for child in properties if child.tag in (W + "sectPr", W + "pPrChange")]
        if later:
            later[0].addprevious(mark)
        else:
            properties.append(mark)
    mark.insert(0, change)  # a mark's revision comes before its formatting
