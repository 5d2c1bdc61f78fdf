"""Allow ``python -m generator`` as an alias of the ``sdkgen`` command."""

from generator.cli import run

run()
