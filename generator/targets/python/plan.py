"""Which files make the Python SDK, and from which templates.

The package (client, models, one module per resource), its pyproject, the runtime
modules copied verbatim, and the SDK's own tests; the README is the docs target's.
The per-resource JSON test cases are built in code (``cases.py``), not rendered.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.model.api import ApiModel
from generator.targets.plan import PlanEntry
from generator.targets.python.escaping import pybytes
from generator.targets.python.samples import UPLOAD_BYTES, UPLOAD_FILENAME

__all__ = ["python_plan"]

_PACKAGE_MODULES = ("__init__.py", "_client.py", "_config.py", "models.py")
# Package templates written in black's layout (``PlanEntry.black_layout``); the
# resource modules are too. _config.py is small and leaves its layout to black.
_IN_BLACK_LAYOUT = ("__init__.py", "_client.py", "models.py")


def python_plan(
    api: ApiModel,
    runtime: Sequence[str],
    runtime_tests: Sequence[str],
) -> Iterator[PlanEntry]:
    """Plan entries for ``python/``: the SDK package, pyproject and tests.

    Args:
        api: the intermediate model.
        runtime: names of the runtime modules (``templates/python/runtime/*.py``).
        runtime_tests: names of the runtime test templates.
    """
    src = f"python/src/{api.package}"
    yield PlanEntry("python/pyproject.toml.jinja", "python/pyproject.toml", "api")
    yield PlanEntry("python/package/py.typed.jinja", f"{src}/py.typed", "api")
    for name in _PACKAGE_MODULES:
        yield PlanEntry(
            f"python/package/{name}.jinja",
            f"{src}/{name}",
            "api",
            black_layout=name in _IN_BLACK_LAYOUT,
        )
    yield PlanEntry(
        "python/package/resources/__init__.py.jinja",
        f"{src}/resources/__init__.py",
        "resources",
        black_layout=True,
    )
    for resource in api.resources:
        yield PlanEntry(
            "python/package/resources/resource.py.jinja",
            f"{src}/resources/{resource.module}.py",
            f"resource {resource.name}",
            {"resource": resource},
            black_layout=True,
        )
    yield PlanEntry(
        "python/tests/test_operations.py.jinja",
        "python/tests/test_operations.py",
        "operations",
        {
            "upload_bytes": pybytes(UPLOAD_BYTES),
            "upload_filename": UPLOAD_FILENAME,
        },
        black_layout=True,
    )
    for name in _for_auth(api, runtime):
        yield PlanEntry(f"python/runtime/{name}", f"{src}/{name}", "runtime")
    for name in _for_auth(api, runtime_tests):
        output = f"python/tests/{name.removesuffix('.jinja')}"
        # black_stable, so also black_layout: only the pieces a long package name
        # makes too long go through black.
        yield PlanEntry(
            f"python/tests/{name}",
            output,
            "runtime",
            black_stable=True,
            black_layout=True,
        )
    exports = "python/tests/test_exports.py"
    yield PlanEntry(exports + ".jinja", exports, "api", black_layout=True)


# The OAuth2 modules (_oauth.py, _oauth_types.py, _oauth_api_client.py) and their
# tests (test_runtime_oauth*.py): an SDK carries them only for an oauth2 scheme.
_OAUTH_PREFIXES = ("_oauth", "test_runtime_oauth")


def _for_auth(api: ApiModel, names: Sequence[str]) -> list[str]:
    """``names`` less the OAuth2 ones when the API has no oauth2 scheme."""
    if api.oauth is not None:
        return list(names)
    return [name for name in names if not name.startswith(_OAUTH_PREFIXES)]
