"""`kgload extract ... --dask local:N`: the same records and graph as one process, a killed job
resumes, a dead worker's task is rerun, bad inputs are reported and skipped.

The inputs are the development corpus (../shared/corpus/texts, fed as they are, header and all)
and the sample article. Each LocalCluster costs a few seconds to start and each worker ~2 s to
load the model; the job itself ~20 s on 2 cores.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.conftest import SEED_TEXT

from .conftest import ROOT, _free_port, graph_fingerprint, run_kgload

CORPUS_TEXTS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "texts"
# the corpus texts and the sample article; shards of at most 10 files (--task-docs 10)
DOCUMENTS = len(list(CORPUS_TEXTS.glob("*.txt"))) + 1
SHARDS = -(-DOCUMENTS // 10)
INPUTS = [str(CORPUS_TEXTS), str(SEED_TEXT)]


def _records(outdir: Path) -> list[str]:
    return sorted(line for part in sorted(outdir.glob("part-*.jsonl")) for line in part.read_text().splitlines())


def _check_shards(outdir: Path) -> dict:
    """Every shard of the manifest is there once, whole, with its summary; nothing else is."""
    manifest = json.loads((outdir / "manifest.json").read_text())
    names = [s["shard"] for s in manifest["shards"]]
    assert sorted(p.name for p in outdir.glob("part-*.jsonl")) == names
    assert sorted(p.name for p in outdir.glob("part-*.done.json")) == [n.replace(".jsonl", ".done.json") for n in names]
    assert not [p.name for p in outdir.iterdir() if p.name.startswith(".")], "temporary files left"
    inputs = [i for s in manifest["shards"] for i in s["inputs"]]
    assert len(inputs) == len(set(inputs))
    doc_ids = [json.loads(line)["id"] for line in _records(outdir) if '"kind": "document"' in line]
    assert len(doc_ids) == len(set(doc_ids)), "a document in two shards"
    return manifest


@pytest.fixture(scope="module")
def single_file(tmp_path_factory) -> Path:
    """What one process writes (`kgload extract`, no --dask)."""
    out = tmp_path_factory.mktemp("single") / "records.jsonl"
    result = run_kgload(["extract", *INPUTS, "-o", str(out), "--quiet"], dict(os.environ))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def single_records(single_file) -> list[str]:
    return sorted(single_file.read_text().splitlines())


@pytest.fixture(scope="module")
def dask_shards(tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("dask") / "shards"
    result = run_kgload(["extract", *INPUTS, "-o", str(outdir), "--dask", "local:2", "--task-docs", "10"],
                        dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert f"{DOCUMENTS}/{DOCUMENTS} documents" in result.stderr and f"Wrote {SHARDS} shard(s)" in result.stderr
    return outdir


def test_two_dask_workers_give_exactly_the_records_of_one_process(single_file, single_records, dask_shards):
    assert len(single_records) > 500
    assert _records(dask_shards) == single_records
    # in the same order too: the shards, in order, are what one process writes
    assert "".join(p.read_text() for p in sorted(dask_shards.glob("part-*.jsonl"))) == single_file.read_text()
    manifest = _check_shards(dask_shards)
    assert len(manifest["shards"]) == SHARDS and sum(len(s["inputs"]) for s in manifest["shards"]) == DOCUMENTS


def test_the_shards_load_to_the_graph_one_process_gives(single_file, dask_shards, empty_graph, kgload_env):
    loaded = run_kgload(["load", str(single_file), "--quiet"], kgload_env)
    assert loaded.returncode == 0, loaded.stderr
    one_process = graph_fingerprint(empty_graph)
    empty_graph.run_autocommit("load/reset_graph")
    loaded = run_kgload(["load", str(dask_shards)], kgload_env)  # the folder: shards, manifest and summaries
    assert loaded.returncode == 0, loaded.stderr
    assert f"Documents: {DOCUMENTS} loaded" in loaded.stderr
    assert graph_fingerprint(empty_graph) == one_process


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "loader", "extract", *args], cwd=ROOT, env=dict(os.environ),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for_first_shard(outdir: Path, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not list(outdir.glob("part-*.jsonl")):
        assert proc.poll() is None, f"the job ended before it could be interrupted: {proc.stderr.read()}"
        assert time.monotonic() < deadline, "no shard appeared"
        time.sleep(0.05)


def _end_group(proc: subprocess.Popen) -> None:
    """Whatever the test's own process group still runs (nothing, normally)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def test_a_job_killed_halfway_resumes_to_the_same_records(single_records, tmp_path):
    outdir = tmp_path / "shards"
    args = [*INPUTS, "-o", str(outdir), "--dask", "local:2", "--task-docs", "5"]
    proc = _start([*args, "--quiet"])
    try:
        _wait_for_first_shard(outdir, proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        _end_group(proc)
    complete = len(list(outdir.glob("part-*.jsonl")))
    assert 1 <= complete < 11, "the job was not killed halfway"
    rerun = run_kgload(["extract", *args], dict(os.environ))
    assert rerun.returncode == 0, rerun.stderr
    skipped = int(rerun.stderr.split(" complete from an earlier run")[0].rsplit("(", 1)[1])
    assert skipped >= complete
    assert _records(outdir) == single_records
    _check_shards(outdir)
    # and once more: everything is complete, nothing is redone
    again = run_kgload(["extract", *args], dict(os.environ))
    assert again.returncode == 0 and _records(outdir) == single_records


def test_a_dead_worker_has_its_task_rerun(single_records, tmp_path):
    outdir = tmp_path / "shards"
    proc = _start([*INPUTS, "-o", str(outdir), "--dask", "local:2", "--task-docs", "5", "--quiet"])
    try:
        _wait_for_first_shard(outdir, proc)
        workers = [p for p in psutil.Process(proc.pid).children()
                   if any("spawn_main" in part for part in p.cmdline())]
        assert workers, "no worker process found"
        workers[0].kill()
        _, err = proc.communicate(timeout=300)
    finally:
        _end_group(proc)
    assert proc.returncode == 0, err
    assert _records(outdir) == single_records
    _check_shards(outdir)


def test_bad_inputs_are_reported_and_the_rest_is_extracted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("01_voa_russia_defends_recognition.txt", "02_voa_us_recognizes_kosovo.txt"):
        (folder / name).write_bytes((CORPUS_TEXTS / name).read_bytes())
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "bad.jsonl").write_text('{"text": "Peru recognized Guaido."}\n{not json\n')
    inputs = [str(folder), str(tmp_path / "missing.txt")]
    single = run_kgload(["extract", *inputs, "-o", str(tmp_path / "one.jsonl")], dict(os.environ))
    assert single.returncode == 4
    outdir = tmp_path / "shards"
    on_dask = run_kgload(["extract", *inputs, "-o", str(outdir), "--dask", "local:1"], dict(os.environ))
    assert on_dask.returncode == 4, on_dask.stderr
    rejected = sorted(line for line in on_dask.stderr.splitlines() if line.startswith("Rejected "))
    assert rejected == sorted(line for line in single.stderr.splitlines() if line.startswith("Rejected "))
    assert len(rejected) == 4 and any("missing.txt: no such file or directory" in r for r in rejected)
    assert _records(outdir) == sorted((tmp_path / "one.jsonl").read_text().splitlines())
    assert len([r for r in _records(outdir) if '"kind": "document"' in r]) == 3
    assert "Error: 4 input(s) rejected" in on_dask.stderr


