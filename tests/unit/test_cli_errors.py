"""User mistakes give one line and the contract's exit code, never a traceback (real processes)."""

import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def kgload(*args, env_extra=None, input=None, timeout=60):
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "loader", *args], capture_output=True, text=True,
                          env=env, input=input, timeout=timeout, cwd=ROOT)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_exits_3_quickly_with_one_line(tmp_path):
    port = _free_port()
    start = time.monotonic()
    out = kgload("ask", "Who recognizes Guaido?", env_extra={
        "NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "x", "KGLOAD_HOME": str(tmp_path)})
    assert out.returncode == 3
    assert time.monotonic() - start < 15
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:")
    assert "kgload neo4j start" in lines[0] and "Traceback" not in out.stderr


def test_debug_shows_the_drivers_cause_under_kgloads_line(tmp_path):
    port = _free_port()
    out = kgload("--debug", "ask", "Who recognizes Guaido?", env_extra={
        "NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "x", "KGLOAD_HOME": str(tmp_path)})
    assert out.returncode == 3
    cause, _, ours = out.stderr.rpartition("The above exception was the direct cause of the following exception:")
    assert "neo4j.exceptions.ServiceUnavailable" in cause
    assert "loader.errors.Neo4jUnavailable: cannot reach Neo4j at bolt://127.0.0.1:" in ours
    assert ours.strip().splitlines()[-1].startswith(f"Error: cannot reach Neo4j at bolt://127.0.0.1:{port}")


def test_malformed_uri_exits_3_with_one_line(tmp_path):
    out = kgload("ask", "Who recognizes Guaido?", env_extra={"NEO4J_URI": "http://nope", "KGLOAD_HOME": str(tmp_path)})
    assert out.returncode == 3 and len(out.stderr.strip().splitlines()) == 1 and out.stderr.startswith("Error: NEO4J_URI 'http://nope' is not a Bolt URI")


def test_unknown_question_lists_what_it_understands(tmp_path):
    out = kgload("ask", "What is the meaning of life?", env_extra={"KGLOAD_HOME": str(tmp_path)})
    assert out.returncode == 2
    assert "Who recognizes Guaido?" in out.stderr and "Traceback" not in out.stderr


def test_unknown_query_name_is_a_usage_error(tmp_path):
    out = kgload("query", "drop_everything", env_extra={"KGLOAD_HOME": str(tmp_path)})
    assert out.returncode == 2 and "kgload query --list" in out.stderr


def test_reset_needs_yes(tmp_path):
    out = kgload("reset", env_extra={"KGLOAD_HOME": str(tmp_path)})
    assert out.returncode == 2 and "--yes" in out.stderr


def test_wrong_host_exits_3_quickly(tmp_path):
    start = time.monotonic()
    out = kgload("ask", "Who recognizes Guaido?", env_extra={
        "NEO4J_URI": "neo4j://no-such-host.invalid:7687", "NEO4J_PASSWORD": "x", "KGLOAD_HOME": str(tmp_path)})
    assert out.returncode == 3, out.stderr
    assert time.monotonic() - start < 15
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot reach Neo4j at neo4j://no-such-host.invalid:7687")


def test_missing_password_says_how_to_set_it(tmp_path):
    """With no password configured, the authentication error names NEO4J_PASSWORD."""
    from loader.graph import _auth_failed
    from loader.settings import ConnectionSettings

    err = _auth_failed(ConnectionSettings("bolt://localhost:7687", "neo4j", None, "neo4j"))
    assert err.exit_code == 3 and "set NEO4J_PASSWORD" in str(err)


def test_param_values_stay_strings_unless_json_lists_or_objects():
    from loader.cli_support import parse_param_args

    assert parse_param_args(["-p", "name", "2019", "-p", "actor", "", "--param", "names", '["Cuba", "Peru"]']) == {
        "name": "2019", "actor": "", "names": ["Cuba", "Peru"]}


def test_extract_output_in_a_missing_folder_is_a_usage_error(tmp_path):
    out = kgload("extract", "-", "-o", str(tmp_path / "missing" / "out.jsonl"), input="Peru recognized Guaido.",
                 env_extra={"KGLOAD_HOME": str(tmp_path)})
    assert out.returncode == 2 and out.stderr.strip() == (
        f"Error: --output {tmp_path / 'missing' / 'out.jsonl'}: the folder {tmp_path / 'missing'} does not exist")
