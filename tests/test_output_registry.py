"""Output formats come from one table: a format added there is usable at once."""

from typer.testing import CliRunner

from lintlaw.cli import app
from lintlaw.render.formats import FORMATS, OutputFormat

from .helpers import FIXTURES

DEFECTS = str(FIXTURES / "numbering-defects.txt")


def count_codes(diagnostics, sources, rules):
    return f"{len(diagnostics)} findings, {len(rules)} rules"


def test_a_format_added_to_the_table_is_accepted_and_used(monkeypatch):
    monkeypatch.setitem(FORMATS, "count", OutputFormat(count_codes, for_tools=True))
    result = CliRunner().invoke(app, ["check", "--format", "count", "--select", "S101", DEFECTS])
    assert result.exit_code == 1
    assert result.stdout == "3 findings, 1 rules\n"  # a tool format: no summary line


def test_a_format_not_for_tools_gets_the_summary(monkeypatch):
    monkeypatch.setitem(FORMATS, "count", OutputFormat(count_codes))
    result = CliRunner().invoke(app, ["check", "--format", "count", "--select", "S101", DEFECTS])
    assert result.stdout.splitlines() == ["3 findings, 1 rules",
                                          "发现 3 个问题（错误 3，警告 0，提示 0），检查了 1 个文件。"]


def test_an_unknown_format_is_a_usage_error():
    result = CliRunner().invoke(app, ["check", "--format", "xml", DEFECTS])
    assert result.exit_code == 2
    assert result.stderr == ("lintlaw: --format: 未知的输出格式“xml”"
                             "（可用：full、concise、json、json-lines、sarif、github、gitlab、junit、html、csv）\n")


def test_every_target_in_the_table_resolves_to_a_function():
    for name, output_format in FORMATS.items():
        assert output_format.render([], {}, []) is not None, name