# ------------------------------------------------------------------ object storage (s3://)

S3_FILES = ["01_voa_russia_defends_recognition.txt", "02_voa_us_recognizes_kosovo.txt",
            "03_voa_canada_japan_recognize_kosovo.txt"]


@pytest.fixture
def s3_bucket(tmp_path):
    """A local S3 endpoint (moto's server on loopback, a free port) with a bucket ``news`` holding
    three corpus texts under ``in/`` and the sample article under ``in/sample/``: the environment
    a worker needs to read them (endpoint and test credentials), and the same files on disk."""
    import boto3  # the s3 extra and moto: installed by make install (the test extra)
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    env = dict(os.environ, AWS_ENDPOINT_URL=f"http://127.0.0.1:{port}", AWS_ACCESS_KEY_ID="kgload-test",
               AWS_SECRET_ACCESS_KEY="kgload-test", AWS_DEFAULT_REGION="us-east-1")
    env.pop("AWS_PROFILE", None)
    local = tmp_path / "in"
    (local / "sample").mkdir(parents=True)
    s3 = boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"], aws_access_key_id="kgload-test",
                      aws_secret_access_key="kgload-test", region_name="us-east-1")
    s3.create_bucket(Bucket="news")
    for name in S3_FILES:
        data = (CORPUS_TEXTS / name).read_bytes()
        (local / name).write_bytes(data)
        s3.put_object(Bucket="news", Key=f"in/{name}", Body=data)
    sample = SEED_TEXT.read_bytes()
    (local / "sample" / SEED_TEXT.name).write_bytes(sample)
    s3.put_object(Bucket="news", Key=f"in/sample/{SEED_TEXT.name}", Body=sample)
    try:
        yield env, local
    finally:
        server.stop()


