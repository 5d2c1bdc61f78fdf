"""Golden tests: each small spec under tests/golden/<case>/ against its whole output.

Every case's ``spec.yaml`` is generated afresh into a temporary folder, the same way
``make regen-golden`` does (see tests/golden/regen.py), and compared file by file
with the committed ``expected/`` tree. The fresh SDKs must also pass
``mypy --strict``, ruff and black with their own pyproject's settings, and their own
generated tests. tests/golden/README.md says how to add a case.

Also here: ``sdkgen generate`` on an invalid spec and on a missing one, stderr word
for word (tests/golden/errors/).
"""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from generator.cli import main
from generator.output.write import MANIFEST_NAME
from generator.spec.validate import validate_path
from tests import paths
from tests.golden import regen

GOLDEN = paths.GOLDEN
ERRORS = GOLDEN / "errors"


CASES: list[str] = regen.case_names()
# What each case exercises; a case added without a line here fails the first test.
COVERS = {
    "api_key": "auth by a static key only, defaults, errors model, rate limits",
    "auth_kinds": "basic, bearer, query and cookie keys, client credentials, AND/OR",
    "deprecated": "deprecated operations, with and without a replacement",
    "envelopes": "per-operation envelopes: Slack-like ok/error, none, the API's",
    "field_types": "a model with a field of every type, nullable, required",
    "form_body": "nested-key form, multipart with two files, raw and text bodies",
    "hostile": "hostile text in every free-text slot; keyword and odd names",
    "json_body": "JSON bodies: fields as keywords or body=, merge-patch, nulls",
    "no_envelope": "bare payloads: model, list, scalar and empty returns",
    "oauth": "OAuth2 with refresh, PIN and code grants, plus a key fallback",
    "paged": "pagination, by path segment from 0 and by query from 1",
    "servers": "environments, server variables, operation base_url, headers, HEAD",
    "pagination_styles": "offset, cursor (body / last item), token, next URL, Link",
    "responses": "per-status responses, 204, typed errors, binary/text, headers",
    "rich_types": "dates, epoch, uuid, nullable, maps of models, shape union, extends",
    "union": "a discriminated union returned alone, in a list, in a field",
    "upload": "a file upload with upload_kind, and a plain file part",
}
DIFF_FILES = 3  # differing files shown in full diff in a failure message
DIFF_LINES = 40  # lines of diff shown per file


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path; byte caches are not output."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def compare_trees(expected: Path, actual: Path) -> str | None:
    """None when both folders hold the same files, else a report of the differences."""
    want, got = tree(expected), tree(actual)
    missing = sorted(set(got) - set(want))
    stale = sorted(set(want) - set(got))
    differ = sorted(p for p in set(want) & set(got) if want[p] != got[p])
    if not (missing or stale or differ):
        return None
    lines = [f"{expected} is not what the generator now produces:"]
    lines += [f"  new file, not in expected/: {p}" for p in missing]
    lines += [f"  in expected/, no longer generated: {p}" for p in stale]
    lines += [f"  differs: {p}" for p in differ]
    # The manifest differs whenever another file does: show real files first.
    for path in sorted(differ, key=lambda p: p == MANIFEST_NAME)[:DIFF_FILES]:
        diff = list(
            difflib.unified_diff(
                want[path].decode("utf-8", "replace").splitlines(),
                got[path].decode("utf-8", "replace").splitlines(),
                fromfile=f"expected/{path}",
                tofile=f"generated/{path}",
                lineterm="",
            )
        )
        lines += diff[:DIFF_LINES]
        if len(diff) > DIFF_LINES:
            lines.append(f"... ({len(diff) - DIFF_LINES} more diff lines)")
    lines.append(
        "If the change is intended, run `make regen-golden` and review the diff."
    )
    return "\n".join(lines)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every case generated once into <tmp>/<case>/expected, as regen lays it out."""
    root = tmp_path_factory.mktemp("golden")
    outputs = {}
    for case in CASES:
        spec = regen.copy_case(case, root)
        regen.generate_case(spec, spec.parent / regen.EXPECTED)
        outputs[case] = spec.parent / regen.EXPECTED
    return outputs


def test_every_case_is_listed_and_committed() -> None:
    assert sorted(COVERS) == CASES
    packages = set()
    for case in CASES:
        result = validate_path(GOLDEN / case / regen.SPEC_NAME)
        assert result.diagnostics == [], case  # strict: not even a warning
        assert result.spec is not None
        packages.add(result.spec.document["api"]["package"])
        expected = GOLDEN / case / regen.EXPECTED
        assert (expected / MANIFEST_NAME).is_file(), f"run `make regen-golden` ({case})"
        assert (expected / "python" / "pyproject.toml").is_file(), case
        assert (expected / "openapi.json").is_file(), case
    assert len(packages) == len(CASES), "one mypy run needs distinct package names"


@pytest.mark.parametrize("case", CASES)
def test_output_matches_golden(case: str, fresh: dict[str, Path]) -> None:
    problem = compare_trees(GOLDEN / case / regen.EXPECTED, fresh[case])
    assert problem is None, problem


def test_compare_trees_names_each_kind_of_difference(tmp_path: Path) -> None:
    expected, actual = tmp_path / "expected", tmp_path / "actual"
    for folder in (expected, actual):
        (folder / "python").mkdir(parents=True)
        (folder / "same.txt").write_text("same\n")
    (expected / "python" / "a.py").write_text("x = 1\ny = 2\n")
    (actual / "python" / "a.py").write_text("x = 1\ny = 3\n")
    (expected / "gone.txt").write_text("old\n")
    (actual / "new.txt").write_text("new\n")
    (actual / "python" / "__pycache__").mkdir()
    (actual / "python" / "__pycache__" / "a.pyc").write_bytes(b"\0")
    report = compare_trees(expected, actual)
    assert report is not None
    assert "  new file, not in expected/: new.txt" in report
    assert "  in expected/, no longer generated: gone.txt" in report
    assert "  differs: python/a.py" in report
    assert "-y = 2\n+y = 3" in report
    assert "same.txt" not in report
    assert "pycache" not in report
    assert "make regen-golden" in report
    (actual / "python" / "a.py").write_text("x = 1\ny = 2\n")
    (actual / "new.txt").unlink()
    (actual / "gone.txt").write_text("old\n")
    assert compare_trees(expected, actual) is None


def test_regen_leaves_exactly_the_generated_tree(
    fresh: dict[str, Path], tmp_path: Path
) -> None:
    """Stale files and emptied folders go; the cache makes this run cheap."""
    case = "no_envelope"
    spec = regen.copy_case(case, tmp_path)
    out = spec.parent / regen.EXPECTED
    shutil.copytree(fresh[case], out)
    (out / "python" / "src" / "old_module.py").write_text("stale = True\n")
    (out / "docs" / "gone").mkdir(parents=True)
    (out / "docs" / "gone" / "page.md").write_text("stale\n")
    produced = regen.generate_case(spec, out)
    assert compare_trees(fresh[case], out) is None
    assert set(tree(out)) == produced
    assert not (out / "docs" / "gone").exists()


def test_regen_refuses_an_unknown_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert regen.main(["no_such_case"]) == 2
    assert "no such case: no_such_case" in capsys.readouterr().err


# --- the generated SDKs pass their own checks -------------------------------------


def run_tool(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_generated_sdks_pass_mypy_strict(
    fresh: dict[str, Path], tmp_path: Path
) -> None:
    """One mypy run over every case: each package has its own name."""
    config = fresh[CASES[0]] / "python" / "pyproject.toml"
    sources = [fresh[case] / "python" / "src" for case in CASES]
    result = run_tool(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            config,
            "--cache-dir",
            tmp_path / "mypy_cache",
            *sources,
        ],
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def ruff(fresh: dict[str, Path], *options: str) -> subprocess.CompletedProcess[str]:
    """ruff over every case at once; it reads each SDK's own pyproject.toml."""
    folders = [fresh[case] / "python" for case in CASES]
    return run_tool(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *options, *folders],
        cwd=fresh[CASES[0]].parent.parent,
    )


