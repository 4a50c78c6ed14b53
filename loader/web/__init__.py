"""News as it arrives: HTML pages, RSS/Atom feeds, URLs and URL lists, WARC files.

``urls`` (normalising, the safety rule), ``fetch`` (polite, bounded, cached HTTP), ``html``
(a page to a document, trafilatura), ``feeds`` (feedparser), ``warc`` (warcio), ``read`` (all of
them as input items, each article once). ``inputs.read_inputs`` reads through the
``WebInputs`` that ``configure`` set (the command line's options), else one with the defaults.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .fetch import FetchOptions
    from .read import WebInputs

_current: WebInputs | None = None


def configure(options: FetchOptions | None = None, url_files: Iterable[str] = ()) -> WebInputs:
    """Set (and return) the web inputs of this run: fetching options and ``--urls`` files."""
    from .read import WebInputs

    global _current
    _current = WebInputs(options, url_files)
    return _current


def current() -> WebInputs:
    """The web inputs of this run (``configure``d, else the defaults)."""
    global _current
    if _current is None:
        from .read import WebInputs

        _current = WebInputs()
    return _current
