"""sdkgen: turn a declarative YAML API spec into a typed Python SDK, docs and tests.

The pipeline is load -> validate -> normalise -> model -> render -> format -> write,
one package per role (``spec``: load, schema, normalize, lint; ``model``;
``targets``: python, docs, openapi; ``output``: format, write), with plain data
passed between stages (``pipeline`` runs them). Only ``generator.cli`` prints.
"""

__version__ = "0.1.0"
