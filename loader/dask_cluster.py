"""The Dask cluster ``kgload extract --dask`` runs on: a scheduler's address, or a LocalCluster
of worker processes here, whose workers a Ctrl-C does not reach (the command prints one line).
Dask is imported here only when a cluster is used."""

from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager

from .errors import KgloadError, UsageError


def scheduler(address: str) -> tuple[str | None, int]:
    """``(scheduler address, 0)``, or ``(None, N)`` for a LocalCluster of N workers: from
    ``tcp://host:8786`` (any Dask address), ``env`` (DASK_SCHEDULER_ADDRESS), ``local[:N]``."""
    local = re.fullmatch(r"local(?::(\d+))?", address)
    if local:
        workers = int(local[1] or os.cpu_count() or 1)
        if workers < 1:
            raise UsageError("--dask local:N needs N >= 1")
        return None, workers
    if address == "env":
        address = os.environ.get("DASK_SCHEDULER_ADDRESS", "")
        if not address:
            raise UsageError("--dask env: DASK_SCHEDULER_ADDRESS is not set")
    if ":" not in address:  # tcp://host:8786, host:8786, ...
        raise UsageError(f"--dask {address}: give a scheduler address (tcp://host:8786), local[:N] or env")
    return address, 0


@contextmanager
def dask_client(address: str | None, local_workers: int = 0):
    """A Client of the scheduler at ``address``, or of a LocalCluster of ``local_workers``
    processes of one thread each; closed (and the LocalCluster stopped) at the end."""
    import dask
    from distributed import Client, LocalCluster

    if address is None:
        # No dashboard, so no use for the workers' profiler (~5% of their CPU); and glibc's own
        # trim threshold: the nanny's 64 KiB one makes spaCy's allocations cost ~4x the system time.
        held = _hold_ctrl_c()
        try:
            with dask.config.set({"distributed.worker.profile.enabled": False,
                                  "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}), \
                    LocalCluster(n_workers=local_workers, threads_per_worker=1, processes=True,
                                 dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, \
                    Client(cluster) as client:
                held.release()  # a Ctrl-C that came meanwhile is raised here, and the cluster closed
                yield client
        finally:
            held.release()
        return
    try:
        client = Client(address, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise KgloadError(f"cannot reach the Dask scheduler at {address} ({exc})") from exc
    with client:  # its workers' own configuration: see the README for the same two settings
        yield client


class _hold_ctrl_c:
    """SIGINT blocked in this thread while a LocalCluster starts: the threads it starts, which
    start the worker processes, inherit the block, and so do the workers (a signal mask survives
    exec), so a Ctrl-C, which a terminal sends to every process of the group, reaches this
    process alone (a worker still importing printed its own traceback, 20 to 60 lines). A
    Ctrl-C while the cluster starts waits until ``release``. multiprocessing's resource tracker
    is started first (``start_resource_tracker``): starting it unblocks SIGINT in the thread
    that does (it would be the cluster's)."""

    def __init__(self):
        import signal
        import threading

        self.blocked = threading.current_thread() is threading.main_thread()
        if self.blocked:
            start_resource_tracker()
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})

    def release(self) -> None:
        import signal

        if self.blocked:
            self.blocked = False
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def start_resource_tracker() -> None:
    """multiprocessing's resource tracker (Dask's semaphores start it, from ``import
    distributed`` on), started here without the warning it prints when this process leaves at a
    Ctrl-C (``os._exit``) holding semaphores: it removes them, silently."""
    import sys
    from multiprocessing import resource_tracker

    saved = list(sys.warnoptions)
    sys.warnoptions.append("ignore:resource_tracker:UserWarning")  # its -W options are this process's
    try:
        resource_tracker.ensure_running()
    finally:
        sys.warnoptions[:] = saved
