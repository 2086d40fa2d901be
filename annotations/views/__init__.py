"""HTML and htmx pages, one module per area of work."""
