"""Rules on operations as a whole: pagination.

``iter_<operation>`` fetches page after page by setting the pagination parameter,
and stops at the first empty list, so both must exist.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics import Diagnostic
from generator.spec.lint.context import Context


def check_pagination(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC141/142: paging by a missing parameter, or a result that is no list."""
    for operation in ctx.operations:
        paginate = operation.paginate
        if paginate is None:
            continue
        names = [p.name for p in operation.parameters]
        wanted = paginate.parameter
        if wanted is not None and wanted not in names:
            message = f"operation {operation.label} pages with parameter '{wanted}', "
            message += "which it does not have"
            hint = "use one of: " + ", ".join(names) if names else "add the parameter"
            at = (*paginate.where, "parameter")
            yield ctx.report("SPEC141", at, message, hint)
        sized = paginate.size_parameter
        if sized is not None and sized not in names:
            message = f"operation {operation.label} takes its page size from "
            message += f"parameter '{sized}', which it does not have"
            hint = "use one of: " + ", ".join(names) if names else "add the parameter"
            at = (*paginate.where, "size_parameter")
            yield ctx.report("SPEC143", at, message, hint)
        returns = operation.result_type or ""
        if paginate.items is None and not returns.startswith("list["):
            shown = f"'{returns}'" if returns else "nothing"
            message = f"paginated operation {operation.label} returns {shown}, "
            message += "not a list"
            hint = "return list[...], or name the list inside it with 'items'"
            yield ctx.report("SPEC142", paginate.where, message, hint)
