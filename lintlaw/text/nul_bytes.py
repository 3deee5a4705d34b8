"""What NUL bytes in a file without a byte-order mark most likely mean, as a message.

UTF-16 text without a BOM has a NUL in every ASCII character (line breaks, digits), all on
one side of each byte pair; a text file with a stray NUL or two is text all the same. Both
deserve a hint rather than a bare "binary file".
"""

from __future__ import annotations

import re

from lintlaw.text.chars import is_han

_OTHER_CONTROLS = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f\x7f]")

STRAY_NULS = 3  # at most this many NULs in otherwise decodable text: stray bytes
ONE_SIDE = 0.6  # share of NULs on the high-byte side of the pairs in UTF-16 text (CJK adds a few on the other)
PLAUSIBLE = 0.9  # share of decoded characters that are Chinese, ASCII or CJK punctuation


def nul_problem(data: bytes, path: str) -> str:
    """The one-line message for a file that has NUL bytes and no byte-order mark."""
    utf16 = _likely_utf16(data)
    if utf16:
        return f"{path}: 看来是没有字节序标记（BOM）的 UTF-16 文本；请用 --encoding {utf16} 读取"
    count = data.count(b"\x00")
    rest = data.replace(b"\x00", b"")
    if count <= STRAY_NULS and not _OTHER_CONTROLS.search(rest) and _decodes(rest):
        first = data.index(b"\x00")
        line = data.count(b"\n", 0, first) + 1
        return (f"{path}: 第{line}行有{'一个' if count == 1 else f' {count} 个'}空字符（NUL，\\x00），"
                "文本中不应有；请删去它，或用 --encoding 指定文件的编码")
    return f"{path}: 二进制文件，不是文本"


def _likely_utf16(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if even + odd < 2:
        return None
    for codec, side, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if side >= ONE_SIDE * (side + other) and _decodes(data, codec) and _plausible(data.decode(codec)):
            return codec
    return None


def _decodes(data: bytes, codec: str | None = None) -> bool:
    codecs = (codec,) if codec else ("utf-8", "gb18030")
    for name in codecs:
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _plausible(text: str) -> bool:
    """Reads as Chinese text: ideographs, ASCII, CJK and full-width punctuation, white space."""
    def ordinary(c: str) -> bool:
        return (" " <= c <= "~" or c in "\t\n\r\f" or is_han(c)
                or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or "\u2010" <= c <= "\u2027")
    return sum(map(ordinary, text)) >= PLAUSIBLE * len(text)
