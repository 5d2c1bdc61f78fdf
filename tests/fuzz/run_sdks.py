"""Import and test many generated SDKs in one Python process (one pytest run each).

Started by ``tests.fuzz.checks.SdkBatch`` as ``python -m tests.fuzz.run_sdks DIR...``
where each DIR is an output folder of ``sdkgen generate``. One process for the
whole batch saves the interpreter start and the imports of pytest, httpx and the
runtime per SDK, which dominate a small SDK's test time. Prints one JSON line per
SDK: {"sdk": DIR, "ok": bool, "detail": text}.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import pkgutil
import sys
import traceback
from pathlib import Path

import pytest


def _forget(package: str) -> None:
    """Drop the previous SDK's modules: the next one may reuse the package name."""
    for name in list(sys.modules):
        ours = name == package or name.startswith(package + ".")
        tests = name.split(".")[0] in {"tests", "conftest"} or name.startswith("test_")
        if ours or tests:
            del sys.modules[name]


def _import_all(package: str) -> None:
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        importlib.import_module(info.name)


def run_one(sdk: Path) -> tuple[bool, str]:
    root = sdk / "python"
    [src_package] = [p for p in (root / "src").iterdir() if p.is_dir()]
    package = src_package.name
    _forget(package)
    sys.path.insert(0, str(root / "src"))
    output = io.StringIO()
    try:
        try:
            _import_all(package)
        except BaseException:
            return False, "import failed:\n" + traceback.format_exc()
        args = [str(root / "tests"), "-q", "-x", "-p", "no:cacheprovider"]
        args += ["--rootdir", str(root), "-c", str(root / "pyproject.toml")]
        args += ["--import-mode=importlib", "--no-header"]
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            code = pytest.main(args)
        return code == 0, output.getvalue()[-6000:]
    finally:
        sys.path.remove(str(root / "src"))
        _forget(package)


def main(folders: list[str]) -> int:
    for folder in folders:
        ok, detail = run_one(Path(folder))
        print(json.dumps({"sdk": folder, "ok": ok, "detail": "" if ok else detail}))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
