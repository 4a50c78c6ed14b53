"""Extraction on a Dask cluster: ``kgload extract PATH_OR_URL... -o OUTDIR --dask ADDRESS``.

The client lists the inputs (paths, or fsspec URLs) in the order ``kgload extract`` reads them
and cuts the list into shards of at most ``task_docs`` files and ``task_bytes`` bytes, one Dask
task each: a worker reads the files (a task carries names, not texts), extracts them with its
cached spaCy pipeline, and writes ``OUTDIR/part-NNNNN.jsonl`` under a temporary name, renamed
when complete, after ``part-NNNNN.done.json``; ``manifest.json`` says which inputs went where.
The shards in order hold what one process writes. A re-run skips complete shards (reporting
their rejections again: same exit code), redoes the rest, removes shard files of no shard. Dask
reruns a task whose worker died and retries one that raised. Dask is imported here only.
"""

from __future__ import annotations

import json
import os
import re
import time
import uuid
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import web
from .dask_cluster import dask_client, scheduler, start_resource_tracker
from .errors import InputsRejected, KgloadError, UsageError
from .files import atomic_write
from .item import Rejection
from .listing import JSONL_SUFFIXES, TEXT_SUFFIXES, input_files, web_kind
from .scale_web import list_web, read_web
from .sources import read_file
from .web.read import WebInputs
from .web.urls import is_web_url

TASK_DOCS = 50  # files per task: ~10 s of spaCy for news articles, a few tasks per worker
TASK_BYTES = 8 * 1024 * 1024  # and at most this many bytes (a big JSONL file is a task alone)
RETRIES = 2  # reruns of a task that raised (a worker that died is Dask's allowed-failures)
MANIFEST = "manifest.json"
FORMAT = "kgload-shards/1"
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_SHARD_FILE = re.compile(r"part-\d{5,}\.(jsonl|done\.json)")
_TEMP_FILE = re.compile(r"\.part-\d{5,}\.(jsonl|done\.json)\.[0-9a-f]+\.tmp")


@dataclass(frozen=True)
class InputFile:
    name: str  # what records and messages call it: the path as listed, or the URL
    location: str  # what a worker opens: an absolute path, or an fsspec URL
    size: int
    web: dict | None = field(default=None, compare=False)  # a page, feed or entry to fetch (scale_web)


@dataclass
class Shard:
    number: int
    inputs: list[InputFile]

    @property
    def name(self) -> str:
        return f"part-{self.number:05d}.jsonl"

    def plan(self) -> dict:
        return {"shard": self.name, "bytes": sum(f.size for f in self.inputs),
                "inputs": [f.name for f in self.inputs]}


@dataclass
class ScaleSummary:
    shards: int = 0
    shards_skipped: int = 0  # complete from an earlier run
    documents: int = 0
    records: int = 0
    rejected: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0


# ------------------------------------------------------------------ listing (client)

def list_inputs(paths: Iterable[str], reader: WebInputs | None = None) -> tuple[list[InputFile], list[Rejection]]:
    """Every file the arguments name, in the order ``kgload extract`` reads them (arguments in
    order, a folder's files sorted; a file named twice once), then the articles of the page and
    feed URLs among them and of ``reader``'s ``--urls`` files (``scale_web.list_web``: feeds are
    fetched to list their entries), and the arguments that name none. Of the files, nothing is
    read but folder listings and sizes."""
    files: dict[str, InputFile] = {}
    rejected: list[Rejection] = []
    for raw in paths:
        if raw == "-":
            raise UsageError("--dask: the workers read the inputs, so stdin (-) cannot be one; "
                             "write it to a file")
        if is_web_url(raw):
            continue
        for item in (_list_url(raw) if _URL.match(raw) else _list_local(raw)):
            if isinstance(item, Rejection):
                rejected.append(item)
            else:
                files.setdefault(item.name, item)
    urls = [raw for raw in paths if is_web_url(raw)]
    if urls or (reader is not None and reader.url_files):
        for job in list_web(urls, reader or WebInputs()):
            if isinstance(job, Rejection):
                rejected.append(job)
            else:
                files.setdefault(job[0], InputFile(job[0], job[0], 0, job[1]))
    return list(files.values()), rejected


