"""`kgload extract --dask`: listing, shard plans, one task, resume bookkeeping (no cluster here;
tests/integration/test_scale.py runs real LocalClusters)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from loader.errors import UsageError
from loader.inputs import SourceDocument, read_inputs
from loader.scale import (
    MANIFEST,
    InputFile,
    _complete,
    list_inputs,
    plan_shards,
    run_shard,
    scheduler,
)

ROOT = Path(__file__).resolve().parents[2]


def _files(tmp_path: Path, names: dict[str, str]) -> Path:
    for name, text in names.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_listing_names_files_as_reading_them_does(tmp_path):
    folder = _files(tmp_path / "in", {"b.txt": "Japan recognized Kosovo.", "a/c.md": "Peru recognized Guaido.",
                                      "a/skip.csv": "x", "d.jsonl": '{"text": "Chile recognized Guaido."}\n'})
    files, rejected = list_inputs([str(folder), str(folder / "b.txt"), str(tmp_path / "missing.txt")])
    # the order and names `kgload extract` reads them in (a folder's own files before its subfolders')
    assert [f.name for f in files] == [str(folder / "b.txt"), str(folder / "d.jsonl"), str(folder / "a/c.md")]
    assert all(Path(f.location).is_absolute() and f.size > 0 for f in files)
    sources = [i.source.split(":")[0] for i in read_inputs([str(folder)]) if isinstance(i, SourceDocument)]
    assert sources == [f.name for f in files]
    assert [(r.input, r.reason) for r in rejected] == [(str(tmp_path / "missing.txt"), "no such file or directory")]


def test_listing_urls_through_fsspec(tmp_path):
    folder = _files(tmp_path / "in", {"x.txt": "Japan recognized Kosovo.", "y/z.txt": "Peru recognized Guaido."})
    (tmp_path / "empty").mkdir()
    files, rejected = list_inputs([f"file://{folder}", f"file://{tmp_path / 'empty'}", f"file://{tmp_path / 'no.txt'}"])
    assert [f.name for f in files] == [f"file://{folder}/x.txt", f"file://{folder}/y/z.txt"]
    assert [f.location for f in files] == [f.name for f in files]
    assert [r.reason for r in rejected] == ["directory holds no .txt, .md, .jsonl, .html, feed or WARC files", "no such file or directory"]
    with pytest.raises(UsageError):
        list_inputs(["nosuchprotocol://bucket/x.txt"])
    with pytest.raises(UsageError, match="stdin"):
        list_inputs(["-"])


def test_shards_are_bounded_by_files_and_bytes_and_follow_the_list():
    files = [InputFile(f"f{i:03d}.txt", f"/x/f{i:03d}.txt", 100) for i in range(23)]
    files[7] = InputFile("f007.txt", "/x/f007.txt", 5000)  # larger than the byte bound: alone
    shards = plan_shards(files, task_docs=5, task_bytes=1000)
    assert [len(s.inputs) for s in shards] == [5, 2, 1, 5, 5, 5]
    assert [f for s in shards for f in s.inputs] == files
    assert [s.name for s in shards] == [f"part-{i:05d}.jsonl" for i in range(6)]
    assert [s.plan() for s in plan_shards(files, 5, 1000)] == [s.plan() for s in shards]


def test_scheduler_addresses(monkeypatch):
    assert scheduler("local:3") == (None, 3)
    assert scheduler("tcp://10.0.0.5:8786") == ("tcp://10.0.0.5:8786", 0)
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tls://sched:8786")
    assert scheduler("env") == ("tls://sched:8786", 0)
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS")
    for bad in ("env", "local:0", "nonsense"):
        with pytest.raises(UsageError):
            scheduler(bad)


@pytest.mark.model  # the task extracts with the default model
def test_one_task_writes_its_shard_whole_with_a_summary(tmp_path):
    folder = _files(tmp_path / "in", {"a.txt": "Japan recognized Kosovo on Tuesday.", "empty.txt": ""})
    (folder / "bin.txt").write_bytes(b"ab\0cd")
    files, _ = list_inputs([str(folder)])
    out = tmp_path / "out"
    out.mkdir()
    shard = dict(plan_shards(files)[0].plan(), locations=[f.location for f in files], sizes=[f.size for f in files])
    summary = run_shard(shard, str(out), None, 32)
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.done.json", "part-00000.jsonl"]
    assert json.loads((out / "part-00000.done.json").read_text()) == summary
    assert summary["documents"] == 1 and summary["extractor_version"].startswith("kgload-extract/")
    assert summary["rejected"] == [[str(folder / "bin.txt"), "binary file (contains NUL bytes)"],
                                   [str(folder / "empty.txt"), "empty document (no text)"]]
    kinds = [json.loads(line)["kind"] for line in (out / "part-00000.jsonl").read_text().splitlines()]
    assert kinds[0] == "document" and len(kinds) == summary["records"]


def test_resume_keeps_complete_shards_of_the_same_plan_only(tmp_path):
    files = [InputFile(f"f{i}.txt", f"/x/f{i}.txt", 10) for i in range(4)]
    plan = {"format": "kgload-shards/1", "model": None, "shards": [s.plan() for s in plan_shards(files, 2)]}
    (tmp_path / MANIFEST).write_text(json.dumps(plan))
    for s in plan["shards"]:
        (tmp_path / s["shard"]).write_text("{}\n")
        (tmp_path / s["shard"].replace(".jsonl", ".done.json")).write_text(json.dumps(s))
    (tmp_path / "part-00001.jsonl").unlink()  # killed between its summary and its rename
    (tmp_path / ".part-00001.jsonl.0123abcd.tmp").write_text("half")
    (tmp_path / "part-00007.jsonl").write_text("{}\n")  # of another plan
    (tmp_path / "notes.txt").write_text("the user's")
    assert list(_complete(tmp_path, plan)) == ["part-00000.jsonl"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        MANIFEST, "notes.txt", "part-00000.done.json", "part-00000.jsonl"]
    # another model: nothing is complete
    assert _complete(tmp_path, dict(plan, model="other")) == {}


@pytest.mark.model  # `kgload extract` in a subprocess
def test_single_machine_use_never_imports_dask(tmp_path):
    code = ("import sys; from typer.testing import CliRunner; from loader.cli import app; "
            f"r = CliRunner().invoke(app, ['extract', {str(ROOT / 'examples' / 'venezuela-2019-03-26.txt')!r}, "
            f"'-o', {str(tmp_path / 'r.jsonl')!r}, '--quiet']); "
            "assert r.exit_code == 0, r.output; "
            "assert not [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'fsspec')]")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_without_dask_installed_the_message_says_what_to_install(monkeypatch, tmp_path):
    from loader.scale import extract_on_dask

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(UsageError, match=r"pip install 'kgload\[dask\]'"):
        extract_on_dask([str(ROOT / "examples")], tmp_path / "out", "local:1")


@pytest.mark.model  # the task's summary names the extractor version (the model loads)
def test_a_shard_groups_records_in_any_order_as_extract_and_load_do(tmp_path):
    """Records sorted by kind, documents in one file and their relations and entities in
    another: the shard writes each document's records together, document first (grouping.py,
    the one grouping of extract and load); it rejected every record before."""
    def rows(d):
        doc = f"doc-{d}"
        return [{"kind": "document", "id": doc, "source": f"{d}.txt"},
                {"kind": "entity", "id": f"e{d}", "name": f"E {d}", "type": "Person", "aliases": [], "doc_id": doc},
                {"kind": "relation", "doc_id": doc, "relation": "ACCUSES",
                 "subject": {"id": f"e{d}", "name": f"E {d}", "type": "Person"},
                 "object": {"id": "e9", "name": "E 9", "type": "Person"},
                 "evidence": {"sentence": f"s{d}", "start": 0, "end": 2}}]
    records = [r for d in range(2) for r in rows(d)]
    folder = tmp_path / "in"
    folder.mkdir()
    order = {"relation": 0, "entity": 1}
    (folder / "a-rest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in sorted(
        (r for r in records if r["kind"] != "document"), key=lambda r: order[r["kind"]])), encoding="utf-8")
    (folder / "b-documents.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records if r["kind"] == "document"),
                                              encoding="utf-8")
    files, _ = list_inputs([str(folder)])
    out = tmp_path / "out"
    out.mkdir()
    shard = dict(plan_shards(files)[0].plan(), locations=[f.location for f in files], sizes=[f.size for f in files])
    summary = run_shard(shard, str(out), None, 32)
    assert (summary["documents"], summary["records"], summary["rejected"]) == (2, 6, [])
    written = [json.loads(line) for line in (out / "part-00000.jsonl").read_text().splitlines()]
    assert [(r["kind"], r.get("doc_id", r.get("id"))) for r in written] == [
        ("document", "doc-0"), ("entity", "doc-0"), ("relation", "doc-0"),
        ("document", "doc-1"), ("entity", "doc-1"), ("relation", "doc-1")]
