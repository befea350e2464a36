"""Orchestration: the pipeline's steps, the cache, and the only writer of the output folder."""
