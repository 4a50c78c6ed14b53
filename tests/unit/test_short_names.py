"""Which short name (a surname alone) merges into which full name: the Python decision of
loader/short_names.py, with values worked out by hand (the Cypher that moves the nodes is tested
on a real Neo4j in tests/integration/test_short_names.py)."""

from __future__ import annotations

from unittest.mock import MagicMock

import pytest

from loader.short_names import key_rows, merge_short_names, plan, surname_keys


@pytest.mark.parametrize("name, type_, keys", [
    ("Vladimir Putin", "Person", ("putin", None)),
    ("Putin", "Person", (None, "putin")),
    ("George W. Bush", "Person", ("bush", None)),
    ("Martin Luther King Jr.", "Person", ("king", None)),   # a suffix is no surname
    ("Jean-Yves Le Drian", "Person", ("drian", None)),
    ("Nicolás  Maduro", "Person", ("maduro", None)),        # the alias key: accents off
    ("Guaidó", "Person", (None, "guaido")),
    ("O'Brien", "Person", (None, "obrien")),
    ("W.", "Person", (None, None)),                         # an initial alone is no surname
    # particles belong to the surname, and its key is the word they lead to: "Haddad", "al-Haddad"
    # and "Karim al-Haddad" are one person's names (the extractor's rule, names.split_surname)
    ("Karim al-Haddad", "Person", ("haddad", None)),
    ("Al-Haddad", "Person", (None, "haddad")),
    ("Haddad", "Person", (None, "haddad")),
    ("Greta van der Berg", "Person", ("berg", None)),
    ("van der Berg", "Person", (None, "berg")),
    ("Jordan", "Country", (None, None)),                    # only persons have surnames
    ("Biden Administration", "Organization", (None, None)),
    ("", "Person", (None, None)),
    ("x" * 257, "Person", (None, None)),                    # longer than an alias key may be
    ("Jane " + "x" * 256, "Person", ("x" * 256, None)),
])
def test_surname_keys(name, type_, keys):
    assert surname_keys(name, type_) == keys


def test_key_rows_are_the_surnames_a_chunk_brings_once_each():
    rows = [{"id": "vladimir-putin", "type": "Person", "surname": "putin", "bare_surname": None},
            {"id": "putin", "type": "Person", "surname": None, "bare_surname": "putin"},
            {"id": "russia", "type": "Country", "surname": None, "bare_surname": None},
            {"id": "bill-clinton", "type": "Person", "surname": "clinton", "bare_surname": None}]
    assert key_rows(rows) == [{"key": "clinton", "type": "Person"}, {"key": "putin", "type": "Person"}]


def test_one_full_name_takes_the_short_names():
    found = [{"key": "putin", "type": "Person", "fulls": ["vladimir-putin"], "shorts": ["putin"], "merged": []}]
    p = plan(found)
    assert p.merges == [{"short_id": "putin", "full_id": "vladimir-putin"}] and p.splits == []


def test_no_full_name_no_merge():
    assert plan([{"key": "putin", "type": "Person", "fulls": [], "shorts": ["putin"], "merged": []}]).merges == []


def test_two_full_names_no_guess():
    found = [{"key": "clinton", "type": "Person", "fulls": ["hillary-clinton", "bill-clinton"],
              "shorts": ["clinton"], "merged": []}]
    p = plan(found)
    assert p.merges == [] and p.splits == []


def test_a_second_full_name_splits_a_merged_short_name_back():
    found = [{"key": "clinton", "type": "Person", "fulls": ["bill-clinton", "hillary-clinton"],
              "shorts": [], "merged": [{"id": "clinton", "into": "bill-clinton"}]}]
    p = plan(found)
    assert p.splits == [{"short_id": "clinton"}] and p.merges == []


def test_a_merged_short_name_stays_with_its_one_full_name_and_a_new_copy_joins_it():
    found = [{"key": "putin", "type": "Person", "fulls": ["vladimir-putin"], "shorts": ["putin"],
              "merged": [{"id": "putin", "into": "vladimir-putin"}]}]
    p = plan(found)
    assert p.splits == [] and p.merges == [{"short_id": "putin", "full_id": "vladimir-putin"}]


def test_merge_short_names_reads_decides_moves_and_recomputes_the_moved_facts():
    w = MagicMock()
    fact = {"key": "vladimir-putin|ACCUSES|ukraine", "subject_id": "vladimir-putin", "relation": "ACCUSES",
            "object_id": "ukraine"}
    w.rows.side_effect = lambda name, rows: {
        "load/read_short_names": [{"key": "putin", "type": "Person", "fulls": ["vladimir-putin"],
                                   "shorts": ["putin"], "merged": []}],
        "load/merge_short_names": [{"facts": [fact]}],
    }[name]
    merged = merge_short_names(w, [{"id": "putin", "type": "Person", "surname": None, "bare_surname": "putin"}])
    assert merged == ["putin"]
    assert [c.args for c in w.rows.call_args_list] == [
        ("load/read_short_names", [{"key": "putin", "type": "Person"}]),
        ("load/merge_short_names", [{"short_id": "putin", "full_id": "vladimir-putin"}]),
    ]
    assert [c.args for c in w.run.call_args_list] == [
        ("load/refresh_relationships", [fact]), ("load/delete_unsupported_relationships", [fact]),
        ("load/refresh_timelines", [fact])]


def test_a_chunk_without_persons_reads_nothing():
    w = MagicMock()
    assert merge_short_names(w, [{"id": "russia", "type": "Country", "surname": None, "bare_surname": None}]) == []
    assert not w.rows.called and not w.run.called
