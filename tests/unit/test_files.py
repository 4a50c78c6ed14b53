"""Files written whole or not at all (``loader.files.atomic_write``), and ``kgload extract -o``."""

import json

import pytest

from loader.files import atomic_write, temp_path


def test_the_file_appears_only_when_complete(tmp_path):
    target = tmp_path / "out.jsonl"
    with atomic_write(target) as out:
        out.write("one\n")
        assert not target.exists()
        (temporary,) = tmp_path.iterdir()
        assert temporary.name.startswith(".out.jsonl.") and temporary.name.endswith(".tmp")
    assert target.read_text(encoding="utf-8") == "one\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_an_error_leaves_the_old_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with atomic_write(target) as out:
            out.write("half")
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_temporary_names_are_hidden_beside_the_file_and_unique(tmp_path):
    a, b = temp_path(tmp_path / "x.html"), temp_path(tmp_path / "x.html")
    assert a != b and a.parent == tmp_path
    assert a.name.startswith(".x.html.") and a.name.endswith(".tmp") and len(a.name) == len(".x.html.") + 12 + 4


def test_a_folder_that_does_not_exist_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        with atomic_write(tmp_path / "no" / "out.txt"):
            pass


def _records(doc_id):
    return [json.dumps({"kind": "document", "id": doc_id, "source": "s"}),
            json.dumps({"kind": "entity", "id": "russia", "name": "Russia", "type": "Country", "doc_id": doc_id})]


def test_extract_output_is_written_whole_and_rejections_give_exit_4(tmp_path):
    from typer.testing import CliRunner

    from loader.cli import app

    (tmp_path / "in.jsonl").write_text("\n".join(_records("d1") + ["{broken"] + _records("d2")) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    result = CliRunner().invoke(app, ["extract", "--quiet", str(tmp_path / "in.jsonl"), "-o", str(out)])
    assert result.exit_code == 4, result.output
    assert result.stderr.splitlines() == [
        f"Rejected {tmp_path / 'in.jsonl'}:3: malformed JSON (Expecting property name enclosed in double quotes)",
        "Error: 1 input(s) rejected (see the lines above)",
    ]
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["kind"], r.get("id"), r.get("doc_id")) for r in written] == [
        ("document", "d1", None), ("entity", "russia", "d1"), ("document", "d2", None), ("entity", "russia", "d2")]
    assert [p.name for p in out.parent.iterdir()] == ["records.jsonl"]


def test_extract_to_a_folder_that_does_not_exist_is_a_usage_error(tmp_path):
    from typer.testing import CliRunner

    from loader.cli import app

    (tmp_path / "in.jsonl").write_text("\n".join(_records("d1")) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--quiet", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "no" / "r.jsonl")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: --output {tmp_path / 'no' / 'r.jsonl'}: the folder {tmp_path / 'no'} does not exist\n"
