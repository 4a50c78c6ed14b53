"""``kgload neo4j shell`` without a server or Java: the command line and environment cypher-shell
gets, and one clear line when Java or Maven is missing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from loader import cypher_shell, maven, neo4j_local
from loader.errors import ServerSetupError
from loader.settings import ConnectionSettings

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ConnectionSettings("bolt://db.example:7687", "analyst", "s3cret-pass", "news")


def test_the_connection_goes_in_the_environment_and_the_password_never_on_the_command_line():
    argv, env = cypher_shell.command(SETTINGS, ["--format", "plain", "-f", "q.cypher", "--param", 'name => "X"'],
                                     java="/usr/bin/java", lib=Path("/cache/lib"),
                                     environ={"PATH": "/bin", "NEO4J_URI": "bolt://other:1", "NEO4J_PASSWORD": "old"})
    assert argv == ["/usr/bin/java", "-Dfile.encoding=UTF-8", "-cp", "/cache/lib/*", "org.neo4j.shell.Main",
                    "--format", "plain", "-f", "q.cypher", "--param", 'name => "X"']
    assert "s3cret-pass" not in " ".join(argv)
    # cypher-shell refuses NEO4J_URI next to NEO4J_ADDRESS
    assert env == {"PATH": "/bin", "NEO4J_ADDRESS": "bolt://db.example:7687", "NEO4J_USERNAME": "analyst",
                   "NEO4J_PASSWORD": "s3cret-pass", "NEO4J_DATABASE": "news"}


def test_without_a_password_cypher_shell_asks_for_it():
    settings = ConnectionSettings("bolt://localhost:7687", "neo4j", None, "neo4j")
    _, env = cypher_shell.command(settings, [], environ={"NEO4J_PASSWORD": ""})
    assert "NEO4J_PASSWORD" not in env


def test_the_cache_is_beside_the_servers(monkeypatch, tmp_path):
    monkeypatch.setenv("KGLOAD_CACHE", str(tmp_path))
    assert cypher_shell.home() == tmp_path / "kgload" / "cypher-shell-5.26.30"
    assert neo4j_local.cache_dir() == tmp_path / "kgload" / "neo4j-5.26.30"


@pytest.mark.parametrize("folder", ["", "cypher-shell"])
def test_the_neo4j_version_is_written_once_in_python_not_in_the_poms(folder):
    """Both poms take the version from Maven's command line (loader/maven.py): neither has one of its own."""
    pom = maven.pom_path(folder).read_text(encoding="utf-8")
    assert "${neo4j.version}" in pom
    assert re.search(r"<[\w.-]*version>5\.26", pom) is None


def test_missing_java_or_maven_is_one_clear_line(monkeypatch, tmp_path):
    monkeypatch.setenv("KGLOAD_CACHE", str(tmp_path))  # nothing resolved yet
    monkeypatch.setattr(cypher_shell.shutil, "which", lambda name: None)
    with pytest.raises(ServerSetupError, match=r"^cypher-shell needs Java 17\+: install it"):
        cypher_shell.run(SETTINGS, [])
    with pytest.raises(ServerSetupError, match=r"^Maven not found: the first `kgload neo4j shell` resolves"):
        cypher_shell.resolve()


def test_kgload_neo4j_shell_without_java_says_so_and_exits_1(tmp_path):
    env = {"PATH": str(tmp_path), "KGLOAD_CACHE": str(tmp_path), "KGLOAD_HOME": str(tmp_path), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "loader", "neo4j", "shell", "-f", "x.cypher"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert out.stderr.splitlines() == [
        "Error: cypher-shell needs Java 17+: install it (e.g. `apt-get install openjdk-17-jre-headless`), "
        "or use the cypher-shell of your Neo4j installation"]
