"""--fix, --unsafe-fixes and --diff: exact fixed text, idempotence, bytes kept outside the edits."""

import codecs
import json

import pytest

from lintlaw.diagnostics import Diagnostic, Edit, Fix, Severity
from lintlaw.engine.fixing import apply_edits, choose, fix_source
from lintlaw.engine.ruleset import select_rules
from lintlaw.text.source import decode

from .helpers import fixable, source_of
from .test_cli import run


def fixed(text, rules, unsafe=False, select=None):
    from lintlaw.engine.ruleset import select_rules

    chosen = select_rules(rules, select, None) if select else rules
    return fix_source(decode(text.encode("utf-8"), "t.txt"), chosen, unsafe).source.text


@pytest.mark.parametrize("before, after", [
    ("截止目前，已完成整改。", "截至目前，已完成整改。"),
    ("深入推进法制政府建设。", "深入推进法治政府建设。"),
    ("全面推进依法行政，，，不断提高水平。。", "全面推进依法行政，不断提高水平。"),
    ("学习宪法、民法典、等法律。", "学习宪法、民法典等法律。"),
    ("开展“12。4”国家宪法日宣传。", "开展“12·4”国家宪法日宣传。"),
    ("贯彻《法治政府建设实施纲要（2021-2025年）》。", "贯彻《法治政府建设实施纲要（2021—2025年）》。"),
    ("印发《关于印发《甲办法》的通知》。", "印发《关于印发〈甲办法〉的通知》。"),
    ("全年,市教育局召开会议,研究部署工作;组织学习(线上),取得成效。",
     "全年，市教育局召开会议，研究部署工作；组织学习（线上），取得成效。"),
])
def test_safe_fixes_give_exact_text(all_rules, before, after):
    assert fixed(before, all_rules) == after


@pytest.mark.parametrize("before, after", [
    ("学习《宪法》、《民法典》。", "学习《宪法》《民法典》。"),
    ("坚持以新时代中国特色社会主义思想为指导。", "坚持以习近平新时代中国特色社会主义思想为指导。"),
    ("组织全市学校学校开展宪法晨读。", "组织全市学校开展宪法晨读。"),
    ("充分的发挥法律顾问作用。", "充分地发挥法律顾问作用。"),
    ("学习《家庭教育创促进法》。", "学习《家庭教育促进法》。"),
])
def test_unsafe_fixes_need_the_flag(all_rules, before, after):
    assert fixed(before, all_rules) == before
    assert fixed(before, all_rules, unsafe=True) == after


def test_fixing_twice_changes_nothing(all_rules):
    text = "截止目前,法制政府建设取得成效,,学习《宪法》、《民法典》。\n开展“12.4”国家宪法日活动。\n"
    once = fixed(text, all_rules, unsafe=True)
    assert fixed(once, all_rules, unsafe=True) == once
    assert once == "截至目前，法治政府建设取得成效，学习《宪法》《民法典》。\n开展“12·4”国家宪法日活动。\n"


def test_heading_markers_are_not_rewritten_by_other_fixes(all_rules):
    # P009 would turn the half-width parentheses into full-width ones, but they are a
    # heading marker here: only a rule about the marker itself may change it.
    text = "甲市2024年度法治政府建设情况报告\n一、主要举措\n(一)依法履职,加强学习\n"
    assert fixed(text, all_rules, select=["punctuation"]) == (
        "甲市2024年度法治政府建设情况报告\n一、主要举措\n(一)依法履职，加强学习\n")


def test_a_marker_finding_may_rewrite_its_marker(all_rules):
    text = "甲市2024年度法治政府建设情况报告\n一、主要举措\n（一）依法履职\n1、优化服务。\n2、规范审批。\n"
    assert fixed(text, all_rules, select=["S107"]) == (
        "甲市2024年度法治政府建设情况报告\n一、主要举措\n（一）依法履职\n1.优化服务。\n2.规范审批。\n")


