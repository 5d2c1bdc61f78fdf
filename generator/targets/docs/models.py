"""The models page: each model's fields and links, and who returns or uses it.

Anchors are GitHub's slugs of the model headings, numbered the way GitHub numbers
repeats, in the order the page shows the models (models, then unions).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.model.api import ApiModel, FieldModel, ModelClass, UnionClass
from generator.targets.docs.links import SlugAllocator, TypeParts, type_parts
from generator.targets.python.code import PythonCode

__all__ = ["FieldDoc", "ModelDoc", "model_slugs", "models_page"]


@dataclass(frozen=True, slots=True)
class FieldDoc:
    """One row of a model's field table."""

    field: FieldModel
    type: TypeParts  # relative to the models page
    allowed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ModelDoc:
    """One model (or union) on the models page: fields, variants, who uses it."""

    name: str
    slug: str
    description: str
    fields: tuple[FieldDoc, ...]
    union: UnionClass | None
    variants: tuple[tuple[str, str, str], ...]  # (value literal, model, href)
    returned_by: tuple[tuple[str, str], ...]  # (label, href from the docs folder)
    used_in: tuple[tuple[str, str], ...]  # (model, href): models that refer to it


def model_slugs(api: ApiModel) -> dict[str, str]:
    """Anchors of the models page, in the order it shows them: models, then unions."""
    slugs = SlugAllocator()
    names = [m.name for m in api.models] + [u.name for u in api.unions]
    return {name: slugs.take(name) for name in names}


def models_page(
    py: PythonCode,
    slugs: dict[str, str],
    returned: dict[str, list[tuple[str, str]]],
) -> tuple[ModelDoc, ...]:
    """The models page's entries, models first, then unions.

    ``returned`` maps a model to the operations returning it, as (label, href
    from the docs folder).
    """
    hrefs = {name: f"#{slug}" for name, slug in slugs.items()}
    api = py.api
    models = [_model(py, m, slugs[m.name], hrefs, returned) for m in api.models]
    unions = [_union(u, slugs[u.name], hrefs, returned) for u in api.unions]
    users = _users(models + unions)
    return tuple(
        replace(doc, used_in=tuple((name, hrefs[name]) for name in users[doc.name]))
        for doc in models + unions
    )


def _users(docs: list[ModelDoc]) -> dict[str, list[str]]:
    """For each model, the models whose fields or variants name it, in page order."""
    users: dict[str, list[str]] = {doc.name: [] for doc in docs}
    for doc in docs:
        named = [name for f in doc.fields for name, href in f.type if href]
        named += [name for _, name, _ in doc.variants]
        for name in dict.fromkeys(named):
            if name != doc.name:
                users[name].append(doc.name)
    return users


def _model(
    py: PythonCode,
    model: ModelClass,
    slug: str,
    hrefs: dict[str, str],
    returned: dict[str, list[tuple[str, str]]],
) -> ModelDoc:
    fields = tuple(
        FieldDoc(
            field=f,
            type=type_parts(py.field_annotation(f).removesuffix(" | None"), hrefs),
            allowed=tuple(repr(v) for v in f.enum),
        )
        for f in model.fields
    )
    return ModelDoc(
        name=model.name,
        slug=slug,
        description=model.description,
        fields=fields,
        union=None,
        variants=(),
        returned_by=tuple(returned.get(model.name, ())),
        used_in=(),
    )


def _union(
    union: UnionClass,
    slug: str,
    hrefs: dict[str, str],
    returned: dict[str, list[tuple[str, str]]],
) -> ModelDoc:
    return ModelDoc(
        name=union.name,
        slug=slug,
        description=union.description,
        fields=(),
        union=union,
        variants=tuple(
            (repr(v.value), v.model, hrefs[v.model]) for v in union.variants
        ),
        returned_by=tuple(returned.get(union.name, ())),
        used_in=(),
    )
