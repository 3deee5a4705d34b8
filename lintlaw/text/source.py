"""Reading report files: decoding, line endings, and offset-to-position maps.

Every position lintlaw reports is a character offset into the decoded original
text; line and column are derived from it only when rendering.
"""

from __future__ import annotations

import bisect
import codecs
import errno
import os
import stat

# Internal fixed patterns use the standard re module (faster to compile at start-up);
# rule-file patterns use the regex module for its timeout (lintlaw/engine/kinds/pattern.py).
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lintlaw.errors import InputError
from lintlaw.reasons import system_reason

if TYPE_CHECKING:
    from lintlaw.text.grid import Grid
    from lintlaw.text.layout import PageLayout
    from lintlaw.text.word_format import WordFormat

LINE_BREAK = re.compile(r"\r\n|\r|\n")
# C0 controls other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Share of control characters above which decoded text is taken for binary, once there are
# sixteen: a text holding a few stray ones is text, so a fix that shortens it cannot make the
# next run refuse it (with three, a short text a fix shortened did). Binary files almost
# always hold NUL bytes as well, which are judged before this (lintlaw/text/nul_bytes.py).
_BINARY_CONTROL_RATIO = 0.05
_BINARY_MIN_CONTROLS = 16

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Codecs of a fixed byte order: their byte-order mark, when the file has one, is
# read off and written back by lintlaw, not by the codec.
_ORDER_MARKS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
                "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


@dataclass(frozen=True)
class Origin:
    """A file as it was read: write-back checks that it is still so before replacing it."""

    data: bytes
    size: int | None = None  # None for standard input
    mtime_ns: int | None = None
    file_id: tuple[int, int] | None = None  # (device, inode)


@dataclass
class Source:
    """A decoded report file."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    editable: bool = True  # False for text read out of Word or HTML: fixes cannot be written back
    # Its fixes can be written as tracked changes in a reviewed copy instead (Word: lintlaw/review/).
    revisable: bool = False
    line_map: list[int] | None = None  # original line of each text line (HTML), if they differ
    reader: str = "text"  # the reader that read it (lintlaw/readers): Markdown has an outline view
    origin: Origin | None = field(default=None, repr=False, compare=False)  # the bytes read, for --fix
    # The tables of a Word document or web page as they were drawn (lintlaw/text/grid.py); their
    # cells point at lines of `text`. Plain text has none: its tables are found by their labels.
    grids: list[Grid] = field(default_factory=list, repr=False, compare=False)
    # A PDF's text: where each character stands on the pages (lintlaw/text/layout.py).
    layout: PageLayout | None = field(default=None, repr=False, compare=False)
    # A Word document's formatting: fonts, sizes, alignment, pages (lintlaw/text/word_format.py).
    formatting: WordFormat | None = field(default=None, repr=False, compare=False)
    # Lines (0-based) the layout sets apart as titles (a PDF's centred, larger lines): a part of the
    # document starts there, and numbering may start again under it.
    set_apart: frozenset[int] = field(default=frozenset(), repr=False, compare=False)
    # Remarks on reading it that are not errors (pages with no text layer), one line each.
    warnings: list[str] = field(default_factory=list, repr=False, compare=False)
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
        if not self.line_map:
            line = index + 1
        elif index < len(self.line_map):
            line = self.line_map[index]
        else:  # the end of a text that ends with a line break (a fix deleting the last line)
            line = self.line_map[-1] + 1
        return line, offset - self.line_starts[index] + 1

    def pack(self) -> Packed:
        """This source in little memory (its text compressed), to be unpacked when needed."""
        import zlib

        return Packed(self.path, zlib.compress(self.text.encode("utf-8"), 1), self.encoding, self.bom,
                      self.editable, self.revisable, self.line_map, self.reader, self.layout)

    def with_text(self, text: str) -> Source:
        """The same file with other text (fixed): same name, encoding, byte-order mark, reader.

        Tables drawn in the document keep their cells, and a Word document its formatting, when
        the text keeps its lines (most fixes neither join nor split paragraphs), each cell read
        again from its lines; the formatting's columns are those of the text before the fix."""
        grids, formatting = [], None
        if text.count("\n") == self.text.count("\n"):
            lines = text.split("\n")
            grids = [grid.read_again(lines) for grid in self.grids]
            formatting = self.formatting
        return Source(path=self.path, text=text, encoding=self.encoding, bom=self.bom, editable=self.editable,
                      revisable=self.revisable, reader=self.reader, grids=grids, formatting=formatting)

    def encode(self, text: str) -> bytes:
        """Text in this file's encoding, with the same byte-order mark, for writing back."""
        data = text.encode(self.encoding)
        if self.bom and self.encoding in _ORDER_MARKS:
            return _ORDER_MARKS[self.encoding] + data
        return data

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """Where the line holding an offset starts and ends (before its line break)."""
        starts = self.line_starts
        index = bisect.bisect_right(starts, offset) - 1
        end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
        while end > starts[index] and self.text[end - 1] in "\r\n":
            end -= 1
        return starts[index], end


    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