def _list_local(raw: str) -> Iterator[InputFile | Rejection]:
    for path in input_files(raw):
        if isinstance(path, Rejection):
            yield path
            continue
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # the worker reports why it cannot read it
        yield InputFile(str(path), os.path.abspath(path), size)


def _list_url(raw: str) -> Iterator[InputFile | Rejection]:
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(raw)
    except ImportError as exc:  # e.g. "Install s3fs to access S3"
        raise UsageError(f"{raw}: {exc} (pip install 'kgload[s3]' or 'kgload[gcs]')") from exc
    except ValueError as exc:
        raise UsageError(f"{raw}: {exc}") from exc
    known = TEXT_SUFFIXES | JSONL_SUFFIXES
    try:
        if fs.isdir(root):
            found = sorted((p, info.get("size") or 0) for p, info in fs.find(root, detail=True).items()
                           if info.get("type") == "file" and (Path(p).suffix.lower() in known or web_kind(p)))
            if not found:
                yield Rejection(raw, "directory holds no .txt, .md, .jsonl, .html, feed or WARC files")
            for p, size in found:
                url = fs.unstrip_protocol(p)
                yield InputFile(url, url, int(size))
        elif fs.exists(root):
            yield InputFile(raw, raw, int(fs.info(root).get("size") or 0))
        else:
            yield Rejection(raw, "no such file or directory")
    except OSError as exc:
        yield Rejection(raw, "permission denied" if isinstance(exc, PermissionError)
                        else f"cannot read ({exc.strerror or exc})")


def plan_shards(files: list[InputFile], task_docs: int = TASK_DOCS, task_bytes: int = TASK_BYTES) -> list[Shard]:
    """Consecutive runs of the listed files, each at most ``task_docs`` files and ``task_bytes``
    bytes (a larger file alone): the same inputs always give the same shards."""
    shards: list[Shard] = []
    current: list[InputFile] = []
    size = 0
    for f in files:
        if current and (len(current) >= task_docs or size + f.size > task_bytes):
            shards.append(Shard(len(shards), current))
            current, size = [], 0
        current.append(f)
        size += f.size
    if current:
        shards.append(Shard(len(shards), current))
    return shards


# ------------------------------------------------------------------ one task (worker)

_EXTRACTORS: dict = {}  # per worker process: the spaCy pipeline loads once, on the first task


def _extractor(model: str | None, batch_size: int):
    from .pipeline import LazyExtractor

    key = (model, batch_size)
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = LazyExtractor(model, 1, batch_size)
    return _EXTRACTORS[key]


def _opener(location: str) -> Callable:
    if _URL.match(location):
        import fsspec

        return fsspec.open(location, "rb").open
    return lambda: open(location, "rb")


def _write_atomic(path: str, write: Callable, before_replace: Callable | None = None) -> None:
    """``write(file)`` to a temporary name beside ``path`` (``files.atomic_write``: the hidden
    names ``_TEMP_FILE`` matches), renamed to ``path`` when complete; ``before_replace()`` runs
    once everything is written, before the rename."""
    with atomic_write(path) as out:
        write(out)
        if before_replace is not None:
            out.flush()
            before_replace()


