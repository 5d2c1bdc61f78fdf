"""Property-based tests of the whole pipeline (issue 15).

For specs mutated from the golden and Imgur specs, specs drawn from the JSON
Schema, and Markdown documents mutated from the importer's fixtures:
- ``sdkgen validate`` never crashes (exit 123) and every error has file:line;
- every accepted spec generates, and the SDK imports and passes its own tests
  (all SDKs of a property are tested together in one subprocess at the end);
- ``sdkgen import-markdown`` never crashes, and every draft it writes validates
  and generates.
``make test`` runs the small derandomized "ci" budget; ``make fuzz`` the long one
(see tests/fuzz/profiles.py). A failing example found by fuzzing is kept under
tests/fixtures/fuzz/, which ``test_kept_failing_examples`` replays.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests import paths
from tests.fuzz.checks import SdkBatch, run_cli, validate_outcome
from tests.fuzz.markdown_docs import mutated_markdown, random_markdown
from tests.fuzz.mutations import mutated_spec
from tests.fuzz.profiles import PROFILE, fuzz_settings
from tests.fuzz.schema_specs import schema_spec

KEPT = paths.FIXTURES / "fuzz"


class Tally:
    """Counts for the summary line a long run prints."""

    def __init__(self, name: str) -> None:
        self.name, self.runs, self.accepted = name, 0, 0
        self.started = time.monotonic()

    def report(self, batch: SdkBatch, failures: list[str]) -> None:
        seconds = time.monotonic() - self.started
        print(
            f"\nfuzz[{PROFILE}] {self.name}: {self.runs} inputs, {self.accepted} "
            f"accepted, {batch.generated} distinct SDKs tested, {len(failures)} "
            f"failing, {seconds:.0f} s"
        )


def write_spec(text: str, folder: Path, split: bool) -> Path:
    """Write the spec as one file, or as a folder with one file per section."""
    folder.mkdir(parents=True)
    if not split:
        path = folder / "spec.yaml"
        path.write_text(text, "utf-8")
        return path
    try:
        document = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):
        document = None
    if not isinstance(document, dict):
        (folder / "all.yaml").write_text(text, "utf-8")
        return folder
    for index, (section, value) in enumerate(document.items()):
        dumped = yaml.safe_dump({section: value}, allow_unicode=True, sort_keys=False)
        (folder / f"{index:02d}_{section}.yaml").write_text(dumped, "utf-8")
    return folder


def check_spec(spec: Path, batch: SdkBatch, tally: Tally) -> None:
    tally.runs += 1
    if validate_outcome(spec).exit_code == 0:
        tally.accepted += 1
        batch.generate(spec)


def finish(batch: SdkBatch, tally: Tally, capsys: Any) -> None:
    failures = batch.run(jobs=1)
    with capsys.disabled():
        tally.report(batch, failures)
    assert not failures, "\n\n".join(failures[:5])


def test_mutated_specs(tmp_path: Path, capsys: Any) -> None:
    batch, tally, counter = (
        SdkBatch(tmp_path / "sdks"),
        Tally("mutated"),
        itertools.count(),
    )

    @fuzz_settings("mutated")
    @given(text=mutated_spec(), split=st.integers(0, 4).map(lambda n: n == 0))
    def prop(text: str, split: bool) -> None:
        check_spec(
            write_spec(text, tmp_path / f"spec{next(counter)}", split), batch, tally
        )

    prop()
    finish(batch, tally, capsys)


def test_schema_specs(tmp_path: Path, capsys: Any) -> None:
    batch, tally, counter = (
        SdkBatch(tmp_path / "sdks"),
        Tally("schema"),
        itertools.count(),
    )

    @fuzz_settings("schema")
    @given(document=schema_spec())
    def prop(document: dict[str, Any]) -> None:
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        check_spec(
            write_spec(text, tmp_path / f"spec{next(counter)}", False), batch, tally
        )

    prop()
    finish(batch, tally, capsys)


def check_import(source: Path, batch: SdkBatch, tally: Tally) -> None:
    """import-markdown never crashes; a draft it writes validates and generates."""
    draft = source.with_suffix(".draft.yaml")
    code, _out, err = run_cli("import-markdown", str(source), "-o", str(draft))
    assert code != 123, f"import-markdown crashed:\n{err}"
    assert "importer bug" not in err, err
    tally.runs += 1
    if draft.exists():
        assert validate_outcome(draft).exit_code == 0, f"draft rejected:\n{err}"
        tally.accepted += 1
        batch.generate(draft)


def test_markdown_import(tmp_path: Path, capsys: Any) -> None:
    batch, tally = SdkBatch(tmp_path / "sdks"), Tally("markdown")
    counter = itertools.count()

    @fuzz_settings("markdown")
    @given(document=mutated_markdown() | random_markdown())
    def prop(document: str) -> None:
        folder = tmp_path / f"doc{next(counter)}"
        folder.mkdir()
        source = folder / "api.md"
        source.write_text(document, "utf-8")
        check_import(source, batch, tally)

    prop()
    finish(batch, tally, capsys)


def _kept() -> list[Path]:
    specs = [p for p in KEPT.iterdir() if p.suffix == ".yaml" or p.name == "specs"]
    return sorted([*specs, *(KEPT / "markdown").glob("*.md")])


@pytest.mark.parametrize("kept", _kept(), ids=lambda p: p.name)
def test_kept_failing_examples(kept: Path, tmp_path: Path) -> None:
    """Inputs that once broke sdkgen: each must now hold every property.

    A spec (a .yaml file, or a folder under specs/) is validated and, if accepted,
    generated and tested; a Markdown document is imported, and its draft too.
    """
    batch, tally = SdkBatch(tmp_path / "sdks"), Tally("kept")
    if kept.suffix == ".md":
        source = tmp_path / kept.name
        source.write_bytes(kept.read_bytes())
        check_import(source, batch, tally)
    else:
        for spec in sorted(kept.iterdir()) if kept.name == "specs" else [kept]:
            check_spec(spec, batch, tally)
    failures = batch.run()
    assert not failures, "\n".join(failures)
