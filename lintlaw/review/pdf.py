"""A reviewed copy of a PDF: every finding a highlight whose note is its comment
(lintlaw/annotate_pdf.py writes the highlights). A PDF carries no tracked changes, so its
text is locked whole: every fix stays a suggestion in its note, and --fix writes no copy."""

from __future__ import annotations

from lintlaw.review.plan import Review
from lintlaw.text.source import Source


class PdfCopy:
    def __init__(self, data: bytes, source: Source):
        self.data = data
        self.source = source

    def locked(self) -> list[tuple[int, int]]:
        return [(0, len(self.source.text) + 1)]

    def write(self, review: Review, author: str, minute: str) -> bytes:
        from lintlaw.annotate_pdf import annotate_pdf
        from lintlaw.review.comments import comment_text

        notes = {id(remark.diagnostic): comment_text(remark, self.source, review.authorities.get(
            remark.diagnostic.code, "")) for remark in review.remarks}
        return annotate_pdf(self.data, [remark.diagnostic for remark in review.remarks], self.source,
                            note=lambda d: notes[id(d)], author=author)
