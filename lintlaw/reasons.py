"""Why something could not be done, in Chinese, for the one-line error a user reads.

The system and the parsers lintlaw uses (TOML, JSON, regular expressions, zip) explain
themselves in English; each function here gives the reason in Chinese, with the line and
column (or character) the parser names, so that no English reaches an error line.
"""

from __future__ import annotations

import re

# What the system said, as a user reads it (Python's strerror is English).
_SYSTEM = {
    "ENOSPC": "磁盘空间不足",
    "EDQUOT": "超出磁盘配额",
    "EFBIG": "文件太大",
    "EACCES": "没有权限",
    "EPERM": "不允许的操作",
    "EROFS": "文件系统是只读的",
    "ENOENT": "文件或目录不存在",
    "ENOTDIR": "路径中有一部分不是目录",
    "EISDIR": "是目录",
    "EEXIST": "文件已存在",
    "ENAMETOOLONG": "文件名太长",
    "ELOOP": "符号链接循环",
    "EIO": "输入输出错误",
    "EBUSY": "设备或资源忙",
    "ETXTBSY": "文件正被使用",
    "EMFILE": "打开的文件太多",
    "ENFILE": "系统打开的文件太多",
    "ENOMEM": "内存不足",
    "EXDEV": "不能跨文件系统移动",
    "EADDRINUSE": "端口已被占用",
    "EADDRNOTAVAIL": "地址不可用",
    "ECONNRESET": "连接被重置",
    "EPIPE": "管道已关闭",
    "EAGAIN": "资源暂时不可用",
    "EINVAL": "参数无效",
    "ESTALE": "网络文件句柄已失效",
    "ETIMEDOUT": "超时",
}


def system_reason(err: OSError) -> str:
    """The reason of an OSError (the errno's name when it is not a common one)."""
    import errno

    name = errno.errorcode.get(err.errno or 0, "")
    return _SYSTEM.get(name) or (f"系统错误 {name}" if name else "系统错误")


def read_reason(err: Exception) -> str:
    """Why a text file could not be read: the system's reason, or that it is not UTF-8."""
    if isinstance(err, UnicodeDecodeError):
        return f"不是 UTF-8 编码，第 {err.start + 1} 字节起无法解码"
    if isinstance(err, OSError):
        return system_reason(err)
    return "无法读取"


# tomllib's (and tomli's) messages, each with what it means to someone writing the file.
_TOML = (
    ("Invalid statement", "无法识别的语句"),
    ("Expected newline or end of document", "一条语句之后应换行"),
    ("Expected ']' at the end of a table declaration", "表头缺少结尾的“]”"),
    ("Expected ']]' at the end of an array declaration", "表数组的表头缺少结尾的“]]”"),
    ("Expected '=' after a key", "键之后缺少“=”"),
    ("Invalid initial character for a key part", "键的写法无效，含中文、空格等字符的键要加引号"),
    ("Cannot declare", "表重复定义"),
    ("Cannot overwrite a value", "键重复赋值"),
    ("Cannot mutate immutable namespace", "不能向已写完的表或数组添加内容"),
    ("Cannot redefine namespace", "不能重新定义已有的表"),
    ("Duplicate inline table key", "内联表中的键重复"),
    ("Unclosed array", "数组缺少结尾的“]”"),
    ("Unclosed inline table", "内联表缺少结尾的“}”"),
    ("Unescaped '\\' in a string", "双引号字符串中的“\\”没有转义，正则表达式宜写在单引号 '…' 中"),
    ("Invalid hex value", "转义中的十六进制数无效"),
    ("Escaped character is not a Unicode scalar value", "转义的字符不是有效的 Unicode 字符"),
    ("Unterminated string", "字符串缺少结尾的引号"),
    ("Illegal character '\\n'", "字符串缺少结尾的引号，字符串不能跨行"),
    ("Illegal character", "字符串中有不允许的控制字符"),
    ("Invalid date or datetime", "日期或时间无效"),
    ("Invalid value", "值无效，字符串要加引号"),
    ("Found invalid character", "此处有不该出现的字符"),
    ("Expected ", "此处缺少应有的符号"),
)
_TOML_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def toml_reason(err: Exception) -> str:
    """Where and why a TOML file is not valid: “第 3 行第 12 列：表头缺少结尾的“]””."""
    message = str(err)
    at = _TOML_AT.search(message)
    if at:
        message = message[:at.start()]
        where = f"第 {at.group(1)} 行第 {at.group(2)} 列" if at.group(1) else "文件末尾"
    else:
        where = ""
    reason = next((chinese for english, chinese in _TOML if message.startswith(english)), "格式有误")
    return f"{where}：{reason}" if where else reason


