"""Chinese numerals as used in heading markers and inline enumerations."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED_ONE = ord("①")
_FULLWIDTH_ZERO = ord("０")


def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral below one hundred (一, 十二, 二十, 九十九)."""
    if not text:
        return None
    if "十" not in text:
        return _DIGITS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    high = 1 if not tens else _DIGITS.get(tens)
    low = 0 if not units else _DIGITS.get(units)
    if high is None or low is None or high == 0:
        return None
    return high * 10 + low


def int_to_chinese(value: int) -> str:
    """The Chinese numeral for 1..99, as written in headings (十一, 二十)."""
    names = "零一二三四五六七八九"
    if value < 10:
        return names[value]
    tens, units = divmod(value, 10)
    return ("" if tens == 1 else names[tens]) + "十" + (names[units] if units else "")


def arabic_to_int(text: str) -> int:
    """Value of ASCII or full-width digits."""
    return int("".join(chr(ord(c) - _FULLWIDTH_ZERO + 48) if "０" <= c <= "９" else c for c in text))


def circled_to_int(char: str) -> int:
    return ord(char) - _CIRCLED_ONE + 1


def circled(value: int) -> str:
    return chr(_CIRCLED_ONE + value - 1) if 1 <= value <= 20 else str(value)
