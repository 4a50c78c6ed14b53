"""Word lists the extractor's rules use (``loader/data/words.json``), loaded once."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    text = resources.files("loader.data").joinpath("words.json").read_text(encoding="utf-8")
    return {key: frozenset(values) for key, values in json.loads(text).items()}


def words(name: str) -> frozenset[str]:
    return word_lists()[name]