@dataclass(frozen=True)
class Packed:
    """A Source kept for later with its text compressed (a run that compares reports keeps
    every file's text until the end): about two thirds of the memory of Chinese text."""

    path: str
    data: bytes
    encoding: str
    bom: bool
    editable: bool
    revisable: bool
    line_map: list[int] | None
    reader: str
    layout: PageLayout | None = None  # a PDF's: where its findings stand on the pages

    def unpack(self) -> Source:
        import zlib

        return Source(self.path, zlib.decompress(self.data).decode("utf-8"), encoding=self.encoding,
                      bom=self.bom, editable=self.editable, revisable=self.revisable, line_map=self.line_map,
                      reader=self.reader, layout=self.layout)


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode bytes into a Source, detecting the encoding unless one is forced."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"{path}: 未知的编码“{encoding}”") from None
        codec, bom = _forced_codec(data, encoding)
        return _checked(_decode_as(data, path, codec), path, codec, bom)

    for mark, codec in _BOMS:
        if data.startswith(mark):
            text = _decode_as(data, path, codec)
            return _checked(text, path, codec, bom=True)

    if data.startswith(b"%PDF-"):  # a PDF under another name, or on standard input with none
        raise InputError(f"{path}: 是 PDF 文件，不是文本；请用 .pdf 文件名检查"
                         "（从标准输入读取时加 --stdin-filename 文件名.pdf）")
    if b"\x00" in data:
        from lintlaw.text.nul_bytes import nul_problem

        raise InputError(nul_problem(data, path))
    try:
        return _checked(data.decode("utf-8"), path, "utf-8", bom=False)
    except UnicodeDecodeError as err:
        first_bad = err.start
    # Not UTF-8 as a whole: GB18030 only when the bytes really look like it. GB18030
    # decodes almost any bytes, so UTF-8 with one stray GBK character would otherwise
    # become mojibake here, and be written back as GB18030 by --fix.
    hint = "请用 --encoding 指定文件的编码"
    if _mostly_utf8(data):
        raise InputError(f"{path}: 大部分是 UTF-8，但第 {first_bad + 1} 字节起有不是 UTF-8 的内容"
                         f"（可能混入了 GBK 编码的文字），{hint}")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{path}: 无法识别文件编码（既不是 UTF-8 也不是 GB18030），请用 --encoding 指定") from None
    if not _plausible_chinese(text):
        raise InputError(f"{path}: 既不是 UTF-8，按 GB18030 读出的又多是生僻字或乱码，无法确定编码，{hint}")
    return _checked(text, path, "gb18030", bom=False)


# A valid multi-byte UTF-8 sequence (no overlongs, no surrogates).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]"
                            rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
                            rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}"
                            rb"|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_ASCII = bytes(range(128))
# In GBK text about a third of the non-ASCII bytes happen to form UTF-8 sequences
# (at most 0.39 over the corpus); in UTF-8 text with a stray GBK character, nearly all.
_MOSTLY_UTF8 = 0.8
# Reports use common characters, simplified (GB 2312) or traditional (Big5): at most
# 1.5% others over the corpus (odd spaces). UTF-8 read as GB18030 gives 23% or more.
# A few rare characters (a name such as 王堃) are always plausible.
_RARE_SHARE = 0.1
_RARE_ALWAYS_PLAUSIBLE = 3


def _mostly_utf8(data: bytes) -> bool:
    high = len(data.translate(None, _ASCII))
    in_sequences = sum(len(match) for match in _UTF8_SEQUENCE.findall(data))
    return high > 0 and in_sequences / high >= _MOSTLY_UTF8


# Sequences below which a forced reading is not called a misreading of UTF-8: in a few
# GBK characters, whole UTF-8 sequences happen by chance.
_MISREAD_MIN_SEQUENCES = 3


