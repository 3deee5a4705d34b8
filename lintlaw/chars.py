"""Character classes the checks share."""

from __future__ import annotations


def is_han(char: str) -> bool:
    """A CJK unified ideograph (the basic block, where report text lives)."""
    return bool(char) and "\u4e00" <= char <= "\u9fff"
