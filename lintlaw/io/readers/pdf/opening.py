"""Opening a PDF safely: what is not a PDF, is damaged, locked, or would expand without
bound is refused with one line naming the file, before pdfminer reads it.

A compressed stream is inflated here first, in bounded steps: pdfminer inflates whole
streams in memory, so a few kilobytes that expand to gigabytes (a "zip bomb") would
exhaust the machine. Images are passed over (text extraction never inflates them).
"""

from __future__ import annotations

import io
import logging
import re
import zlib

from lintlaw.errors import InputError

MAX_STREAM = 32 * 2**20  # bytes a stream that is not an image may inflate to
MAX_TOTAL = 256 * 2**20  # bytes all of them together may inflate to
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_CHUNK = 2**20


def check_header(name: str, data: bytes) -> None:
    if not data.strip():
        raise InputError(f"{name}: 文件是空的")
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{name}: 不是 PDF 文件（开头没有 %PDF 标记），请检查文件类型")


def check_streams(name: str, data: bytes) -> None:
    """Refuse a file whose compressed streams inflate beyond the bounds."""
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        head = data[max(0, match.start() - 400):match.start()]
        if _IMAGE.search(head[head.rfind(b"<<"):] if b"<<" in head else head):
            continue
        size = _inflated_size(data, start, end, MAX_STREAM + 1)
        total += size
        if size > MAX_STREAM or total > MAX_TOTAL:
            raise InputError(f"{name}: PDF 中的压缩数据展开后过大（超过 {MAX_STREAM // 2**20} MB，"
                             f"可能是恶意构造的文件），不读取")


def _inflated_size(data: bytes, start: int, end: int, limit: int) -> int:
    """How many bytes the zlib stream at data[start:end] inflates to, counting no further
    than `limit`; 0 for a stream that is not zlib."""
    inflater = zlib.decompressobj()
    size = 0
    pending = data[start:end]
    try:
        while pending and size < limit:
            out = inflater.decompress(pending, _CHUNK)
            size += len(out)
            pending = inflater.unconsumed_tail
            if not out and not pending:
                break
    except zlib.error:
        return size
    return size


def open_pdf(name: str, data: bytes):
    """The pdfplumber document of `data`, or an InputError saying why it cannot be read."""
    check_header(name, data)
    check_streams(name, data)
    try:
        import pdfplumber  # imported here: no other input loads pdfplumber and pdfminer
    except ImportError:
        raise InputError(f"{name}: 读取 PDF 需要 pdfplumber：pip install pdfplumber") from None
    # pdfminer logs what it works around (a font without FontBBox); with no handler of its
    # own, Python would print that on standard error, beside lintlaw's one line per file.
    for library in ("pdfminer", "pdfplumber"):
        logging.getLogger(library).addHandler(logging.NullHandler())
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # noqa: B018 — the page tree is read here, so a broken one fails here
    except Exception as err:  # pdfminer raises many kinds for a damaged or locked file
        raise InputError(f"{name}: {why_unreadable(err)}") from None
    return pdf


def why_unreadable(err: BaseException) -> str:
    """A pdfminer failure in words."""
    names = {type(err).__name__, type(getattr(err, "__cause__", None) or err).__name__}
    text = str(err)
    for cause in (err, err.__cause__, err.__context__):
        if cause is not None:
            names.add(type(cause).__name__)
            text += " " + str(cause)
    if names & {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"} \
            or "password" in text.lower() or "encrypt" in text.lower():
        return "PDF 已加密（设有打开密码或不支持的加密方式），无法读取；请提供未加密的文件"
    return "PDF 文件已损坏，无法读取（文件结构不完整或有错误）"
