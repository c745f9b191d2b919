"""Turn the model into page content (Markdown headings around HTML blocks), one language at a time."""