def run_shard(shard: dict, outdir: str, model: str | None, batch_size: int) -> dict:
    """Read, extract and write one shard (on a worker); returns its summary. Running it twice
    (a retry, a duplicate) writes the same files: each is renamed into place only when whole."""
    from .grouping import documents, record_heads
    from .pipeline import extract_records

    start = time.perf_counter()
    extractor = _extractor(model, batch_size)
    summary = {"shard": shard["shard"], "inputs": shard["inputs"], "documents": 0, "records": 0,
               "rejected": [], "notes": []}
    files = list(zip(shard["inputs"], shard["locations"], shard["sizes"], shard.get("web") or [None] * len(shard["inputs"]),
                     strict=True))
    # pages and feed entries, fetched here (scale_web) with the client's options; each article once
    reader = WebInputs(shard.get("fetch"))

    def items():
        for name, location, size, job in files:
            if job is not None:
                yield from reader.once(read_web(job, reader))
            else:
                yield from read_file(name, _opener(location), lambda size=size: size)

    def heads():  # the shard's record files, for grouping records in any order (grouping.documents)
        return record_heads(_opener(location) for name, location, _, job in files
                            if job is None and Path(name).suffix.lower() in JSONL_SUFFIXES)

    def written(records: int) -> None:
        summary["documents"] += 1
        summary["records"] += records

    def write_records(out) -> None:
        extract_records(documents(items, heads), out, extractor, on_note=summary["notes"].append,
                        on_reject=lambda r: summary["rejected"].append([r.input, r.reason]), on_document=written)

    def write_summary() -> None:
        summary["fetched"] = reader.fetch_counts()
        summary["extractor_version"] = extractor.extractor.version
        summary["seconds"] = round(time.perf_counter() - start, 3)
        summary["worker"] = f"{os.uname().nodename}:{os.getpid()}"
        _write_atomic(final[:-len(".jsonl")] + ".done.json", lambda f: json.dump(summary, f, indent=1))

    final = os.path.join(outdir, shard["shard"])
    # the shard appears only whole, and only once its summary is there
    _write_atomic(final, write_records, before_replace=write_summary)
    return summary


# ------------------------------------------------------------------ the job (client)

def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _complete(outdir: Path, plan: dict) -> dict[str, dict]:
    """The shards of ``plan`` an earlier run of the same plan completed (name -> summary);
    removes temporary files and shard files that are not such a shard."""
    old = _read_json(outdir / MANIFEST) or {}
    same_job = old.get("format") == FORMAT and old.get("model") == plan["model"]
    old_shards = {s["shard"]: s for s in old.get("shards", [])} if same_job else {}
    done: dict[str, dict] = {}
    for shard in plan["shards"]:
        summary = _read_json(outdir / (shard["shard"][:-len(".jsonl")] + ".done.json"))
        if old_shards.get(shard["shard"]) == shard and summary is not None \
                and summary.get("inputs") == shard["inputs"] and (outdir / shard["shard"]).is_file():
            done[shard["shard"]] = summary
    _remove(outdir, lambda name: bool(_SHARD_FILE.fullmatch(name)) and name.replace(".done.json", ".jsonl") not in done)
    return done


def _remove(outdir: Path, stale: Callable[[str], bool] = lambda name: False) -> None:
    """Deletes stale shard files and temporary files (of tasks killed while writing)."""
    for path in outdir.iterdir():
        if stale(path.name) or _TEMP_FILE.fullmatch(path.name):
            path.unlink(missing_ok=True)


