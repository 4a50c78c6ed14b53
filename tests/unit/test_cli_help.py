"""Help is part of the product: every command has a summary and an Example (sqlite-utils' test_docs)."""

import pytest
import typer.main
from typer.testing import CliRunner

from loader.cli import app

runner = CliRunner()


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        path = (*prefix, name)
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, path)
        else:
            yield path, cmd


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_expected_commands_exist():
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"extract", "load", "ask", "query", "reset", "eval", "neo4j start", "neo4j stop", "neo4j status"} <= names


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path):
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    cmd = dict(COMMANDS)[path]
    assert cmd.help and cmd.help.strip().splitlines()[0].strip(), f"{path} has no summary"
    assert "Example: kgload " in cmd.help, f"{path} has no example"
