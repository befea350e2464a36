"""Files to ``Content``: strict YAML with positions, the content model, validation."""
