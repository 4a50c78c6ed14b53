"""The canned query files run unchanged in the real cypher-shell 5.26 (org.neo4j:cypher-shell from
Maven Central, started with ``java -cp`` like the server), with ``--param`` as a user would type
it, against the test server. The first run resolves cypher-shell with Maven into the kgload cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from loader import neo4j_local

from .test_queries import load_sample, run

ROOT = Path(__file__).resolve().parents[2]
CYPHER_SHELL_VERSION = "5.26.30"
POM = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- cypher-shell {CYPHER_SHELL_VERSION} and its dependencies, for the kgload integration tests. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kgload</groupId>
  <artifactId>kgload-cypher-shell</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>cypher-shell</artifactId>
      <version>{CYPHER_SHELL_VERSION}</version>
    </dependency>
  </dependencies>
</project>
"""


@pytest.fixture(scope="module")
def cypher_shell_lib() -> Path:
    home = neo4j_local.cache_dir().parent / f"cypher-shell-{CYPHER_SHELL_VERSION}"
    lib, marker = home / "lib", home / "resolved"
    if not (marker.is_file() and any(lib.glob("cypher-shell-*.jar"))):
        mvn = shutil.which("mvn")
        assert mvn and shutil.which("java"), "cypher-shell needs Java and Maven"
        home.mkdir(parents=True, exist_ok=True)
        (home / "pom.xml").write_text(POM, encoding="utf-8")
        proc = subprocess.run([mvn, "-q", "-B", "-f", str(home / "pom.xml"), "dependency:copy-dependencies",
                               f"-DoutputDirectory={lib}"], capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        marker.write_text(CYPHER_SHELL_VERSION + "\n")
    return lib


@pytest.fixture(scope="module")
def sample(graph):
    graph.run_autocommit("load/reset_graph")
    load_sample(graph)
    return graph


def cypher_shell(lib: Path, settings, params: list[str], file: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "NEO4J_ADDRESS")}
    # credentials through the environment cypher-shell reads, never on the command line
    env.update({"NEO4J_ADDRESS": settings.uri, "NEO4J_USERNAME": settings.username,
                "NEO4J_PASSWORD": settings.password or "", "NEO4J_DATABASE": settings.database})
    args = ["java", "-cp", f"{lib}/*", "org.neo4j.shell.Main", "--format", "plain", "--non-interactive"]
    for p in params:
        args += ["--param", p]
    return subprocess.run(args + ["-f", str(file)], env=env, capture_output=True, text=True, timeout=120)


def test_who_recognizes_file_through_cypher_shell(cypher_shell_lib, sample, neo4j_settings):
    out = cypher_shell(cypher_shell_lib, neo4j_settings, ['name => "Juan Guaidó"'],
                       ROOT / "cypher/queries/who_recognizes.cypher")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "subject, subject_type, recognized, sentences, documents",
        '"United States", "Country", "Juan Guaido", 2, 2',
    ]


def test_two_parameters_and_an_any_through_cypher_shell(cypher_shell_lib, sample, neo4j_settings):
    out = cypher_shell(cypher_shell_lib, neo4j_settings, ['actor => ""', 'place => "venezuela"'],
                       ROOT / "cypher/queries/deployments.cypher")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "actor, place, sentences, documents, assets, dates, first_seen, last_seen"
    assert lines[1:] == ['"Russia", "Venezuela", 2, 1, ["military personnel", "two strategic bombers"], '
                         '["last December"], "2019-03-26", "2019-03-26"']


def test_path_between_takes_from_and_to_through_cypher_shell(cypher_shell_lib, sample, neo4j_settings):
    out = cypher_shell(cypher_shell_lib, neo4j_settings, ['from => "Russia"', 'to => "Guaido"'],
                       ROOT / "cypher/queries/path_between.cypher")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1:] == [
        '"Russia -[ACCUSES]-> United States -[RECOGNIZES]-> Juan Guaido", 2, 3, [1, 2]',
        '"Russia <-[WARNS]- United States -[RECOGNIZES]-> Juan Guaido", 2, 3, [1, 2]',
    ]


def test_every_row_query_gives_cypher_shell_the_rows_the_driver_gets(cypher_shell_lib, sample, neo4j_settings):
    """One run per file with the sample's names; the row count must equal the driver's."""
    cases = {
        "whom_recognizes": {"name": "Russia"},
        "accusations": {"accuser": "", "accused": "U.S."},
        "evidence": {"subject": "Russia", "relation": "RECOGNIZES", "object": "Maduro"},
        "entity_profile": {"name": "Cuba"},
        "contested_recognition": {"name": ""},
    }
    for name, params in cases.items():
        out = cypher_shell(cypher_shell_lib, neo4j_settings, [f'{k} => "{v}"' for k, v in params.items()],
                           ROOT / f"cypher/queries/{name}.cypher")
        assert out.returncode == 0, (name, out.stderr)
        rows = run(sample, name, **params)
        assert rows, name
        assert len(out.stdout.splitlines()) == 1 + len(rows), (name, out.stdout)