def extract_on_dask(paths: list[str], outdir: Path | None, address: str, *, model: str | None = None,
                    batch_size: int = 32, task_docs: int = TASK_DOCS, task_bytes: int = TASK_BYTES,
                    quiet: bool = False, log: Callable[[str], None] | None = None) -> ScaleSummary:
    """The whole job: list, plan, skip complete shards, run the rest on Dask, report. Raises
    ``InputsRejected`` (exit 4) when an input was rejected, ``KgloadError`` when shards failed."""
    from .render import message, progress_bar

    say: Callable[[str], None] = log if log is not None else message
    start = time.perf_counter()
    where, local_workers = scheduler(address)
    start_resource_tracker()
    try:
        import distributed  # noqa: F401  (and fsspec, which it needs)
    except ImportError as exc:
        raise UsageError("--dask needs Dask: pip install 'kgload[dask]'") from exc
    if outdir is None:
        raise UsageError("--dask writes shards to a folder: give -o OUTDIR")
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"--output {outdir}: with --dask this is a folder (of shards), not a file")
    outdir.mkdir(parents=True, exist_ok=True)
    reader = web.current()  # this run's fetching options and --urls files (cli_web.configure_web)
    files, rejected = list_inputs(paths, reader)
    shards = plan_shards(files, task_docs, task_bytes)
    plan = {"format": FORMAT, "model": model, "task_docs": task_docs, "task_bytes": task_bytes,
            "shards": [s.plan() for s in shards],
            "rejected": [[r.input, r.reason] for r in rejected]}
    done = _complete(outdir, plan)
    _write_atomic(str(outdir / MANIFEST), lambda f: json.dump(plan, f, indent=1))

    summary = ScaleSummary(shards=len(shards), shards_skipped=len(done))
    for r in rejected:
        summary.rejected.append(str(r))
        say(f"Rejected {r}")
    # each text file is one document (extracted or rejected); JSONL files hold an unknown number
    texts_only = all(Path(f.name).suffix.lower() in TEXT_SUFFIXES for f in files)

    fetched: Counter[str] = Counter()  # by the workers

    def finished(result: dict, progress, task) -> None:
        fetched.update(result.get("fetched", {}))
        summary.documents += result["documents"]
        summary.records += result["records"]
        for note in result.get("notes", []):
            say(f"Note: {note}")
        for where, reason in result.get("rejected", []):
            summary.rejected.append(f"{where}: {reason}")
            say(f"Rejected {where}: {reason}")
        progress.advance(task, len(result["inputs"]) if texts_only else result["documents"])

    todo = [s for s in shards if s.name not in done]
    # connected (or the LocalCluster started) before the progress bar shows
    with (dask_client(where, local_workers) if todo else nullcontext()) as client, \
            progress_bar("Extracting on Dask", quiet) as progress:
        task = progress.add_task("extract", total=len(files) if texts_only else None)
        for result in done.values():
            finished(result, progress, task)
        if todo:
            from distributed import as_completed

            assert client is not None  # a client was opened above since there is work

            token = uuid.uuid4().hex[:8]
            futures = {}
            for s in todo:
                payload = dict(s.plan(), locations=[f.location for f in s.inputs], sizes=[f.size for f in s.inputs],
                               web=[f.web for f in s.inputs], fetch=reader.options)
                future = client.submit(run_shard, payload, os.path.abspath(outdir), model, batch_size,
                                       key=f"kgload-{s.name[:-6]}-{token}", retries=RETRIES, pure=False)
                futures[future] = s
            for future in as_completed(futures):
                try:
                    finished(future.result(), progress, task)
                except KgloadError:  # e.g. no spaCy model on the workers: every task would fail
                    client.cancel(list(futures))
                    raise
                except Exception as exc:  # the others go on; a re-run retries this one
                    summary.failed.append(f"{futures[future].name}: {_failure(exc)}")
                future.release()
            _remove(outdir)  # what tasks whose worker died left
    summary.seconds = time.perf_counter() - start
    fetch_line = reader.summary(fetched)  # the client's fetches (feeds) and the workers'
    if fetch_line and not quiet:
        say(fetch_line)
    if not quiet:
        say(f"Wrote {summary.shards} shard(s) to {outdir} ({summary.shards_skipped} complete from an earlier run): "
            f"{summary.documents} document(s), {summary.records} records, {len(summary.rejected)} input(s) "
            f"rejected, {summary.seconds:.1f} s. Load them with: kgload load {outdir}")
    if summary.failed:
        for line in summary.failed:
            say(f"Failed {line}")
        raise KgloadError(f"{len(summary.failed)} of {summary.shards} shard(s) failed (see the lines above); "
                          "run the same command again to redo them")
    if summary.rejected:
        raise InputsRejected(f"{len(summary.rejected)} input(s) rejected (see the lines above)")
    return summary


def _failure(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, ModuleNotFoundError):
        text += " (the workers need kgload and its model installed: pip install 'kgload[dask]')"
    elif isinstance(exc, OSError) and getattr(exc, "filename", None):
        text += " (the workers must be able to read the inputs and write OUTDIR, e.g. a shared filesystem)"
    return text
