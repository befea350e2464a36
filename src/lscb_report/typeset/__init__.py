"""HTML to PDF: the only stage that imports WeasyPrint."""
