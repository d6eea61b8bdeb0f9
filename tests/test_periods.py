"""Periods and the clock, worked out by hand: ISO weeks at year ends, quarters and halves,
leap Februaries, the "complete" rules on small real databases, and a frozen clock changing
what today means for kpi/, the pages and the `cockpit` command."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import nullcontext
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from streamlit.testing.v1 import AppTest

from kpi import clock
from kpi.errors import CockpitError
from kpi.i18n import format_date
from kpi.incentives.statement import list_payments, period_bounds, record_payment
from kpi.ingest.importer import import_export
from kpi.periods import (
    DAY,
    HALF,
    KINDS,
    MONTH,
    QUARTER,
    WEEK,
    YEAR,
    InvalidPeriod,
    Period,
    complete,
    covered_months,
    is_complete,
    latest_complete,
    monday,
    month_end,
    parse,
)
from kpi.reports.layout import MONTH as MONTH_UNIT
from kpi.reports.layout import Column, Table
from kpi.reports.production import complete_weeks
from kpi.reports.steering import months_with_data
from kpi.reports.strategic import PERIOD_KINDS, complete_periods
from kpi.store import Store

from .conftest import DEMO_NOW, DEMO_TODAY, ROOT

PROVIDER = "Acme"


# ---- ISO weeks -------------------------------------------------------------------------
# 1 January 2025 was a Wednesday and 2025 has 365 days (52 weeks and a day), so 1 January
# 2026 is a Thursday: the week holding it is 2026-W01, from Monday 29 December 2025, and a
# year that starts on a Thursday has 53 ISO weeks. 2026-W53 runs from Monday 28 December 2026
# to Sunday 3 January 2027. 2020 started on a Wednesday and was a leap year: 53 weeks too;
# 2021 started on a Friday: 52.

def test_2026_has_53_iso_weeks_and_2027_starts_in_its_last_one():
    assert Period.of(date(2026, 1, 1), WEEK) == Period(WEEK, 2026, 1)
    assert parse("2026-W01", WEEK).start == date(2025, 12, 29)
    assert Period.of(date(2025, 12, 29), WEEK).label == "2026-W01"
    assert parse("2026-W03", WEEK).start == date(2026, 1, 12)  # 29 Dec + 14 days
    assert parse("2026-W11", WEEK).start == date(2026, 3, 9)
    w53 = parse("2026-W53", WEEK)
    assert (w53.start, w53.end) == (date(2026, 12, 28), date(2027, 1, 3))
    assert Period.of(date(2027, 1, 1), WEEK) == w53  # a Friday of 2027 in 2026's last week
    assert date(2027, 1, 3) in w53 and date(2027, 1, 4) not in w53
    assert w53.shifted(1) == Period(WEEK, 2027, 1)
    assert w53.shifted(1).start == date(2027, 1, 4)
    assert Period(WEEK, 2026, 1).shifted(-1).label == "2025-W52"


def test_2020_has_a_53rd_week_and_2021_has_none():
    w53 = parse("2020-W53", WEEK)
    assert (w53.start, w53.end) == (date(2020, 12, 28), date(2021, 1, 3))
    assert Period.of(date(2021, 1, 1), WEEK).label == "2020-W53"
    assert Period.of(date(2021, 1, 4), WEEK).label == "2021-W01"
    with pytest.raises(InvalidPeriod, match="ISO week like 2026-W03, found '2021-W53'"):
        parse("2021-W53", WEEK)
    with pytest.raises(InvalidPeriod):
        Period(WEEK, 2021, 53)
    assert monday(date(2021, 1, 3)) == date(2020, 12, 28)  # a Sunday's Monday


# ---- months, quarters, halves, years, days -------------------------------------------

def test_quarters_and_halves_first_and_last_days():
    q = {n: parse(f"2026-Q{n}", QUARTER) for n in range(1, 5)}
    assert [(p.start, p.end) for p in q.values()] == [
        (date(2026, 1, 1), date(2026, 3, 31)), (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 9, 30)), (date(2026, 10, 1), date(2026, 12, 31))]
    h1, h2 = parse("2026-h1", HALF), parse("2026-H2", HALF)
    assert (h1.start, h1.end, h2.start, h2.end) == (
        date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 1), date(2026, 12, 31))
    assert q[1].shifted(-1).label == "2025-Q4" and q[4].shifted(1).label == "2027-Q1"
    assert h1.shifted(-1) == Period(HALF, 2025, 2) and h2.shifted(3).label == "2028-H1"
    assert Period.of(date(2026, 6, 30), HALF) == h1 and Period.of(date(2026, 7, 1), HALF) == h2
    assert Period.of(date(2026, 9, 30), QUARTER).label == "2026-Q3"
    assert q[3].month_starts() == [date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1)]
    # 31 + 28 + 31 days in 2026's first quarter, 31 + 29 + 31 in 2024's.
    assert (q[1].days, parse("2024-Q1").days, h2.days) == (90, 91, 184)


def test_leap_februaries_and_month_arithmetic():
    assert month_end(date(2024, 2, 10)) == date(2024, 2, 29)
    assert month_end(date(2026, 2, 1)) == date(2026, 2, 28)
    assert month_end(date(2000, 2, 1)) == date(2000, 2, 29)  # divisible by 400: leap
    assert month_end(date(2100, 2, 1)) == date(2100, 2, 28)  # by 100 only: not leap
    assert parse("2024-02", MONTH).days == 29
    assert parse("2026-01", MONTH).shifted(-1).label == "2025-12"
    assert parse("2026-03", MONTH).shifted(-12).start == date(2025, 3, 1)
    assert parse("2026-03", MONTH).shifted(-23).start == date(2024, 4, 1)
    year = parse("2024", YEAR)
    assert (year.start, year.end, year.days, year.months) == (
        date(2024, 1, 1), date(2024, 12, 31), 366, 12)
    leap_day = parse("2024-02-29", DAY)
    assert (leap_day.number, leap_day.shifted(1).start) == (60, date(2024, 3, 1))
    assert Period.of(date(2024, 12, 31), DAY).number == 366
    assert Period.of(date(2024, 12, 31), DAY).shifted(1) == Period(DAY, 2025, 1)
    with pytest.raises(InvalidPeriod):
        parse("2026-02-29", DAY)


def test_parse_reads_every_kind_and_names_what_it_expected():
    assert [parse(t).kind for t in ("2026-W03", "2026-01", "2026-Q1", "2026-H1", "2026",
                                    "2026-01-15")] == [WEEK, MONTH, QUARTER, HALF, YEAR, DAY]
    assert set(KINDS) == {DAY, WEEK, MONTH, QUARTER, HALF, YEAR}
    assert parse("2026-w3") == parse(" 2026-W03 ") == Period(WEEK, 2026, 3)
    assert parse("2026-q1") == Period(QUARTER, 2026, 1)
    assert parse("2026-W03-1", DAY).start == date(2026, 1, 12)  # an ISO week date is a day
    assert parse("2026-W03-1") == Period.of(date(2026, 1, 12), DAY)
    for text, kinds, expected in (
            ("March", WEEK, "expected an ISO week like 2026-W03, found 'March'"),
            ("2026-13", MONTH, "expected a month like 2026-01, found '2026-13'"),
            ("2026-Q5", PERIOD_KINDS,
             "expected a quarter like 2026-Q1 or a half like 2026-H1, found '2026-Q5'"),
            ("2026-H1", (MONTH, QUARTER),
             "expected a month like 2026-01 or a quarter like 2026-Q1, found '2026-H1'"),
            ("2026-01", WEEK, "expected an ISO week like 2026-W03, found '2026-01'"),
            ("15/01/2026", DAY, "expected a date as YYYY-MM-DD, found '15/01/2026'")):
        with pytest.raises(InvalidPeriod) as raised:
            parse(text, kinds)
        assert str(raised.value) == expected
    with pytest.raises(InvalidPeriod) as raised:  # a French page reads it in French
        parse("2026-Q5", PERIOD_KINDS)
    assert raised.value.text("fr") == ("attendu : un trimestre comme 2026-Q1 ou un semestre "
                                       "comme 2026-H1, trouvé : '2026-Q5'")
    with pytest.raises(InvalidPeriod) as raised:
        Period(WEEK, 2026, 60)
    assert (str(raised.value), raised.value.text("fr")) == ("2026 has no week 60",
                                                            "2026 n'a pas de semaine 60")
    # One error, both a CockpitError (pages show it) and a ValueError (as parsers raise).
    assert issubclass(InvalidPeriod, CockpitError) and issubclass(InvalidPeriod, ValueError)


def test_a_statement_reads_a_month_or_a_quarter_with_the_same_parser():
    assert period_bounds("2026-02") == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_bounds("2024-q1") == (date(2024, 1, 1), date(2024, 3, 31))
    with pytest.raises(ValueError, match="month like 2026-01 or a quarter like 2026-Q1"):
        period_bounds("2026-H1")


def test_labels_keep_the_strings_people_see():
    march = Period.of(date(2026, 3, 18), MONTH)
    day = Period.of(date(2026, 3, 18), DAY)
    assert (march.label, march.display("en"), march.display("fr")) == (
        "2026-03", "2026-03", "03/2026")
    assert (day.label, day.display("en"), day.display("fr")) == (
        "2026-03-18", "2026-03-18", "18/03/2026")
    week = parse("2026-W03", WEEK)
    assert week.display("fr") == week.label == "2026-W03"
    assert week.span("en") == "2026-W03 (2026-01-12 → 2026-01-18)"
    assert week.span("fr") == "2026-W03 (12/01/2026 → 18/01/2026)"
    assert parse("2026-H2").display("fr") == "2026-H2"
    # The same strings as the tables and packs write them.
    for lang in ("en", "fr"):
        assert day.display(lang) == format_date(date(2026, 3, 18), lang)
        table = Table(None, [Column("m", "m", MONTH_UNIT)])
        assert march.display(lang) == table.cell_text(table.columns[0],
                                                      {"m": date(2026, 3, 1)}, lang)


# ---- "complete" on small real databases ------------------------------------------------

def _contacts(store: Store, tmp_path, days: list[date], name: str = "contacts.csv") -> None:
    """One answered contact at 10:00 on each day, through the real importer."""
    rows = ["contact_id,queue,arrived_at,answered_at,wait_s,talk_s"]
    rows += [f"{name}-{d:%Y%m%d},Billing,{d:%Y-%m-%d} 10:00:00,{d:%Y-%m-%d} 10:00:15,15,200"
             for d in days]
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    import_export(store, path, provider=PROVIDER)


def _days(first: date, last: date) -> list[date]:
    return [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]


def test_a_week_is_complete_once_over_when_its_data_reaches_its_friday(store, tmp_path):
    # W02 of 2026 (5-11 January) Monday to Friday; W03 (12-18 January) stops on Thursday.
    _contacts(store, tmp_path, _days(date(2026, 1, 5), date(2026, 1, 9))
              + _days(date(2026, 1, 12), date(2026, 1, 15)))
    assert complete_weeks(store, PROVIDER, today=date(2026, 1, 11)) == []  # W02's Sunday
    assert complete_weeks(store, PROVIDER, today=date(2026, 1, 12)) == [date(2026, 1, 5)]
    # Years later, the week whose export stopped on a Thursday is still not a week.
    assert complete_weeks(store, PROVIDER, today=date(2031, 2, 12)) == [date(2026, 1, 5)]
    _contacts(store, tmp_path, [date(2026, 1, 16)], "friday.csv")
    assert complete_weeks(store, PROVIDER, today=date(2026, 1, 18)) == [date(2026, 1, 5)]
    assert complete_weeks(store, PROVIDER, today=date(2026, 1, 19)) == [
        date(2026, 1, 5), date(2026, 1, 12)]
    assert complete_weeks(store, "nobody", today=date(2031, 2, 12)) == []


def test_the_week_across_new_year_is_2026_w53(store, tmp_path):
    # Monday 28 December 2026 to Friday 1 January 2027: DuckDB's week is the ISO week.
    _contacts(store, tmp_path, _days(date(2026, 12, 28), date(2027, 1, 1)))
    assert complete_weeks(store, PROVIDER, today=date(2027, 1, 3)) == []
    [w53] = complete_weeks(store, PROVIDER, today=date(2027, 1, 4))
    assert (w53, Period.of(w53, WEEK).label) == (date(2026, 12, 28), "2026-W53")


def test_a_quarter_or_a_half_is_complete_when_its_data_reaches_its_last_three_days(
        store, tmp_path):
    # January to Saturday 27 June 2026: Q1 is covered; Q2 and H1 end on 30 June, and 27 June
    # is 3 days before it: complete once over. A day less and they are not.
    _contacts(store, tmp_path, [date(2026, 1, 5), date(2026, 2, 10), date(2026, 3, 2),
                                date(2026, 5, 4), date(2026, 6, 26)])
    assert complete_periods(store, QUARTER, today=date(2026, 7, 1)) == [
        parse("2026-Q1")]  # the data stop on 26 June: 4 days before Q2's end
    _contacts(store, tmp_path, [date(2026, 6, 27)], "saturday.csv")
    assert complete_periods(store, QUARTER, today=date(2026, 6, 30)) == [parse("2026-Q1")]
    assert complete_periods(store, QUARTER, today=date(2026, 7, 1)) == [
        parse("2026-Q1"), parse("2026-Q2")]
    assert complete_periods(store, HALF, today=date(2026, 7, 1)) == [parse("2026-H1")]
    assert complete_periods(store, HALF, [PROVIDER], today=date(2026, 6, 30)) == []
    assert complete_periods(store, QUARTER, ["nobody"], today=date(2031, 2, 12)) == []


def test_a_month_is_decoded_once_over_whatever_its_data(store, tmp_path):
    _contacts(store, tmp_path, [date(2026, 1, 5), date(2026, 2, 10), date(2026, 3, 18)])
    months = [Period.of(m, MONTH) for m in months_with_data(store, PROVIDER)]
    assert [m.label for m in months] == ["2026-01", "2026-02", "2026-03"]
    assert latest_complete(months, date(2026, 3, 31)).label == "2026-02"
    assert latest_complete(months, date(2026, 4, 1)).label == "2026-03"
    assert latest_complete(months, date(2026, 1, 31)) is None
    assert [m.label for m in complete(months, date(2031, 2, 12))] == [
        "2026-01", "2026-02", "2026-03"]


def test_rules_by_hand_without_a_database():
    week = parse("2026-W03", WEEK)  # 12-18 January, Friday the 16th
    assert not is_complete(week, date(2026, 1, 18), date(2026, 1, 18))  # not over
    assert is_complete(week, date(2026, 1, 19), date(2026, 1, 16))
    assert not is_complete(week, date(2026, 1, 19), date(2026, 1, 15))
    assert not is_complete(week, date(2026, 1, 19), None)  # no data, no week
    q1 = parse("2026-Q1")
    assert is_complete(q1, date(2026, 4, 1), date(2026, 3, 28))
    assert not is_complete(q1, date(2026, 4, 1), date(2026, 3, 27))
    assert is_complete(parse("2026-02"), date(2026, 3, 1))  # a month: over is enough
    # Months covered edge to edge, three days' slack at either end.
    assert covered_months(date(2026, 1, 4), date(2026, 3, 28)) == (
        date(2026, 1, 1), date(2026, 3, 1))
    assert covered_months(date(2026, 1, 5), date(2026, 3, 27)) == (
        date(2026, 2, 1), date(2026, 2, 1))
    assert covered_months(date(2024, 1, 1), date(2024, 2, 26)) == (
        date(2024, 1, 1), date(2024, 2, 1))  # 29 February - 3 days
    assert covered_months(date(2024, 1, 1), date(2024, 2, 25)) == (
        date(2024, 1, 1), date(2024, 1, 1))


# ---- the clock -------------------------------------------------------------------------

@pytest.fixture
def real_clock(monkeypatch):
    """The clock as a process starts: no COCKPIT_TODAY (even when the run freezes it)."""
    monkeypatch.delenv(clock.ENV, raising=False)


def test_frozen_clock_in_process(real_clock, monkeypatch):
    assert clock.frozen_at() is None
    assert abs(clock.now() - datetime.now()).total_seconds() < 5
    with clock.frozen(date(2031, 2, 12)):
        assert clock.today() == date(2031, 2, 12)
        # A day alone: the date is frozen, the time of day runs.
        assert clock.now().date() == date(2031, 2, 12)
        assert clock.now(UTC).tzinfo is UTC and clock.now(UTC).date() == date(2031, 2, 12)
        with clock.frozen("2019-06-30T23:30"):  # the innermost wins
            assert clock.today() == date(2019, 6, 30)
            # A time too: fixed, the same wall time in whatever zone is asked.
            paris = clock.now(ZoneInfo("Europe/Paris"))
            assert paris.replace(tzinfo=None) == datetime(2019, 6, 30, 23, 30)
            assert paris.tzinfo == ZoneInfo("Europe/Paris")
        assert clock.today() == date(2031, 2, 12)
    assert clock.frozen_at() is None
    monkeypatch.setenv(clock.ENV, "2024-12-30")
    assert clock.today() == date(2024, 12, 30)
    with clock.frozen(DEMO_NOW):  # the code's freeze wins over the variable
        assert clock.now() == DEMO_NOW and clock.today() == DEMO_TODAY
    monkeypatch.setenv(clock.ENV, "2026-03-18 14:30")
    assert clock.now() == datetime(2026, 3, 18, 14, 30)
    for bad in ("tomorrow", "18/03/2026", "2026-03-18T14:30+01:00", "20260318"):
        monkeypatch.setenv(clock.ENV, bad)
        with pytest.raises(ValueError, match="COCKPIT_TODAY: expected YYYY-MM-DD"):
            clock.today()
    with pytest.raises(ValueError, match="naive"):
        with clock.frozen(datetime(2026, 3, 18, tzinfo=UTC)):
            pass


def test_kpi_defaults_follow_the_frozen_clock(store, tmp_path, real_clock):
    _contacts(store, tmp_path, _days(date(2026, 1, 5), date(2026, 1, 9)))
    with clock.frozen(date(2026, 1, 11)):
        assert complete_weeks(store, PROVIDER) == []
        assert complete_periods(store, QUARTER) == []
    with clock.frozen(date(2026, 1, 12)):
        assert complete_weeks(store, PROVIDER) == [date(2026, 1, 5)]
    record_payment(store, PROVIDER, "2026-01", 1000.0, due=date(2026, 2, 15))
    with clock.frozen(date(2026, 2, 15)):
        assert list_payments(store).late.tolist() == [False]
    with clock.frozen("2026-02-16T08:00"):
        assert list_payments(store).late.tolist() == [True]


def _selected(demo_db, monkeypatch, page: str, freeze: date | None = None,
              env: str | None = None):
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    if env:
        monkeypatch.setenv(clock.ENV, env)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = "en"
    # AppTest runs the page in a thread of its own: a freeze is process-wide, it sees it.
    with clock.frozen(freeze) if freeze else nullcontext():
        at.run()
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def test_pages_default_to_the_last_complete_period_of_the_frozen_clock(demo_db, monkeypatch,
                                                                       real_clock):
    # The demo's data run to Wednesday 18 March 2026.
    at = _selected(demo_db, monkeypatch, "app_pages/steering_committee.py", DEMO_TODAY)
    assert at.selectbox[1].value == date(2026, 2, 1)  # March is not over
    at = _selected(demo_db, monkeypatch, "app_pages/steering_committee.py", date(2026, 4, 1))
    assert at.selectbox[1].value == date(2026, 3, 1)
    at = _selected(demo_db, monkeypatch, "app_pages/production_committee.py",
                   date(2026, 3, 15))  # the Sunday of W11: the last week is W10
    assert at.selectbox[1].value == date(2026, 3, 2)
    at = _selected(demo_db, monkeypatch, "app_pages/production_committee.py", env="2026-03-18")
    assert at.selectbox[1].value == date(2026, 3, 9)
    at = _selected(demo_db, monkeypatch, "app_pages/incentives.py", env="2026-03-01")
    assert at.selectbox[1].value == "2026-02"
    at = _selected(demo_db, monkeypatch, "app_pages/incentives.py", date(2026, 2, 27))
    assert at.selectbox[1].value == "2026-01"


def test_cockpit_in_a_subprocess_reads_cockpit_today(demo_db):
    def report(today: str):
        env = {**os.environ, clock.ENV: today, "PYTHONPATH": str(ROOT)}
        return subprocess.run(
            [sys.executable, "-m", "kpi.cli", "report", "production", "--provider",
             "Atlantic Relation", "--week", "2026-W11", "--out",
             str(demo_db.parent / "w11.html"), "--db", str(demo_db)],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)

    # W11 ends on Sunday 15 March 2026: on that day it is not complete yet, the next it is.
    early = report("2026-03-15")
    assert early.returncode == 1
    assert "Atlantic Relation has no complete week 2026-W11 of data" in early.stderr
    on_time = report("2026-03-16T09:00")
    assert on_time.returncode == 0, on_time.stderr
    assert (demo_db.parent / "w11.html").exists()
    wrong = report("next monday")
    assert wrong.returncode == 1
    assert "COCKPIT_TODAY: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM" in wrong.stderr
