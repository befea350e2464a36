"""``Content`` to Markdown to HTML: templates, prose, charts, pages."""
