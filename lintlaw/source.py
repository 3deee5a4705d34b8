"""Reading report files: decoding, line endings, and offset-to-position maps.

Every position lintlaw reports is a character offset into the decoded original
text; line and column are derived from it only when rendering.
"""

from __future__ import annotations

import bisect
import codecs
import errno

# Internal fixed patterns use the standard re module (faster to compile at start-up);
# rule-file patterns use the regex module for its timeout (lintlaw/kinds/pattern.py).
import re
from dataclasses import dataclass, field
from pathlib import Path

from lintlaw.errors import InputError

LINE_BREAK = re.compile(r"\r\n|\r|\n")
# C0 controls other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Share of control characters above which decoded text is taken for binary.
_BINARY_CONTROL_RATIO = 0.05

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_UTF16_BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


@dataclass
class Source:
    """A decoded report file."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    editable: bool = True  # False for text read out of Word or HTML: fixes cannot be written back
    line_map: list[int] | None = None  # original line of each text line (HTML), if they differ
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(self.text)]
        return self._line_starts

    @property
    def newline(self) -> str:
        """The file's dominant line ending (the first one found)."""
        match = LINE_BREAK.search(self.text)
        return match.group() if match else "\n"

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        line = self.line_map[index] if self.line_map else index + 1
        return line, offset - self.line_starts[index] + 1

    def encode(self, text: str) -> bytes:
        """Text in this file's encoding, with the same byte-order mark, for writing back."""
        if self.encoding in _UTF16_BOMS:
            return _UTF16_BOMS[self.encoding] + text.encode(self.encoding)
        return text.encode(self.encoding)

    def line_text_at(self, offset: int) -> str:
        """The text line holding an offset (for HTML input, a line of the extracted text)."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return self.line_text(index + 1)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode bytes into a Source, detecting the encoding unless one is forced."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"{path}: 未知的编码“{encoding}”") from None
        bom = encoding.lower().replace("_", "-") in ("utf-8-sig", "utf8-sig")
        return _checked(_decode_as(data, path, encoding), path, encoding, bom)

    for mark, codec in _BOMS:
        if data.startswith(mark):
            text = _decode_as(data, path, codec)
            return _checked(text, path, codec, bom=True)

    if b"\x00" in data:
        raise InputError(f"{path}: 二进制文件，不是文本")
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return _checked(text, path, codec, bom=False)
    raise InputError(f"{path}: 无法识别文件编码（既不是 UTF-8 也不是 GB18030），请用 --encoding 指定")


def _decode_as(data: bytes, path: str, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: 不能按 {codec} 解码（第 {err.start + 1} 字节）") from None


def _checked(text: str, path: str, codec: str, bom: bool) -> Source:
    controls = len(_CONTROL.findall(text)) if text else 0
    if controls and controls > _BINARY_CONTROL_RATIO * len(text):
        raise InputError(f"{path}: 二进制文件，不是文本")
    if codec in _UTF16_BOMS:
        text = text.removeprefix("\ufeff")
    return Source(path=path, text=text, encoding=codec, bom=bom)


def read_file(path: Path, encoding: str | None = None) -> Source:
    """Read and decode one file; any failure is an InputError naming the file."""
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: 文件不存在") from None
    except IsADirectoryError:
        raise InputError(f"{name}: 是目录，不是文件") from None
    except PermissionError:
        raise InputError(f"{name}: 没有读取权限") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(f"{name}: 符号链接循环，无法读取") from None
        raise InputError(f"{name}: 无法读取（{err.strerror}）") from None
    return decode(data, name, encoding)
