"""Output formats for tools: json-lines, SARIF 2.1.0, GitHub, GitLab, JUnit; --statistics, --output-file."""

import json
import shutil
from xml.etree import ElementTree as ET

import pytest

from .helpers import FIXTURES
from .test_cli import run

DEFECTS = str(FIXTURES / "numbering-defects.txt")
FIGURES = str(FIXTURES / "figures.txt")


def test_json_lines_has_the_json_items_one_per_line():
    items = json.loads(run("check", "--format", "json", DEFECTS).stdout)
    lines = run("check", "--format", "json-lines", DEFECTS).stdout.splitlines()
    assert [json.loads(line) for line in lines] == items


def test_sarif_follows_the_2_1_0_structure():
    result = run("check", "--format", "sarif", FIGURES)
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    [sarif_run] = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "lintlaw" and driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids)) > 50
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    results = sarif_run["results"]
    assert results
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        [location] = result["locations"]
        region = location["physicalLocation"]["region"]
        assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("figures.txt")
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert len(result["partialFingerprints"]["lintlaw/v1"]) == 16
    rate = next(r for r in results if r["ruleId"] == "C001")
    # Columns count code points: the rate is the 35th character of line 9.
    assert (rate["locations"][0]["physicalLocation"]["region"]["startLine"],
            rate["locations"][0]["physicalLocation"]["region"]["startColumn"]) == (9, 35)
    assert [loc["message"]["text"] for loc in rate["relatedLocations"]] == ["分子", "分母"]


def test_sarif_carries_fixes():
    log = json.loads(run("check", "--format", "sarif", "--select", "S107", DEFECTS).stdout)
    result = log["runs"][0]["results"][0]
    [replacement] = result["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == "1."
    assert replacement["deletedRegion"]["startLine"] == 5


def test_github_annotations():
    lines = run("check", "--format", "github", "--select", "S101", DEFECTS).stdout.splitlines()
    assert lines[0] == (f"::error file={DEFECTS.replace(':', '%3A')},line=9,col=1,endLine=9,endColumn=4,"
                        "title=lintlaw S101::S101 编号不连续：“（二）”之后是“（四）”，缺少“（三）”")


def test_gitlab_code_quality():
    [first, *_] = json.loads(run("check", "--format", "gitlab", "--select", "S101", DEFECTS).stdout)
    assert first["check_name"] == "S101" and first["severity"] == "major"
    assert first["location"] == {"path": DEFECTS, "lines": {"begin": 9, "end": 9}}
    assert len(first["fingerprint"]) == 16


def test_junit():
    root = ET.fromstring(run("check", "--format", "junit", "--select", "S101", DEFECTS).stdout.encode())
    [suite] = root
    assert suite.get("failures") == "3"
    assert suite[0][0].get("type") == "S101"


def test_fingerprints_survive_lines_added_above(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("全年办理20__件。\n", encoding="utf-8")
    before = json.loads(run("check", "--format", "gitlab", str(path)).stdout)[0]["fingerprint"]
    path.write_text("新增一段。\n\n全年办理20__件。\n", encoding="utf-8")
    after = json.loads(run("check", "--format", "gitlab", str(path)).stdout)[0]["fingerprint"]
    assert before == after


def test_statistics():
    out = run("check", "--statistics", DEFECTS).stdout.splitlines()
    assert out[0] == "     3  S101  numbering-gap"
    assert out[-1].startswith("发现 ")


def test_output_file(tmp_path):
    target = tmp_path / "out.sarif"
    result = run("check", "--format", "sarif", "--output-file", str(target), DEFECTS)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    bad = run("check", "--output-file", str(tmp_path / "missing" / "x.txt"), DEFECTS)
    assert bad.exit_code == 2


@pytest.mark.slow
def test_jobs_do_not_change_the_output(tmp_path):
    import shutil

    for i in range(12):
        for fixture in ("numbering-defects.txt", "figures.txt", "two-reports.txt"):
            shutil.copy(FIXTURES / fixture, tmp_path / f"{i:02d}-{fixture}")
    (tmp_path / "05-broken.txt").write_bytes(b"\x00\x01binary")
    one = run("check", "--format", "concise", "--jobs", "1", str(tmp_path))
    two = run("check", "--format", "concise", "--jobs", "2", str(tmp_path))
    assert one.exit_code == two.exit_code == 2  # the binary file is an input error
    assert one.stdout == two.stdout and one.stdout.count("\n") > 100
    assert "05-broken.txt: 二进制文件，不是文本" in two.stderr


# A web page whose last paragraph is page chrome: R001's fix deletes the last line with its
# line break, so the fix ends at the very end of the text (issue 20 C1: an IndexError that
# emptied the JSON and SARIF of every file in the run).
CHROME_LAST = ("<html><body><div class=\"article\"><h1>甲县2024年法治政府建设年度报告</h1>\n"
               "<p>2024年，我县深入推进法治政府建设。</p>\n"
               "<p>扫一扫在手机打开当前页面</p></div></body></html>\n")


def test_a_fix_ending_at_the_end_of_a_web_page_has_a_position(tmp_path):
    (tmp_path / "a.html").write_text(CHROME_LAST, encoding="utf-8")
    shutil.copy(DEFECTS, tmp_path / "b.txt")
    items = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    [chrome] = [item for item in items if item["code"] == "R001"]
    assert (chrome["line"], chrome["column"], chrome["end_line"], chrome["end_column"]) == (3, 1, 3, 13)
    assert chrome["fix"]["edits"] == [{"line": 3, "column": 1, "end_line": 4, "end_column": 1, "content": ""}]
    assert any(item["path"].endswith("b.txt") for item in items)  # the other file's findings are kept
    lines = run("check", "--format", "json-lines", str(tmp_path)).stdout.splitlines()
    assert [json.loads(line) for line in lines] == items
    log = json.loads(run("check", "--format", "sarif", str(tmp_path)).stdout)
    [result] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "R001"]
    [replacement] = result["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["deletedRegion"] == {"startLine": 3, "startColumn": 1, "endLine": 4, "endColumn": 1,
                                            "charOffset": 38, "charLength": 13}
