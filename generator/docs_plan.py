"""Which documentation files to render for an API, and from which templates."""

from __future__ import annotations

from collections.abc import Iterator

from generator.intermediate import ApiModel
from generator.plan import PlanEntry


def docs_plan(api: ApiModel) -> Iterator[PlanEntry]:
    """Plan entries for ``python/docs/``, from the templates in ``templates/docs``."""
    yield from ()
