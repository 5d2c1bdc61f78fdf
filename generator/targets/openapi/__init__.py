"""The OpenAPI 3.1 export: document (the whole), paths, components, schemas."""
