"""``sdkgen diff``: one test per change kind, each on a copy of the Imgur spec.

Every case edits the text of a copy (as a person would), diffs the untouched copy
against it and checks the kind, the code, the suggested bump and, for the cases the
issue singles out, whether the change breaks the wire, the SDK or both.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.diff.compare import Change, type_relation
from generator.diff.engine import DiffResult, InvalidSpec, diff_specs
from tests import paths

IMGUR = paths.REPO / "spec" / "imgur"

Edit = tuple[str, str, str]  # (file in the spec, text, replacement)

ALBUM_GET = """      get:
        anchor: album-get
        method: GET
        path: /album/{id}
        summary: Get an album, with its images.
        parameters:
          - name: id
            in: path
            type: string
            description: The album's id.
        returns: Album
"""
ALBUM_ID = """          - name: id
            in: path
            type: string
            description: The album's id.
        returns: Album
"""
GALLERY_PREVIEWS = """          - name: album_previews
            in: query
            type: boolean
            description: Whether to include a few images of each album.
"""
UPLOAD_TITLE = """          - name: title
            in: form
            type: string
            description: The title of the image.
"""
VOTE = """  Vote:
    description: Vote totals of a gallery item.
    fields:
      ups:
        type: integer
        description: Number of upvotes.
      downs:
        type: integer
        description: Number of downvotes.
