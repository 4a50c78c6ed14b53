"""The one name normaliser and its keys (ids, lookup keys, alias keys), with values worked out by hand."""

import pytest

from loader.names import alias_key, ascii_fold, lookup_key, name_words, slug
from tests.alias_keys import HAND_KEYS


@pytest.mark.parametrize("name, key", [
    ("Juan Guaidó", "juan guaido"),
    ("  JUAN   GUAIDO ", "juan guaido"),
    ("U.S.", "us"),
    ("US", "us"),
    ("Jean-Yves Le Drian", "jean yves le drian"),
    ("Nicolás Maduro's", "nicolas maduros"),
    ("São Tomé and Príncipe", "sao tome and principe"),
    ("", ""),
    ("東京", "東京"),          # every script's letters stay
    ("Øresund", "øresund"),     # a letter without a decomposition stays as it is
    ("ﬁnance", "ﬁnance"),       # no compatibility folding: Cypher's normalize(NFD) keeps the ligature
    ("Juan\u00a0Guaido", "juanguaido"),  # only ASCII white space and '-' separate words, as in Cypher
])
def test_alias_key(name, key):
    assert alias_key(name) == key


@pytest.mark.parametrize("name, key", HAND_KEYS)
def test_alias_key_of_the_names_the_cypher_expression_is_tested_on(name, key):
    """tests/integration/test_queries.py checks the templates' Cypher expression on the same table."""
    assert alias_key(name) == key


@pytest.mark.parametrize("name, id_", [
    ("Juan Guaidó", "juan-guaido"),
    ("Côte d'Ivoire", "cote-divoire"),
    ("Côte d\u2019Ivoire", "cote-divoire"),
    ("United States", "united-states"),
    ("  --Jean-Yves  Le Drian--", "jean-yves-le-drian"),
    ("Øresund", "resund"),  # letters outside a-z after folding separate words, and ends are trimmed
    ("ﬁnance²", "finance2"),  # compatibility forms fold
    ("", ""),
])
def test_slug(name, id_):
    assert slug(name) == id_


@pytest.mark.parametrize("text, key", [
    ("the U.S.", "us"),
    ("U.S.", "us"),
    ("The United States", "united states"),
    ("Russia's", "russia"),
    ("Russia\u2019s", "russia"),
    ("Guaidó", "guaido"),
    ("O'Neil", "o neil"),  # an apostrophe inside separates words (unlike slug)
    ("  Other   words ", "other words"),
    ("theater", "theater"),  # "the" only as a word of its own
])
def test_lookup_key(text, key):
    assert lookup_key(text) == key


def test_the_keys_are_variants_of_one_normaliser():
    assert name_words("Côte d'Ivoire") == ["cote", "d", "ivoire"]
    assert name_words("Côte d'Ivoire", drop="'") == ["cote", "divoire"]
    assert name_words("U.S.-led", compatibility=False, ascii_only=False, separators=" -") == ["us", "led"]
    assert ascii_fold("Guaidó") == "Guaido"