def test_five_half_width_markers_are_converted_by_one_safe_fix(all_rules):
    # One S107 finding for all five; its fix rewrites every marker, the other four being
    # related spans of the finding (a fix may touch only the markers its finding is about).
    body = "".join(f"({n})依法履职\n正文。\n" for n in "一二三四五")
    text = "甲市2024年度法治政府建设情况报告\n一、主要举措\n" + body
    assert fixed(text, all_rules, select=["S107"]) == text.replace("(", "（").replace(")", "）")


def test_edits_apart_are_all_applied():
    assert apply_edits("abcdef", [Edit(4, 6, ""), Edit(1, 2, "B"), Edit(3, 3, "+")]) == "aBc+d"


def test_overlapping_fixes_are_applied_once_each_in_its_own_round(all_rules):
    # R004 (delete the second 截止) and W001 (截止 → 截至) edit the same two characters.
    # Applied together they would give 截止截至目前; one per round gives what each meant.
    source = decode("截止截止目前。".encode(), "t.txt")
    result = fix_source(source, select_rules(all_rules, ["R004", "W001"], None), unsafe=True)
    assert (result.source.text, result.fixed, result.edits) == ("截至目前。", 2, 2)


def test_of_two_overlapping_fixes_the_earlier_is_chosen():
    source = decode("abcdef".encode(), "t.txt")
    first, second = _finding(1, 3, "X"), _finding(2, 4, "Y")
    assert choose(source, [second, first], unsafe=False) == [first]


def test_gb18030_crlf_file_is_byte_identical_outside_the_edits(tmp_path):
    path = tmp_path / "gbk.txt"
    original = ("青山县2024年度法治政府建设情况报告\r\n\r\n一、主要举措和成效\r\n"
                "截止目前，法制政府建设取得成效。\r\n二、存在的不足\r\n基层力量薄弱。\r\n")
    path.write_bytes(original.encode("gb18030"))
    result = run("check", "--fix", "--select", "W001,W002", str(path))
    assert result.exit_code == 0
    expected = original.replace("截止目前", "截至目前").replace("法制政府", "法治政府")
    assert path.read_bytes() == expected.encode("gb18030")
    assert "已修复 2 个问题（2 处改动）" in result.stdout


def test_utf8_bom_and_utf16_are_kept(tmp_path):
    for data, encoding in ((codecs.BOM_UTF8 + "截止目前，已完成。\n".encode(), "utf-8-sig"),
                           (codecs.BOM_UTF16_BE + "截止目前，已完成。\n".encode("utf-16-be"), "utf-16-be")):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(data)
        run("check", "--fix", "--select", "W001", str(path))
        text = "截至目前，已完成。\n"
        bom = codecs.BOM_UTF8 if encoding == "utf-8-sig" else codecs.BOM_UTF16_BE
        assert path.read_bytes() == bom + text.encode("utf-8" if encoding == "utf-8-sig" else encoding)


