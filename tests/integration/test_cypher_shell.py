"""``kgload neo4j shell``: the real cypher-shell 5.26 (org.neo4j:cypher-shell from Maven Central,
resolved into the kgload cache on first use and started with Java), connected with kgload's
settings (flags, environment, ``.env``), the password never on its command line. The canned query
files run through it unchanged, with ``--param`` as a user types it.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from loader import cypher_shell

from .conftest import run_kgload
from .test_queries import load_sample, run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def resolved() -> Path:
    """cypher-shell's jars in the kgload cache (Maven resolves them on the first run)."""
    return cypher_shell.resolve(log=lambda m: None)


@pytest.fixture(scope="module")
def sample(graph, resolved):
    graph.run_autocommit("load/reset_graph")
    load_sample(graph)
    return graph


def shell(env: dict, params: list[str], file: Path, *options: str) -> subprocess.CompletedProcess:
    args = ["neo4j", "shell", *options, "--format", "plain", "--non-interactive"]
    for p in params:
        args += ["--param", p]
    return run_kgload(args + ["-f", str(file)], env, timeout=180)


def without_graph(lines: list[str]) -> list[str]:
    """cypher-shell's lines without the last column, ``graph`` (the nodes and relationships
    behind each row, which Browser draws)."""
    return [re.sub(r", graph$", "", lines[0])] + [re.sub(r", \[\(.*\)\]$", "", line) for line in lines[1:]]


def test_who_recognizes_file_through_kgload_neo4j_shell(sample, kgload_env):
    out = shell(kgload_env, ['name => "Juan Guaidó"'], ROOT / "cypher/queries/who_recognizes.cypher")
    assert out.returncode == 0, out.stderr
    # $as_of, optional, is passed as null by `kgload neo4j shell`: what holds now, since the
    # sample's publication date (its sentences give no other date)
    assert out.stdout.splitlines()[0].endswith(", since, graph")
    assert without_graph(out.stdout.splitlines()) == [
        "subject, subject_type, recognized, sentences, documents, since",
        '"United States", "Country", "Juan Guaido", 2, 2, "2019-03-26"',
    ]


def test_two_parameters_and_an_any(sample, kgload_env):
    out = shell(kgload_env, ['actor => ""', 'place => "venezuela"'], ROOT / "cypher/queries/deployments.cypher")
    assert out.returncode == 0, out.stderr
    lines = without_graph(out.stdout.splitlines())
    assert lines[0] == "actor, place, within, sentences, documents, assets, dates, first_seen, last_seen, since"
    assert lines[1:] == ['"Russia", "Venezuela", [], 2, 1, ["military personnel", "two strategic bombers"], '
                         '["last December"], "2019-03-26", "2019-03-26", "2019-03-26"']


def test_path_between_takes_from_and_to(sample, kgload_env):
    out = shell(kgload_env, ['from => "Russia"', 'to => "Guaido"'], ROOT / "cypher/queries/path_between.cypher")
    assert out.returncode == 0, out.stderr
    assert without_graph(out.stdout.splitlines())[1:] == [
        '"Russia -[ACCUSES]-> United States -[RECOGNIZES]-> Juan Guaido", 2, 3, [1, 2]',
        '"Russia <-[WARNS]- United States -[RECOGNIZES]-> Juan Guaido", 2, 3, [1, 2]',
    ]


def test_the_generic_relations_query(sample, kgload_env):
    out = shell(kgload_env, ['subject => ""', 'relation => "warns"', 'object => "Russia"'],
                ROOT / "cypher/queries/relations.cypher")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0].startswith("subject, subject_type, relation, object, object_type, sentences")
    assert {line.split(", ")[0] for line in out.stdout.splitlines()[1:]} == {'"Mike Pompeo"', '"United States"'}


