"""A finding's words in their line, with a little of the line on each side: what a reader
needs to find the place on paper (the serve page's printed list of findings)."""

from __future__ import annotations

AROUND = 20  # characters of the line shown on each side of the words
WORDS = 40  # characters of the words themselves shown before "…"


def excerpt(source, start: int, end: int) -> tuple[str, str, str]:
    """(before, words, after) of the span start:end, cut to its first line; "…" where the
    line or the words go on beyond what is shown."""
    line_start, line_end = source.line_bounds(start)
    end = max(min(end, line_end), start)
    text = source.text
    words = text[start:end]
    if len(words) > WORDS:
        words = words[:WORDS - 1] + "…"
    before = text[max(line_start, start - AROUND):min(start, line_end)]
    after = text[end:min(line_end, end + AROUND)]
    lead = "…" if start - AROUND > line_start else ""
    tail = "…" if end + AROUND < line_end else ""
    return lead + before, words, after + tail
