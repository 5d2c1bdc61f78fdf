"""The properties every spec must have, as plain functions the tests call.

- ``validate_outcome``: ``sdkgen validate`` never exits 123 (printing included, to a
  strict UTF-8 stream like a terminal's), and every error it reports has file:line.
- ``SdkBatch.generate``: an accepted spec generates, and its OpenAPI export is
  strict JSON; ``SdkBatch.run`` then imports every generated SDK and runs its own
  tests, all in one subprocess (``tests.fuzz.run_sdks``).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator import cli
from tests import paths

REPO = paths.REPO
EXIT_INTERNAL = 123


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    report: str


# A diagnostic's first line starts with its location (continuation lines indent).
_LOCATED = re.compile(r"^.+:\d+:\d+: ")


def _strict_utf8() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")


def run_cli(*args: str) -> tuple[int, str, str]:
    """``sdkgen ARGS`` in this process, printing to strict UTF-8 streams."""
    out, err = _strict_utf8(), _strict_utf8()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    texts = []
    for stream in (out, err):
        stream.flush()
        texts.append(stream.buffer.getvalue().decode("utf-8"))  # type: ignore[attr-defined]
    return code, texts[0], texts[1]


def validate_outcome(spec: Path) -> Outcome:
    """Validate ``spec``; fail (AssertionError) if a property is broken."""
    code, stdout, stderr = run_cli("validate", str(spec))
    assert code != EXIT_INTERNAL, f"validate crashed on {spec}:\n{stderr}"
    assert code in (0, 1), f"validate exited {code} on {spec}:\n{stdout}{stderr}"
    *diagnostics, _summary = stdout.splitlines() or [""]
    unlocated = [
        line
        for line in diagnostics
        if line and not line.startswith(" ") and not _LOCATED.match(line)
    ]
    assert not unlocated, f"diagnostics without file:line:col: {unlocated}"
    assert code == 0 or diagnostics, f"rejected without a diagnostic:\n{stdout}"
    return Outcome(code, stdout)


def strict_json(text: str) -> object:
    """json.loads that refuses NaN and Infinity, which are not JSON."""

    def refuse(constant: str) -> object:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


@dataclass
class SdkBatch:
    """Generates accepted specs into ``root``, then tests them in one subprocess."""

    root: Path
    folders: list[Path] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    # (path, render hash) -> formatted text, shared by every spec of the batch.
    formatted: dict[tuple[PurePosixPath, str], str] = field(
        default_factory=dict, repr=False
    )
    generated: int = 0
    runtime_tests_run: set[str] = field(default_factory=set)

    def _cached(self, path: PurePosixPath, render_hash: str) -> str | None:
        return self.formatted.get((path, render_hash))

    def generate(self, spec: Path) -> None:
        """Generate ``spec`` (already accepted) and queue its SDK for testing.

        The spec is copied beside the output first, so every generated file names
        it the same way and only what the spec changes is formatted again.
        """
        from generator.output.write import write_output
        from generator.pipeline import build_outputs

        digest = _digest(spec)
        if digest in self.seen:
            return
        # Named by digest: a spec that failed is tried again (Hypothesis replays
        # it) in a folder of its own, and is "seen" only once it generated.
        folder = self.root / f"sdk-{digest[:16]}-{self.generated:05d}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        copy = folder / ("spec" if spec.is_dir() else "spec.yaml")
        if spec.is_dir():
            shutil.copytree(spec, copy)
        else:
            shutil.copyfile(spec, copy)
        out = folder / "out"
        outputs = build_outputs(copy, out, use_cache=False, format_cache=self._cached)
        for file in outputs.files:
            self.formatted[(file.path, file.render_hash)] = file.content
        write_output(out, outputs.files, outputs.manifest)
        strict_json((out / "openapi.json").read_text("utf-8"))
        (out / "spec.source").write_bytes(_spec_bytes(spec))
        self._skip_runtime_tests_run_before(out / "python")
        self.folders.append(out)
        self.seen.add(digest)
        self.generated += 1

    def _skip_runtime_tests_run_before(self, sdk: Path) -> None:
        """Drop a runtime test file already run against identical code.

        The runtime is copied verbatim; what a runtime test exercises besides it
        is the package's client, config and exports. The same test file over the
        same three files gives the same result, so it runs once per batch.
        """
        [package] = [p for p in (sdk / "src").iterdir() if p.is_dir()]
        context = b"".join(
            (package / name).read_bytes()
            for name in ("_client.py", "_config.py", "__init__.py")
        )
        for test in sorted((sdk / "tests").glob("test_runtime_*.py")):
            key = hashlib.sha256(context + test.read_bytes()).hexdigest()
            if key in self.runtime_tests_run:
                test.unlink()
            self.runtime_tests_run.add(key)

    def run(self, jobs: int = 1) -> list[str]:
        """Test every queued SDK; returns one failure report per broken SDK."""
        if not self.folders:
            return []
        chunks = [self.folders[i::jobs] for i in range(jobs)]
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        command = [sys.executable, "-m", "tests.fuzz.run_sdks"]
        runs = [
            subprocess.Popen(
                [*command, *map(str, chunk)],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for chunk in chunks
            if chunk
        ]
        failures = []
        for process in runs:
            output, _ = process.communicate()
            reported = set()
            for line in output.splitlines():
                if not line.startswith('{"sdk"'):
                    continue
                entry = json.loads(line)
                reported.add(entry["sdk"])
                if not entry["ok"]:
                    failures.append(_failure(Path(entry["sdk"]), entry["detail"]))
            if process.returncode != 0 or not reported:
                failures.append(f"SDK runner exited {process.returncode}:\n{output}")
        return failures


def _failure(sdk: Path, detail: str) -> str:
    spec = (sdk / "spec.source").read_text("utf-8", errors="replace")
    return f"SDK from this spec fails:\n{spec}\n--- {detail}"


def _spec_bytes(spec: Path) -> bytes:
    if spec.is_file():
        return spec.read_bytes()
    parts = [
        f"# {p.relative_to(spec)}\n".encode() + p.read_bytes()
        for p in sorted(spec.rglob("*.yaml"))
    ]
    return b"\n".join(parts)


def _digest(spec: Path) -> str:
    return hashlib.sha256(_spec_bytes(spec)).hexdigest()
