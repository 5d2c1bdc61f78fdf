"""The hooks in .pre-commit-hooks.yaml work through ``pre-commit try-repo``.

pre-commit installs sdkgen from a fresh clone of this repository's committed HEAD
into its own virtualenv (from the package index), then runs the hooks in a
consumer repository whose spec lives in ``spec/`` (the hooks' default arguments).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests import paths

ROOT = paths.REPO
IMGUR = ROOT / "spec" / "imgur"


def run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    done = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, env=env, check=False
    )
    return done.returncode, done.stdout + done.stderr


def test_hooks_file_declares_both_python_hooks() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"sdkgen-validate", "sdkgen-check"}
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
    assert by_id["sdkgen-validate"]["entry"] == "sdkgen validate --strict"
    assert by_id["sdkgen-check"]["entry"] == "sdkgen check"


@pytest.mark.slow
def test_hooks_pass_and_fail_through_try_repo(tmp_path: Path) -> None:
    hooks_repo = tmp_path / "sdkgen"
    code, said = run(tmp_path, "git", "clone", "-q", str(ROOT), str(hooks_repo))
    assert code == 0, said
    consumer = tmp_path / "consumer"
    consumer.mkdir()
    shutil.copytree(IMGUR, consumer / "spec")
    cwd = Path.cwd()
    os.chdir(consumer)
    try:
        assert main(["generate", "spec", "--out", "generated"]) == 0
    finally:
        os.chdir(cwd)
    for args in (
        ("init", "-q"),
        ("config", "user.email", "test@example.com"),
        ("config", "user.name", "Test"),
        ("add", "."),
        ("commit", "-q", "-m", "spec and SDK"),
    ):
        assert run(consumer, "git", *args)[0] == 0
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def try_hook(hook: str) -> tuple[int, str]:
        return run(
            consumer,
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hooks_repo),
            hook,
            "--all-files",
            env=env,
        )

    for hook in ("sdkgen-validate", "sdkgen-check"):
        code, said = try_hook(hook)
        assert code == 0, said
        assert "Passed" in said
    # A stale generated file fails the check hook.
    readme = consumer / "generated" / "python" / "README.md"
    readme.write_text(readme.read_text("utf-8") + "\nedited\n", "utf-8")
    code, said = try_hook("sdkgen-check")
    assert code == 1, said
    assert "Failed" in said
    # A broken spec fails the validate hook, naming file, line and rule.
    album = consumer / "spec" / "resources" / "album.yaml"
    album.write_text(
        album.read_text("utf-8").replace("path: /album/{id}\n", "path: /album/{x}\n"),
        "utf-8",
    )
    code, said = try_hook("sdkgen-validate")
    assert code == 1, said
    assert "spec/resources/album.yaml:" in said
    assert "SPEC1" in said
