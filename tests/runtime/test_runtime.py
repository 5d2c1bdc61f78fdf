"""Run the runtime's test templates against a throwaway package built from it.

The runtime (``templates/python/runtime``) is copied into ``src/<package>`` of a
temporary project laid out like a generated SDK, every
``templates/python/tests/test_runtime_*.py.jinja`` is rendered into ``tests/``,
and pytest, ``mypy --strict`` and ruff run there in subprocesses, so the runtime
is checked without generating an SDK first.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from tests import paths

ROOT = paths.REPO
RUNTIME = ROOT / "templates" / "python" / "runtime"
TEST_TEMPLATES = ROOT / "templates" / "python" / "tests"
PACKAGE = "runtime_pkg"

PYPROJECT = """\
[tool.pytest.ini_options]
testpaths = ["tests"]
pythonpath = ["src"]
filterwarnings = ["error"]
addopts = "--strict-markers -p no:cacheprovider --import-mode=importlib"

[tool.ruff]
line-length = 88
target-version = "py311"

[tool.ruff.lint]
select = ["E", "F", "W", "I", "B", "UP", "SIM", "RUF"]
ignore = ["E501"]
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("runtime")
    package = root / "src" / PACKAGE
    package.mkdir(parents=True)
    for module in RUNTIME.glob("*.py"):
        shutil.copy(module, package / module.name)
    (package / "__init__.py").write_text('"""Runtime under test."""\n')
    (package / "py.typed").write_text("")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEST_TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    tests = root / "tests"
    tests.mkdir()
    for template in sorted(TEST_TEMPLATES.glob("test_runtime_*.py.jinja")):
        text = env.get_template(template.name).render(package=PACKAGE)
        (tests / template.name.removesuffix(".jinja")).write_text(text)
    (root / "pyproject.toml").write_text(PYPROJECT)
    return root


def run(project: Path, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]


def test_runtime_tests_pass(project: Path) -> None:
    run(project, "pytest", "-q")


def test_runtime_is_mypy_strict_clean(project: Path) -> None:
    run(project, "mypy", "--strict", "--no-incremental", "src")


def test_runtime_and_its_tests_are_ruff_clean(project: Path) -> None:
    run(project, "ruff", "check", "--no-cache", ".")
