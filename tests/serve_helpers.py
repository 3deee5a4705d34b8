"""A lintlaw serve instance in a thread, for the serve tests (HTTP and browser)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
from pathlib import Path

LINTLAW = [sys.executable, "-m", "lintlaw"]


@contextlib.contextmanager
def running_server():
    """A server on a free port, configured as `lintlaw check --isolated` would be."""
    from lintlaw.pipeline import plans
    from lintlaw.serve.app import Server

    def plan_for(name):
        return plans(["-"], None, True, None, None, None, [], name or "-")["-"]

    server = Server(0, plan_for)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*LINTLAW, *args], cwd=cwd, capture_output=True, check=False)


def cli_fixed_bytes(data: bytes, name: str, tmp_path: Path, *options: str) -> bytes:
    """What `lintlaw check --isolated --fix` writes for a file holding `data`."""
    work = tmp_path / "cli-fix"
    work.mkdir(exist_ok=True)
    (work / name).write_bytes(data)
    cli("check", "--isolated", "--fix", *options, name, cwd=work)
    return (work / name).read_bytes()