def test_every_row_query_gives_cypher_shell_the_rows_the_driver_gets(sample, kgload_env):
    """One run per file with the sample's names; the row count must equal the driver's."""
    cases = {
        "whom_recognizes": {"name": "Russia"},
        "accusations": {"accuser": "", "accused": "U.S."},
        "evidence": {"subject": "Russia", "relation": "RECOGNIZES", "object": "Maduro"},
        "entity_profile": {"name": "Cuba"},
        "contested_recognition": {"name": ""},
        "relations": {"subject": "United States", "relation": "", "object": ""},
    }
    for name, params in cases.items():
        out = shell(kgload_env, [f'{k} => "{v}"' for k, v in params.items()], ROOT / f"cypher/queries/{name}.cypher")
        assert out.returncode == 0, (name, out.stderr)
        rows = run(sample, name, **params)
        assert rows, name
        assert len(out.stdout.splitlines()) == 1 + len(rows), (name, out.stdout)


def _without_connection(env: dict) -> dict:
    return {k: v for k, v in env.items() if not k.startswith("NEO4J_")}


def test_settings_come_from_dotenv_and_flags_come_first(sample, kgload_env, neo4j_settings, tmp_path):
    # .env in KGLOAD_HOME, as `kgload neo4j start` writes it
    (tmp_path / ".env").write_text(f"NEO4J_URI={neo4j_settings.uri}\nNEO4J_USERNAME={neo4j_settings.username}\n"
                                   f"NEO4J_PASSWORD={neo4j_settings.password}\n", encoding="utf-8")
    env = {**_without_connection(kgload_env), "KGLOAD_HOME": str(tmp_path)}
    query = tmp_path / "one.cypher"
    query.write_text("RETURN 1 AS one;\n", encoding="utf-8")
    out = shell(env, [], query)
    assert (out.returncode, out.stdout, out.stderr) == (0, "one\n1\n", "")
    # a wrong password in the environment loses to the --password flag, as for every command
    out = shell({**env, "NEO4J_PASSWORD": "wrong"}, [], query, "--password", neo4j_settings.password)
    assert (out.returncode, out.stdout) == (0, "one\n1\n"), out.stderr
    out = shell({**env, "NEO4J_PASSWORD": "wrong"}, [], query)
    assert out.returncode != 0 and "one" not in out.stdout


def _cmdline(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")


def test_the_password_is_never_on_the_command_line(sample, kgload_env, neo4j_settings):
    proc = subprocess.Popen([sys.executable, "-m", "loader", "neo4j", "shell", "--format", "plain"], env=kgload_env,
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while cypher_shell.MAIN_CLASS not in _cmdline(proc.pid):  # kgload execs cypher-shell in its place
            assert time.monotonic() < deadline and proc.poll() is None, "cypher-shell did not start"
            time.sleep(0.05)
        argv = _cmdline(proc.pid)
        assert neo4j_settings.password not in " ".join(argv)
        assert not {"-p", "--password"} & set(argv)
        environ = Path(f"/proc/{proc.pid}/environ").read_bytes().split(b"\0")
        assert f"NEO4J_PASSWORD={neo4j_settings.password}".encode() in environ
        out, err = proc.communicate("RETURN 40 + 2 AS answer;\n", timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (proc.returncode, out) == (0, "answer\n42\n"), err


def test_interactive_on_a_terminal(sample, kgload_env):
    primary, secondary = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "loader", "neo4j", "shell"], env={**kgload_env, "TERM": "dumb"},
                            cwd=ROOT, stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True)
    os.close(secondary)
    seen = b""

    def read_until(text: bytes, timeout: float = 90) -> None:
        nonlocal seen
        deadline = time.monotonic() + timeout
        while text not in seen:
            assert time.monotonic() < deadline, seen[-500:]
            ready, _, _ = select.select([primary], [], [], 1)
            if ready:
                try:
                    seen += os.read(primary, 4096)
                except OSError:  # the terminal closed
                    break
        assert text in seen, seen[-500:]

    try:
        read_until(b"@neo4j")  # the prompt, "neo4j@neo4j> "
        os.write(primary, b"RETURN 40 + 2 AS answer;\n")
        read_until(b"42")
        os.write(primary, b":exit\n")
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(primary)
