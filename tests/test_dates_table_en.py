"""Table test: English time expressions (written for this project).

Unless the row says otherwise, the article was published on Wednesday 5 April 2017; its week
(Monday..Sunday) is 3..9 April 2017.
"""

from __future__ import annotations

from datetime import date

import pytest
from date_table import check_row

from builder.dates import find_time_expressions

WED = "2017-04-05"
SAT = "2021-02-27"

ROWS: list[tuple[str, str, str, str, str]] = [
    # weekdays
    (WED, "Jets struck the town on Tuesday.", "Tuesday", "2017-04-04", "2017-04-04"),
    (WED, "Jets struck the town on Wednesday.", "Wednesday", "2017-04-05", "2017-04-05"),
    (WED, "Jets struck the town on Thursday.", "Thursday", "2017-03-30", "2017-03-30"),
    (WED, "Jets struck the town on Monday.", "Monday", "2017-04-03", "2017-04-03"),
    (WED, "Jets struck the town on Sunday.", "Sunday", "2017-04-02", "2017-04-02"),
    (WED, "Jets struck the town on Saturday.", "Saturday", "2017-04-01", "2017-04-01"),
    (WED, "Jets struck the town on Friday.", "Friday", "2017-03-31", "2017-03-31"),
    (WED, "Clashes broke out Tuesday night.", "Tuesday night", "2017-04-04", "2017-04-04"),
    (WED, "Clashes broke out Monday morning.", "Monday morning", "2017-04-03", "2017-04-03"),
    (WED, "Clashes broke out late Sunday.", "late Sunday", "2017-04-02", "2017-04-02"),
    (WED, "Clashes broke out early on Monday.", "early on Monday", "2017-04-03", "2017-04-03"),
    (WED, "Clashes broke out Sunday evening.", "Sunday evening", "2017-04-02", "2017-04-02"),
    (WED, "They met last Wednesday.", "last Wednesday", "2017-03-29", "2017-03-29"),
    (WED, "They met last Tuesday.", "last Tuesday", "2017-04-04", "2017-04-04"),
    (WED, "They meet next Monday.", "next Monday", "2017-04-10", "2017-04-10"),
    (WED, "They meet next Wednesday.", "next Wednesday", "2017-04-12", "2017-04-12"),
    (WED, "The minister will visit Ankara on Friday.", "Friday", "2017-04-07", "2017-04-07"),
    (WED, "Talks are due to resume on Monday.", "Monday", "2017-04-10", "2017-04-10"),
    (WED, "Rebels shelled a rally ahead of the April 20 vote.", "April 20", "2017-04-20", "2017-04-20"),
    (WED, "Troops moved in ahead of Sunday's vote.", "Sunday", "2017-04-09", "2017-04-09"),
    (WED, "Ahead of schedule, troops took the town on Monday.", "Monday", "2017-04-03", "2017-04-03"),
    (WED, "The vote is due on April 20.", "April 20", "2017-04-20", "2017-04-20"),
    (SAT, "A convoy was hit on Saturday.", "Saturday", "2021-02-27", "2021-02-27"),
    # relative days
    (WED, "He said yesterday that", "yesterday", "2017-04-04", "2017-04-04"),
    (WED, "He said today that", "today", "2017-04-05", "2017-04-05"),
    (WED, "Explosions were heard last night.", "last night", "2017-04-04", "2017-04-04"),
    (WED, "Explosions were heard this morning.", "this morning", "2017-04-05", "2017-04-05"),
    (WED, "Explosions were heard earlier today.", "earlier today", "2017-04-05", "2017-04-05"),
    (WED, "Talks resume tomorrow.", "tomorrow", "2017-04-06", "2017-04-06"),
    (WED, "Talks resume the day after tomorrow.", "the day after tomorrow", "2017-04-07", "2017-04-07"),
    (WED, "It began the day before yesterday.", "the day before yesterday", "2017-04-03", "2017-04-03"),
    (WED, "Strikes continued overnight.", "overnight", "2017-04-04", "2017-04-04"),
    (WED, "Talks resume tonight.", "tonight", "2017-04-05", "2017-04-05"),
    # counts
    (WED, "He was killed two days ago.", "two days ago", "2017-04-03", "2017-04-03"),
    (WED, "He was killed 3 days ago.", "3 days ago", "2017-04-02", "2017-04-02"),
    (WED, "He was killed a week ago.", "a week ago", "2017-03-29", "2017-03-29"),
    (WED, "He was killed three weeks ago.", "three weeks ago", "2017-03-15", "2017-03-15"),
    (WED, "He was killed a month ago.", "a month ago", "2017-03-05", "2017-03-05"),
    (WED, "He was killed two years ago.", "two years ago", "2015-04-05", "2015-04-05"),
    (WED, "He was killed a few days ago.", "a few days ago", "2017-03-29", "2017-04-03"),
    (WED, "He was killed five months ago.", "five months ago", "2016-11-05", "2016-11-05"),
    # weeks, months, years relative to publication
    (WED, "They met last week.", "last week", "2017-03-27", "2017-04-02"),
    (WED, "They met this week.", "this week", "2017-04-03", "2017-04-09"),
    (WED, "They meet next week.", "next week", "2017-04-10", "2017-04-16"),
    (WED, "They met earlier this week.", "earlier this week", "2017-04-03", "2017-04-04"),
    (WED, "They meet later this week.", "later this week", "2017-04-06", "2017-04-09"),
    (WED, "They met last month.", "last month", "2017-03-01", "2017-03-31"),
    (WED, "They met this month.", "this month", "2017-04-01", "2017-04-30"),
    (WED, "They meet next month.", "next month", "2017-05-01", "2017-05-31"),
    (WED, "They met earlier this month.", "earlier this month", "2017-04-01", "2017-04-04"),
    (WED, "They meet later this month.", "later this month", "2017-04-06", "2017-04-30"),
    (WED, "They met last year.", "last year", "2016-01-01", "2016-12-31"),
    (WED, "They meet next year.", "next year", "2018-01-01", "2018-12-31"),
    (WED, "They met earlier this year.", "earlier this year", "2017-01-01", "2017-04-04"),
    (WED, "They met at the end of last month.", "the end of last month", "2017-03-16", "2017-03-31"),
    (WED, "They met early last month.", "early last month", "2017-03-01", "2017-03-15"),
    (WED, "They met late last year.", "late last year", "2016-07-01", "2016-12-31"),
    (WED, "They met last weekend.", "last weekend", "2017-04-01", "2017-04-02"),
    (WED, "They meet this weekend.", "this weekend", "2017-04-08", "2017-04-09"),
    (WED, "They meet next weekend.", "next weekend", "2017-04-15", "2017-04-16"),
    # weekdays of a named week (Monday..Sunday)
    (WED, "Talks resume next week between Wednesday and Friday.", "next week between Wednesday and Friday",
     "2017-04-12", "2017-04-14"),
    (WED, "Talks resume between Wednesday and Friday next week.", "between Wednesday and Friday next week",
     "2017-04-12", "2017-04-14"),
    (WED, "Fighting raged from Monday to Wednesday last week.", "from Monday to Wednesday last week",
     "2017-03-27", "2017-03-29"),
    (WED, "The strike came on Thursday of last week.", "Thursday of last week", "2017-03-30", "2017-03-30"),
    (WED, "The vote is set for Tuesday next week.", "Tuesday next week", "2017-04-11", "2017-04-11"),
    (WED, "Officials said Monday last week's strike killed five.", "Monday", "2017-04-03", "2017-04-03"),
    # months
    (WED, "They met in May.", "May", "2016-05-01", "2016-05-31"),
    (WED, "They met in March.", "March", "2017-03-01", "2017-03-31"),
    (WED, "They met in May 2015.", "May 2015", "2015-05-01", "2015-05-31"),
    (WED, "They met last May.", "last May", "2016-05-01", "2016-05-31"),
    (WED, "They meet next May.", "next May", "2017-05-01", "2017-05-31"),
    (WED, "They met in early March.", "early March", "2017-03-01", "2017-03-15"),
    (WED, "They met in mid-January.", "mid-January", "2017-01-10", "2017-01-20"),
    (WED, "They met in late December 2016.", "late December 2016", "2016-12-16", "2016-12-31"),
    (WED, "They met in Sept 2016.", "Sept 2016", "2016-09-01", "2016-09-30"),
    (WED, "Officials may meet soon.", "", "", ""),
    # absolute dates
    (WED, "It happened on 3 May 2015.", "3 May 2015", "2015-05-03", "2015-05-03"),
    (WED, "It happened on May 3, 2015.", "May 3, 2015", "2015-05-03", "2015-05-03"),
    (WED, "It happened on May 3.", "May 3", "2016-05-03", "2016-05-03"),
    (WED, "It happened on March 3.", "March 3", "2017-03-03", "2017-03-03"),
    (WED, "It happened on the 3rd of March.", "the 3rd of March", "2017-03-03", "2017-03-03"),
    (WED, "It happened on 12 February 2015.", "12 February 2015", "2015-02-12", "2015-02-12"),
    (WED, "It happened on Sunday, 22 February 2015.", "Sunday, 22 February 2015", "2015-02-22", "2015-02-22"),
    (WED, "It happened on Feb. 22, 2015.", "Feb. 22, 2015", "2015-02-22", "2015-02-22"),
    (WED, "It happened on 2015-02-22.", "2015-02-22", "2015-02-22", "2015-02-22"),
    (WED, "It happened on 22/02/2015.", "22/02/2015", "2015-02-22", "2015-02-22"),
    (WED, "It happened on 06-01-2016.", "06-01-2016", "2016-01-06", "2016-01-06"),
    (WED, "It happened on September 11, 2001.", "September 11, 2001", "2001-09-11", "2001-09-11"),
    # years
    (WED, "Fighting began in 2011.", "2011", "2011-01-01", "2011-12-31"),
    (WED, "Fighting has gone on since 2012.", "2012", "2012-01-01", "2012-12-31"),
    (WED, "Fighting began in early 2014.", "early 2014", "2014-01-01", "2014-06-30"),
    (WED, "Fighting began in mid-2014.", "mid-2014", "2014-04-01", "2014-09-30"),
    (WED, "Some 2000 people fled.", "", "", ""),
    # vague
    (WED, "The town was recently retaken.", "recently", "2017-03-29", "2017-04-04"),
    (WED, "Attacks have increased lately.", "lately", "2017-03-29", "2017-04-04"),
    (WED, "Attacks increased in recent days.", "in recent days", "2017-03-29", "2017-04-04"),
    (WED, "Raids killed 30 over the past 24 hours.", "over the past 24 hours", "2017-04-04", "2017-04-05"),
    (WED, "Raids killed 30 in the last 36 hours.", "in the last 36 hours", "2017-04-03", "2017-04-05"),
    (WED, "Attacks increased in recent weeks.", "in recent weeks", "2017-03-08", "2017-04-04"),
    (WED, "Attacks increased in recent months.", "in recent months", "2017-01-05", "2017-04-04"),
    (WED, "Attacks increased over the past few weeks.", "over the past few weeks", "2017-03-08",
     "2017-04-04"),
    (WED, "Attacks increased over the past week.", "over the past week", "2017-03-29", "2017-04-04"),
    (WED, "Attacks increased during the past ten days.", "during the past ten days", "2017-03-26",
     "2017-04-04"),
    (WED, "Attacks increased in the last three months.", "in the last three months",
     "2017-01-05", "2017-04-04"),
    (WED, "Attacks will increase in the next two weeks.", "in the next two weeks", "2017-04-06",
     "2017-04-19"),
    # ranges
    (WED, "Talks ran between May 3 and 5.", "between May 3 and 5", "2016-05-03", "2016-05-05"),
    (WED, "Talks ran between March 3 and March 5.", "between March 3 and March 5", "2017-03-03",
     "2017-03-05"),
    (WED, "Talks ran from 3 to 5 March.", "from 3 to 5 March", "2017-03-03", "2017-03-05"),
    (WED, "Talks ran from 3 to 5 March 2015.", "from 3 to 5 March 2015", "2015-03-03", "2015-03-05"),
    (WED, "Talks ran 3-5 March.", "3-5 March", "2017-03-03", "2017-03-05"),
    (WED, "Talks ran March 3-5, 2016.", "March 3-5, 2016", "2016-03-03", "2016-03-05"),
    (WED, "Talks ran between 2011 and 2013.", "between 2011 and 2013", "2011-01-01", "2013-12-31"),
    # decades
    (WED, "Built in the 1970s.", "the 1970s", "1970-01-01", "1979-12-31"),
    (WED, "Built in the '90s.", "the '90s", "1990-01-01", "1999-12-31"),
    (WED, "Built in the nineties.", "the nineties", "1990-01-01", "1999-12-31"),
    (WED, "Built in the early 1980s.", "the early 1980s", "1980-01-01", "1983-12-31"),
]


@pytest.mark.parametrize("row", ROWS, ids=[r[1][:40] for r in ROWS])
def test_english_table(row):
    check_row(row, "en")


def test_table_size():
    assert len([r for r in ROWS if r[2]]) >= 80


@pytest.mark.parametrize(("sentence", "future"), [
    ("Talks resume next week between Wednesday and Friday.", True),
    ("The vote is set for Tuesday next week.", True),
    ("The strike came on Thursday of last week.", False),
])
def test_named_week_future(sentence, future):
    found = find_time_expressions(sentence, date.fromisoformat(WED), "en")
    assert len(found) == 1 and found[0].future is future, found
