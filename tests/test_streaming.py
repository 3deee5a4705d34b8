"""Formats that allow it are written file by file, as each file is checked, in the order
the files were given: the output is the same as if every finding were rendered at the end."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --format json is one array, written item by item (issue 24): one array whatever the files and jobs.

def _array_of_each(folder, jobs):
    return run("check", "--format", "json", "--select", "S101", "--jobs", jobs, str(folder))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_json_of_several_files_is_one_array_of_their_findings_in_order(folder, jobs):
    result = _array_of_each(folder, jobs)
    items = json.loads(result.stdout)
    assert [(Path(item["path"]).name, item["line"]) for item in items] == [
        ("a.txt", 2), ("d.txt", 2), ("d.txt", 3)]
    # As json.dumps writes the whole array: the streamed output is byte for byte the same.
    assert result.stdout == json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    assert result.exit_code == 2  # c.txt is binary


def test_json_with_no_finding_is_an_empty_array(folder):
    assert run("check", "--format", "json", "--select", "S101", str(folder / "b.txt")).stdout == "[]\n"


def _text_of(item):
    return item if isinstance(item, str) else "".join(item)


def test_a_finding_with_thousands_of_spans_is_written_piece_by_piece():
    from lintlaw.diagnostics import Diagnostic, Edit, Fix, Severity
    from lintlaw.render.json_format import MANY_SPANS, items, to_dict
    from lintlaw.text.source import Source

    source = Source("r.txt", "甲,乙\n" * MANY_SPANS)
    edits = tuple(Edit(i * 4 + 1, i * 4 + 2, "，") for i in range(MANY_SPANS))
    big = Diagnostic(code="P008", name="half-width-in-file", category="punctuation",
                     severity=Severity.parse("warning"), message="半角", path="r.txt", start=1, end=2,
                     related=((5, 6, "同类"),), fix=Fix(edits, True))
    small = big._replace(fix=Fix(edits[:1], True))
    found = list(items([big, small], {"r.txt": source}))
    assert not isinstance(found[0], str) and isinstance(found[1], str)  # pieces; one text
    for item, d in zip(found, (big, small)):
        assert _text_of(item) == "  " + json.dumps(to_dict(d, source), ensure_ascii=False, indent=2).replace(
            "\n", "\n  ")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES, st.booleans())
def test_pieces_are_what_json_dumps_writes(value, lazy):
    from lintlaw.render.json_format import pieces

    def lazily(v):  # lists as iterators, made one item at a time
        if isinstance(v, list):
            return iter([lazily(x) for x in v])
        return {k: lazily(x) for k, x in v.items()} if isinstance(v, dict) else v

    assert "".join(pieces(lazily(value) if lazy else value)) == json.dumps(value, ensure_ascii=False, indent=2)
