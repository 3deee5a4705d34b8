"""Line numbers as shown to people: the page's own (for HTML, the line of the page, not of
the extracted text), always written 第N行; for a PDF, the page and the line of that page
(第3页第12行), since a PDF reader shows pages, not the rebuilt text's lines."""

from __future__ import annotations

from lintlaw.text.layout import page_label


def line_label(source, offset: int) -> str:
    return page_label(source.layout, offset) or f"第{source.position(offset)[0]}行"


def page_place(source, offset: int) -> tuple[int, int] | None:
    """(page, line of the page) of an offset in a PDF's text; None for other inputs."""
    return source.layout.place(offset) if source.layout is not None else None