def test_inputs_on_s3_are_read_by_the_workers(s3_bucket, tmp_path):
    """An s3:// folder is listed on the client and read on the workers: the records are those of
    the same files read from disk, their sources named by URL; the manifest names the URLs."""
    env, local = s3_bucket
    outdir = tmp_path / "shards"
    result = run_kgload(["extract", "s3://news/in", "-o", str(outdir), "--dask", "local:1", "--task-docs", "2"], env)
    assert result.returncode == 0, result.stderr
    assert "4/4 documents" in result.stderr and "Wrote 2 shard(s)" in result.stderr
    manifest = _check_shards(outdir)
    assert [s["inputs"] for s in manifest["shards"]] == [
        [f"s3://news/in/{S3_FILES[0]}", f"s3://news/in/{S3_FILES[1]}"],
        [f"s3://news/in/{S3_FILES[2]}", f"s3://news/in/sample/{SEED_TEXT.name}"],
    ]
    on_disk = run_kgload(["extract", str(local), "-o", str(tmp_path / "one.jsonl"), "--quiet"], env)
    assert on_disk.returncode == 0, on_disk.stderr
    # a file's id is where it is: file:///...local/NAME on disk, s3://news/in/NAME on S3
    expected = sorted(line.replace(local.resolve().as_uri(), "s3://news/in").replace(json.dumps(str(local))[1:-1], "s3://news/in")
                      for line in (tmp_path / "one.jsonl").read_text().splitlines())
    assert _records(outdir) == expected
    sources = {json.loads(line)["source"] for line in _records(outdir) if '"kind": "document"' in line}
    assert sources == {f"s3://news/in/{n}" for n in S3_FILES} | {f"s3://news/in/sample/{SEED_TEXT.name}"}


def test_a_missing_s3_object_is_reported_and_the_rest_extracted(s3_bucket, tmp_path):
    env, _ = s3_bucket
    outdir = tmp_path / "shards"
    result = run_kgload(["extract", f"s3://news/in/{S3_FILES[0]}", "s3://news/in/absent.txt", "-o", str(outdir),
                         "--dask", "local:1"], env)
    assert result.returncode == 4, result.stderr
    assert "Rejected s3://news/in/absent.txt: no such file or directory" in result.stderr
    assert "1/1 documents" in result.stderr
    assert len([r for r in _records(outdir) if '"kind": "document"' in r]) == 1
