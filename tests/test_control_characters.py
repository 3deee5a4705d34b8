"""Control and bidi characters in a report never reach an output raw (issue 9, item 17)."""

import json
import re
from xml.etree import ElementTree as ET

import pytest

from lintlaw.render.cells import text_width
from lintlaw.render.visible import json_text, keep_lines, one_line

from .test_cli import run

# What a terminal would obey or a reader would be misled by; tab and newline are fine.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HOSTILE = "危险\x1b[31m红\x0b字\x9b2J\u202e反\x7f\u2028尾"
SHOWN = "危险\\x1b[31m红\\x0b字\\x9b2J\\u202e反\\x7f\\u2028尾"

RULE = """\
code = "Y901"
name = "danger-word"
kind = "pattern"
category = "wording"
severity = "warning"
message = "发现“{match}”"
patterns = ['危险[^。]*']
fix = { replace = "注意", safe = true }
explanation = "测试用规则。"
authority = "无"

[examples]
bad = ["危险。"]
good = ["安全。"]
"""


@pytest.fixture
def hostile(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "Y901-danger-word.toml").write_text(RULE, encoding="utf-8")
    report = tmp_path / "r\x1b[2J.txt"
    filler = "本年度依法行政工作稳步推进，各项制度得到落实。" * 4
    report.write_text(f"一、总体情况\n{filler}\n{HOSTILE}。\n{filler}\n", encoding="utf-8")
    return str(rules), str(report)


def check(hostile, *options):
    rules, report = hostile
    return run("check", "--rules", rules, "--select", "Y901", *options, report)


@pytest.mark.parametrize("output_format", ["full", "concise", "json", "json-lines", "sarif", "github",
                                           "gitlab", "junit", "html", "csv"])
def test_no_raw_control_character_in_any_format(hostile, output_format):
    result = check(hostile, "--format", output_format)
    assert result.exit_code == 0  # warnings do not fail the run
    assert RAW.search(result.stdout) is None
    assert "Y901" in result.stdout


def test_concise_shows_visible_escapes(hostile):
    lines = check(hostile, "--format", "concise").stdout.splitlines()
    assert lines[0] == f"{hostile[1]}:3:1: Y901 发现“{SHOWN}”".replace("\x1b", "\\x1b")


def test_full_format_shows_escapes_and_carets_line_up(hostile):
    lines = check(hostile, "--format", "full").stdout.splitlines()
    assert lines[0].startswith(one_line(hostile[1]) + ":3:1: Y901")
    shown = next(line for line in lines if line.startswith("3 | "))
    carets = lines[lines.index(shown) + 1]
    assert shown == f"3 | {SHOWN}。"
    # The carets run under the whole escaped match: every cell of it.
    assert carets == "  | " + "^" * text_width(HOSTILE)
    assert carets.count("^") == len(SHOWN) + 6  # 危险红字反尾: six wide characters


@pytest.mark.parametrize("output_format", ["json", "json-lines", "sarif", "gitlab"])
def test_json_formats_keep_the_exact_characters(hostile, output_format):
    out = check(hostile, "--format", output_format).stdout
    lines = output_format == "json-lines"
    data = [json.loads(line) for line in out.splitlines()] if lines else json.loads(out)
    strings = set(_strings(data))
    assert hostile[1] in strings or hostile[1].lstrip("/") in "".join(strings)
    assert any(f"发现“{HOSTILE}”" in s for s in strings)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_junit_is_well_formed_xml(hostile):
    root = ET.fromstring(check(hostile, "--format", "junit").stdout.encode("utf-8"))
    [suite] = root
    assert suite.get("name") == one_line(hostile[1])
    failure = suite[0][0]
    assert failure.get("message") == f"发现“{SHOWN}”"


def test_github_annotation_escapes_controls(hostile):
    [line] = check(hostile, "--format", "github").stdout.splitlines()
    assert line.endswith(f"::Y901 发现“{SHOWN}”")


def test_statistics_diff_and_tree(hostile):
    assert RAW.search(check(hostile, "--statistics").stdout) is None
    diff = check(hostile, "--diff")
    assert diff.exit_code == 1
    # One line: a VT or FF inside a line does not split it (str.splitlines would).
    assert f"-{SHOWN}。\n" in diff.stdout and "+注意。\n" in diff.stdout
    assert RAW.search(diff.stdout) is None
    tree = run("tree", hostile[1])
    assert tree.exit_code == 0 and RAW.search(tree.stdout) is None
    assert one_line(hostile[1]) in tree.stdout


def test_error_message_naming_a_hostile_path(tmp_path):
    result = run("check", str(tmp_path / "gone\x1b[2J.txt"))
    assert result.exit_code == 2
    assert RAW.search(result.stderr) is None
    assert result.stderr == f"lintlaw: {tmp_path}/gone\\x1b[2J.txt: 文件不存在\n"


def test_helpers():
    assert one_line("a\x1bb\nc\u2066") == "a\\x1bb\\x0ac\\u2066"
    assert keep_lines("a\x1b\r\nb\x9b\rc\n") == "a\\x1b\r\nb\\x9b\rc\n"
    assert keep_lines("a\tb\n") == "a\tb\n"
    assert json_text('"\x7f\x9b\u202e"') == '"\\u007f\\u009b\\u202e"'
    assert json.loads(json_text(json.dumps("\x1b\x9b\u202e", ensure_ascii=False))) == "\x1b\x9b\u202e"
