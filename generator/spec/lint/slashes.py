"""Rules on trailing slashes in ``base_url`` and operation paths.

The format writes URLs one way: ``base_url`` without a trailing slash, paths
starting with one and not ending with one. The SDK joins the two as written, so a
path's trailing slash is a different route on the wire (``/items/`` is not
``/items`` to most servers), and a ``base_url`` ending in ``/`` puts ``//`` into
the OpenAPI export's URLs. Both are warnings: some APIs really do route on a
trailing slash, and a spec for one still generates; ``--strict`` refuses them.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics import Diagnostic
from generator.spec.lint.context import Context


def check_base_url_slash(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC191: ``base_url`` ends with a slash."""
    url = ctx.spec.api.base_url
    if url.endswith("/"):
        message = f"base_url {url!r} ends with a slash; operation paths start "
        message += "with one, so the two would join as '//'"
        hint = f"write base_url: {url.rstrip('/') or url}"
        yield ctx.report("SPEC191", ("api", "base_url"), message, hint)


def check_path_slash(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC192: an operation path (other than ``/`` itself) ends with a slash."""
    for operation in ctx.operations:
        path = operation.path
        if len(path) > 1 and path.endswith("/"):
            message = f"path '{path}' of {operation.label} ends with a slash"
            hint = f"write path: {path.rstrip('/') or '/'}; keep the slash only if "
            hint += "the API routes on it (then --strict refuses the spec)"
            yield ctx.report("SPEC192", (*operation.where, "path"), message, hint)
