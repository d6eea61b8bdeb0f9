"""Declared reports at any grain (issue 14, item 3): weekly and monthly reports written by hand
with every trap (labels in several spellings, newest first, blank cells, rates as `8,7 %`,
`8.7` and `0.087`, an unknown column, French and English headers, a contradicting published
rate), and the real daily report aggregated to months. Expected values are worked out by hand
in the comments."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from kpi.errors import ImportRefused
from kpi.ingest.importer import import_export
from kpi.ingest.profiles import PROFILES_BY_NAME
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.reconcile import reconciliation

from .conftest import DATA, SHARED

WEEKLY = DATA / "declared_weekly.csv"
MONTHLY = DATA / "declared_monthly.csv"
DAILY = SHARED / "callcenter-daily-kpi-semicolon" / "Call Center Data.csv"


def stored(store, provider: str) -> pd.DataFrame:
    return store.read(
        "SELECT period_local, period_min, offered, answered, abandoned, answer_rate, "
        "abandon_rate, service_level, asa_s FROM declared_reports WHERE provider = ? "
        "ORDER BY period_local", [provider])


def statuses(table: pd.DataFrame, day: date) -> dict[str, str]:
    rows = table[table.period_start == day]
    return dict(zip(rows.kpi, rows.status, strict=True))


# Headers as providers' reports write them, and the declared field each one feeds.
HEADERS = {
    "Calls offered": "offered", "Inbound calls": "offered", "Offered calls": "offered",
    "Appels reçus": "offered", "Appels entrants": "offered",
    "Calls answered": "answered", "Answered calls": "answered", "Calls handled": "answered",
    "Appels décrochés": "answered",
    "Abandoned calls": "abandoned",
    "Abandonment rate": "abandon_rate", "Abandon rate": "abandon_rate",
    "Taux d'abandon": "abandon_rate",
    "Answer rate": "answer_rate", "Taux de décroché": "answer_rate",
    "Average speed of answer (s)": "asa_s", "ASA (s)": "asa_s",
    "Service level": "service_level",
    "Mois": "period_date", "Month": "period_date", "Semaine": "period_date",
    "Week": "period_date", "Période": "period_date", "Period": "period_date",
}


@pytest.mark.parametrize("header", list(HEADERS))
def test_header_aliases_in_french_and_english(header):
    found = PROFILES_BY_NAME["declared"].match_headers(["Calls offered", header])
    assert found[HEADERS[header]] == (0 if HEADERS[header] == "offered" else 1)


def test_a_weekly_report_in_french_newest_first(store):
    report = import_export(store, WEEKLY, provider="Hebdo")
    assert report.profile == "declared" and report.rows_imported == 4
    rows = stored(store, "Hebdo")
    # 2026-W03, S02 2026, W01 2026, Sem. 52 2025: ISO weeks start on Monday; 4 January 2026
    # is a Sunday, so week 1 of 2026 starts on 29 December 2025.
    assert rows.period_local.tolist() == [datetime(2025, 12, 22), datetime(2025, 12, 29),
                                          datetime(2026, 1, 5), datetime(2026, 1, 12)]
    assert rows.period_min.tolist() == [10080] * 4
    # Each week ends where the next one starts.
    ends = [p + timedelta(minutes=int(m)) for p, m in zip(rows.period_local, rows.period_min,
                                                          strict=True)]
    assert ends[:-1] == rows.period_local.tolist()[1:]
    assert rows.offered.tolist() == [80, 120, 150, 200]
    # W01 leaves its abandoned count and abandon rate blank, S02 its service level: unknown,
    # not 0.
    w01, s02 = rows.iloc[1], rows.iloc[2]
    assert pd.isna(w01.abandoned) and pd.isna(w01.abandon_rate)
    assert pd.isna(s02.service_level) and s02.abandoned == 13
    assert store.scalar("SELECT count(*) FROM declared_reports WHERE abandoned = 0") == 0
    # "8,7 %" is 0.087; "91,3 %" 0.913.
    assert s02.abandon_rate == pytest.approx(0.087) and s02.answer_rate == pytest.approx(0.913)
    assert rows.service_level.iloc[3] == pytest.approx(0.855)
    # The report says how each rate column was read, and which column it left out.
    assert ("abandon_rate ('Taux d'abandon') read as percent (with a % sign)"
            in report.notes)
    assert "answer_rate ('Taux de décroché') read as percent (with a % sign)" in report.notes
    assert report.ignored_columns == ["Commentaire"]
    assert "columns ignored (no field of the layout): Commentaire" in report.summary()


def test_a_weekly_reports_reconciliation_equals_a_hand_count(store):
    import_export(store, WEEKLY, provider="Hebdo")
    table = reconciliation(store, "Hebdo")
    # W03 (12 Jan): 200 = 180 + 20; 180/200 = 90 %; 20/200 = 10 %: counts and both rates
    # consistent; no ASA column and no detail to check the service level: no_data.
    expected = {"offered": "consistent", "answered": "consistent",
                "abandoned": "consistent", "answer_rate": "consistent",
                "abandon_rate": "consistent", "service_level": "no_data",
                "asa_s": "no_data"}
    assert statuses(table, date(2026, 1, 12)) == expected
    # S02 (5 Jan): 137/150 = 91.33 % printed 91,3 %; 13/150 = 8.67 % printed 8,7 %: within
    # the report's rounding; its service level is blank.
    assert statuses(table, date(2026, 1, 5)) == expected
    # W01 (29 Dec): abandoned blank, so the counts cannot be checked: all no_data.
    assert set(statuses(table, date(2025, 12, 29)).values()) == {"no_data"}
    # Sem. 52 (22 Dec): 80 = 72 + 8, 90 %, 10 %.
    assert statuses(table, date(2025, 12, 22)) == expected
    counts = table.status.value_counts().to_dict()
    assert counts == {"consistent": 3 * 5, "no_data": 3 * 2 + 7}


def test_a_monthly_report_in_english_with_bare_rates(store):
    report = import_export(store, MONTHLY, provider="Monthly")
    assert report.rows_imported == 5
    rows = stored(store, "Monthly")
    # 12/2023, 2024-01, févr. 2024, mars 2024, Apr 2024 (newest first in the file).
    assert rows.period_local.tolist() == [datetime(2023, 12, 1), datetime(2024, 1, 1),
                                          datetime(2024, 2, 1), datetime(2024, 3, 1),
                                          datetime(2024, 4, 1)]
    # A month's true length: 31, 31, 29 (2024 is a leap year), 31 and 30 days.
    assert rows.period_min.tolist() == [31 * 1440, 31 * 1440, 29 * 1440, 31 * 1440,
                                        30 * 1440]
    # Abandonment rate 8.7, 0.8, 7.7, 3.0 and a blank: one value above 1, so the whole
    # column is in percent points (0.8 is 0.8 %, not 80 %); answer rate 0.913 … 0.95,
    # none above 1: fractions.
    assert rows.abandon_rate.tolist()[1:] == pytest.approx([0.03, 0.077, 0.008, 0.087])
    assert pd.isna(rows.abandon_rate.iloc[0])
    assert rows.answer_rate.tolist() == pytest.approx([0.95, 0.95, 0.9, 0.992, 0.913])
    assert rows.service_level.iloc[0] == pytest.approx(0.799)
    assert pd.isna(rows.service_level.iloc[3]) and pd.isna(rows.asa_s.iloc[0])
    assert ("abandon_rate ('Abandonment rate') read as percent points (bare numbers, some "
            "above 1)") in report.notes
    assert ("answer_rate ('Answer rate') read as fractions (bare numbers, none above 1)"
            in report.notes)
    assert report.ignored_columns == ["Region"]


def test_a_monthly_reports_contradicting_rates(store):
    import_export(store, MONTHLY, provider="Monthly")
    table = reconciliation(store, "Monthly")
    # February: 2000 offered, 1800 answered, 150 abandoned (1800 + 150 ≠ 2000: the three
    # counts contradict one another); its abandon rate 7.7 % is 150 / (1800 + 150) = 7.69 %,
    # not 150 / 2000 = 7.5 %: another definition. Answer rate 1800 / 2000 = 90 %.
    feb = statuses(table, date(2024, 2, 1))
    assert feb == {"offered": "inconsistent", "answered": "inconsistent",
                   "abandoned": "inconsistent", "answer_rate": "consistent",
                   "abandon_rate": "other_definition", "service_level": "no_data",
                   "asa_s": "no_data"}
    # January: 3.0 % where 50 / 1000 = 5 % by either definition: inconsistent.
    assert statuses(table, date(2024, 1, 1))["abandon_rate"] == "inconsistent"
    # March: 0.8 % = 20 / 2500, read as percent points with its column.
    assert statuses(table, date(2024, 3, 1))["abandon_rate"] == "consistent"
    assert statuses(table, date(2023, 12, 1))["abandon_rate"] == "no_data"  # blank
    # By hand over 5 months × 7 KPIs: counts consistent but in February (4 × 3); answer
    # rate always (5); abandon rate in April and March (2); inconsistent: February's three
    # counts and January's abandon rate; service level and ASA never (no detail), nor the
    # blank abandon rate of December.
    counts = table.status.value_counts().to_dict()
    assert counts == {"consistent": 12 + 5 + 2, "inconsistent": 3 + 1,
                      "other_definition": 1, "no_data": 5 * 2 + 1}


def test_weekly_and_monthly_figures_stay_out_of_daily_kpis(store):
    import_export(store, WEEKLY, provider="Hebdo")
    import_export(store, MONTHLY, provider="Monthly")
    # A month is not its first day: the KPI engine reads daily or finer declared rows only.
    k = compute_kpis(store, KpiRequest(("offered", "answered"), "month")).table()
    assert k.empty or k.offered.isna().all()
    path = DATA / "declared_acme.csv"  # a daily report (2 and 3 March 2026: 3 + 2 offered)
    import_export(store, path, provider="Acme")
    k = compute_kpis(store, KpiRequest(("offered",), "year")).table()
    assert k.offered.tolist() == [5]


@pytest.mark.parametrize("label", ["2025-W53", "Q1 2026", "13/2024", "Avrl 2024"])
def test_an_unknown_period_label_is_refused_with_its_place(store, tmp_path, label):
    path = tmp_path / "weekly.csv"
    path.write_text(f"Week,Calls offered,Calls answered\n2026-W02,10,9\n{label},10,8\n",
                    encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_export(store, path, provider="Hebdo")
    problem = refused.value.problems[0]
    # 2025 has 52 ISO weeks; Q1 is a quarter; month 13 and "Avrl" are no months. Rows are
    # the file's lines: the header is line 1, the bad label line 3.
    assert (problem.row, problem.column, problem.value) == (3, "Week", label)
    assert "ISO week (2026-W03" in problem.expected and "Apr 2024" in problem.expected
    assert "weekly.csv" in str(refused.value)
    assert store.scalar("SELECT count(*) FROM declared_reports") == 0


def test_the_real_daily_report_aggregated_to_months(store, tmp_path):
    first = date(2022, 1, 3)
    # The daily file, numbered days from `first`, summed by month with pandas.
    daily = pd.read_csv(DAILY, sep=";")
    daily["day"] = [first + timedelta(days=int(i) - 1) for i in daily["Index"]]
    daily["month"] = [f"{d:%Y-%m}" for d in daily.day]
    months = daily.groupby("month", sort=True)[
        ["Incoming Calls", "Answered Calls", "Abandoned Calls"]].sum()
    french = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
              "oct.", "nov.", "déc."]
    lines = ["Mois;Appels reçus;Appels décrochés;Appels abandonnés;Taux de décroché"]
    for month, row in list(months.iterrows())[::-1]:  # newest first
        year, number = (int(x) for x in month.split("-"))
        rate = f"{100 * row['Answered Calls'] / row['Incoming Calls']:.2f}".replace(".", ",")
        lines.append(f"{french[number - 1]} {year};{row['Incoming Calls']};"
                     f"{row['Answered Calls']};{row['Abandoned Calls']};{rate} %")
    path = tmp_path / "monthly_from_daily.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_export(store, path, provider="Daily")

    # The same sums, independently: the csv module, day numbers to months by hand.
    offered: dict[date, int] = defaultdict(int)
    answered: dict[date, int] = defaultdict(int)
    with open(DAILY, newline="") as f:
        for d in csv.DictReader(f, delimiter=";"):
            day = first + timedelta(days=int(d["Index"]) - 1)
            offered[day.replace(day=1)] += int(d["Incoming Calls"])
            answered[day.replace(day=1)] += int(d["Answered Calls"])
    # 1,251 days from 3 January 2022 end on 6 June 2025: January 2022 to June 2025 is
    # 3 × 12 + 6 = 42 months.
    assert len(offered) == 42 and report.rows_imported == 42
    rows = stored(store, "Daily")
    assert [p.date() for p in rows.period_local] == sorted(offered)
    assert rows.offered.tolist() == [offered[m] for m in sorted(offered)]
    assert rows.answered.tolist() == [answered[m] for m in sorted(answered)]
    assert rows.offered.sum() == sum(offered.values())
    # February 2024 (leap year) lasts 29 days; June 2025 30 days.
    lengths = dict(zip((p.date() for p in rows.period_local), rows.period_min, strict=True))
    assert lengths[date(2024, 2, 1)] == 29 * 1440 and lengths[date(2025, 6, 1)] == 30 * 1440
    # Every day has incoming = answered + abandoned (SOURCE.md), so every month's counts
    # agree, and its answer rate rounded to 0.01 point is within rounding: 4 KPIs × 42
    # months consistent; no service level, ASA or abandon rate column: 3 × 42 no_data.
    counts = reconciliation(store, "Daily").status.value_counts().to_dict()
    assert counts == {"consistent": 4 * 42, "no_data": 3 * 42}
    assert report.notes == ["answer_rate ('Taux de décroché') read as percent "
                            "(with a % sign)"]


def test_a_monthly_report_leaves_the_daily_report_of_the_same_days_in_place(store, tmp_path):
    daily = tmp_path / "daily.csv"
    daily.write_text("Date;Appels offerts;Appels traités;Abandonnés\n"
                     "02/03/2024;100;90;10\n03/03/2024;120;100;20\n", encoding="utf-8")
    first = import_export(store, daily, provider="Acme", profile="declared")
    second = import_export(store, MONTHLY, provider="Acme", profile="declared")
    assert second.replaced_imports == []  # a month of figures is not the same facts as days
    days = store.read("SELECT period_local, offered FROM declared_reports "
                      "WHERE import_id = ? ORDER BY 1", [first.import_id])
    assert days.offered.tolist() == [100, 120]
    # A newer daily report of those days still replaces the older one.
    corrected = tmp_path / "daily_corrected.csv"
    corrected.write_text("Date;Appels offerts;Appels traités;Abandonnés\n"
                         "02/03/2024;100;90;10\n03/03/2024;130;110;20\n", encoding="utf-8")
    third = import_export(store, corrected, provider="Acme", profile="declared")
    assert third.replaced_imports == [first.import_id]
    assert store.read("SELECT offered FROM declared_reports WHERE period_min = 1440 "
                      "ORDER BY period_local").offered.tolist() == [100, 130]
