"""The package is layered; an import may only point to its own layer or below.

    foundation (errors, reasons, diagnostics, resources, the package itself)
    text → io → analysis → engine → render → application (cli, pipeline, …)

An arrow running back up is how a tidy tree turns into a tangle, so every
import counts, also the lazy ones inside functions.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lintlaw"

FOUNDATION = {"lintlaw", "lintlaw.errors", "lintlaw.reasons", "lintlaw.diagnostics", "lintlaw.resources"}
LAYERS = ["text", "io", "analysis", "engine", "render"]
APPLICATION = len(LAYERS) + 1


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> int:
    if module in FOUNDATION:
        return 0
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in LAYERS:
        return LAYERS.index(parts[1]) + 1
    return APPLICATION


def lintlaw_imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "lintlaw":
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: use absolute imports"
            if node.module and node.module.split(".")[0] == "lintlaw":
                for alias in node.names:
                    # `from lintlaw.io import config` imports the module lintlaw.io.config.
                    candidate = f"{node.module}.{alias.name}"
                    target = candidate if (PACKAGE.parent / candidate.replace(".", "/")).with_suffix(".py").exists() \
                        or (PACKAGE.parent / candidate.replace(".", "/")).is_dir() else node.module
                    yield node.lineno, target


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_known_place():
    top = {module_name(p) for p in MODULES if p.parent == PACKAGE}
    application = {"lintlaw.__main__", "lintlaw.cli", "lintlaw.pipeline", "lintlaw.runner",
                   "lintlaw.outputs", "lintlaw.annotate_pdf", "lintlaw.desk"}
    assert top == FOUNDATION | application


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_point_down(path):
    own = layer(module_name(path))
    upward = [f"line {line}: {target}" for line, target in lintlaw_imports(path) if layer(target) > own]
    assert upward == []


def test_the_layer_check_sees_an_upward_import(tmp_path):
    # Guard against a check that cannot fail: a lazy import of the engine from
    # a text module is found and ranked above it.
    module = tmp_path / "sample.py"
    module.write_text("def f():\n    from lintlaw.engine import ruleset\n    import lintlaw.render.tree\n",
                      encoding="utf-8")
    found = list(lintlaw_imports(module))
    assert found == [(2, "lintlaw.engine.ruleset"), (3, "lintlaw.render.tree")]
    assert all(layer(target) > layer("lintlaw.text.source") for _, target in found)
    assert layer("lintlaw.errors") == 0 and layer("lintlaw.cli") == APPLICATION
