"""Writing a fixed file back without losing anything the user wrote.

Only a regular file is replaced, through symlinks (the link stays a link), and
only if it is still exactly what was read; a read-only or hard-linked file is
refused, as an editor would. The new contents go to a temporary file in the same
directory, take the original's owner, group and mode, and are renamed over it,
so a reader sees the old file or the new one, never half. SIGTERM or Ctrl-C
during the write removes the temporary file before the process ends.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
import threading
from pathlib import Path

from lintlaw.errors import WriteError
from lintlaw.reasons import system_reason
from lintlaw.text.source import Origin, file_kind

# Where a file name stands for an open descriptor (Linux, the BSDs, macOS).
_DESCRIPTOR_FOLDERS = ("/dev/", "/proc/")
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))


def write_back(name: str, data: bytes, origin: Origin, before_rename=None) -> None:
    """Replace the file `name` was read from with `data`, or raise WriteError and leave it alone.

    `before_rename()`, if given, is called at the last moment before the file is replaced; an
    exception it raises leaves the file alone (the temporary file is removed)."""
    target = Path(os.path.realpath(name))  # a symlink is written through, not replaced
    try:
        status = os.stat(target)
    except OSError as err:
        raise WriteError(f"{name}: 无法写回修复结果（{system_reason(err)}），文件未改动") from None
    if not stat.S_ISREG(status.st_mode):
        raise WriteError(f"{name}: 是{file_kind(status.st_mode)}，不是普通文件，不写回修复结果")
    # Root may write anything, so the mode bits are what say "read-only" (as editors read them).
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteError(f"{name}: 文件是只读的，未写回修复结果（文件未改动）")
    if status.st_nlink > 1:
        # A rename would split the links; writing in place could leave half a file if interrupted.
        raise WriteError(f"{name}: 文件有 {status.st_nlink} 个硬链接，写回会拆开它们，未写回修复结果（文件未改动）")
    try:
        def still_same() -> bool:
            if before_rename is not None:
                before_rename()
            return unchanged(target, origin)

        write_atomically(target, data, status, still_same)
    except WriteError as err:
        raise WriteError(f"{name}: {err}") from None
    except OSError as err:
        raise WriteError(f"{name}: 无法写回修复结果（{system_reason(err)}），文件未改动") from None


def unchanged(path: Path, origin: Origin) -> bool:
    """Whether the file is still what was read: same file, size, modification time and bytes."""
    try:
        with open(path, "rb") as stream:
            now = os.fstat(stream.fileno())
            if ((now.st_dev, now.st_ino), now.st_size, now.st_mtime_ns) != (
                    origin.file_id, origin.size, origin.mtime_ns):
                return False
            return stream.read() == origin.data
    except OSError:
        return False


def write_atomically(path: Path, data: bytes, original: os.stat_result, still_same=lambda: True) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`.

    The temporary file takes the original's owner, group and mode; `still_same` is
    asked last, just before the rename, so a file changed meanwhile is kept.
    """
    with _replacing(path, original, still_same, strict=True) as stream:
        stream.write(data)


@contextlib.contextmanager
def replacing(name: str | os.PathLike):
    """A binary stream for an output file (a report, a baseline, an annotated copy) that
    replaces the file only when the block ends without error: a full disk or a signal
    leaves the old file as it was. An existing file keeps its mode (and its owner where
    that can be kept); a new one gets the usual mode (0666 less the umask); a symlink is
    written through. What is not a regular file (/dev/null, a pipe), and a descriptor
    named as a file (/dev/stdout, /proc/self/fd/1: maybe a shell's `>> log`, which a rename
    would replace), is written directly.
    """
    try:
        status = os.stat(name)
    except FileNotFoundError:
        status = None
    if status is not None and (not stat.S_ISREG(status.st_mode)
                               or os.path.abspath(name).startswith(_DESCRIPTOR_FOLDERS)):
        with open(name, "ab") as stream:  # appended: the shell's `>` already emptied it, `>>` did not
            yield stream
        return
    with _replacing(Path(os.path.realpath(name)), status, lambda: True, strict=False) as stream:
        yield stream


