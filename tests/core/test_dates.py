from __future__ import annotations

from datetime import date

import pytest

from cgt_desktop.core.domain.dates import DateError, display, event_span, parse_partial, precision_of


def test_partial_dates_cover_the_whole_span_they_could_mean():
    assert parse_partial("2019-06") == (parse_partial("2019-06"))
    june = parse_partial("2019-06")
    assert (june.start, june.end, june.precision) == (date(2019, 6, 1), date(2019, 6, 30), "month")
    feb = parse_partial("2024-02")
    assert feb.end == date(2024, 2, 29)
    year = parse_partial("2013")
    assert (year.start, year.end, year.precision) == (date(2013, 1, 1), date(2013, 12, 31), "year")
    day = parse_partial("2019-11-14")
    assert day.start == day.end == date(2019, 11, 14)


def test_ranges_and_unknown_dates():
    plan = event_span("2022", "2024")
    assert (plan.start, plan.end, plan.precision) == (date(2022, 1, 1), date(2024, 12, 31), "range")
    assert event_span(None) is None
    assert precision_of(None) == "unknown"
    assert precision_of("2019-02") == "month"


@pytest.mark.parametrize("bad", ["2019-13", "2019-02-30", "19-1-1", "March 23", "", "2019/06"])
def test_malformed_dates_are_rejected(bad):
    with pytest.raises(DateError):
        parse_partial(bad)


def test_display_is_honest_about_precision():
    assert display(None) == "date unknown"
    assert display(None, lang="zh") == "日期不详"
    assert display("2017", approximate=True) == "c. 2017"
    assert display("2019-06", lang="zh") == "2019年6月"
    assert display("2022", "2024") == "2022–2024"
    assert display("2019-11-14") == "14 Nov 2019"
