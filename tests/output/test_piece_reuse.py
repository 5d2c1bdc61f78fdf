"""An edit formats only the pieces it changed; the rest come back out of the file.

The manifest records each black-formatted file's pieces (key, blank lines before,
formatted lines); the next run takes every piece whose text is unchanged from the
file on disk. The output must be byte for byte what a run from nothing writes.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import pipeline
from generator.output import format as formatting
from generator.output.seams import recover_pieces
from generator.output.write import MANIFEST_NAME
from generator.targets import render
from tests import paths
from tests.trees import snapshot

RESOURCE = "python/src/notes_client/resources/note.py"


@pytest.fixture(autouse=True)
def through_black() -> Iterator[None]:
    """Every module through black, as when a user overrides our macros.

    Modules our templates write in black's layout skip black where they fit (and
    this small spec fits whole), so they would have no pieces to reuse. A patch of
    its own: the tests undo theirs midway.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "_macros_overridden", lambda env: True)
        yield


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "spec").mkdir()
    shutil.copy(paths.NOTES_SPEC, tmp_path / "spec" / "notes.yaml")
    pipeline.generate(tmp_path / "spec" / "notes.yaml", tmp_path / "generated")
    return tmp_path


def edit_summary(project: Path, text: str) -> None:
    spec = project / "spec" / "notes.yaml"
    source = spec.read_text()
    assert source.count("summary: Fetch one note.") == 1
    spec.write_text(source.replace("summary: Fetch one note.", f"summary: {text}"))


def formatted_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text sent to black from now on (the notes spec formats in-process)."""
    sent: list[str] = []
    original = formatting._format_source

    def spy(text: str) -> formatting.Formatted | Exception:
        sent.append(text)
        return original(text)

    monkeypatch.setattr(formatting, "_format_source", spy)
    return sent


def fresh_output(project: Path, tmp_path: Path) -> dict[str, bytes]:
    """What a run from nothing writes for the project's spec, in the same layout."""
    clean = tmp_path / "clean"
    shutil.copytree(project / "spec", clean / "spec")
    pipeline.generate(clean / "spec" / "notes.yaml", clean / "generated")
    return snapshot(clean / "generated")


def test_an_edit_formats_only_its_pieces_and_writes_what_a_fresh_run_writes(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = json.loads((project / "generated" / MANIFEST_NAME).read_text())
    record = manifest["files"][RESOURCE]["pieces"]
    assert len(record) > 4
    edit_summary(project, "Fetch one note, by its id.")
    sent = formatted_texts(monkeypatch)
    pipeline.generate(project / "spec" / "notes.yaml", project / "generated")
    # The sync and the async method that document the summary, nothing else.
    assert 1 <= len(sent) <= 3 < len(record)
    assert all("Fetch one note, by its id." in text for text in sent)
    monkeypatch.undo()
    assert snapshot(project / "generated") == fresh_output(project, tmp_path)


def test_a_file_changed_on_disk_is_not_mined_for_pieces(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = project / "generated" / RESOURCE
    target.write_text(target.read_text().replace("def ", "def  ", 1))
    edit_summary(project, "Fetch a note.")
    sent = formatted_texts(monkeypatch)
    pipeline.generate(project / "spec" / "notes.yaml", project / "generated")
    manifest = json.loads((project / "generated" / MANIFEST_NAME).read_text())
    assert len(sent) >= len(manifest["files"][RESOURCE]["pieces"])
    monkeypatch.undo()
    assert snapshot(project / "generated") == fresh_output(project, tmp_path)


def test_a_record_that_does_not_fit_the_file_reuses_nothing(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = project / "generated" / MANIFEST_NAME
    manifest = json.loads(path.read_text())
    record = manifest["files"][RESOURCE]["pieces"]
    key, blank, lines = record[1].split(" ")
    record[1] = f"{key} {blank} {int(lines) + 1}"  # one line too many
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    edit_summary(project, "Fetch a note.")
    sent = formatted_texts(monkeypatch)
    pipeline.generate(project / "spec" / "notes.yaml", project / "generated")
    assert len(sent) >= len(record)
    monkeypatch.undo()
    assert snapshot(project / "generated") == fresh_output(project, tmp_path)


def test_pieces_come_back_out_of_every_golden_sdk_module() -> None:
    """The record of each formatted module takes it apart and back, exactly."""
    checked = 0
    for manifest_file in sorted(paths.GOLDEN.glob(f"*/expected/{MANIFEST_NAME}")):
        expected = manifest_file.parent
        manifest = json.loads(manifest_file.read_text())
        for path, entry in manifest["files"].items():
            if "pieces" not in entry:
                continue
            output = (expected / path).read_text()
            recovered = recover_pieces(tuple(entry["pieces"]), output)
            rebuilt = ""
            for item in entry["pieces"]:
                key, blank, _ = item.split(" ")
                rebuilt += "\n" * int(blank) + recovered[key]
            assert rebuilt == output, path
            checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    "output",
    ["a = 1\n", "a = 1\n\n\nb = 2\n", "a = 1\nno final newline"],
)
def test_a_record_of_other_text_recovers_nothing(output: str) -> None:
    assert recover_pieces(("k1 0 1", "k2 2 5"), output) == {}
    assert recover_pieces(("k1 x 1",), output) == {}
