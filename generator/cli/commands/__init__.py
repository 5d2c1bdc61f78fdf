"""One module per CLI command; each registers its parser and prints its own output."""
