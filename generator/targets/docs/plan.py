"""Which documentation files to render for an API, and from which templates.

The site model (anchors, links, signatures, examples) is built once by the render
stage and handed to every docs template and the README, so they agree on every link.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.targets.docs.site import DocsSite
from generator.targets.plan import PlanEntry

DOCS = "python/docs"


def docs_plan(site: DocsSite) -> Iterator[PlanEntry]:
    """Plan entries for the SDK's README and ``python/docs/``."""
    context = {"docs": site}
    yield PlanEntry("python/README.md.jinja", "python/README.md", "api", context)
    yield PlanEntry("python/docs/index.md.jinja", f"{DOCS}/index.md", "api", context)
    yield PlanEntry(
        "python/docs/models.md.jinja", f"{DOCS}/models.md", "models", context
    )
    yield PlanEntry(
        "python/docs/departures.md.jinja",
        f"{DOCS}/departures.md",
        "resources",
        context,
    )
    for page in site.resources:
        yield PlanEntry(
            "python/docs/resource.md.jinja",
            f"{DOCS}/{page.path}",
            f"resource {page.resource.name}",
            {"docs": site, "page": page},
        )