"""
GALLERY_VARIANTS = "        - value: false\n          model: GalleryImage\n"
ALBUM = "resources/album.yaml"
GALLERY = "resources/gallery.yaml"
IMAGE = "resources/image.yaml"
ACCOUNT = "resources/account.yaml"
MODELS = "models.yaml"


def _param(name: str, where: str, extra: str = "") -> str:
    return (
        f"          - name: {name}\n            in: {where}\n"
        f"            type: string\n{extra}"
    )


@dataclass(frozen=True)
class Case:
    code: str
    kind: str
    bump: str
    edits: tuple[Edit, ...]
    old_edits: tuple[Edit, ...] = ()


CASES = {
    "operation removed": Case(
        "DIFF001", "breaking", "major", ((ALBUM, ALBUM_GET + "\n", ""),)
    ),
    "operation added": Case(
        "DIFF002",
        "feature",
        "minor",
        (
            (
                ALBUM,
                ALBUM_GET,
                ALBUM_GET
                + ALBUM_GET.replace("get:", "fetch:").replace("{id}\n", "{id}/full\n"),
            ),
        ),
    ),
    "method changed": Case(
        "DIFF003",
        "breaking",
        "major",
        (
            (
                ALBUM,
                "method: GET\n        path: /album/{id}\n",
                "method: PATCH\n        path: /album/{id}\n",
            ),
        ),
    ),
    "path changed": Case(
        "DIFF004",
        "breaking",
        "major",
        ((ALBUM, "path: /album/{id}\n", "path: /albums/{id}\n"),),
    ),
    "required parameter added": Case(
        "DIFF010",
        "breaking",
        "major",
        (
            (
                ALBUM,
                ALBUM_ID,
                _param("fields", "query", "            required: true\n") + ALBUM_ID,
            ),
        ),
    ),
    "optional parameter added": Case(
        "DIFF011",
        "feature",
        "minor",
        ((ALBUM, ALBUM_ID, _param("fields", "query") + ALBUM_ID),),
    ),
    "parameter removed": Case(
        "DIFF012", "breaking", "major", ((GALLERY, GALLERY_PREVIEWS, ""),)
    ),
    "parameter renamed on the wire": Case(
        "DIFF013",
        "breaking",
        "major",
        ((GALLERY, "- name: showViral\n", "- name: show_viral_items\n"),),
    ),
    "parameter renamed in Python": Case(
        "DIFF014",
        "breaking",
        "major",
        ((GALLERY, "python_name: show_viral\n", "python_name: include_viral\n"),),
    ),
    "parameter made required": Case(
        "DIFF015",
        "breaking",
        "major",
        (
            (
                GALLERY,
                GALLERY_PREVIEWS,
                GALLERY_PREVIEWS.replace(
                    "type: boolean\n", "type: boolean\n            required: true\n"
                ),
            ),
        ),
    ),
    "parameter made optional": Case(
        "DIFF016",
        "feature",
        "minor",
        (
            (
                GALLERY,
                GALLERY_PREVIEWS.replace(
                    "type: boolean\n", "type: boolean\n            required: true\n"
                ),
                GALLERY_PREVIEWS,
            ),
        ),
        old_edits=(
            (
                GALLERY,
                GALLERY_PREVIEWS,
                GALLERY_PREVIEWS.replace(
                    "type: boolean\n", "type: boolean\n            required: true\n"
                ),
            ),
        ),
    ),
    "parameter type changed": Case(
        "DIFF017",
        "breaking",
        "major",
        ((GALLERY, GALLERY_PREVIEWS, GALLERY_PREVIEWS.replace("boolean", "integer")),),
    ),
    "parameter type narrowed": Case(
        "DIFF018",
        "breaking",
        "major",
        (
            (
                GALLERY,
                GALLERY_PREVIEWS.replace("boolean", "number"),
                GALLERY_PREVIEWS.replace("boolean", "integer"),
            ),
        ),
        old_edits=(
            (GALLERY, GALLERY_PREVIEWS, GALLERY_PREVIEWS.replace("boolean", "number")),
        ),
    ),
    "parameter enum value removed": Case(
        "DIFF020",
        "breaking",
        "major",
        ((GALLERY, "enum: [viral, top, time, rising]", "enum: [viral, top, time]"),),
    ),
    "parameter enum value added": Case(
        "DIFF021",
        "feature",
        "minor",
        ((GALLERY, "enum: [hot, top, user]", "enum: [hot, top, user, new]"),),
    ),
    "parameter default changed": Case(
        "DIFF022",
        "fix",
        "patch",
        ((GALLERY, "default: false\n", "default: true\n"),),
    ),
    "required body field added": Case(
        "DIFF030",
        "breaking",
        "major",
        (
            (
                IMAGE,
                UPLOAD_TITLE,
                UPLOAD_TITLE + _param("tags", "form", "            required: true\n"),
            ),
        ),
    ),
    "optional body field added": Case(
        "DIFF031",
        "feature",
        "minor",
        ((IMAGE, UPLOAD_TITLE, UPLOAD_TITLE + _param("tags", "form")),),
    ),
    "body field removed": Case(
        "DIFF032", "breaking", "major", ((IMAGE, UPLOAD_TITLE, ""),)
    ),
    "body field renamed on the wire": Case(
        "DIFF033",
        "breaking",
        "major",
        (
            (
                IMAGE,
                UPLOAD_TITLE,
                UPLOAD_TITLE.replace(
                    "name: title\n",
                    "name: image_title\n            python_name: title\n",
                ),
            ),
        ),
    ),
    "body field renamed in Python": Case(
        "DIFF034",
        "breaking",
        "major",
        (
            (
                IMAGE,
                UPLOAD_TITLE,
                UPLOAD_TITLE.replace(
                    "in: form\n", "python_name: heading\n            in: form\n"
                ),
            ),
        ),
    ),
    "body field made required": Case(
        "DIFF035",
        "breaking",
        "major",
        (
            (
                IMAGE,
                UPLOAD_TITLE,
                UPLOAD_TITLE.replace(
                    "type: string\n", "type: string\n            required: true\n"
                ),
            ),
        ),
    ),
    "body field type changed": Case(
        "DIFF037",
        "breaking",
        "major",
        ((IMAGE, UPLOAD_TITLE, UPLOAD_TITLE.replace("type: string", "type: integer")),),
    ),
    "body field enum value removed": Case(
        "DIFF040",
        "breaking",
        "major",
        ((IMAGE, 'enum: ["0", "1"]', 'enum: ["1"]'),),
    ),
    "body field default changed": Case(
        "DIFF042",
        "fix",
        "patch",
        (
            (
                IMAGE,
                UPLOAD_TITLE,
                UPLOAD_TITLE.replace(
                    "type: string\n", "type: string\n            default: untitled\n"
                ),
            ),
        ),
    ),
    "parameter moved from the query to a header": Case(
        "DIFF023",
        "breaking",
        "major",
        (
            (
                GALLERY,
                GALLERY_PREVIEWS,
                GALLERY_PREVIEWS.replace("in: query", "in: header"),
            ),
        ),
    ),
    "body field made optional": Case(
        "DIFF036",
        "feature",
        "minor",
        (
            (
                IMAGE,
                "            type: file\n            required: true\n",
                "            type: file\n",
            ),
        ),
    ),
    "body field type narrowed": Case(
        "DIFF038",
        "breaking",
        "major",
        (
            (
                IMAGE,
                UPLOAD_TITLE.replace("type: string", "type: any"),
                UPLOAD_TITLE.replace("type: string", "type: integer"),
            ),
        ),
        old_edits=(
            (IMAGE, UPLOAD_TITLE, UPLOAD_TITLE.replace("type: string", "type: any")),
        ),
    ),
    "body field enum value added": Case(
        "DIFF041",
        "feature",
        "minor",
        ((IMAGE, 'enum: ["0", "1"]', 'enum: ["0", "1", "2"]'),),
    ),
    "model added": Case(
        "DIFF052",
        "feature",
        "minor",
        (
            (
                MODELS,
                VOTE,
                VOTE + "\n  Tally:\n    fields:\n      n:\n        type: integer\n",
            ),
        ),
    ),
    "response type changed": Case(
        "DIFF050",
        "breaking",
        "major",
        ((ALBUM, "        returns: Album\n", "        returns: Image\n"),),
    ),
    "model field removed": Case(
        "DIFF053",
        "breaking",
        "major",
        ((MODELS, VOTE, VOTE.split("      downs:")[0]),),
    ),
    "model field added": Case(
        "DIFF054",
        "feature",
        "minor",
        ((MODELS, VOTE, VOTE + "      total:\n        type: integer\n"),),
    ),
    "model field type changed": Case(
        "DIFF055",
        "breaking",
        "major",
        (
            (
                MODELS,
                VOTE,
                VOTE.replace(
                    "ups:\n        type: integer", "ups:\n        type: string"
                ),
            ),
        ),
    ),
    "model field made nullable": Case(
        "DIFF056",
        "breaking",
        "major",
        (
            (
                MODELS,
                VOTE,
                VOTE.replace(
                    "ups:\n        type: integer\n",
                    "ups:\n        type: integer\n        nullable: true\n",
                ),
            ),
        ),
    ),
    "model field renamed in Python": Case(
        "DIFF058",
        "breaking",
        "major",
        (
            (
                MODELS,
                VOTE,
                VOTE.replace(
                    "ups:\n        type: integer\n",
                    "ups:\n        type: integer\n        python_name: up_votes\n",
                ),
            ),
        ),
    ),
    "union variant removed": Case(
        "DIFF060",
        "breaking",
        "major",
        # Both values now select GalleryAlbum: the GalleryImage variant is gone.
        ((MODELS, GALLERY_VARIANTS, GALLERY_VARIANTS.replace("Image", "Album")),),
    ),
    "auth tightened": Case(
        "DIFF070",
        "breaking",
        "major",
        (
            (
                ALBUM,
                "        returns: Album\n",
                "        returns: Album\n        auth: [user_token]\n",
            ),
        ),
    ),
    "auth loosened": Case(
        "DIFF071",
        "feature",
        "minor",
        (
            (
                ALBUM,
                "        returns: Album\n",
                "        returns: Album\n        auth: []\n",
            ),
        ),
    ),
    "pagination removed": Case(
        "DIFF080",
        "breaking",
        "major",
        (
            (
                ACCOUNT,
                "        paginate:\n          parameter: page\n          start: 0\n",
                "",
            ),
        ),
    ),
    "pagination changed": Case(
        "DIFF082",
        "breaking",
        "major",
        (
            (
                ACCOUNT,
                "          parameter: page\n          start: 0\n",
                "          parameter: page\n          start: 1\n",
            ),
        ),
    ),
    "deprecation added": Case(
        "DIFF085",
        "feature",
        "minor",
        (
            (
                ALBUM,
                "        returns: Album\n",
                "        returns: Album\n"
                "        deprecated:\n          reason: Use album.images.\n",
            ),
        ),
    ),
    "base URL changed": Case(
        "DIFF090",
        "breaking",
        "major",
        (
            (
                "api.yaml",
                "base_url: https://api.imgur.com/3",
                "base_url: https://api.imgur.com/4",
            ),
        ),
    ),
    "description-only edit": Case(
        "DIFF095",
        "docs",
        "patch",
        (
            (
                ALBUM,
                "summary: Get an album, with its images.",
                "summary: Get one album and its images.",
            ),
        ),
    ),
    "model description edit": Case(
        "DIFF096",
        "docs",
        "patch",
        (
            (
                MODELS,
                "description: Number of upvotes.",
                "description: How many upvotes.",
            ),
        ),
    ),
}


def copy_spec(folder: Path, edits: tuple[Edit, ...] = ()) -> Path:
    target = folder / "imgur"
    shutil.copytree(IMGUR, target)
    for file, text, replacement in edits:
        path = target / file
        content = path.read_text("utf-8")
        assert text in content, f"{text!r} not in {file}"
        path.write_text(content.replace(text, replacement, 1), "utf-8")
    return target


def diff_edit(tmp_path: Path, case: Case) -> DiffResult:
    old = copy_spec(tmp_path / "old", case.old_edits)
    new = copy_spec(tmp_path / "new", case.old_edits + case.edits)
    outcome = diff_specs(old, new)
    assert not isinstance(outcome, InvalidSpec), outcome.result.diagnostics
    return outcome


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_change_kind_gets_its_code_kind_and_bump(
    name: str, tmp_path: Path
) -> None:
    case = CASES[name]
    outcome = diff_edit(tmp_path, case)
    codes = [c.code for c in outcome.changes]
    assert case.code in codes, (name, [(c.code, c.message) for c in outcome.changes])
    change = next(c for c in outcome.changes if c.code == case.code)
    assert change.kind == case.kind
    assert outcome.bump == case.bump
    # Located in NEW, in the file that was edited (or, for removals, its parent).
    assert change.location is not None
    assert change.location.file.startswith(str(tmp_path / "new"))


def only(outcome: DiffResult, code: str) -> Change:
    matching = [c for c in outcome.changes if c.code == code]
    assert len(matching) == 1, outcome.changes
    return matching[0]


def test_python_name_change_breaks_the_sdk_but_not_the_wire(tmp_path: Path) -> None:
    outcome = diff_edit(tmp_path, CASES["parameter renamed in Python"])
    change = only(outcome, "DIFF014")
    assert (change.wire, change.sdk) == (False, True)
    assert change.operation == "gallery.list"
    assert "'include_viral' instead of 'show_viral'" in change.message
    # Nothing else changed: the wire name is the same.
    assert [c.code for c in outcome.changes] == ["DIFF014"]


def test_path_change_breaks_the_wire_but_not_the_sdk(tmp_path: Path) -> None:
    outcome = diff_edit(tmp_path, CASES["path changed"])
    change = only(outcome, "DIFF004")
    assert (change.wire, change.sdk) == (True, False)
    assert change.operation == "album.get"
    assert change.location is not None
    # The line of the new path in NEW's album.yaml.
    line = (
        (tmp_path / "new/imgur/resources/album.yaml")
        .read_text()
        .splitlines()[change.location.line - 1]
    )
    assert line.strip() == "path: /albums/{id}"


def test_wire_rename_keeps_the_python_name_so_only_the_wire_breaks(
    tmp_path: Path,
) -> None:
    outcome = diff_edit(tmp_path, CASES["parameter renamed on the wire"])
    change = only(outcome, "DIFF013")
    assert (change.wire, change.sdk) == (True, False)
    assert [c.code for c in outcome.changes] == ["DIFF013"]


def test_identical_specs_have_no_changes(tmp_path: Path) -> None:
    outcome = diff_specs(IMGUR, copy_spec(tmp_path))
    assert isinstance(outcome, DiffResult)
    assert outcome.changes == []
    assert outcome.bump == "none"


def test_breaking_and_feature_together_need_a_major_bump(tmp_path: Path) -> None:
    case = Case(
        "DIFF004",
        "breaking",
        "major",
        CASES["path changed"].edits + CASES["model field added"].edits,
    )
    outcome = diff_edit(tmp_path, case)
    assert sorted(c.code for c in outcome.changes) == ["DIFF004", "DIFF054"]
    assert outcome.bump == "major"
    assert outcome.next_version == "0.2.0"  # 0.x: a break bumps the minor number


@pytest.mark.parametrize(
    ("old", "new", "relation"),
    [
        ("number", "integer", "narrowed"),
        ("integer", "number", "widened"),
        ("any", "string", "narrowed"),
        ("list[integer]", "list[number]", "widened"),
        ("string", "integer", "changed"),
        ("list[string]", "map[string]", "changed"),
    ],
)
def test_type_relation_for_parameters(old: str, new: str, relation: str) -> None:
    assert type_relation(old, new, for_input=True) == relation


def test_a_default_auth_change_reaches_every_operation_that_inherits_it(
    tmp_path: Path,
) -> None:
    edit = ("api.yaml", "  auth: [user_token, client_id]\n", "  auth: [user_token]\n")
    outcome = diff_edit(tmp_path, Case("DIFF070", "breaking", "major", (edit,)))
    tightened = {c.operation for c in outcome.changes if c.code == "DIFF070"}
    assert {"album.get", "gallery.list", "image.get"} <= tightened
    # Operations with their own auth list are not affected.
    assert "account.delete" not in tightened
    assert {c.code for c in outcome.changes} == {"DIFF070"}
