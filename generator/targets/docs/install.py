"""The install command the docs show: ``pip install ./<output folder>/python``.

The path is relative to the folder that holds the output folder, as the spec label
in every file's header is, so the docs read the same wherever ``sdkgen generate``
ran. The folder's name comes from the file system: quoted for the shell when it
needs quotes, and replaced by a placeholder when it holds characters a Markdown
code block cannot show (line breaks, control characters, backticks).
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

PLACEHOLDER = "path/to/python"


@dataclass(frozen=True, slots=True)
class Install:
    """What the docs' Install section shows."""

    folder: str  # the output folder named in the text; "" when not shown
    path: str  # the argument of ``pip install``, ready for a shell


def install(output_folder: str) -> Install:
    """The install command for an SDK generated into ``output_folder``."""
    shown = output_folder.isprintable() and "`" not in output_folder
    if not output_folder or not shown:
        return Install("", PLACEHOLDER)
    return Install(output_folder, shlex.quote(f"./{output_folder}/python"))
