"""``prefetched``: a thread reads ahead of the loader, and nothing else changes."""

import subprocess
import sys
import threading
import time
import traceback

import pytest

from loader.errors import InputsRejected
from loader.pipeline import prefetched


def _prefetch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "kgload-prefetch"]


def _wait_until(condition, timeout=5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


@pytest.fixture(autouse=True)
def _no_thread_left():
    yield
    assert _wait_until(lambda: not _prefetch_threads()), "a prefetch thread outlived its test"


def test_items_come_in_order_and_all_of_them():
    assert list(prefetched(range(10_000), depth=7)) == list(range(10_000))
    assert list(prefetched([], depth=1)) == []
    assert list(prefetched(iter("abc"), depth=1)) == ["a", "b", "c"]


def test_the_items_are_produced_in_another_thread():
    def items():
        yield threading.current_thread().name

    assert list(prefetched(items())) == ["kgload-prefetch"]


class Boom(InputsRejected):
    pass


def _failing():
    yield 1
    yield 2
    raise Boom("the third item failed")


def test_an_exception_reaches_the_consumer_with_its_type_and_traceback():
    got = []
    with pytest.raises(Boom, match="the third item failed") as info:
        for item in prefetched(_failing(), depth=1):
            got.append(item)
    assert got == [1, 2]  # the items before the failure arrive first
    assert info.value.exit_code == InputsRejected.exit_code
    frames = [frame.name for frame in traceback.extract_tb(info.value.__traceback__)]
    assert "_failing" in frames  # where it was raised, in the producer thread


def test_a_failure_to_start_iterating_reaches_the_consumer():
    with pytest.raises(TypeError):
        list(prefetched(42))


def test_the_queue_is_bounded():
    produced = []

    def items():
        for i in range(100_000):
            produced.append(i)
            yield i

    stream = prefetched(items(), depth=5)
    assert next(stream) == 0
    # one taken, five waiting in the queue, one more made and waiting for room: no more
    assert _wait_until(lambda: len(produced) == 7)
    time.sleep(0.2)
    assert len(produced) == 7
    assert next(stream) == 1
    assert _wait_until(lambda: len(produced) == 8)
    stream.close()


def test_a_heavy_item_waits_until_the_consumer_has_taken_everything_before_it():
    produced = []

    def items():
        for i in range(100):
            produced.append(i)
            yield i

    # multiples of 10 are heavy
    stream = prefetched(items(), depth=50, is_heavy=lambda i: i % 10 == 0)
    assert next(stream) == 0
    # 1..9 queued, 10 made and held back while 1..9 wait: no more
    assert _wait_until(lambda: len(produced) == 11)
    time.sleep(0.2)
    assert len(produced) == 11
    assert [next(stream) for _ in range(8)] == list(range(1, 9))
    time.sleep(0.2)
    assert len(produced) == 11  # 9 still waits
    assert next(stream) == 9
    # the queue is empty: 10 goes in, then 11..19, and 20 is held back
    assert _wait_until(lambda: len(produced) == 21)
    assert list(stream) == list(range(10, 100))


def test_long_texts_are_heavy_and_records_are_not():
    from loader.item import DocumentBundle, Item, SourceDocument
    from loader.pipeline import PREFETCH_LONG_TEXT_CHARS, is_long_text
    from loader.records import DocumentRecord

    assert is_long_text(Item(text=SourceDocument(id="a", text="x" * (PREFETCH_LONG_TEXT_CHARS + 1), source="a.txt")))
    assert not is_long_text(Item(text=SourceDocument(id="b", text="A short article.", source="b.txt")))
    assert not is_long_text(Item(records=DocumentBundle(DocumentRecord(id="c", source="x" * (PREFETCH_LONG_TEXT_CHARS + 1)))))


@pytest.mark.parametrize("how", ["close", "exception", "interrupt"])
def test_a_consumer_that_stops_early_stops_the_producer(how):
    closed = threading.Event()

    def endless():
        try:
            i = 0
            while True:
                yield i
                i += 1
        finally:
            closed.set()  # the producer closes its input (files, generators)

    stream = prefetched(endless(), depth=3)
    if how == "close":
        assert next(stream) == 0
        stream.close()
    else:
        error = RuntimeError if how == "exception" else KeyboardInterrupt
        with pytest.raises(error):
            for item in stream:
                if item == 10:
                    raise error("stop")
        del stream  # what happens when the consumer's frame goes
    assert closed.wait(5)
    assert _wait_until(lambda: not _prefetch_threads())


def test_a_producer_blocked_on_a_full_queue_stops_too():
    stream = prefetched(iter(range(10**9)), depth=2)
    next(stream)
    time.sleep(0.1)  # the producer now waits for room
    stream.close()
    assert _wait_until(lambda: not _prefetch_threads())


def test_the_process_exits_while_a_producer_is_still_busy():
    code = (
        "import time\n"
        "from loader.pipeline import prefetched\n"
        "def slow():\n"
        "    while True:\n"
        "        time.sleep(0.01)\n"
        "        yield 1\n"
        "stream = prefetched(slow(), depth=2)\n"
        "next(stream)\n"
        "time.sleep(0.2)\n"
        "print('done')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0 and out.stdout == "done\n", out.stderr


def test_depth_must_be_positive():
    with pytest.raises(ValueError):
        next(prefetched([1], depth=0))


# ------------------------------------------------------------------ in `kgload load` (pipeline.load_documents)

class _FakeLoader:
    """Writes as Loader.write does: rejections through on_reject, in order; each prepared
    document is noted in ``events``; the graph holds nothing."""

    def __init__(self, events, on_reject):
        from loader.load import LoadSummary

        self.events = events
        self.on_reject = on_reject
        self.summary = LoadSummary()

    def stored(self, ids):
        return {}

    def write(self, items, on_document=None):
        for item in items:
            if item.rejected is not None:
                self.summary.rejected.append(item.rejected)
                self.on_reject(item.rejected)
            else:
                self.events.append(f"loaded {item.prepared.id}")
        return self.summary


def _load(paths, events, loader=None, documents=None):
    from loader.grouping import read_documents
    from loader.pipeline import LazyExtractor, load_documents

    loader = loader or _FakeLoader(events, on_reject=lambda r: events.append(f"Rejected {r}"))
    return load_documents(documents or read_documents([str(p) for p in paths]), loader, LazyExtractor())


def test_load_reports_rejections_in_input_order(tmp_path):
    import json

    lines = []
    for i in range(600):  # more documents than the prefetch queue holds
        lines.append(json.dumps({"kind": "document", "id": f"d{i}", "source": "s"}))
        if i % 100 == 50:
            lines.append("{broken")
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    events: list[str] = []
    summary = _load([tmp_path / "a.jsonl", tmp_path / "missing.jsonl"], events)
    expected = []
    lineno = 0
    for i in range(600):
        lineno += 1
        expected.append(f"loaded d{i}")
        if i % 100 == 50:
            lineno += 1
            # a bad line is reported in its place: after the document above it
            expected.append(f"Rejected {tmp_path / 'a.jsonl'}:{lineno}: malformed JSON "
                            "(Expecting property name enclosed in double quotes)")
    expected.append(f"Rejected {tmp_path / 'missing.jsonl'}: no such file or directory")
    assert events == expected
    assert len(summary.rejected) == 7


def test_the_load_restores_the_garbage_collector_thresholds(tmp_path):
    import gc

    from loader.pipeline import LOAD_GC_THRESHOLDS

    before = gc.get_threshold()
    seen = []

    class Loader(_FakeLoader):
        def write(self, items, on_document=None):
            seen.append(gc.get_threshold())
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _load([tmp_path], [], loader=Loader([], on_reject=None))
    assert seen == [LOAD_GC_THRESHOLDS] and gc.get_threshold() == before


def test_an_error_while_reading_reaches_the_caller_and_stops_the_reading_thread(tmp_path):
    from loader.errors import UsageError

    def failing_reader():
        yield from ()
        raise UsageError("cannot read the inputs")

    with pytest.raises(UsageError, match="^cannot read the inputs$"):
        _load([tmp_path], [], documents=failing_reader())


# ------------------------------------------------------------------ the CLI's error handling

def _run(command, capsys):
    import typer

    from loader.cli_support import handle_errors

    with pytest.raises(typer.Exit) as info:
        handle_errors(command)()
    return info.value.exit_code, capsys.readouterr().err


@pytest.mark.parametrize("then", [None, "KgloadError", "BufferError"])
def test_ctrl_c_while_loading_is_interrupted_whatever_the_driver_raises_next(capsys, then):
    """A Ctrl-C can land in the Neo4j driver mid-transaction (more often while another thread
    holds the GIL); the rollback may then fail. The user still gets one line and exit 130."""
    from loader.errors import KgloadError

    def load():
        try:
            raise KeyboardInterrupt
        finally:
            if then == "KgloadError":
                raise KgloadError("Neo4j refused the request (Neo.ClientError.Request.Invalid): ...")
            if then == "BufferError":
                raise BufferError("Existing exports of data: object cannot be re-sized")

    assert _run(load, capsys) == (130, "Interrupted.\n")


def test_an_error_raised_while_handling_another_is_still_that_error(capsys):
    from loader.errors import KgloadError

    def load():
        try:
            raise KgloadError("first")
        except KgloadError:
            raise KgloadError("second") from None

    assert _run(load, capsys) == (1, "Error: second\n")


def test_rejected_inputs_and_usage_errors_give_their_exit_codes(capsys):
    from loader.errors import UsageError

    def rejected():
        raise InputsRejected("7 input(s) rejected (see the lines above)")

    def usage():
        raise UsageError("cannot read the inputs")

    assert _run(rejected, capsys) == (4, "Error: 7 input(s) rejected (see the lines above)\n")
    assert _run(usage, capsys) == (2, "Error: cannot read the inputs\n")
