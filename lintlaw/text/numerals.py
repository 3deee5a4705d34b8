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


_UNITS = {"十": 10, "百": 100, "千": 1000}
_SECTIONS = {"万": 10_000, "亿": 100_000_000}


def chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral of any size: 十二, 三千五百, 两万, 一亿二千万, 二〇二四.

    A run of bare digits (二〇二四) reads digit by digit, as years are written.
    None when the text is not a well-formed numeral.
    """
    if not text:
        return None
    if all(c in _DIGITS for c in text):
        if len(text) == 1:
            return _DIGITS[text]
        return int("".join(str(_DIGITS[c]) for c in text))
    total = section = 0
    digit = None
    for char in text:
        if char in _DIGITS:
            if digit is not None and _DIGITS[char] != 0:
                return None  # two digits in a row without a unit: 三四
            digit = _DIGITS[char] or None
        elif char in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        elif char in _SECTIONS:
            section += digit or 0
            if section == 0 and total == 0:
                return None
            total = (total + section) * _SECTIONS[char] if char == "亿" else total + section * _SECTIONS[char]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)
