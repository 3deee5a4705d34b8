"""A full disk loses nothing: --write-baseline and --output-file replace their file only
once it is written whole, and say why they could not, in Chinese (issue 20, D1 and E1).

The real test fills a small tmpfs, mounted in a mount namespace of its own (`unshare`),
so nothing outside the test sees it; where no tmpfs can be mounted it is skipped, and the
companion test simulates the full disk by making fsync fail with ENOSPC.
"""

import errno
import json
import shutil
import subprocess
import sys
import textwrap

import pytest

from lintlaw.io import writeback

from .helpers import EXAMPLE
from .test_cli import run

FULL_DISK = "无法写入（磁盘空间不足）"

# Runs inside `unshare -rm`: mounts a 128 KB tmpfs on DISK, writes the old outputs there,
# fills the disk, runs the new ones, and copies what is left to OUT (outside the tmpfs).
DRIVER = textwrap.dedent("""
    import json, shutil, subprocess, sys
    from pathlib import Path

    disk, out, example = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(disk)], check=True)
    (disk / "a.txt").write_text("截止目前，已完成。\\n", encoding="utf-8")
    shutil.copy(example, disk / "b.txt")
    lintlaw = [sys.executable, "-m", "lintlaw", "check"]
    old = [subprocess.run([*lintlaw, "--write-baseline", "base.json", "a.txt"], cwd=disk).returncode,
           subprocess.run([*lintlaw, "--format", "json", "-o", "found.json", "a.txt"], cwd=disk).returncode]
    with open(disk / "fill", "wb", buffering=0) as filler:  # then the disk is full
        try:
            while True:
                filler.write(b"x" * 1024)
        except OSError:
            pass
    runs = [subprocess.run([*lintlaw, *options, "a.txt", "b.txt"], cwd=disk, capture_output=True, text=True)
            for options in (["--write-baseline", "base.json"], ["--format", "json", "-o", "found.json"],
                            ["-o", "found.json", "--jobs", "2"])]
    for name in ("base.json", "found.json"):
        shutil.copy(disk / name, out / name)
    listing = sorted(p.name for p in disk.iterdir())
    print(json.dumps({"old": old, "listing": listing,
                      "runs": [[r.returncode, r.stdout, r.stderr] for r in runs]}))
""")


def _can_mount_tmpfs(tmp_path) -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    tried = subprocess.run(["unshare", "-rm", "mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(probe)],
                           capture_output=True, check=False)
    probe.rmdir()
    return tried.returncode == 0


def test_a_full_disk_keeps_the_old_baseline_and_report(tmp_path):
    if not _can_mount_tmpfs(tmp_path):
        pytest.skip("no tmpfs can be mounted here (unshare -rm mount -t tmpfs failed)")
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    done = subprocess.run(["unshare", "-rm", sys.executable, str(driver), str(disk), str(out), str(EXAMPLE)],
                          capture_output=True, text=True, timeout=120, check=True)
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["old"] == [0, 0]
    for code, stdout, stderr in report["runs"]:
        assert code == 2
        assert stdout == ""
    assert report["runs"][0][2] == f"lintlaw: base.json: {FULL_DISK}\n"
    assert report["runs"][1][2] == f"lintlaw: found.json: {FULL_DISK}\n"
    assert report["runs"][2][2] == f"lintlaw: found.json: {FULL_DISK}\n"  # no traceback from the pool
    # The old files are whole and no temporary file is left behind.
    assert report["listing"] == ["a.txt", "b.txt", "base.json", "fill", "found.json"]
    baseline = json.loads((out / "base.json").read_text(encoding="utf-8"))
    assert [entry["rule"] for entry in baseline["findings"]] == ["W001"]
    assert [finding["code"] for finding in json.loads((out / "found.json").read_text(encoding="utf-8"))] == ["W001"]


@pytest.mark.parametrize("option", ["--write-baseline", "--output-file"])
def test_a_write_that_fails_late_keeps_the_old_file(tmp_path, monkeypatch, option):
    # Where no tmpfs can be mounted: a disk that fills up as the data is made durable (NFS
    # and quota report ENOSPC as late as fsync).
    report = tmp_path / "r.txt"
    report.write_text("截止目前，已完成。\n", encoding="utf-8")
    target = tmp_path / "kept.json"
    target.write_text("old contents\n", encoding="utf-8")

    def full(_descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writeback.os, "fsync", full)
    result = run("check", "--format", "json", str(report), option, str(target))
    assert result.exit_code == 2
    assert result.stderr == f"lintlaw: {target}: {FULL_DISK}\n"
    assert target.read_text(encoding="utf-8") == "old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.json", "r.txt"]