@contextlib.contextmanager
def _replacing(path: Path, original: os.stat_result | None, still_same, strict: bool):
    """Yield a stream on a temporary file beside `path`; when the block ends, rename it over
    `path` (unless `still_same()` says no), or remove it if anything went wrong. The new file
    keeps the original's owner, group, mode and user.* extended attributes; `strict`: or is
    not written at all (a report --fix writes back) rather than lose them."""
    with _signals_raise():
        # Signals wait while the temporary file is created, so that none can strike
        # before the cleanup below is in place.
        mask = _block_signals()
        try:
            temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.lintlaw")
            # Private until it takes the original's mode; a new file gets 0666 less the umask.
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if original is None else 0o600)
        except BaseException:
            _restore_signals(mask)
            raise
        try:
            _restore_signals(mask)  # inside the try: a signal that waited is handled by the cleanup
            with os.fdopen(handle, "wb") as stream:
                yield stream
                stream.flush()
                if original is not None:
                    _keep_owner(stream.fileno(), original, required=strict)
                    _keep_attributes(stream.fileno(), path, required=strict)
                os.fsync(stream.fileno())
            if original is not None:
                os.chmod(temporary, stat.S_IMODE(original.st_mode))  # after chown, which may clear bits
            if not still_same():
                raise WriteError("检查期间文件被改动过，未写回修复结果（文件保持改动后的样子，请重新运行）")
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (best effort: not every system can open a directory)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _keep_owner(descriptor: int, original: os.stat_result, required: bool) -> None:
    """Give the new file the original's owner and group; a fixed report that cannot keep
    them is not written (`required`), an output file keeps what it can."""
    if not hasattr(os, "fchown"):
        return
    now = os.fstat(descriptor)
    if (now.st_uid, now.st_gid) == (original.st_uid, original.st_gid):
        return
    try:
        os.fchown(descriptor, original.st_uid, original.st_gid)
    except PermissionError:
        if required:
            raise WriteError("无法保留文件的所有者和属组，未写回修复结果（文件未改动）") from None


def _keep_attributes(descriptor: int, original: Path, required: bool) -> None:
    """Give the new file the original's user.* extended attributes (where the system has
    them: a file manager's tags, a download's origin), as its owner and mode are kept."""
    if not hasattr(os, "listxattr"):
        return
    try:
        names = [name for name in os.listxattr(original) if name.startswith("user.")]
    except OSError:
        return  # a file system without extended attributes: nothing to keep
    try:
        for name in names:
            os.setxattr(descriptor, name, os.getxattr(original, name))
    except OSError:
        if required:
            raise WriteError("无法保留文件的扩展属性（user.*），未写回修复结果（文件未改动）") from None


class _Interrupted(BaseException):
    """A termination signal that arrived while a temporary file existed."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_raise():
    """Turn SIGTERM, SIGINT and SIGHUP into an exception for the duration of a write, so
    that the cleanup runs; then deliver the signal again to whatever handled it before
    (by default: the process ends as it would have)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers
        return
    interrupted = []

    def interrupt(signum, _frame):
        # Only the first: a second signal (a pool's teardown repeats SIGTERM to a worker still
        # cleaning up) would cut short the cleanup the first one started. The first is delivered
        # again below, so the process still ends.
        if not interrupted:
            interrupted.append(signum)
            raise _Interrupted(signum)

    previous = {}
    for signum in _SIGNALS:
        # An ignored signal stays ignored (nohup); a handler set outside Python could not be restored.
        if signal.getsignal(signum) not in (signal.SIG_IGN, None):
            previous[signum] = signal.signal(signum, interrupt)
    try:
        yield
    except _Interrupted as stop:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        signal.raise_signal(stop.signum)
        raise SystemExit(128 + stop.signum) from None  # the previous handler ignored it
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _block_signals():
    """Block the termination signals; the previous mask, or None where this is not possible."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)


def _restore_signals(mask) -> None:
    if mask is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
