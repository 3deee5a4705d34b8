import textwrap

import pytest

from lintlaw.errors import RuleFileError, UsageError
from lintlaw.engine.linter import lint
from lintlaw.engine.ruleset import Expected, load_rule_file, load_rules, select_rules
from lintlaw.text.source import decode

VALID = textwrap.dedent('''\
    code = "Y001"
    name = "banned-word"
    kind = "pattern"
    category = "wording"
    severity = "warning"
    message = "不要用“{match}”"
    patterns = ['其它']
    explanation = "用“其他”。"
    authority = "本单位写作规范"

    [examples]
    bad = ["其它事项"]
    good = ["其他事项"]
    ''')


def write(tmp_path, text, name="x.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_rule_runs(tmp_path):
    rule = load_rule_file(write(tmp_path, VALID), builtin=False)
    source = decode("一、其它事项\n".encode(), "r.txt")
    [d] = lint(source, [rule])
    assert (d.code, source.position(d.start), d.message) == ("Y001", (1, 3), "不要用“其它”")


@pytest.mark.parametrize("change, message", [
    (('severity = "warning"', 'severity = "warning"\ncolour = "red"'), r"x.toml:6: colour: 未知字段"),
    (("patterns = ['其它']", "patterns = ['其(它']"), r"x.toml:7: patterns: 正则表达式“其\(它”有误"),
    (('code = "Y001"\n', ''), r"x.toml:1: 缺少必填字段“code”"),
    (('message = "不要用“{match}”"', 'message = "不要用“{word}”"'), r"x.toml:6: message: 消息模板用了未知的占位符 word"),
    (('kind = "pattern"', 'kind = "magic"'), r"x.toml:3: kind: 未知的规则类型“magic”"),
    (('code = "Y001"', 'code = "x1"'), r"x.toml:1: code: 格式应为"),
    (('category = "wording"', 'category = "style"'), r"x.toml:4: category: 只能取"),
    (('bad = ["其它事项"]', 'bad = []'), r"x.toml:\d+: examples: 需要 bad 和 good"),
    (('name = "banned-word"', 'name = "banned-word'), r"x.toml: 不是有效的 TOML"),
])
def test_broken_rule_files_name_file_line_and_problem(tmp_path, change, message):
    path = write(tmp_path, VALID.replace(*change))
    with pytest.raises(RuleFileError, match=message):
        load_rule_file(path)


TABLE = '[[examples.bad]]\ntext = "其它事项"\n'


def test_bad_example_table_carries_its_expected_finding_and_fixed_text(tmp_path):
    text = VALID.replace('bad = ["其它事项"]\n', "") + TABLE + (
        'line = 1\ncolumn = 1\nmessage = "不要用“其它”"\nfixed = "其他事项"\n')
    [bad] = load_rule_file(write(tmp_path, text)).examples["bad"]
    assert (bad, bad.findings, bad.fixed, bad.fixed_unsafe) == (
        "其它事项", (Expected(1, 1, "不要用“其它”"),), "其他事项", None)


def test_bad_example_may_state_where_its_finding_ends_and_its_related_spans(tmp_path):
    text = VALID.replace('bad = ["其它事项"]\n', "") + TABLE + (
        'line = 1\ncolumn = 1\nend_line = 1\nend_column = 3\nmessage = "不要用“其它”"\n'
        'related = [{ line = 1, column = 3, end_line = 1, end_column = 5, label = "事项" }]\n')
    [bad] = load_rule_file(write(tmp_path, text)).examples["bad"]
    assert bad.findings == (Expected(1, 1, "不要用“其它”", (1, 3), ((1, 3, 1, 5, "事项"),)),)


@pytest.mark.parametrize("fields, problem", [
    ('line = 1\ncolumn = 1\n', "需同时写 line、column、message"),
    ('line = 1\ncolumn = 1\nmessage = "x"\nfindings = []\n', "findings 与 line、column、message 只能写一种"),
    ('findings = [{ line = 0, column = 1, message = "x" }]\n', "需要正整数 line、column"),
    ('findings = [{ line = 1, column = 1 }]\n', "需要正整数 line、column"),
    ('colour = "red"\n', "未知字段 colour"),
    ('fixed = 3\n', "fixed 应是字符串"),
    ('line = 1\ncolumn = 1\nmessage = "x"\nend_line = 1\n', "end_line、end_column 需同时写，且为正整数"),
    ('findings = [{ line = 1, column = 1, message = "x", end_line = 1, end_column = 0 }]\n',
     "end_line、end_column 需同时写，且为正整数"),
    ('end_line = 1\nend_column = 2\n', "end_column, end_line 需与 line、column、message 一起写"),
    ('line = 1\ncolumn = 1\nmessage = "x"\nrelated = { line = 1 }\n', "related 应是表的列表"),
    ('line = 1\ncolumn = 1\nmessage = "x"\n'
     'related = [{ line = 1, column = 1, end_line = 1, end_column = 2 }]\n', "related 应是表的列表"),
    ('findings = [{ line = 1, column = 1, message = "x", colour = 1 }]\n', "需要正整数 line、column"),
])
def test_broken_bad_example_tables_are_rejected(tmp_path, fields, problem):
    text = VALID.replace('bad = ["其它事项"]\n', "") + TABLE + fields
    with pytest.raises(RuleFileError, match=rf"x.toml:\d+: examples: .*{problem}"):
        load_rule_file(write(tmp_path, text))


def test_duplicate_code_with_builtin(tmp_path):
    write(tmp_path, VALID.replace("Y001", "S101"))
    with pytest.raises(RuleFileError, match="“S101”与 .*S101-numbering-gap.toml 重复"):
        load_rules([tmp_path])


def test_pathological_pattern_times_out(tmp_path, monkeypatch):
    import lintlaw.engine.kinds.pattern as pattern

    monkeypatch.setattr(pattern, "RULE_BUDGET_SECONDS", 0.05)
    rule = load_rule_file(write(tmp_path, VALID.replace("patterns = ['其它']", "patterns = ['(a|aa)+$']")))
    source = decode(("a" * 40 + "!").encode(), "r.txt")
    with pytest.raises(RuleFileError, match="x.toml: 正则表达式“\\(a\\|aa\\)\\+\\$”在 r.txt 中运行超时"):
        lint(source, [rule])


def test_selectors(all_rules):
    codes = lambda sel, ign=None: [r.code for r in select_rules(all_rules, sel, ign)]
    assert codes(["S10"], ["S105"]) == ["S101", "S102", "S103", "S104", "S106", "S107", "S108", "S109"]
    assert codes(["placeholder"]) == ["T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008"]
    assert codes(["numbering-gap"]) == ["S101"]
    assert "S101" not in codes(None, ["structure"])
    with pytest.raises(UsageError, match="未知的规则选择器“Q9”"):
        codes(["Q9"])


def test_parsed_rule_files_are_cached_and_invalidated_by_edits(tmp_path, monkeypatch):
    import os

    from lintlaw.engine import rulecache
    from lintlaw.engine.ruleset import load_rules

    monkeypatch.setenv("LINTLAW_CACHE_DIR", str(tmp_path / "cache"))
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    rule = rules_dir / "Y001.toml"
    rule.write_text(VALID.replace("不要用“{match}”", "旧消息"), encoding="utf-8")
    assert [r.message for r in load_rules([rules_dir]) if r.code == "Y001"] == ["旧消息"]
    assert len(list((tmp_path / "cache").glob("rules-*.json"))) == 1
    # Same size, new content and time: the key changes, the new message is read.
    rule.write_text(VALID.replace("不要用“{match}”", "新消息"), encoding="utf-8")
    os.utime(rule, ns=(rule.stat().st_atime_ns, rule.stat().st_mtime_ns + 10**9))
    assert [r.message for r in load_rules([rules_dir]) if r.code == "Y001"] == ["新消息"]
    assert rulecache.cache_dir() == tmp_path / "cache"


def test_an_unwritable_cache_directory_only_costs_speed(tmp_path, monkeypatch):
    from lintlaw.engine.ruleset import load_rules

    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("LINTLAW_CACHE_DIR", str(blocker / "cache"))  # a file where a directory should be
    assert len(load_rules()) > 50



# A rule whose fix re-matches its own pattern (issue 20 D3).

GROWING = VALID.replace("patterns = ['其它']", "patterns = ['培训机构']\nfix = { replace = \"民办培训机构\", safe = true }") \
    .replace('bad = ["其它事项"]', 'bad = ["规范培训机构"]').replace("不要用“{match}”", "“{match}”应写作“{fixed}”")


@pytest.mark.parametrize("pattern, replacement, before, after", [
    ("培训机构", "民办培训机构", "规范校外培训机构管理。", "规范校外民办培训机构管理。"),
    ("a", "aa", "a b a", "aa b aa"),  # was 2**10 a's at each place
])
def test_a_fix_that_rematches_its_replacement_is_applied_once_per_place(tmp_path, pattern, replacement, before,
                                                                        after):
    from lintlaw.engine.fixing import fix_source

    text = GROWING.replace("['培训机构']", repr([pattern]).replace('"', "'")).replace("民办培训机构", replacement)
    rule = load_rule_file(write(tmp_path, text), builtin=False)  # one file: the load-time check is the catalog's
    result = fix_source(decode(before.encode(), "r.txt"), [rule])
    assert result.source.text == after
    assert result.fixed == before.count(pattern)


def test_a_rule_whose_fix_is_not_stable_is_refused_at_load(tmp_path):
    write(tmp_path, GROWING)
    with pytest.raises(RuleFileError) as raised:
        load_rules([tmp_path])
    assert str(raised.value) == (
        f"{tmp_path / 'x.toml'}:8: fix: 修复结果不稳定：示例“规范培训机构”修复后是“规范民办培训机构”，"
        "再次修复又成了“规范民办民办培训机构”（修复后的文字仍被本规则找出）；请让规则不再匹配修复后的写法")


def test_a_rule_whose_fix_is_stable_loads(tmp_path):
    write(tmp_path, GROWING.replace("['培训机构']", "['(?<!民办)培训机构']"))
    [rule] = [r for r in load_rules([tmp_path]) if r.code == "Y001"]
    assert rule.fixable


def test_a_user_rule_may_leave_out_its_examples(tmp_path):
    # As a Vale rule has none (README, “Writing rules”); a built-in rule must have them.
    path = write(tmp_path, VALID[:VALID.index("[examples]")])
    rule = load_rule_file(path, builtin=False)
    source = decode("其它事项\n".encode(), "r.txt")
    assert [d.message for d in lint(source, [rule])] == ["不要用“其它”"]
    with pytest.raises(RuleFileError, match=r"x.toml:1: 缺少必填字段“examples”"):
        load_rule_file(path, builtin=True)


def test_a_user_rule_without_examples_is_documented_as_such(tmp_path):
    from .test_cli import run

    (tmp_path / "rules").mkdir()
    write(tmp_path / "rules", VALID[:VALID.index("[examples]")])
    result = run("rule", "Y001", "--rules", str(tmp_path / "rules"), "--isolated")
    assert result.exit_code == 0
    assert "示例：规则文件没有写 [examples]" in result.stdout.splitlines()
    assert "应报告的写法：" not in result.stdout


def test_a_folding_pattern_rule_reports_many_matches_once_with_the_count(tmp_path):
    folding = VALID.replace('message = "不要用“{match}”"', 'message = "不要用“{match}”{together}"').replace(
        "patterns = ['其它']", "patterns = ['其它']\nfold = 3\nfix = { replace = \"其他\", safe = true }")
    rule = load_rule_file(write(tmp_path, folding), builtin=False)
    two = decode("其它事项，其它情况。\n".encode(), "r.txt")
    assert [d.message for d in lint(two, [rule])] == ["不要用“其它”", "不要用“其它”"]
    three = decode("其它事项，其它情况，其它问题。\n".encode(), "r.txt")
    [d] = lint(three, [rule])
    assert (three.position(d.start), d.message) == ((1, 1), "不要用“其它”（全文共 3 处，只在第一处报告，修复一并改正）")
    assert [(e.start, e.content) for e in d.fix.edits] == [(0, "其他"), (5, "其他"), (10, "其他")]


def test_fold_needs_at_least_two(tmp_path):
    path = write(tmp_path, VALID.replace("patterns = ['其它']", "patterns = ['其它']\nfold = 1"))
    with pytest.raises(RuleFileError, match="fold: 至少为 2"):
        load_rule_file(path)
