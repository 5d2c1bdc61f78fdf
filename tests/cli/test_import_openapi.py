"""``sdkgen import-openapi``: arguments, exit codes, the report and the summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests import paths

PETSTORE = paths.FIXTURES / "openapi" / "petstore.yaml"


def test_writes_a_spec_folder_and_prints_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "spec"
    assert (
        main(["import-openapi", str(PETSTORE), "-o", str(out), "--name", "pets"]) == 0
    )
    err = capsys.readouterr().err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml")) == [
        "api.yaml",
        "models.yaml",
        "resources/pets.yaml",
    ]
    api = (out / "api.yaml").read_text("utf-8")
    assert api.startswith("# yaml-language-server: $schema=")
    assert "  name: pets\n" in api and "package: pets_client" in api
    assert "operations read: 5" in err and "imported: 5" in err
    assert f"wrote {out}" in err
    # The house diagnostic format: file:line:col: severity[code]: message, hint,
    # at the line and column of the pointer (the cookie parameter's "name:").
    line = PETSTORE.read_text("utf-8").splitlines().index("        - name: session")
    assert (
        f"{PETSTORE}:{line + 1}:11: warning[import-parameter]: "
        "#/paths/~1pets/get/parameters/4" in err
    )
    assert main(["validate", "--strict", str(out)]) == 0


def test_the_same_document_gives_the_same_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["import-openapi", str(PETSTORE), "-o", str(first)]) == 0
    assert main(["import-openapi", str(PETSTORE), "-o", str(second)]) == 0
    for file in first.rglob("*.yaml"):
        assert file.read_bytes() == (second / file.relative_to(first)).read_bytes()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--name", "Bad Name"], "use snake_case"),
        ([], "the following arguments are required: -o/--output"),
    ],
)
def test_bad_arguments_exit_2(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import-openapi", str(PETSTORE), *argv]
    if "--name" in argv:
        args += ["-o", str(tmp_path / "x")]
    try:
        code = main(args)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    assert code == 2
    assert message in capsys.readouterr().err
