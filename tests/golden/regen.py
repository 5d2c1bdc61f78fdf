"""Refresh the golden outputs: ``make regen-golden`` (``python -m tests.golden.regen``).

Each case is a folder ``tests/golden/<case>/`` holding ``spec.yaml``; its whole
generated output lives in ``expected/`` beside it. This script runs the pipeline for
every case (or the cases named on the command line) into ``expected/`` and deletes
any file there that the run did not produce, so a renamed or dropped output does
not linger. ``tests/test_golden.py`` regenerates the same way into a temporary
folder and compares file by file.

The spec is always generated from ``<case>/spec.yaml`` into ``<case>/expected``, so
every generated header names it ``spec.yaml`` wherever the repository lives.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import pipeline
from generator.cli.printer import diagnostic_line
from generator.diagnostics import InternalError, SpecError
from generator.output.write import MANIFEST_NAME

GOLDEN = Path(__file__).resolve().parent
SPEC_NAME = "spec.yaml"
EXPECTED = "expected"


def case_names() -> list[str]:
    """Every golden case: the folders under tests/golden holding a spec.yaml."""
    return sorted(p.parent.name for p in GOLDEN.glob(f"*/{SPEC_NAME}"))


def generate_case(spec: Path, out: Path) -> set[str]:
    """Generate ``spec`` into ``out``; return the paths written, manifest included.

    Files in ``out`` that the run did not produce are deleted, and so are folders
    left empty, so ``out`` ends up holding exactly the generated tree.
    """
    outputs, _ = pipeline.generate(spec, out)
    produced = set(outputs.manifest.files) | {MANIFEST_NAME}
    for path in sorted(out.rglob("*"), reverse=True):
        relative = path.relative_to(out).as_posix()
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif relative not in produced:
            path.unlink()
    return produced


def copy_case(case: str, root: Path) -> Path:
    """Copy a case's spec to ``root/<case>/spec.yaml``, the layout regen uses."""
    folder = root / case
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(GOLDEN / case / SPEC_NAME, folder / SPEC_NAME)
    return folder / SPEC_NAME


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.golden.regen",
        description="Regenerate tests/golden/<case>/expected from each case's spec.",
    )
    parser.add_argument(
        "cases", nargs="*", help="case folder names (default: every case)"
    )
    args = parser.parse_args(argv)
    known = case_names()
    unknown = sorted(set(args.cases) - set(known))
    if unknown:
        print(
            f"regen: no such case: {', '.join(unknown)} (known: {', '.join(known)})",
            file=sys.stderr,
        )
        return 2
    for case in args.cases or known:
        folder = GOLDEN / case
        try:
            produced = generate_case(folder / SPEC_NAME, folder / EXPECTED)
        except SpecError as exc:
            for diagnostic in exc.diagnostics:
                print(f"regen: {case}: {diagnostic_line(diagnostic)}", file=sys.stderr)
            return 1
        except InternalError as exc:
            print(f"regen: {case}: internal error: {exc}", file=sys.stderr)
            return 1
        print(f"{case}: {len(produced)} files in tests/golden/{case}/{EXPECTED}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
