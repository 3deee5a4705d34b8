"""Terminal cell widths: CJK characters take two cells."""

from __future__ import annotations

import functools
import unicodedata

from lintlaw.render.visible import escape_char, is_unsafe


@functools.lru_cache(maxsize=4096)  # a report uses a few thousand characters, each many times
def char_width(char: str) -> int:
    if is_unsafe(char):  # shown as its escape, e.g. \x1b
        return len(escape_char(char))
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(c) for c in text)
