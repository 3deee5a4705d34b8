"""Errors that end a run with exit code 2 and a one-line message."""

from __future__ import annotations


class LintlawError(Exception):
    """A user-facing error: the message names the file and the problem."""


class InputError(LintlawError):
    """An input file cannot be read or decoded."""

    def __init__(self, message: str, data: bytes | None = None):
        super().__init__(message)
        self.data = data  # the bytes read, when there were any (a filter passes them on)


class RuleFileError(LintlawError):
    """A rule file is malformed."""


class UsageError(LintlawError):
    """A command-line option has a bad value."""


class WriteError(LintlawError):
    """A fixed file cannot be written back safely; the file is left as it was."""


# What the system said, as a user reads it: Python's strerror is English.
_SYSTEM_REASONS = {
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
    """The reason of an OSError in Chinese (the errno's name when it is not a common one)."""
    import errno

    name = errno.errorcode.get(err.errno or 0, "")
    return _SYSTEM_REASONS.get(name) or (f"系统错误 {name}" if name else "系统错误")
