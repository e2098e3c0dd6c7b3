"""The loose publication-date parser, on stamps as scraped (ECB+ tokenizes "/ : -" apart)."""

import datetime as dt

import pytest

from checker.dates import parse_loose_date

READ = [
    ("2020-02-04 10:00:00", dt.date(2020, 2, 4)),
    ("2019-01-02T03:04:05Z", dt.date(2019, 1, 2)),
    ("Published : April 10, 2007", dt.date(2007, 4, 10)),
    ("Updated 4 / 9 / 2007 6 : 04 PM", dt.date(2007, 4, 9)),
    ("11 / 10 / 11 02 : 39 PM ET", dt.date(2011, 11, 10)),
    ("12 / 16 / 08 1 : 30 AM EST", dt.date(2008, 12, 16)),
    ("Published : 2012.08.08 09 : 01 AM", dt.date(2012, 8, 8)),
    ("POSTED : 05 / 02 / 07, 9 : 00 PM PDT |", dt.date(2007, 5, 2)),
    ("Sunday, November 27 - 2005 at 16 : 12", dt.date(2005, 11, 27)),
    ("Released 2013 - 09 - 28 05 : 08 : 35 GMT", dt.date(2013, 9, 28)),
    ("Posted 2007 - 11 - 12", dt.date(2007, 11, 12)),
    ("published : 2012 - 04 - 04 11 : 47 : 35", dt.date(2012, 4, 4)),
    ("11 / 28 / 05\t\t", dt.date(2005, 11, 28)),
    ("8 / 2 / 13 at 1 : 30 PM", dt.date(2013, 8, 2)),
    ("06 / 06 / 13 07 : 05 PM ET EDT", dt.date(2013, 6, 6)),
    ("Edited on Mon Dec - 19 - 05 03 : 49 PM", dt.date(2005, 12, 19)),
    ("25 / 12 / 98", dt.date(1998, 12, 25)),  # the first number cannot be a month
    # The first date is the publication; a later one is an update.
    ("First Posted : 10 / 25 / 11 06 : 44 PM ET Updated : 12 / 25 / 11 05 : 12 AM ET", dt.date(2011, 10, 25)),
]

REJECTED = [
    "She was 91.",
    "Ellen DeGeneres to host Oscars in 2014",
    "yesterday",
    "APR 28",
    "Mumbai, Nov 11 -",
    "Updated 9 : 06 AM",
    # A two-digit year counts only in a stamp that is nothing but a date.
    "Edited on Mon Dec - 19 - 05 03 : 49 PM He was 77.",
    "02.29.12 4 : 15 PM It can work with x86 and non - x86.",
    "12 / 23 / 12 06 : 03 PM ET EST He also became the 14th player to reach 13, 000 yards",
    "The score was 3.1.12 at half time",
    "5 / 2 / 07 / 3",
    "13 / 13 / 13",
]


@pytest.mark.parametrize(("value", "expected"), READ)
def test_stamps_are_read(value: str, expected: dt.date) -> None:
    assert parse_loose_date(value) == expected


@pytest.mark.parametrize("value", REJECTED)
def test_what_is_not_a_date_stamp_is_rejected(value: str) -> None:
    assert parse_loose_date(value) is None
