"""Import an OpenAPI 3.0/3.1 (or Swagger 2.0) document into an sdkgen spec folder.

``document`` reads the file safely and resolves ``$ref``s, converting a Swagger
2.0 document (and the local files it names) with ``swagger`` and
``swagger_parts``; ``schemas`` turns schemas into models and type expressions,
``security`` builds auth schemes, ``operations`` builds resources, ``paging``
infers pagination, ``naming`` makes identifiers, ``report`` collects warnings,
``located`` names them as the document is written (``origins``) and places them
at their lines (``positions``), and ``writer`` writes the folder. ``pipeline``
runs them in order. Nothing here prints: the CLI reports.
"""
