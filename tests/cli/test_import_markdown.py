"""``sdkgen import-markdown`` end to end: output, report, exit codes, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.importers.common import self_check
from generator.importers.markdown import pipeline as importer_pipeline
from generator.spec.validate import validate_path
from tests import paths

FIXTURES = paths.FIXTURES / "markdown"
SCHEMA = paths.REPO / "spec" / "sdkgen.schema.json"


def run(*args: str) -> int:
    return cli.main(["import-markdown", *args])


def test_draft_goes_to_stdout_and_report_to_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(str(FIXTURES / "bookshelf.md")) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# yaml-language-server: $schema=")
    assert yaml.safe_load(out)["api"]["name"] == "bookshelf_api"
    assert "warning[import-heading-typo]: section heading 'Reqest:'" in err
    assert "bookshelf.md:76:1:" in err
    assert "  sections read: 13\n  operations: 9\n" in err
    assert "  sections skipped: 4\n" in err
    assert "    line 151: 'stats': has a Response section but no Request section" in err


def test_output_file_points_at_the_schema_and_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "specs" / "draft.yaml"
    target.parent.mkdir()
    assert run(str(FIXTURES / "bookshelf.txt"), "-o", str(target)) == 0
    assert f"wrote {target}" in capsys.readouterr().err
    first = target.read_text(encoding="utf-8").splitlines()[0]
    reference = first.removeprefix("# yaml-language-server: $schema=")
    assert not Path(reference).is_absolute()
    assert (target.parent / reference).resolve() == SCHEMA.resolve()
    assert validate_path(target).ok(strict=True)


def test_same_document_gives_the_same_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    run(str(FIXTURES / "pets.md"))
    first = capsys.readouterr().out
    run(str(FIXTURES / "pets.md"))
    assert capsys.readouterr().out == first


def test_name_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(FIXTURES / "pets.md"), "--name", "petshop") == 0
    api = yaml.safe_load(capsys.readouterr().out)["api"]
    assert (api["name"], api["client_class"]) == ("petshop", "PetshopClient")


@pytest.mark.parametrize("name", ["Pets", "9lives", "pet-shop", "a" * 41])
def test_bad_name_is_a_usage_error(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(str(FIXTURES / "pets.md"), "--name", name) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"--name {name!r}: use snake_case" in err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (None, "no such file"),
        (b"", "the document is empty"),
        (b"\x00\x01\x02junk", "binary file"),
        (b"# Caf\xe9", "not UTF-8 text"),
    ],
)
def test_unreadable_document_exits_2_without_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data: bytes | None,
    message: str,
) -> None:
    document = tmp_path / "doc.md"
    if data is not None:
        document.write_bytes(data)
    assert run(str(document)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_document_without_endpoint_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "doc.md"
    document.write_text("# Thing\n\n# get\n## Request\n```\nGET /x\n```\n", "utf-8")
    assert run(str(document)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert (
        "doc.md:1:1: error[import-no-endpoint]: no 'Endpoint: <base URL>' line" in err
    )
    assert "no draft written" in err


def test_document_without_functions_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "doc.txt"
    document.write_text(
        "Thing\n\nEndpoint: https://x.example\n\nJust prose.\n", "utf-8"
    )
    assert run(str(document)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "error[import-no-functions]" in err
    assert "  sections skipped: 1\n    line 1: 'Thing': title section" in err


def test_endpoint_that_is_not_a_url_exits_1_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "doc.md"
    document.write_text(
        "# T\n\nEndpoint: ftp://x\n\n# a\n## Request\n    GET /a\n", "utf-8"
    )
    assert run(str(document)) == 1
    assert "doc.md:3:1: error[import-bad-endpoint]" in capsys.readouterr().err


def test_unwritable_output_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing-folder" / "draft.yaml"
    assert run(str(FIXTURES / "pets.md"), "-o", str(target)) == 2
    assert "cannot write" in capsys.readouterr().err


def test_importer_bug_exits_123(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: Path, name: str | None = None) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(importer_pipeline, "import_document", broken)
    assert run(str(FIXTURES / "pets.md")) == 123
    assert "internal error: importing" in capsys.readouterr().err


def test_a_draft_failing_its_self_check_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The importer promises drafts that validate: one that does not is its bug.
    monkeypatch.setattr(
        self_check, "draft_problems", lambda text: ["spec.yaml:1:1: SPEC020 bad key"]
    )
    target = tmp_path / "draft.yaml"
    assert run(str(FIXTURES / "pets.md"), "-o", str(target)) == 123
    err = capsys.readouterr().err
    assert "internal error: the draft fails its own validation" in err
    assert "SPEC020 bad key" in err
    assert "Traceback" not in err
