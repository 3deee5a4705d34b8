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
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from lintlaw.annotate import comment_text
from lintlaw.diagnostics import Diagnostic, Severity
from lintlaw.errors import InputError
from lintlaw.text.source import Source

AUTHOR = "lintlaw"
MARK = "lintlaw-"  # the /NM of lintlaw's annotations: recognised and replaced on the next run
COLOURS = {Severity.ERROR: "ff8080", Severity.WARNING: "ffd24d", Severity.INFO: "9cc7ff"}
_PAD = 0.5  # points around a character's box


def annotate_pdf(document: bytes | str | os.PathLike, diagnostics: Iterable[Diagnostic], source: Source) -> bytes:
    """The bytes of a copy of `document` (a PDF's path or bytes) with each finding as a
    highlight annotation by "lintlaw" whose note is the finding's message.

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
        note = comment_text(diagnostic, source)
        for part, (page, boxes) in enumerate(_boxes(source, diagnostic.start, diagnostic.end)):
            height = source.layout.sizes[page - 1][1]
            annotation = _highlight(boxes, height, COLOURS[diagnostic.severity])
            _describe(annotation, note if part == 0 else f"（续）{note}", f"{MARK}{number}-{part}", stamp)
            writer.add_annotation(page_number=page - 1, annotation=annotation)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def default_output(path: str | os.PathLike) -> Path:
    """Where `lintlaw check report.pdf --annotate` writes the copy: report.lintlaw.pdf beside it."""
    path = Path(path)
    return path.with_name(path.stem + ".lintlaw.pdf")


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


def _highlight(boxes, height: float, colour: str):
    """A highlight annotation over `boxes` (top-down coordinates on a page `height` high)."""
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject

    quads = []
    for x0, top, x1, bottom in boxes:
        x0, x1 = x0 - _PAD, x1 + _PAD
        low, high = height - bottom - _PAD, height - top + _PAD
        # QuadPoints: upper left, upper right, lower left, lower right (as readers expect them).
        quads += [x0, high, x1, high, x0, low, x1, low]
    rect = (min(quads[0::2]), min(quads[1::2]), max(quads[0::2]), max(quads[1::2]))
    return Highlight(rect=rect, quad_points=ArrayObject([FloatObject(round(v, 2)) for v in quads]),
                     highlight_color=colour, printing=True)


def _describe(annotation, note: str, name: str, stamp: str) -> None:
    from pypdf.generic import NameObject, TextStringObject

    annotation[NameObject("/Contents")] = TextStringObject(note)
    annotation[NameObject("/T")] = TextStringObject(AUTHOR)
    annotation[NameObject("/NM")] = TextStringObject(name)
    annotation[NameObject("/M")] = TextStringObject(stamp)


def _drop_own(page) -> None:
    """Remove the annotations an earlier lintlaw run added (a person's stay)."""
    from pypdf.generic import ArrayObject, NameObject

    annotations = page.get("/Annots")
    if annotations is None:
        return
    kept = ArrayObject()
    for reference in annotations.get_object():
        annotation = reference.get_object()
        if str(annotation.get("/T", "")) == AUTHOR and str(annotation.get("/NM", "")).startswith(MARK):
            continue
        kept.append(reference)
    page[NameObject("/Annots")] = kept
