"""sdkgen: turn a declarative YAML API spec into a typed Python SDK, docs and tests.

The pipeline is load -> validate -> model -> render -> format -> write, one module
per stage (``loader``, ``validate``, ``model``, ``render``, ``formatting``,
``writer``), with plain data passed between stages. Only ``generator.cli`` prints.
"""

__version__ = "0.1.0"
