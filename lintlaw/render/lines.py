"""Line numbers as shown to people: the page's own (for HTML, the line of the page, not of
the extracted text), always written 第N行."""

from __future__ import annotations


def line_label(source, offset: int) -> str:
    return f"第{source.position(offset)[0]}行"
