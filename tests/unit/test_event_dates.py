"""Event dates resolved against the publication date (loader/extract/dates.py); values worked
out on a calendar: 2019-03-26 was a Tuesday."""

import pytest

from loader.extract.dates import event_date


@pytest.mark.parametrize(
    "when, published, expected",
    [
        ("January 23", "2019-03-26", "2019-01-23"),
        ("Feb. 4, 2019", "2019-03-26", "2019-02-04"),
        ("on Monday", "2019-03-26", "2019-03-25"),
        ("Sunday", "2019-03-26", "2019-03-24"),
        ("yesterday", "2019-03-26", "2019-03-25"),
        ("last week", "2019-03-26", "2019-03-19"),
        ("March 2019", "2019-03-26", "2019-03"),
        ("last month", "2019-03-26", "2019-02"),
        ("in 2008", "2019-03-26", "2008"),
        ("last year", "2019-03-26", "2018"),
        # a weekday is the last one before publication: 2019-03-27 was a Wednesday
        ("Tuesday", "2019-03-27", "2019-03-26"),
        # without a publication date only a date that names its year resolves
        ("in 2008", None, "2008"),
        ("November 2020", None, "2020-11"),
        ("on Monday", None, None),
        ("last week", None, None),
        # no date at all
        (None, "2019-03-26", None),
        ("", "2019-03-26", None),
        ("the ceasefire deal", "2019-03-26", None),
    ],
)
def test_event_date(when, published, expected):
    assert event_date(when, published) == expected


def test_records_carry_the_event_date(tmp_path):
    from loader.extract import Extractor
    from loader.inputs import SourceDocument
    from loader.records import RelationRecord

    text = "Peru recognized Juan Guaido last week. Chile recognized Juan Guaido."
    doc = SourceDocument(id="d1", text=text, source="d1", published="2019-03-26")
    records = next(iter(Extractor().extract([doc])))
    dates = {r.subject.id: r.properties.get("event_date") for r in records if isinstance(r, RelationRecord)}
    assert dates == {"peru": "2019-03-19", "chile": None}
