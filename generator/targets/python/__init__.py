"""The Python SDK target: how the model becomes Python source.

``types`` maps type expressions to annotations and parse code, ``imports`` plans
each module's imports, ``layout`` wraps long signatures, ``escaping`` makes spec
text safe in each Python context, ``samples`` and ``cases`` build the generated
tests.
"""
