"""When an event happened: the date a sentence gives it, resolved against the document's
publication date ("on Monday", "last week", "in 2008", "January 23").

``event_date(when, published)`` -> ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"`` (as precise as
the text is), or None. Relative expressions need the publication date; without one only a
date that names its year resolves. Parsing is dateparser's (English only, dates from the past
preferred, as news reports what happened). A weekday alone ("on Wednesday", "Wednesday
night") is the latest such day up to the publication day, that day itself included: news of
Wednesday published on Wednesday tells of that day; "last Wednesday" is the one before.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    rf"^(?:(?:on|this|early|late)\s+)?(?P<last>(?:last|past)\s+)?(?P<day>{'|'.join(_WEEKDAYS)})"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def _parser(base: dt.datetime | None):
    """One parser per publication date (dateparser keeps its settings on the parser)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _base(published: str | None) -> dt.datetime | None:
    if not published:
        return None
    try:
        parts = [int(p) for p in published.split("-")]
        while len(parts) < 3:
            parts.append(1)
        year, month, day = parts[:3]
        return dt.datetime(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def event_date(when: str | None, published: str | None) -> str | None:
    if not when:
        return None
    base = _base(published)
    if base is None and not _YEAR.search(when):
        return None
    weekday = _WEEKDAY.match(" ".join(when.split()))
    if weekday is not None and base is not None:
        return _weekday_date(base, weekday["day"].lower(), bool(weekday["last"])).strftime("%Y-%m-%d")
    try:
        data = _parser(base).get_date_data(when)
    except Exception:  # noqa: BLE001 - a date we cannot read is no date, never an error
        return None
    found = data.date_obj if data else None
    if found is None:
        return None
    period = data.period or "day"
    if period == "year":
        return f"{found.year:04d}"
    if period == "month":
        return f"{found.year:04d}-{found.month:02d}"
    return found.strftime("%Y-%m-%d")


def _weekday_date(published: dt.datetime, day: str, last: bool) -> dt.datetime:
    """The latest ``day`` (a weekday's name) up to ``published``, ``published`` itself included
    unless ``last`` ("last Wednesday" said on a Wednesday is a week before)."""
    back = (published.weekday() - _WEEKDAYS.index(day)) % 7
    if back == 0 and last:
        back = 7
    return published - dt.timedelta(days=back)
