"""The built wheel carries grammar/ and rules/, and works outside the source tree."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds wheels

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_grammar_and_rules(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("lintlaw-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "lintlaw/_data/grammar/outline.lark" in names
    rule_files = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.toml")}
    assert rule_files and {f"lintlaw/_data/rules/{f}" for f in rule_files} <= names
    # The lintlaw serve page: everything it needs is in the package (no CDN).
    assert {f"lintlaw/serve/static/{f}" for f in ("index.html", "app.js", "style.css")} <= names

    # Unpacked alone (no source tree beside it), the package finds its data.
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("from lintlaw.resources import grammar_path, builtin_rules_dir;"
            "from lintlaw.engine.ruleset import load_catalog;"
            "from lintlaw.analysis.table_reading import layouts;"
            "from importlib.resources import files;"
            "page = files('lintlaw.serve').joinpath('static', 'index.html').read_text(encoding='utf-8');"
            "catalog = load_catalog();"
            "tables = len({layout.path for layout in layouts().values()});"
            "print(grammar_path().parent.parent.name, len(catalog.rules) + len(catalog.types.types) + tables,"
            " 'app.js' in page)")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(target), "PATH": ""}, check=True).stdout.split()
    assert out == ["_data", str(len(rule_files)), "True"]


def test_wheel_reads_word_without_an_extra(tmp_path):
    """python-docx is a dependency of the package itself; `lintlaw[docx]` still resolves."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("lintlaw-*.whl")
    [metadata] = [n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".dist-info/METADATA")]
    lines = zipfile.ZipFile(wheel).read(metadata).decode().splitlines()
    assert "Requires-Dist: python-docx>=1.2" in lines
    assert "Provides-Extra: docx" in lines
    assert not any(line.startswith("Requires-Dist:") and "extra == 'docx'" in line for line in lines)
