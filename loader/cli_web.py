"""The options of ``kgload extract`` and ``kgload load`` for web inputs (URLs, feeds, fetching)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .errors import UsageError

UrlsOpt = typer.Option(None, "--urls", metavar="FILE",
                       help="A file of page or feed URLs, one a line (# comments); repeatable.")
OfflineOpt = typer.Option(False, "--offline", help="Fetch nothing: URLs are read from the cache only.")
AllowPrivateOpt = typer.Option(
    False, "--allow-private",
    help="Fetch links (in feeds, redirects) to loopback, private and link-local addresses on other hosts too.")
CacheOpt = typer.Option(None, "--cache", metavar="DIR", help="The HTTP cache (default ~/.cache/kgload/http).")
PerHostOpt = typer.Option(2, "--per-host", min=1, help="At most this many requests to one host at once.")
DelayOpt = typer.Option(1.0, "--delay", min=0.0, help="Seconds between the starts of two requests to one host.")
TimeoutOpt = typer.Option(30.0, "--timeout", min=0.1, help="Seconds to connect, and to receive a whole body.")


def configure_web(paths: Optional[List[str]], urls: Optional[List[Path]], offline: bool, allow_private: bool,
                  cache: Optional[Path], per_host: int, delay: float, timeout: float):
    """This run's web inputs (``web.configure``); a usage error when there is no input at all."""
    from . import web
    from .web.fetch import FetchOptions

    if not paths and not urls:
        raise UsageError("give at least one input: a file, a folder, a URL, - (stdin) or --urls FILE")
    options = FetchOptions(cache_dir=cache, offline=offline, allow_private=allow_private, per_host=per_host,
                           delay=delay, timeout=timeout)
    return web.configure(options, [str(u) for u in urls or []])
