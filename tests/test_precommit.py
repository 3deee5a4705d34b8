"""The pre-commit hook, run by pre-commit itself on a repository built in a temporary directory.

pre-commit builds the hook's environment from this checkout (pip install), so the
test needs the package index; it is skipped when pre-commit or git is missing.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not (shutil.which("git") and shutil.which("pre-commit")),
                                reason="git and pre-commit are needed")


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_hook_runs_through_pre_commit(tmp_path):
    repo = tmp_path / "reports"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "bad.txt").write_text("青山县教育局2024年度法治政府建设情况报告\n全年办理20__件。\n", encoding="utf-8")
    (repo / "good.md").write_text("# 说明\n\n本仓库存放年度报告。\n", encoding="utf-8")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    run = subprocess.run(["pre-commit", "try-repo", str(CHECKOUT), "lintlaw", "--files", "bad.txt", "good.md"],
                         cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "bad.txt:2:7: T001 模板占位符“__”未填写" in run.stdout
    assert "good.md" not in run.stdout.replace("--files", "")

    clean = subprocess.run(["pre-commit", "try-repo", str(CHECKOUT), "lintlaw", "--files", "good.md"],
                           cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert clean.returncode == 0, clean.stdout + clean.stderr
