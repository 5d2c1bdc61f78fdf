"""Stage 4 of the pipeline: render the intermediate model through the templates.

Produces ``RenderedFile`` objects in memory (nothing touches the disk here). A user's
template folder, when given, is searched before ours, so any single template can be
overridden by a file of the same relative name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2

from generator.caches import template_bytecode_cache
from generator.diagnostics import InternalError
from generator.model.api import ApiModel
from generator.targets.docs.plan import docs_plan
from generator.targets.docs.site import build_site
from generator.targets.plan import PlanEntry
from generator.targets.python.cases import cases_json
from generator.targets.python.code import PythonCode
from generator.targets.python.escaping import FILTERS
from generator.targets.python.imports import dunder_all_order, isort_names
from generator.targets.python.layout import (
    annotated,
    assignment,
    bracketed,
    import_from,
    wrapped_call,
)
from generator.targets.python.plan import python_plan

__all__ = [
    "RenderedFile",
    "built_in_code",
    "iter_render",
    "make_environment",
    "render_all",
]


@dataclass(frozen=True, slots=True)
class RenderedFile:
    """One output file before formatting.

    ``origin`` names the template and the spec element, so a broken render can be
    reported as our bug with enough context to find it.
    """

    path: PurePosixPath
    content: str
    origin: str
    # Verbatim runtime sources are kept black-clean in the repository (a test checks),
    # so formatting them again on every run would only cost time.
    preformatted: bool = False
    # Already in black's layout whenever every line fits (``PlanEntry.black_stable``).
    black_stable: bool = False
    # Each piece whose lines fit is in black's layout (``PlanEntry.black_layout``).
    black_layout: bool = False


class TemplateEnvironment(jinja2.Environment):
    """A Jinja environment that knows which folder holds sdkgen's own templates."""

    builtin_templates: Path
    custom_templates: Path | None


def make_environment(
    templates: Path, custom: Path | None = None
) -> TemplateEnvironment:
    """The Jinja environment: ``custom`` templates first, ours as the fallback."""
    loaders: list[jinja2.BaseLoader] = []
    if custom is not None:
        loaders.append(jinja2.FileSystemLoader(str(custom)))
    loaders.append(jinja2.FileSystemLoader(str(templates)))
    env = TemplateEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        bytecode_cache=template_bytecode_cache(),
    )
    env.builtin_templates = templates.resolve()
    env.custom_templates = custom
    env.filters.update(FILTERS)
    env.filters["isort"] = isort_names
    env.filters["sort_all"] = dunder_all_order
    env.globals["import_from"] = import_from
    env.globals["wrapped_call"] = wrapped_call
    env.globals["assignment"] = assignment
    env.globals["bracketed"] = bracketed
    env.globals["annotated"] = annotated
    return env


def _template_names(
    env: TemplateEnvironment, folder: str, accept: Callable[[str], bool]
) -> list[str]:
    """Our templates in ``folder``: overrides replace files, never add them."""
    root = env.builtin_templates / folder
    return sorted(p.name for p in root.iterdir() if p.is_file() and accept(p.name))


def render_all(
    api: ApiModel, env: TemplateEnvironment, extra: dict[str, str]
) -> list[RenderedFile]:
    """Render every output file of the API.

    Args:
        api: the intermediate model.
        env: from ``make_environment``.
        extra: further files already rendered elsewhere (the OpenAPI export, docs),
            by output path.
    """
    files = list(iter_render(api, env))
    files += [built_in_code(output, content) for output, content in extra.items()]
    return files


def iter_render(api: ApiModel, env: TemplateEnvironment) -> Iterator[RenderedFile]:
    """The files ``render_all`` renders, one at a time, the Python package first.

    black's workers can then start on the package while the docs are rendered.
    """
    runtime = _template_names(env, "python/runtime", lambda n: n.endswith(".py"))
    runtime_tests = _template_names(
        env,
        "python/tests",
        lambda n: n.startswith("test_runtime") and n.endswith(".jinja"),
    )
    py = PythonCode(api)
    for entry in python_plan(api, runtime, runtime_tests):
        yield _render_one(env, entry, _context(api, py, entry))
    site = build_site(api, py)
    for entry in docs_plan(site):
        yield _render_one(env, entry, _context(api, py, entry))
    for resource in api.resources:
        yield RenderedFile(
            PurePosixPath(f"python/tests/operations/{resource.module}.json"),
            cases_json(api, resource),
            f"test cases of resource {resource.name} (built in code)",
        )


def built_in_code(output: str, content: str) -> RenderedFile:
    """A file the pipeline builds in code (the OpenAPI export), not from a template."""
    return RenderedFile(PurePosixPath(output), content, f"{output} (built in code)")


def _context(api: ApiModel, py: PythonCode, entry: PlanEntry) -> dict[str, Any]:
    return {"api": api, "package": api.package, "py": py, **entry.context}


def _render_one(
    env: TemplateEnvironment, entry: PlanEntry, context: dict[str, Any]
) -> RenderedFile:
    origin = f"template {entry.template} for {entry.element}"
    if entry.template.startswith("python/runtime/"):
        return _copy_runtime(env, entry.template, entry.output, origin)
    try:
        template = env.get_template(entry.template)
        content = template.render(**context)
    except jinja2.TemplateError as exc:
        raise InternalError(f"{origin} failed to render: {exc}") from exc
    # A user's override is formatted like any render: its layout is not ours to vouch.
    ours = _is_builtin(env, template.filename)
    return RenderedFile(
        PurePosixPath(entry.output),
        content,
        origin,
        black_stable=entry.black_stable and ours,
        black_layout=entry.black_layout and ours and not _macros_overridden(env),
    )


def _is_builtin(env: TemplateEnvironment, filename: str | None) -> bool:
    return Path(filename or "").resolve().is_relative_to(env.builtin_templates)


def _macros_overridden(env: TemplateEnvironment) -> bool:
    """Whether the user's templates replace a macro file our Python templates import."""
    custom = env.custom_templates
    return custom is not None and any((custom / "python" / "macros").glob("*"))


def _copy_runtime(
    env: TemplateEnvironment, template_name: str, output: str, origin: str
) -> RenderedFile:
    """Runtime modules are plain Python: read, never compiled as Jinja templates."""
    assert env.loader is not None
    try:
        source, filename, _ = env.loader.get_source(env, template_name)
    except jinja2.TemplateError as exc:
        raise InternalError(f"{origin} could not be read: {exc}") from exc
    # A user's override of a runtime module gets formatted like any render.
    ours = _is_builtin(env, filename)
    return RenderedFile(PurePosixPath(output), source, origin, preformatted=ours)