def test_generated_sdks_pass_ruff(fresh: dict[str, Path]) -> None:
    result = ruff(fresh, "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_sdks_are_black_clean(fresh: dict[str, Path]) -> None:
    """black --check, once per distinct file: the runtime is the same in every case."""
    seen: set[str] = set()
    files: list[Path] = []
    for case in CASES:
        for path in sorted((fresh[case] / "python").rglob("*.py")):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                files.append(path)
    config = fresh[CASES[0]] / "python" / "pyproject.toml"
    result = run_tool(
        [sys.executable, "-m", "black", "--check", "-q", "--config", config, *files],
        cwd=fresh[CASES[0]].parent.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def sdk_test_runs(
    fresh: dict[str, Path],
) -> Iterator[dict[str, Future[subprocess.CompletedProcess[str]]]]:
    """Run the SDKs' own test suites, one per CPU at a time; each test awaits one."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        yield {
            case: pool.submit(
                run_tool,
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                fresh[case] / "python",
            )
            for case in CASES
        }


@pytest.mark.parametrize("case", CASES)
def test_generated_sdk_tests_pass(
    case: str, sdk_test_runs: dict[str, Future[subprocess.CompletedProcess[str]]]
) -> None:
    result = sdk_test_runs[case].result()
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout


# --- error output, word for word ----------------------------------------------------


def test_generate_on_an_invalid_spec_prints_exactly_the_diagnostics(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copyfile(ERRORS / "invalid.yaml", tmp_path / "invalid.yaml")
    monkeypatch.chdir(tmp_path)
    status = main(["generate", "invalid.yaml", "--out", "out"])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert captured.err == (ERRORS / "invalid.stderr.txt").read_text("utf-8")
    assert not (tmp_path / "out").exists()


def test_generate_on_a_missing_spec_is_a_usage_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    status = main(["generate", "missing.yaml", "--out", "out"])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert captured.err == (ERRORS / "missing.stderr.txt").read_text("utf-8")
    assert not (tmp_path / "out").exists()
