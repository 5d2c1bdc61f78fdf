"""Import API documentation written in webapi-markdown into an sdkgen spec draft.

The importer is its own small pipeline: read the document (``document``), split it
into function sections (``markdown_sections`` for raw Markdown,
``rendered_sections`` for the text of a rendered page), parse each request template
(``request_template``) and parameter table (``tables``), build the spec dict and
the list of defects (``draft``), then write YAML with TODO comments (``emit``).
Nothing here prints: ``generator.cli.commands.import_markdown`` reports.
"""
