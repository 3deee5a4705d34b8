"""Formats that allow it are written file by file, as each file is checked, in the order
the files were given: the output is the same as if every finding were rendered at the end."""

from pathlib import Path

import pytest

from lintlaw.render.formats import FORMATS, OutputFormat

from .helpers import FIXTURES
from .test_cli import run

GAP = "一、举措\n三、安排\n"  # one S101 finding (line 2)


def per_file(diagnostics, sources, rules):
    (path,) = sources  # each call sees one file
    return f"{Path(path).name}: {','.join(d.code for d in diagnostics) or '-'}"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(GAP, encoding="utf-8")
    (tmp_path / "b.txt").write_text("一、举措\n二、安排\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "d.txt").write_text(GAP + "五、其他\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_file_is_rendered_alone_and_in_order(monkeypatch, folder, jobs):
    monkeypatch.setitem(FORMATS, "per-file", OutputFormat(per_file, streams=True))
    result = run("check", "--format", "per-file", "--select", "S101", "--jobs", jobs, str(folder))
    assert result.stdout.splitlines() == [
        "a.txt: S101", "b.txt: -", "d.txt: S101,S101",
        "1 个文件无法读取，未检查（见上方的错误信息）。发现 3 个问题（错误 3，警告 0，提示 0），检查了 3 个文件。"]
    assert result.stderr == f"lintlaw: {folder / 'c.txt'}: 二进制文件，不是文本\n"
    assert result.exit_code == 2


def test_a_format_that_does_not_stream_sees_every_file_at_once(monkeypatch, folder):
    def whole(diagnostics, sources, rules):
        return f"{len(sources)} files, {len(diagnostics)} findings"

    monkeypatch.setitem(FORMATS, "whole", OutputFormat(whole, for_tools=True))
    result = run("check", "--format", "whole", "--select", "S101", str(folder))
    assert result.stdout == "3 files, 3 findings\n"


def test_the_exit_code_counts_findings_of_every_file(folder):
    (folder / "c.txt").unlink()
    assert run("check", "--select", "S101", str(folder)).exit_code == 1
    assert run("check", "--select", "S101", str(folder / "b.txt")).exit_code == 0


def test_findings_of_several_files_are_those_of_each_file_in_turn(tmp_path):
    names = ["numbering-defects.txt", "figures.txt", "two-reports.txt"]
    alone = [run("check", str(FIXTURES / name)).stdout.splitlines() for name in names]
    together = run("check", *(str(FIXTURES / name) for name in names)).stdout.splitlines()
    assert together[:-1] == [line for out in alone for line in out[:-1]]  # all but each summary


def test_an_output_file_that_cannot_be_opened_stops_before_any_fix(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("截止目前，全县已完成。\n", encoding="utf-8")
    target = tmp_path / "missing" / "out.txt"
    result = run("check", "--fix", "--output-file", str(target), str(report))
    assert result.exit_code == 2
    assert result.stderr == f"lintlaw: {target}: 无法写入（文件或目录不存在）\n"
    assert report.read_text(encoding="utf-8") == "截止目前，全县已完成。\n"