def misread_utf8(data: bytes, codec: str) -> bool:
    """Whether text read with a forced codec that is not UTF is mostly UTF-8 read wrongly:
    its non-ASCII bytes form UTF-8 sequences (æ³•æ²» for 法治 in Latin-1). A fix written in
    that reading would cut through the sequences (R006 deleting 0xAD, a soft hyphen in
    Latin-1, from 止 = e6 ad a2)."""
    if codecs.lookup(codec).name.startswith(("utf-", "utf_")):
        return False
    return (len(_UTF8_SEQUENCE.findall(data)) >= _MISREAD_MIN_SEQUENCES
            and _mostly_utf8(data))


def _plausible_chinese(text: str) -> bool:
    """Whether GB18030-decoded text reads as text: few characters outside GB 2312 and Big5
    (rare, private-use and unassigned ones are what mis-decoded bytes look like)."""
    from collections import Counter

    high = rare = 0
    for ch, count in Counter(text).items():
        if ord(ch) > 127:
            high += count
            if not (_encodable(ch, "gb2312") or _encodable(ch, "big5")):
                rare += count
    return rare <= max(_RARE_ALWAYS_PLAUSIBLE, _RARE_SHARE * high)


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _forced_codec(data: bytes, encoding: str) -> tuple[str, bool]:
    """The codec for a forced encoding and whether the file has a byte-order mark.

    The file's own mark decides what the name leaves open, so that writing back
    keeps it: `utf-16` is big- or little-endian as the mark says (little without
    one, and then no mark is added); `utf-8-sig` adds no mark the file lacked.
    """
    name = codecs.lookup(encoding).name
    if name in ("utf-8", "utf-8-sig"):
        bom = data.startswith(codecs.BOM_UTF8)
        return ("utf-8-sig" if bom else "utf-8"), bom
    if name in ("utf-16", "utf-32"):
        for codec in (f"{name}-le", f"{name}-be"):
            if data.startswith(_ORDER_MARKS[codec]):
                return codec, True
        return f"{name}-le", False
    if name in _ORDER_MARKS:
        return name, data.startswith(_ORDER_MARKS[name])
    return encoding, False


def _decode_as(data: bytes, path: str, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: 不能按 {codec} 解码（第 {err.start + 1} 字节）") from None


def _checked(text: str, path: str, codec: str, bom: bool) -> Source:
    controls = len(_CONTROL.findall(text)) if text else 0
    if controls >= _BINARY_MIN_CONTROLS and controls > _BINARY_CONTROL_RATIO * len(text):
        raise InputError(f"{path}: 二进制文件，不是文本")
    if bom and codec in _ORDER_MARKS:
        text = text.removeprefix("\ufeff")
    return Source(path=path, text=text, encoding=codec, bom=bom)


_KINDS = ((stat.S_ISDIR, "目录"), (stat.S_ISFIFO, "命名管道"), (stat.S_ISSOCK, "套接字"),
          (stat.S_ISCHR, "字符设备"), (stat.S_ISBLK, "块设备"))


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    return next((label for test, label in _KINDS if test(mode)), "特殊文件")


def _refuse_unless_regular(name: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputError(f"{name}: 是目录，不是文件")
    if not stat.S_ISREG(mode):
        raise InputError(f"{name}: 是{file_kind(mode)}，不是普通文件，不检查")


def read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of one regular file and its status; any failure is an InputError naming it.

    Only a regular file is read: a named pipe would block and a device never
    ends, so they are refused before anything is read from them (a non-blocking
    open returns at once for either, and its fstat says what was opened)."""
    name = str(path)
    try:
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as stream:
            status = os.fstat(stream.fileno())
            _refuse_unless_regular(name, status.st_mode)
            return stream.read(), status
    except MemoryError:
        raise InputError(f"{name}: 文件太大，内存不足，无法读取") from None
    except FileNotFoundError:
        raise InputError(f"{name}: 文件不存在") from None
    except IsADirectoryError:
        raise InputError(f"{name}: 是目录，不是文件") from None
    except PermissionError:
        raise InputError(f"{name}: 没有读取权限") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(f"{name}: 符号链接循环，无法读取") from None
        raise InputError(f"{name}: 无法读取（{system_reason(err)}）") from None


def read_file(path: Path, encoding: str | None = None) -> Source:
    """Read and decode one file; any failure is an InputError naming the file."""
    name = str(path)
    data, status = read_bytes(path)
    try:
        source = decode(data, name, encoding)
    except MemoryError:
        raise InputError(f"{name}: 文件太大，内存不足，无法解码") from None
    source.origin = Origin(data, status.st_size, status.st_mtime_ns, (status.st_dev, status.st_ino))
    return source
