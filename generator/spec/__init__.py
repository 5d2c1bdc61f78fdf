"""The spec: load the YAML with positions, check it against the schema, lint it.

``load`` reads files (``yaml_compose``, ``yaml_nodes``), ``schema/`` checks the
shape against ``spec/sdkgen.schema.json``, ``lint/`` holds the semantic rules
(add a rule there), and ``validate`` runs the three layers in order.
"""
