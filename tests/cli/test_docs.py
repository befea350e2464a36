"""The README's command reference lists every command and every option it takes."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from lscb_report.cli.app import app

README = Path(__file__).parents[2] / "README.md"


def reference() -> dict[str, str]:
    """Each command's entry in the README's reference block (the one that starts with
    check YEAR), its continuation lines joined."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index(
        next(line for line in lines if line.startswith("    lscb-report check YEAR"))
    )
    entries: dict[str, str] = {}
    current = ""
    for line in lines[start:]:
        if not line.strip():
            break
        found = re.match(r"^    lscb-report ([a-z]+) ", line)
        if found:
            current = found.group(1)
            entries[current] = line
        else:
            entries[current] += " " + line.strip()
    return entries


def test_every_command_and_option_is_in_the_readme() -> None:
    group = typer.main.get_command(app)
    entries = reference()
    commands = getattr(group, "commands", {})
    assert set(commands) <= set(entries), set(commands) - set(entries)
    for name, command in commands.items():
        for param in command.params:
            for option in param.opts:
                if option.startswith("--") and option != "--help":
                    assert option in entries[name], f"{name} {option}"
