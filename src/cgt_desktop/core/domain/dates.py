"""Partial dates, stated honestly.

The corpus gives dates to the day (``2019-11-14``), the month (``2019-06``) or
the year (``2013``), sometimes as a range (``2022``–``2024``), sometimes not at
all. A partial date stands for the whole span it could be: ``2019-06`` is
1–30 June 2019. Nothing here ever fills in a day or month a source did not
give; the span is what the timeline draws and what period filters compare.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PRECISIONS = ("day", "month", "year", "range", "unknown")


class DateError(ValueError):
    """A date string that is not a partial ISO date."""


@dataclass(frozen=True)
class DateSpan:
    """The first and last day a partial date could mean, and its precision."""

    start: date
    end: date
    precision: str


def parse_partial(text: str) -> DateSpan:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into the span it covers.

    Raises:
        DateError: when *text* is not such a date or names an impossible day.
    """
    match = _PARTIAL.match(text.strip()) if isinstance(text, str) else None
    if not match:
        raise DateError(f"{text!r} is not a date like 2019, 2019-06 or 2019-06-30")
    year, month, day = match.groups()
    y = int(year)
    try:
        if month is None:
            return DateSpan(date(y, 1, 1), date(y, 12, 31), "year")
        m = int(month)
        if day is None:
            last = calendar.monthrange(y, m)[1]
            return DateSpan(date(y, m, 1), date(y, m, last), "month")
        d = date(y, m, int(day))
        return DateSpan(d, d, "day")
    except ValueError as exc:
        raise DateError(f"{text!r} is not a real date ({exc})") from None


def event_span(start: str | None, end: str | None = None) -> DateSpan | None:
    """Return the span of an event dated *start* (and optionally ending *end*); ``None`` if undated."""
    if not start:
        return None
    first = parse_partial(start)
    if not end:
        return first
    last = parse_partial(end)
    return DateSpan(first.start, max(last.end, first.end), "range")


def precision_of(start: str | None, end: str | None = None) -> str:
    """Return ``day``, ``month``, ``year``, ``range`` or ``unknown`` for a stated date."""
    if not start:
        return "unknown"
    if end:
        return "range"
    return parse_partial(start).precision


#: An event's ``bound``: the date is the latest (``before``) or earliest (``after``) it can be, e.g. "more
#: than five years" ago, counted from the article's date.
BOUNDS = ("before", "after")


def display(start: str | None, end: str | None = None, approximate: bool = False,
            lang: str = "en", bound: str | None = None) -> str:
    """Format a stated date for people: ``Nov 2019``, ``2022–2024``, ``c. 2017``, ``2018 or earlier``, ``unknown``."""
    if not start:
        return "日期不详" if lang == "zh" else "date unknown"
    parts = [_one(start, lang)]
    if end:
        parts.append(_one(end, lang))
    text = "–".join(parts)
    if bound in BOUNDS and not end:  # a bound says more than "c.": the date is a limit, not a guess
        if lang == "zh":
            return f"{text}或更早" if bound == "before" else f"{text}或更晚"
        return f"{text} or earlier" if bound == "before" else f"{text} or later"
    if approximate:
        text = f"约{text}" if lang == "zh" else f"c. {text}"
    return text


def document_when(date_: str | None, approximate: bool = False, lang: str = "en", stated: str = "") -> str:
    """A document's date for a citation: ``c. 15 Nov 2021``; when it has none, what it prints
    (``March 23 (year not stated)``), else ``undated`` (``未注明日期``)."""
    if not date_:
        if lang == "zh" and stated.isascii():  # an English "March 23 (year not stated)" in Chinese text
            return "未注明年份" if stated else "未注明日期"
        return stated or ("未注明日期" if lang == "zh" else "undated")
    try:
        return display(date_, None, approximate, lang)
    except DateError:
        return date_


def _one(value: str, lang: str) -> str:
    span = parse_partial(value)
    d = span.start
    if lang == "zh":
        if span.precision == "year":
            return f"{d.year}年"
        if span.precision == "month":
            return f"{d.year}年{d.month}月"
        return f"{d.year}年{d.month}月{d.day}日"
    if span.precision == "year":
        return str(d.year)
    if span.precision == "month":
        return d.strftime("%b %Y")
    return f"{d.day} {d.strftime('%b %Y')}"
