import codecs

import pytest

from lintlaw.errors import InputError
from lintlaw.text.source import decode, read_file

from .helpers import FIXTURES

TEXT = "一、主要举措\n（一）依法履职\n"


def test_utf8_with_and_without_bom():
    plain = decode(TEXT.encode("utf-8"), "a.txt")
    bom = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt")
    assert plain.text == bom.text == TEXT
    assert (plain.encoding, plain.bom) == ("utf-8", False)
    assert (bom.encoding, bom.bom) == ("utf-8-sig", True)


def test_gb18030_is_detected():
    source = decode(TEXT.encode("gb18030"), "a.txt")
    assert source.encoding == "gb18030"
    assert source.text == TEXT


def test_forced_encoding_and_unknown_codec():
    assert decode(TEXT.encode("gbk"), "a.txt", encoding="gbk").text == TEXT
    with pytest.raises(InputError, match="a.txt: 未知的编码“nope”"):
        decode(b"x", "a.txt", encoding="nope")
    with pytest.raises(InputError, match=r"a.txt: 不能按 utf-8 解码（第 1 字节）"):
        decode("报告".encode("gbk"), "a.txt", encoding="utf-8")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_for_each_line_ending(newline):
    source = decode(newline.join(["标题", "一、举措", "正文"]).encode("utf-8"), "a.txt")
    offset = source.text.index("举措")
    assert source.position(offset) == (2, 3)
    assert source.line_text(3) == "正文"
    assert source.newline == newline


def test_binary_file_is_rejected():
    with pytest.raises(InputError, match="b.bin: 二进制文件"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "b.bin")


def test_stray_control_characters_are_text_sixteen_make_a_binary_file():
    # Three in seven characters is over the 5 % share, but a short line may hold a few stray
    # ones (and a fix that shortens it must not turn it into a binary file).
    assert decode(b"ab\x01\x02\x03cd", "t.txt").text == "ab\x01\x02\x03cd"
    controls = bytes(range(1, 9)) + bytes(range(14, 22))  # sixteen, no tab or line break
    with pytest.raises(InputError, match="t.txt: 二进制文件，不是文本"):
        decode(b"ab" + controls + b"cd", "t.txt")
    assert decode(b"ab" + controls[:15] + b"cd", "t.txt").text.startswith("ab\x01")  # fifteen: text
    assert decode(b"a" * 400 + controls, "t.txt").text.endswith("\x15")  # 16 of 416: under 5 %


def test_undecodable_bytes_are_rejected():
    with pytest.raises(InputError, match="c.txt: 无法识别文件编码"):
        decode(b"\x81\x30\xff\xfe\x81", "c.txt")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="nope.txt: 文件不存在"):
        read_file(tmp_path / "nope.txt")


def test_only_utf8_read_with_another_codec_is_a_misreading():
    from lintlaw.text.source import misread_utf8

    utf8 = "截止目前，全县办理案件35件。".encode()
    assert misread_utf8(utf8, "latin-1") and misread_utf8(utf8, "cp1252")
    assert not misread_utf8(utf8, "utf-8") and not misread_utf8(utf8, "UTF8")
    assert not misread_utf8((FIXTURES / "gbk-report.txt").read_bytes(), "gbk")  # GBK read as GBK
    assert not misread_utf8("Café résumé à Paris.".encode("latin-1"), "latin-1")
    assert not misread_utf8("截止".encode(), "latin-1")  # two sequences: too few to say