def test_fix_keeps_permissions_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("截止目前，已完成。\n", encoding="utf-8")
    path.chmod(0o640)
    run("check", "--fix", "--select", "W001", str(path))
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_diff_shows_the_edits_and_writes_nothing(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("截止目前，已完成。\n", encoding="utf-8")
    result = run("check", "--diff", "--select", "W001", str(path))
    assert result.exit_code == 1
    assert "-截止目前，已完成。\n+截至目前，已完成。\n" in result.stdout
    assert path.read_text(encoding="utf-8") == "截止目前，已完成。\n"


def test_fix_on_standard_input_prints_the_fixed_text(tmp_path):
    result = run("check", "--fix", "--select", "W001", "-", input="截止目前，已完成。\n")
    assert result.stdout.startswith("截至目前，已完成。\n")


def test_json_fix_field(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("截止目前，已完成。\n", encoding="utf-8")
    [item] = json.loads(run("check", "--format", "json", "--select", "W001", str(path)).stdout)
    assert item["fix"] == {"safe": True, "edits": [
        {"line": 1, "column": 1, "end_line": 1, "end_column": 3, "content": "截至"}]}


def test_remaining_findings_are_reported_after_fixing(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("截止目前，已完成。全年办理20__件。\n", encoding="utf-8")
    result = run("check", "--fix", "--format", "concise", "--select", "W001,T001", str(path))
    assert result.exit_code == 1
    assert f"{path}:1:16: T001 模板占位符“__”未填写" in result.stdout
    assert "已修复 1 个问题（1 处改动）。剩余 1 个问题" in result.stdout


def test_findings_without_fixes_are_found_in_the_fixed_text(all_rules):
    # Two rounds of fixes shorten the line before the placeholder (P003, then W001 is
    # alone): T001, which has no fix, is reported where the placeholder is after them.
    text = "截止目前，，，全市已完成。全年办理20__件。\n"
    result = fix_source(source_of(text), select_rules(all_rules, ["W001", "P003", "T001"], None))
    assert result.source.text == "截至目前，全市已完成。全年办理20__件。\n"
    assert [(d.code, *result.source.position(d.start), d.message) for d in result.remaining] == [
        ("T001", 1, 18, "模板占位符“__”未填写")]


def _finding(start, end, content="x", about=None):
    """A finding (about a span, by default its edit's) whose fix is one safe edit."""
    a, b = about or (start, end)
    return Diagnostic("W001", "w", "wording", Severity.WARNING, "m", "t.txt", a, b,
                      fix=Fix((Edit(start, end, content),), True))


def _overlaps_by_definition(edit, taken):
    # Two insertions at one point, or an edit inside another, are ambiguous.
    return any(edit.start < other.end and other.start < edit.end or edit.start == other.start
               for other in taken)


def test_choose_refuses_exactly_the_overlapping_edits():
    import random

    rng = random.Random(9)
    for _ in range(300):
        size = rng.randint(1, 30)
        source = decode(("甲" * size).encode(), "t.txt")  # no heading marker, no "x"
        offered = []
        for _ in range(rng.randint(1, 15)):
            start = rng.randint(0, size)
            offered.append(_finding(start, rng.randint(start, min(size, start + 4))))
        expected = []
        for d in sorted(offered, key=lambda d: d.start):  # choose goes in order of position
            if not _overlaps_by_definition(d.fix.edits[0], [c.fix.edits[0] for c in expected]):
                expected.append(d)
        assert choose(source, offered, unsafe=False) == expected, offered


def test_edits_touching_a_heading_marker_are_refused_unless_the_finding_is_about_it():
    from lintlaw.text.outline import parse_lines

    text = "甲市2024年度法治政府建设情况报告\n一、主要举措\n（一）依法履职\n1.优化服务。\n二、不足\n"
    source = decode(text.encode(), "t.txt")
    spans = [(line.marker.start, line.marker.end) for line in parse_lines(text, source.line_starts)
             if line.marker is not None]
    assert [text[a:b] for a, b in spans] == ["一、", "（一）", "1.", "二、"]
    body = text.index("足")
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 6) + 1):
            touches = any(start < b and a < end for a, b in spans)
            away = _finding(start, end, about=(body, body + 1))
            assert choose(source, [away], unsafe=False) == ([] if touches else [away]), (start, end)
    for a, b in spans:
        about = _finding(a, b, "〇、", about=(a, b))
        assert choose(source, [about], unsafe=False) == [about]


@pytest.mark.slow
def test_choosing_among_many_fixes_is_not_quadratic():
    """80,000 findings under 2,000 headings: a scan of every chosen edit per finding took
    minutes; sorting once and marking claimed positions takes well under a second."""
    import time

    line = "一、标题" + "截止" * 20 + "\n"
    source = decode((line * 2000).encode(), "t.txt")
    found = [Diagnostic("W001", "w", "wording", Severity.WARNING, "m", "t.txt", start, start + 2,
                        fix=Fix((Edit(start, start + 2, "截至"),), True))
             for row in range(2000) for start in range(row * len(line) + 4, (row + 1) * len(line) - 1, 2)]
    assert len(found) == 40000
    found += found  # every fix twice: the second copy must be refused as overlapping
    began = time.perf_counter()
    chosen = choose(source, found, unsafe=False)
    assert len(chosen) == 40000
    assert time.perf_counter() - began < 20  # generous: the quadratic version never got near it


# --- which fixes a round takes: heading markers and overlaps (fixing.choose) ---------------

# "一、" is 0..2 and "二、" is 5..7 (the line break is 4).
MARKED = "一、甲乙\n二、丙丁\n"


def test_a_fix_on_a_marker_it_is_not_about_is_left_out_and_the_next_is_taken():
    on_marker, later = fixable(2, 4, (1, 3, "，甲")), fixable(7, 8, (7, 8, "甲"))
    assert choose(source_of(MARKED), [on_marker, later], unsafe=False) == [later]


@pytest.mark.parametrize("finding, chosen", [
    (fixable(0, 2, (0, 2, "一.")), True),  # the marker is the finding's span
    (fixable(7, 8, (1, 2, "，"), related=[(0, 2, "编号")]), True),  # or a related span
    (fixable(2, 3, (1, 3, "，甲")), False),  # the finding starts where the marker ends
    (fixable(3, 5, (3, 6, "乙")), False),  # the finding ends where the next marker starts
    (fixable(7, 8, (1, 2, "，"), related=[(2, 3, "")]), False),  # related spans that only touch it
    (fixable(7, 8, (5, 6, "，"), related=[(3, 5, "")]), False),
    (fixable(7, 8, (1, 2, "，"), related=[(8, 9, "")]), False),  # a related span elsewhere
    (fixable(0, 2, (0, 7, "一、")), False),  # about the first marker, but the edit covers the second too
])
def test_a_fix_may_rewrite_only_the_markers_its_finding_is_about(finding, chosen):
    assert choose(source_of(MARKED), [finding], unsafe=False) == ([finding] if chosen else [])


@pytest.mark.parametrize("edit", [(3, 5, "丙"), (2, 3, "丙")])
def test_an_edit_that_ends_where_a_marker_starts_or_starts_where_it_ends_is_taken(edit):
    finding = fixable(edit[0], edit[1], edit)
    assert choose(source_of(MARKED), [finding], unsafe=False) == [finding]


def test_an_insertion_of_an_earlier_fix_inside_a_later_edit_is_an_overlap():
    # The first fix inserts at 5 (its second edit); the second would replace 4..6 around it.
    first, second = fixable(0, 1, (0, 1, "甲"), (5, 5, "乙")), fixable(4, 6, (4, 6, "丙"))
    assert choose(source_of("一二三四五六七八"), [first, second], unsafe=False) == [first]


def test_fix_source_applies_only_safe_fixes_unless_asked(all_rules):
    source = decode("学习《宪法》、《民法典》。".encode(), "t.txt")
    assert fix_source(source, select_rules(all_rules, ["P007"], None)).source.text == "学习《宪法》、《民法典》。"


def test_fixing_a_file_with_nothing_to_fix_does_not_write_it(tmp_path):
    # Nothing changed, nothing written: a read-only file is no error.
    path = tmp_path / "r.txt"
    path.write_text("全年办理案件12件。\n", encoding="utf-8")
    path.chmod(0o444)
    result = run("check", "--fix", str(path))
    assert (result.exit_code, result.stderr) == (0, "")


def test_fixing_a_line_with_a_control_character_twice_changes_nothing(tmp_path):
    # The first fix shortens the text, so its one control character becomes a larger share
    # of it: the second run must still read the file (as text) and find nothing to fix.
    path = tmp_path / "f.txt"
    path.write_bytes("一、一、（三）、282件\x08".encode("utf-8"))
    first = run("check", "--fix", "--isolated", "--format", "concise", str(path))
    assert first.exit_code == 1
    once = path.read_bytes()
    assert once == "一、一、（三）282件\x08".encode("utf-8")
    second = run("check", "--fix", "--isolated", "--format", "concise", str(path))
    assert second.exit_code == 1 and path.read_bytes() == once
    assert "已修复 0 个问题" in second.stdout


def test_half_width_brackets_of_a_table_label_are_fixed_when_announced(all_rules):
    # In a statistics table （二）部分公开 is a row label, not a heading: P008 counts its
    # half-width brackets as fixable, so --fix must convert them (issue 20 M1: choose took
    # them for a heading marker and dropped the whole fix, which was offered forever).
    from .helpers import flattened_tables, requests_values

    text, _ = flattened_tables("甲市2024年政府信息公开工作年度报告\n一、总体情况\n"
                               "本年度,我局共办理申请十件,答复及时,公开(主动公开)及时。\n",
                               {"requests": requests_values()})
    text = text.replace("（二）部分公开（区分处理的", "(二)部分公开(区分处理的", 1).replace("其他情形）", "其他情形)", 1)
    source = source_of(text)
    [offered] = [d for d in lint_with(source, all_rules, "P008")]
    assert offered.fix.safe and len(offered.fix.edits) == 9
    result = fix_source(source, select_rules(all_rules, ["P008"], None))
    assert result.fixed == 1 and result.remaining == []
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in result.source.text
    assert "本年度，我局共办理申请十件，答复及时，公开（主动公开）及时。" in result.source.text


def lint_with(source, rules, code):
    from lintlaw.engine.linter import lint

    return lint(source, select_rules(rules, [code], None))


def test_every_level_of_nested_titles_is_fixed_in_one_round(all_rules):
    # Issue 20 F1: one level per round took three runs of --fix for 30 levels.
    before = "印发" + "《" * 30 + "甲办法" + "》" * 30 + "。"
    result = fix_source(source_of(before), select_rules(all_rules, ["P002"], None))
    assert result.source.text == "印发《" + "〈" * 29 + "甲办法" + "〉" * 29 + "》。"
    assert (result.fixed, result.edits, result.remaining) == (1, 58, [])


def test_nested_titles_left_open_are_not_half_turned(all_rules):
    # The innermost pair turns with the inner title that holds it; inside an inner 《 that
    # never closes nothing turns (which level it was is unknown).
    assert fixed("《甲《乙《丙》丁》戊》。", all_rules, select=["P002"]) == "《甲〈乙〈丙〉丁〉戊》。"
    assert fixed("《甲《乙《丙》丁。", all_rules, select=["P002"]) == "《甲《乙《丙》丁。"


def test_the_summary_says_what_fix_left_at_its_round_limit(tmp_path, monkeypatch):
    # 、、等: the doubled 顿号 collapses in one round, 、等 in the next (issue 20 F1).
    import lintlaw.engine.fixing

    monkeypatch.setattr(lintlaw.engine.fixing, "MAX_ROUNDS", 1)
    path = tmp_path / "r.txt"
    path.write_text("学习宪法、民法典、、等法律。\n", encoding="utf-8")
    result = run("check", "--fix", "--format", "concise", "--select", "P003,P004", str(path))
    assert path.read_text(encoding="utf-8") == "学习宪法、民法典、等法律。\n"
    assert result.stdout.splitlines()[-1] == (
        "已修复 1 个问题（1 处改动）。剩余 1 个问题（错误 1，警告 0，提示 0），检查了 1 个文件。"
        "仍有 1 个可用 --fix 修复（修复轮数已到上限，再运行一次 --fix 可继续）。")
