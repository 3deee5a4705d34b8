"""Waiting for what another process does, never for a stretch of time.

A test that needs a child at some point has the child say so (a line on a pipe, a FIFO
opened by the child) and waits for that; a test that needs a process to end waits on the
process itself (a pidfd, readable once it has exited). Each wait has a deadline, which only
a hung or broken program reaches: a slow machine makes a test slower, never wrong.
"""

from __future__ import annotations

import os
import select
import time

DEADLINE = 60.0  # seconds; far beyond any correct run, so only a hang reaches it


def _remaining(deadline: float, what: str) -> float:
    left = deadline - time.monotonic()
    assert left > 0, f"gave up waiting: {what}"
    return left


def _read(fd: int, what: str, timeout: float, enough=lambda data: False) -> bytes:
    """What is written on `fd` until `enough(data)` says so or every writer has closed it."""
    deadline = time.monotonic() + timeout
    data = b""
    while not enough(data):
        readable, _, _ = select.select([fd], [], [], _remaining(deadline, what))
        if not readable:
            continue
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    return data


def read_line(fd: int, what: str, timeout: float = DEADLINE) -> bytes:
    """The first line written on the pipe `fd` (without its line break); b"" when every
    writer closed the pipe without writing one."""
    return _read(fd, what, timeout, lambda data: b"\n" in data).split(b"\n", 1)[0]


def first_output(stream, what: str, timeout: float = DEADLINE) -> bytes:
    """Some of what a child writes on a pipe (a file object opened unbuffered): returns as soon
    as there is any, b"" if the child closed it first."""
    return _read(stream.fileno(), what, timeout, bool)


def read_fifo(path, what: str, timeout: float = DEADLINE) -> bytes:
    """Everything one writer writes to the FIFO at `path`, once it has closed it.

    Opened without blocking, so a writer that never comes is a failed assertion at the
    deadline, not a test that hangs (Linux reports no end of file before a first writer)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        return _read(fd, what, timeout)
    finally:
        os.close(fd)


def watch(pid: int) -> int | None:
    """A descriptor that becomes readable when process `pid` exits (which need not be our
    child); None when it has already gone. Open it while the process is known to be alive."""
    try:
        return os.pidfd_open(pid)
    except ProcessLookupError:
        return None


def wait_for_exit(watched: dict[int, int | None], what: str, timeout: float = DEADLINE) -> None:
    """Wait until every process in `watched` (pid → descriptor from watch()) has exited, and
    close the descriptors."""
    deadline = time.monotonic() + timeout
    waiting = {fd for fd in watched.values() if fd is not None}
    try:
        while waiting:
            readable, _, _ = select.select(list(waiting), [], [], _remaining(deadline, what))
            waiting -= set(readable)
    finally:
        for fd in watched.values():
            if fd is not None:
                os.close(fd)


CAN_WATCH = hasattr(os, "pidfd_open")
