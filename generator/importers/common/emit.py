"""Write a draft as YAML: schema modeline first, TODO comments above operations.

Keys keep the order the draft builder chose (never sorted), so the same document
always gives byte-identical YAML. Operations are dumped one at a time so each can
carry its TODO comments; everything else is dumped as ordinary YAML.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import Any

import yaml

from generator import resources
from generator.importers.common.operation_draft import OperationDraft

SCHEMA_ID = "https://sdkgen.dev/schema/sdkgen-spec.schema.json"
_WIDTH = 88
_OPERATION_INDENT = " " * 6


def schema_path() -> Path | None:
    """The schema file beside the code (repository or installed wheel), if any."""
    schema = resources.schema_path()
    return schema if schema.is_file() else None


def schema_reference(output_dir: Path) -> str:
    """The schema as seen from ``output_dir``: a relative path, else its $id URL."""
    schema = schema_path()
    if schema is None:
        return SCHEMA_ID
    try:
        return Path(os.path.relpath(schema, output_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return SCHEMA_ID


def to_yaml(
    draft: dict[str, Any],
    operations: list[OperationDraft],
    schema_ref: str,
    source: str,
) -> str:
    """The draft as YAML text."""
    parts = [
        f"# yaml-language-server: $schema={schema_ref}\n",
        f"# Draft imported from {source} by 'sdkgen import-markdown'.\n",
        "# Review every TODO (also listed under each operation's 'departures').\n",
    ]
    for key, value in draft.items():
        if key != "resources":
            parts.append(_dump({key: value}))
    parts.append("resources:\n")
    comments = {(op.resource, op.name): op for op in operations}
    for resource, body in draft["resources"].items():
        parts.append(f"  {resource}:\n    operations:\n")
        for name, spec in body["operations"].items():
            parts += _operation(name, spec, comments.get((resource, name)))
    return "".join(parts)


def _operation(
    name: str, spec: dict[str, Any], operation: OperationDraft | None
) -> list[str]:
    lines = []
    for defect in operation.defects if operation else []:
        for line in textwrap.wrap(
            defect.comment(), _WIDTH - len(_OPERATION_INDENT) - 2
        ):
            lines.append(f"{_OPERATION_INDENT}# {line}\n")
    lines.append(textwrap.indent(_dump({name: spec}), _OPERATION_INDENT))
    return lines


class _DraftDumper(yaml.SafeDumper):
    """Safe YAML, with text of several paragraphs written as a ``|`` block."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_DraftDumper.add_representer(str, _represent_text)


def _dump(value: dict[str, Any]) -> str:
    return yaml.dump(
        value,
        Dumper=_DraftDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=_WIDTH - len(_OPERATION_INDENT),
    )
