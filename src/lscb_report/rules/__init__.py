"""``Content`` to problems, and the safeguarding transforms that prepare it for an audience."""