_JSON = (
    ("Expecting value", "此处应是一个值"),
    ("Expecting property name enclosed in double quotes", "此处应是双引号括起的键名"),
    ("Expecting ',' delimiter", "缺少逗号"),
    ("Expecting ':' delimiter", "缺少冒号"),
    ("Unterminated string", "字符串缺少结尾的引号"),
    ("Invalid control character", "字符串中有控制字符"),
    ("Invalid \\uXXXX escape", "无效的 \\u 转义"),
    ("Invalid \\escape", "无效的转义"),
    ("Extra data", "JSON 内容结束后还有多余的内容"),
)


def json_reason(err: ValueError) -> str:
    """Where and why text is not JSON: “第 1 行第 1 列：此处应是一个值”."""
    if isinstance(err, UnicodeDecodeError):
        return read_reason(err)
    if not getattr(err, "doc", "x").strip():
        return "文件是空的"
    message = getattr(err, "msg", str(err))
    reason = next((chinese for english, chinese in _JSON if message.startswith(english)), "格式有误")
    lineno, colno = getattr(err, "lineno", None), getattr(err, "colno", None)
    return f"第 {lineno} 行第 {colno} 列：{reason}" if lineno is not None else reason


# The messages of the regex module (rule files) and of re (report types), alike for the most part.
_REGEX = (
    ("unterminated character set", "字符集“[”缺少结尾的“]”"),
    ("missing )", "缺少“)”"),
    ("unbalanced parenthesis", "多了一个“)”"),
    ("nothing to repeat", "量词 * + ? {} 前面没有可重复的内容"),
    ("multiple repeat", "量词重复"),
    ("min repeat greater than max repeat", "重复次数的下限大于上限"),
    ("bad escape (end of pattern)", "末尾的“\\”后面没有字符"),
    ("bad escape", "无效的转义"),
    ("bad character range", "字符范围无效，起点在终点之后"),
    ("unknown group", "引用了不存在的分组"),
    ("invalid group reference", "无效的分组引用"),
    ("missing group name", "缺少分组名"),
    ("bad character in group name", "分组名中有无效的字符"),
    ("redefinition of group name", "分组名重复"),
    ("missing >", "分组名缺少结尾的“>”"),
    ("unknown extension", "无法识别的“(?…”写法"),
    ("missing -, : or )", "无法识别的“(?…”写法"),
    ("look-behind requires fixed-width pattern", "向后查找 ?<= 或 ?<! 必须是固定长度"),
    ("unterminated comment", "注释“(?#”缺少结尾的“)”"),
    ("bad inline flags", "无效的内联标志"),
)


def regex_reason(err: Exception) -> str:
    """Where and why a regular expression does not compile: “第 2 个字符处：缺少“)””."""
    message = getattr(err, "msg", None) or str(err)
    reason = next((chinese for english, chinese in _REGEX if message.startswith(english)), "写法有误")
    position, pattern = getattr(err, "pos", None), getattr(err, "pattern", None)
    if position is None:
        return reason
    if isinstance(pattern, str) and position >= len(pattern):
        return f"在末尾：{reason}"
    return f"第 {position + 1} 个字符处：{reason}"


def format_reason() -> str:
    """Why a message template (str.format syntax) is broken: its braces."""
    return "“{”“}”不成对（要显示花括号本身，请写成“{{”“}}”）"


def docx_reason(err: Exception) -> str:
    """Why python-docx could not open a file, by the kind of error it raised."""
    kind = type(err).__name__
    if kind in ("BadZipFile", "PackageNotFoundError"):  # python-docx: not a zip file at all
        return "文件不是 .docx 格式或已损坏（.docx 是 zip 压缩包；旧式 .doc 请先另存为 .docx）"
    if kind == "KeyError":  # a zip without [Content_Types].xml or word/document.xml
        return "缺少 Word 文档的组成部分，文件可能已损坏"
    if kind == "XMLSyntaxError":
        return "文档内部的 XML 已损坏"
    return "文件已损坏，无法读取"
