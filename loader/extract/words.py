"""Word lists the extractor's rules use (``loader/data/words.json``), loaded once.

The file's ``_about`` says what the lists that look alike mean (titles, title heads, office words,
ranks); keys starting with ``_`` are notes, not lists."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    text = resources.files("loader.data").joinpath("words.json").read_text(encoding="utf-8")
    return {key: frozenset(values) for key, values in json.loads(text).items() if not key.startswith("_")}


def words(name: str) -> frozenset[str]:
    return word_lists()[name]
