"""sdkgen is a normal package: its wheel carries templates and schema, and works alone.

Builds the wheel, installs it into a fresh virtual environment outside the
repository, and generates an SDK there. Needs the package index for the build
backend and dependencies, as any install does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests import paths

REPO = paths.REPO
FIXTURE = paths.NOTES_SPEC


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=True
    )


# About 19 s (builds a wheel, creates a venv): `make test-fast` leaves it out.
@pytest.mark.slow
def test_wheel_installs_into_a_fresh_environment_and_generates(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, REPO
    )
    wheel = next(wheels.glob("sdkgen-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "generator/_schema/sdkgen.schema.json" in names
    assert "generator/_templates/python/runtime/_api_client.py" in names
    assert "generator/_templates/python/package/_client.py.jinja" in names

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel)

    work = tmp_path / "work"
    (work / "spec").mkdir(parents=True)
    shutil.copy(FIXTURE, work / "spec" / "notes.yaml")
    result = run(
        venv / "bin" / "sdkgen", "generate", "spec/notes.yaml", "--out", "out", cwd=work
    )
    assert "written" in result.stdout
    client = work / "out" / "python" / "src" / "notes_client" / "_client.py"
    assert "class NotesClient(SyncAPIClient)" in client.read_text()
    # The installed copy finds its own templates, not the repository's.
    located = run(
        venv / "bin" / "python",
        "-c",
        "from generator.resources import templates_dir; print(templates_dir())",
        cwd=work,
    )
    assert "site-packages" in located.stdout
