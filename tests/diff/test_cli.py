"""``sdkgen diff`` on the command line.

Formats, exit codes, --allow, --changelog, --apply-bump, --against a git ref, and
invalid or wrong input.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.spec.load import load_spec
from tests import paths

IMGUR = paths.REPO / "spec" / "imgur"
ALBUM = Path("resources") / "album.yaml"


def copy_spec(folder: Path) -> Path:
    target = folder / "imgur"
    shutil.copytree(IMGUR, target)
    return target


def edit(spec: Path, file: Path | str, text: str, replacement: str) -> None:
    path = spec / file
    content = path.read_text("utf-8")
    assert text in content
    path.write_text(content.replace(text, replacement, 1), "utf-8")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """OLD is Imgur; NEW moves album.get (breaking) and adds a Vote field (feature)."""
    old, new = copy_spec(tmp_path / "old"), copy_spec(tmp_path / "new")
    edit(new, ALBUM, "path: /album/{id}\n", "path: /albums/{id}\n")
    vote = "  Vote:\n    description: Vote totals of a gallery item.\n    fields:\n"
    edit(new, "models.yaml", vote, vote + "      total:\n        type: integer\n")
    return old, new


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["diff", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def line_of(path: Path, text: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_text_names_new_file_line_kind_code_and_bump(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair
    code, out, _ = run(capsys, old, new)
    assert code == 1
    line = line_of(new / ALBUM, "path: /albums/{id}")
    assert f"{new / ALBUM}:{line}:15: breaking[DIFF004] album.get: path changed" in out
    assert "(breaks the wire)" in out
    assert "feature[DIFF054] Vote: field 'total' was added" in out
    assert out.endswith("2 changes: 1 breaking, 1 feature; suggested bump: major\n")


def test_json_lists_every_change_with_the_documented_keys(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *pair, "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["bump"] == "major"
    assert document["version"] == "0.2.0"
    by_code = {c["code"]: c for c in document["changes"]}
    assert set(by_code) == {"DIFF004", "DIFF054"}
    path_change = by_code["DIFF004"]
    assert {
        "kind",
        "code",
        "operation",
        "model",
        "message",
        "wire",
        "sdk",
        "location",
    } <= set(path_change)
    assert path_change["kind"] == "breaking"
    assert path_change["operation"] == "album.get"
    assert path_change["model"] is None
    assert (path_change["wire"], path_change["sdk"]) == (True, False)
    assert path_change["location"].startswith(str(pair[1] / ALBUM) + ":")
    assert by_code["DIFF054"]["model"] == "Vote"


def test_github_annotates_breaks_as_errors_at_the_new_line(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, new = pair
    code, out, _ = run(capsys, *pair, "--format", "github")
    assert code == 1
    line = line_of(new / ALBUM, "path: /albums/{id}")
    assert (
        f"::error file={new / ALBUM},line={line},col=15,title=DIFF004 breaking::"
        "album.get: path changed from /album/{id} to /albums/{id} (breaks the wire)"
    ) in out.splitlines()
    assert any(
        ln.startswith("::notice ") and "DIFF054 feature" in ln
        for ln in out.splitlines()
    )


def test_markdown_is_a_changelog_section_for_the_bumped_version(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *pair, "--format", "markdown")
    assert code == 1
    assert out.startswith("## 0.2.0\n\n### Breaking changes\n\n")
    assert (
        "- `album.get`: path changed from /album/{id} to /albums/{id} "
        "(breaks the wire) (DIFF004)"
    ) in out
    assert "### Features\n\n- `Vote`: field 'total' was added (DIFF054)" in out


def test_allow_accepts_a_known_break(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *pair, "--allow", "DIFF004")
    assert code == 0
    assert "breaking[DIFF004]" in out and "[allowed]" in out
    assert "1 breaking (1 allowed)" in out
    # Allowing another code leaves this break blocking.
    code, _, _ = run(capsys, *pair, "--allow", "DIFF001")
    assert code == 1


def test_allow_with_an_unknown_code_is_a_usage_error(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *pair, "--allow", "DIF004")
    assert code == 2
    assert out == ""
    assert "no such change code; did you mean DIFF004?" in err


def test_no_breaking_change_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = copy_spec(tmp_path)
    edit(new, ALBUM, "summary: Get an album, with its images.", "summary: Get one.")
    code, out, _ = run(capsys, IMGUR, new)
    assert code == 0
    assert out.endswith("1 change: 1 docs; suggested bump: patch\n")


def test_changelog_is_prepended_below_the_title(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## 0.1.0\n\n- First release.\n", "utf-8")
    code, _, err = run(capsys, *pair, "--changelog", changelog)
    assert code == 1
    text = changelog.read_text("utf-8")
    assert text.startswith("# Changelog\n\n## 0.2.0\n\n### Breaking changes\n")
    assert text.endswith("\n## 0.1.0\n\n- First release.\n")
    assert text.count("## 0.2.0") == 1
    assert f"into {changelog}" in err


def test_changelog_is_created_when_missing(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changelog = tmp_path / "sdk" / "CHANGELOG.md"
    run(capsys, *pair, "--changelog", changelog)
    assert changelog.read_text("utf-8").startswith("# Changelog\n\n## 0.2.0\n")


def test_apply_bump_edits_only_the_version_in_the_new_spec(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, new = pair
    before = (new / "api.yaml").read_text("utf-8")
    code, _, err = run(capsys, *pair, "--apply-bump")
    assert code == 1
    after = (new / "api.yaml").read_text("utf-8")
    # Comments, folding and every other line survive: one line changed.
    assert after == before.replace("  sdk_version: 0.1.0\n", "  sdk_version: 0.2.0\n")
    assert "api.sdk_version 0.1.0 -> 0.2.0" in err
    assert load_spec(new).document["api"]["sdk_version"] == "0.2.0"
    # Bumping from OLD's version again gives the same file: the edit is idempotent.
    run(capsys, *pair, "--apply-bump")
    assert (new / "api.yaml").read_text("utf-8") == after


def test_apply_bump_adds_the_key_when_the_spec_has_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = copy_spec(tmp_path / "old"), copy_spec(tmp_path / "new")
    for spec in (old, new):
        edit(spec, "api.yaml", "  sdk_version: 0.1.0\n", "")
    edit(new, ALBUM, "summary: Get an album, with its images.", "summary: Get one.")
    run(capsys, old, new, "--apply-bump")
    text = (new / "api.yaml").read_text("utf-8")
    assert "  package: imgur_client\n  sdk_version: 0.1.1\n" in text
    assert load_spec(new).document["api"]["sdk_version"] == "0.1.1"


def validate_output(
    capsys: pytest.CaptureFixture[str], spec: Path, fmt: str
) -> tuple[int, str]:
    code = main(["validate", str(spec), "--format", fmt])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
@pytest.mark.parametrize("which", ["OLD", "NEW"])
def test_an_invalid_spec_is_reported_as_validate_reports_it(
    which: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = copy_spec(tmp_path / "old"), copy_spec(tmp_path / "new")
    broken = old if which == "OLD" else new
    edit(broken, ALBUM, "path: /album/{id}\n", "path: /album/{albumid}\n")
    expected_code, expected = validate_output(capsys, broken, fmt)
    assert expected_code == 1
    code, out, err = run(capsys, old, new, "--format", fmt)
    assert (code, out) == (1, expected)
    assert f"{which} spec {broken} is not valid" in err


def test_a_missing_spec_is_a_usage_error_as_in_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, IMGUR, tmp_path / "nowhere")
    assert code == 2
    assert "does not exist" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a", "b", "c"], "give OLD and NEW specs"),
        (["a"], "give OLD and NEW specs"),
        (["a", "b", "--against", "HEAD"], "with --against, give one SPEC"),
    ],
)
def test_wrong_number_of_specs_is_a_usage_error(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    return done.stdout


def make_repo(folder: Path) -> Path:
    """A repository with two commits: Imgur, then album.get on a new path."""
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.email", "test@example.com")
    git(folder, "config", "user.name", "Test")
    shutil.copytree(IMGUR, folder / "spec" / "imgur")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Imgur")
    edit(
        folder / "spec" / "imgur", ALBUM, "path: /album/{id}\n", "path: /albums/{id}\n"
    )
    git(folder, "commit", "-q", "-am", "Move album.get")
    return folder


def test_against_head_1_in_a_fresh_clone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    origin = make_repo(tmp_path / "origin")
    git(tmp_path, "clone", "-q", str(origin), "clone")
    clone = tmp_path / "clone"
    monkeypatch.chdir(clone)
    code, out, _ = run(capsys, "spec/imgur", "--against", "HEAD~1", "--format", "json")
    assert code == 1
    changes = json.loads(out)["changes"]
    assert [c["code"] for c in changes] == ["DIFF004"]
    line = line_of(clone / "spec/imgur" / ALBUM, "path: /albums/{id}")
    assert changes[0]["location"] == f"spec/imgur/resources/album.yaml:{line}:15"
    # Nothing was checked out: the working tree is untouched.
    assert git(clone, "status", "--porcelain") == ""
    code, out, _ = run(capsys, "spec/imgur", "--against", "HEAD")
    assert (code, out) == (0, "no changes; suggested bump: none\n")


def test_against_an_unknown_ref_or_outside_git_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo")
    code, _, err = run(capsys, repo / "spec" / "imgur", "--against", "nope")
    assert code == 2
    assert "unknown git ref 'nope'" in err
    code, _, err = run(capsys, repo / "spec" / "gone", "--against", "HEAD")
    assert code == 2
    outside = copy_spec(tmp_path / "plain")
    code, _, err = run(capsys, outside, "--against", "HEAD")
    assert code == 2
    assert "--against HEAD:" in err


def test_against_a_ref_where_the_spec_did_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo")
    shutil.copytree(IMGUR, repo / "spec" / "second")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Second spec")
    code, _, err = run(capsys, repo / "spec" / "second", "--against", "HEAD~1")
    assert code == 2
    assert "spec/second does not exist at HEAD~1" in err


def test_against_a_ref_where_the_spec_was_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo")
    spec = repo / "spec" / "imgur"
    edit(spec, ALBUM, "path: /albums/{id}\n", "path: /albums/{x}\n")
    git(repo, "commit", "-q", "-am", "Break the spec")
    edit(spec, ALBUM, "path: /albums/{x}\n", "path: /albums/{id}\n")
    code, out, err = run(capsys, spec, "--against", "HEAD")
    assert code == 1
    assert f"OLD spec {spec} at HEAD is not valid" in err
    assert "resources/album.yaml:" in out and "SPEC101" in out
