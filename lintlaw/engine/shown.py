"""Text as a message quotes it: in quotation marks, or by code point when it cannot be seen.

A private-use or format character between quotation marks shows as “” (or as a box that
differs from font to font); U+E000 says what it is.
"""

from __future__ import annotations

import unicodedata

SHOWN_CODE_POINTS = 3  # a longer run of unseen characters is summed up after this many

_UNSEEN = {"Co", "Cf", "Cc", "Cn", "Cs", "Zl", "Zp"}


def unseen(char: str) -> bool:
    category = unicodedata.category(char)
    return category in _UNSEEN or (category == "Zs" and char != " ")


def quoted(text: str) -> str:
    """“text”, or its code points (" U+E000 U+E001", a space first as between Chinese and
    Latin text) when any of it cannot be seen."""
    if not any(unseen(c) for c in text):
        return f"“{text}”"
    points = " ".join(f"U+{ord(c):04X}" for c in text[:SHOWN_CODE_POINTS])
    return f" {points}" if len(text) <= SHOWN_CODE_POINTS else f" {points} 等 {len(text)} 个字符"
