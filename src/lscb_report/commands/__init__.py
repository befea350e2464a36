"""The commands beside build: serve, new, diff and their helpers."""
