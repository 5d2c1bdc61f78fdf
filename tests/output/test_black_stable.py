"""Black-stable renders skip black when every line fits: each must earn that.

``PlanEntry.black_stable`` marks templates written in black's layout in which only
the package name varies. ``format_all`` then skips black for their output whenever
every line is within 88 columns. These tests hold every such template to it for the
shortest package name, Imgur's, and the longest with which every line still fits,
with and without an OAuth2 scheme (the only other thing those templates read).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path, PurePosixPath

import black
import pytest

from generator.model.api import ApiModel
from generator.model.build import build_model
from generator.output.format import LINE_LENGTH, black_mode, format_all, header_for
from generator.resources import templates_dir
from generator.spec.validate import validate_path
from generator.targets.render import RenderedFile, make_environment, render_all
from tests import paths

# A package name no template text contains by accident, replaced afterwards by
# names of every length: the templates only interpolate it, never branch on it.
MARKER = "zqxpkgzqx"
LONGEST_PACKAGE = 64  # the spec schema's maxLength for an identifier


@pytest.fixture(scope="module")
def imgur() -> ApiModel:
    result = validate_path(paths.REPO / "spec" / "imgur")
    assert result.typed is not None
    return build_model(result.typed, spec_label="spec/imgur")


def stable_renders(api: ApiModel) -> list[RenderedFile]:
    marked = dataclasses.replace(api, package=MARKER)
    files = render_all(marked, make_environment(templates_dir()), {})
    return [f for f in files if f.black_stable]


def with_package(text: str, name: str) -> str:
    return text.replace(MARKER, name).replace(MARKER.upper(), name.upper())


def package_name(length: int) -> str:
    return ("sdk_" * LONGEST_PACKAGE)[:length]


def fits(text: str) -> bool:
    return all(len(line) <= LINE_LENGTH for line in text.splitlines())


def stamped(rendered: RenderedFile, name: str) -> str:
    path = PurePosixPath(str(rendered.path).replace(MARKER, name))
    return header_for(path, "spec/imgur") + with_package(rendered.content, name)


@pytest.mark.parametrize("oauth", [True, False], ids=["oauth2", "no-oauth2"])
def test_black_stable_renders_are_what_black_writes_whenever_they_fit(
    imgur: ApiModel, oauth: bool
) -> None:
    api = imgur if oauth else dataclasses.replace(imgur, oauth=None)
    renders = stable_renders(api)
    assert len(renders) > 10
    for rendered in renders:
        longest_fitting = max(
            n
            for n in range(1, LONGEST_PACKAGE + 1)
            if fits(stamped(rendered, package_name(n)))
        )
        for name in {package_name(1), "imgur_client", package_name(longest_fitting)}:
            text = stamped(rendered, name)
            assert black.format_str(text, mode=black_mode()) == text, (
                f"{rendered.origin} with package {name!r}: black changes it, so it "
                "may not be marked black_stable (or write it in black's layout)"
            )


def test_a_black_stable_render_with_a_line_too_long_goes_through_black(
    imgur: ApiModel,
) -> None:
    rendered = stable_renders(imgur)[0]
    name = package_name(LONGEST_PACKAGE)
    long_import = (
        f"from {name}._exceptions import NotFoundError, SDKError, ServerError\n"
    )
    source = dataclasses.replace(
        rendered, content=long_import + with_package(rendered.content, name)
    )
    [formatted] = format_all([source], "spec/imgur", lambda path, digest: None)
    assert formatted.by_black
    assert f"from {name}._exceptions import (\n" in formatted.content


def test_a_black_stable_render_that_fits_skips_black(imgur: ApiModel) -> None:
    rendered = stable_renders(imgur)[0]
    source = dataclasses.replace(
        rendered, content=with_package(rendered.content, "imgur_client")
    )
    [formatted] = format_all([source], "spec/imgur", lambda path, digest: None)
    assert not formatted.by_black
    assert formatted.content == header_for(source.path, "spec/imgur") + source.content


def test_an_override_of_a_black_stable_template_is_formatted(
    tmp_path: Path, imgur: ApiModel
) -> None:
    custom = tmp_path
    (custom / "python" / "tests").mkdir(parents=True)
    name = "test_runtime_options.py.jinja"
    (custom / "python" / "tests" / name).write_text("x  =  1\n")
    files = render_all(imgur, make_environment(templates_dir(), custom), {})
    [override] = [f for f in files if f.path.name == name.removesuffix(".jinja")]
    assert not override.black_stable
    [formatted] = format_all([override], "spec/imgur", lambda path, digest: None)
    assert formatted.by_black
    assert formatted.content.endswith("x = 1\n")
