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


# Issue 20, point 2: a weekday is the latest such day up to the publication day, that day
# included. Worked out on a calendar: 2015-09-28 was a Monday, so the week 2015-09-28 .. 10-04
# runs Monday .. Sunday; published on each of those days, every weekday name resolves to the
# latest such day on or before it.
_WEEK = ["2015-09-28", "2015-09-29", "2015-09-30", "2015-10-01", "2015-10-02", "2015-10-03", "2015-10-04"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_EXPECTED = {
    # published on: {weekday named: date}
    "2015-09-28": ["2015-09-28", "2015-09-22", "2015-09-23", "2015-09-24", "2015-09-25", "2015-09-26", "2015-09-27"],
    "2015-09-29": ["2015-09-28", "2015-09-29", "2015-09-23", "2015-09-24", "2015-09-25", "2015-09-26", "2015-09-27"],
    "2015-09-30": ["2015-09-28", "2015-09-29", "2015-09-30", "2015-09-24", "2015-09-25", "2015-09-26", "2015-09-27"],
    "2015-10-01": ["2015-09-28", "2015-09-29", "2015-09-30", "2015-10-01", "2015-09-25", "2015-09-26", "2015-09-27"],
    "2015-10-02": ["2015-09-28", "2015-09-29", "2015-09-30", "2015-10-01", "2015-10-02", "2015-09-26", "2015-09-27"],
    "2015-10-03": ["2015-09-28", "2015-09-29", "2015-09-30", "2015-10-01", "2015-10-02", "2015-10-03", "2015-09-27"],
    "2015-10-04": ["2015-09-28", "2015-09-29", "2015-09-30", "2015-10-01", "2015-10-02", "2015-10-03", "2015-10-04"],
}


@pytest.mark.parametrize("published", _WEEK)
@pytest.mark.parametrize("day", range(7))
def test_a_weekday_is_the_latest_such_day_up_to_publication(published, day):
    expected = _EXPECTED[published][day]
    assert event_date(f"on {_DAYS[day]}", published) == expected
    assert event_date(_DAYS[day], published) == expected
    assert event_date(f"{_DAYS[day]} night", published) == expected


@pytest.mark.parametrize("published, when, expected", [
    ("2015-09-30", "on Wednesday", "2015-09-30"),       # the issue's example: 2015-09-30 was a Wednesday
    ("2019-09-16", "on Monday", "2019-09-16"),          # and 2019-09-16 a Monday
    ("2015-09-30", "last Wednesday", "2015-09-23"),     # "last" said on that weekday: a week before
    ("2015-09-30", "last Monday", "2015-09-28"),
])
def test_the_issues_weekdays(published, when, expected):
    assert event_date(when, published) == expected
