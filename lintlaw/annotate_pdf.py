"""PDF output: a copy of a PDF with every finding as a highlight on its words, the message as
the highlight's note, readable in any PDF reader.

The PDF reader (lintlaw/io/readers/pdf) keeps where every character of the rebuilt text
stands on the pages (lintlaw/text/layout.py), so a finding's span becomes the boxes of its
characters, one rectangle per line of the page it runs over; a finding on a table cell
(blank cells too) covers the cell. The copy is written with pypdf (BSD licence, pure
Python): the page contents are not touched, annotations are added, and lintlaw's own from
an earlier run (named "lintlaw-…") are replaced, so annotating a copy again does not stack.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path

from lintlaw.diagnostics import Diagnostic, Severity
from lintlaw.errors import InputError
from lintlaw.text.source import Source

AUTHOR = "lintlaw"
MARK = "lintlaw-"  # the /NM of lintlaw's annotations: recognised and replaced on the next run
COLOURS = {Severity.ERROR: "ff8080", Severity.WARNING: "ffd24d", Severity.INFO: "9cc7ff"}
_PAD = 0.5  # points around a character's box


def annotate_pdf(document: bytes | str | os.PathLike, diagnostics: Iterable[Diagnostic], source: Source,
                 note: Callable[[Diagnostic], str] | None = None, author: str = AUTHOR) -> bytes:
    """The bytes of a copy of `document` (a PDF's path or bytes) with each finding as a
    highlight annotation by `author` whose note is `note(finding)` (lintlaw/review/pdf.py gives
    the comment a Word copy carries; without it, the finding's comment without its authority).

    `source` is what lintlaw read from that document; InputError if it cannot be written
    (the file changed since, or pypdf cannot read it)."""
    from pypdf import PdfReader, PdfWriter

    data = document if isinstance(document, bytes) else Path(document).read_bytes()
    if source.layout is None:
        raise InputError(f"{source.path}: 不是从 PDF 读出的内容，无法写 PDF 批注")
    try:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    except Exception:  # pypdf raises several kinds for a file it cannot parse
        raise InputError(f"{source.path}: 无法写出带批注的 PDF 副本（文件无法解析）") from None
    if len(writer.pages) != len(source.layout.sizes):
        raise InputError(f"{source.path}: PDF 在检查之后被改动了，请重新检查后再写批注")
    for page in writer.pages:
        _drop_own(page)
    stamp = datetime.now(timezone.utc).strftime("D:%Y%m%d%H%M%SZ")
    for number, diagnostic in enumerate(sorted(diagnostics, key=lambda d: d.sort_key)):
        text = note(diagnostic) if note is not None else _comment(diagnostic, source)
        for part, (page, boxes) in enumerate(_boxes(source, diagnostic.start, diagnostic.end)):
            shown = source.layout.sizes[page - 1], source.layout.rotations[page - 1]
            annotation = _highlight([_unshown(box, *shown) for box in boxes], COLOURS[diagnostic.severity])
            _describe(annotation, text if part == 0 else f"（续）{text}", f"{MARK}{number}-{part}", stamp, author)
            writer.add_annotation(page_number=page - 1, annotation=annotation)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _comment(diagnostic: Diagnostic, source: Source) -> str:
    from lintlaw.review.comments import comment_text
    from lintlaw.review.plan import Remark

    return comment_text(Remark(diagnostic), source)


def _boxes(source: Source, start: int, end: int) -> list[tuple[int, list[tuple[float, float, float, float]]]]:
    """The rectangles (top-down page coordinates) a span covers, page by page: one per line of
    the page, from its first character's box to its last. A span on a table cell, or with no
    character of its own (a blank cell, a missing mark), covers its cell or its line."""
    layout = source.layout
    line = source.position(start)[0] - 1
    cell = layout.cells.get(line)
    if cell is not None and source.position(max(end - 1, start))[0] - 1 == line:
        page, *box = cell
        return [(page, [tuple(box)])]
    rows: dict[tuple[int, int], list[float]] = {}
    for offset in range(start, max(end, start + 1)):
        placed = layout.box(offset)
        if placed is None:
            continue
        page, (x0, top, x1, bottom) = placed
        key = (page, layout.row[offset])
        if key in rows:
            box = rows[key]
            rows[key] = [min(box[0], x0), min(box[1], top), max(box[2], x1), max(box[3], bottom)]
        else:
            rows[key] = [x0, top, x1, bottom]
    if not rows:
        place = _nearest_box(source, start)
        return [place] if place else []
    by_page: dict[int, list[tuple[float, float, float, float]]] = {}
    for (page, _row), box in sorted(rows.items()):
        by_page.setdefault(page, []).append(tuple(box))
    return sorted(by_page.items())


def _nearest_box(source: Source, offset: int):
    """The box of the character nearest `offset` that has one (a finding with no characters
    of its own: an insertion point, a line break)."""
    layout = source.layout
    for index in (*range(offset, min(offset + 64, len(layout.page))), *range(offset - 1, max(offset - 64, -1), -1)):
        placed = layout.box(index)
        if placed is not None:
            return placed[0], [placed[1]]
    return None


def _unshown(box, size: tuple[float, float], rotation: int) -> tuple[float, float, float, float]:
    """A box as the page shows it (top-down, after /Rotate) in the page's own space, where
    annotations are placed: (left, bottom, right, top), y up."""
    x0, top, x1, bottom = box
    width, height = size  # as shown
    if rotation == 90:
        return top, x0, bottom, x1
    if rotation == 180:
        return width - x1, top, width - x0, bottom
    if rotation == 270:
        return height - bottom, width - x1, height - top, width - x0
    return x0, height - bottom, x1, height - top


def _highlight(boxes, colour: str):
    """A highlight annotation over `boxes` (left, bottom, right, top in the page's space)."""
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject

    quads = []
    for left, low, right, high in boxes:
        left, right, low, high = left - _PAD, right + _PAD, low - _PAD, high + _PAD
        # QuadPoints: upper left, upper right, lower left, lower right (as readers expect them).
        quads += [left, high, right, high, left, low, right, low]
    rect = (min(quads[0::2]), min(quads[1::2]), max(quads[0::2]), max(quads[1::2]))
    return Highlight(rect=rect, quad_points=ArrayObject([FloatObject(round(v, 2)) for v in quads]),
                     highlight_color=colour, printing=True)


def _describe(annotation, note: str, name: str, stamp: str, author: str) -> None:
    from pypdf.generic import NameObject, TextStringObject

    annotation[NameObject("/Contents")] = TextStringObject(note)
    annotation[NameObject("/T")] = TextStringObject(author)
    annotation[NameObject("/NM")] = TextStringObject(name)
    annotation[NameObject("/M")] = TextStringObject(stamp)


def _drop_own(page) -> None:
    """Remove the annotations an earlier lintlaw run added, whoever it named as their author
    (a person's stay: they carry no "lintlaw-…" name)."""
    from pypdf.generic import ArrayObject, NameObject

    annotations = page.get("/Annots")
    if annotations is None:
        return
    kept = ArrayObject()
    for reference in annotations.get_object():
        annotation = reference.get_object()
        if str(annotation.get("/NM", "")).startswith(MARK):
            continue
        kept.append(reference)
    page[NameObject("/Annots")] = kept
