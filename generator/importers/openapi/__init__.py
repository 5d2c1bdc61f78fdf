"""Import an OpenAPI 3.0/3.1 document into an sdkgen spec folder.

``document`` reads the file safely and resolves ``$ref``s, ``schemas`` turns
schemas into models and type expressions, ``security`` builds auth schemes,
``operations`` builds resources, ``paging`` infers pagination, ``naming`` makes
identifiers, ``report`` collects warnings and ``writer`` writes the folder.
``pipeline`` runs them in order. Nothing here prints: the CLI reports.
"""
