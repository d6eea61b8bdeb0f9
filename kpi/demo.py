"""Demo data that looks like a real client, generated deterministically and imported through
the same importers as real files.

Three providers, each exporting in its own layout:
- Atlantic Relation: French CSV (';', cp1252, dd/mm/yyyy, decimal comma, French headers);
  its service level slips over the last eight weeks.
- Nordcall: XLSX with title rows above the header, English headers; healthy.
- Sunline BPO: Five9 call logs; its agents rarely key in a contact reason.
Four queues, several sites, 26 complete weeks plus the current week up to today, weekly,
daily and intraday seasonality, agent activity, quality evaluations with monthly
calibration sessions, the client's forecast and today's real-time snapshots.
"""

from __future__ import annotations

import shutil
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import xlsxwriter

from kpi import clock
from kpi.governance.actions import add_note, save_actions
from kpi.governance.feedback import save_feedback
from kpi.governance.targets import import_targets
from kpi.incentives.scheme import Scheme, SchemeLine
from kpi.incentives.statement import record_payment, save_scheme, statement
from kpi.ingest.importer import import_files
from kpi.live.boards import BoardConfig, Scope, save_board
from kpi.quality.grids import import_grid
from kpi.settings import PROVIDER_DEFAULTS
from kpi.store import Store
from kpi.visits.candidates import add_candidate, announce
from kpi.visits.reports import VisitReport, save_visit

WEEKS = 26
QUEUES = ("Facturation", "Support technique", "Ventes", "Réclamations")
QUEUE_SHARE = np.array([0.35, 0.30, 0.20, 0.15])
GRID = "Qualité 2026"
GRID_ITEMS = (("Accueil", 10), ("Découverte du besoin", 20), ("Solution apportée", 30),
              ("Reformulation", 10), ("Conclusion", 10), ("Ton et courtoisie", 20))
# The grid as registered: sections, weights, and a critical yes/no item (legal mentions)
# that zeroes an evaluation when failed.
GRID_SECTIONS = {"Accueil": "Accueil", "Ton et courtoisie": "Accueil",
                 "Découverte du besoin": "Traitement", "Reformulation": "Traitement",
                 "Solution apportée": "Traitement", "Conclusion": "Conclusion",
                 "Mentions obligatoires": "Conclusion"}
CRITICAL_ITEM = ("Mentions obligatoires", 1)
# Share of the day's traffic per hour, 08:00 to 19:00 (two peaks, late morning and
# early afternoon).
HOURLY = np.array([4, 9, 12, 11, 9, 8, 10, 11, 9, 7, 6, 4], dtype=float)
HOURLY /= HOURLY.sum()
WEEKDAY = np.array([1.25, 1.1, 1.0, 1.0, 0.95, 0.45, 0.0])  # Monday … Sunday
# The demo providers' time zone (their exports carry its local times): the one zone the demo
# builder and the demo feed (kpi/live/demo_feed.py) write their floors' clocks in.
DEMO_ZONE = ZoneInfo(str(PROVIDER_DEFAULTS["time_zone"]))


@dataclass(frozen=True)
class DemoProvider:
    name: str
    sites: tuple[str, ...]
    daily_volume: int
    layout: str  # french_csv, xlsx, five9
    trace_share: float  # share of handled contacts with a contact reason
    slipping: bool  # service level degrades over the last weeks
    agents_per_site: int  # sized for an occupancy around 75 %


PROVIDERS = (
    DemoProvider("Atlantic Relation", ("Nantes", "Casablanca"), 420, "french_csv", 0.96, True,
                 3),
    DemoProvider("Nordcall", ("Lille",), 230, "xlsx", 0.97, False, 3),
    DemoProvider("Sunline BPO", ("Dakar", "Tunis"), 330, "five9", 0.55, False, 2),
)


def demo_period(today: date) -> tuple[date, date]:
    """First day (a Monday) and last day (today) of the demo data."""
    this_monday = today - timedelta(days=today.weekday())
    return this_monday - timedelta(weeks=WEEKS), today


def _agents(provider: DemoProvider) -> pd.DataFrame:
    rows = []
    for site in provider.sites:
        for i in range(1, provider.agents_per_site + 1):
            team = f"{site[:3].upper()}-T{(i - 1) % 2 + 1}"
            rows.append((f"{site[:3].upper()}-{i:03d}", site, team))
    return pd.DataFrame(rows, columns=["agent_id", "site", "team"])


def generate_contacts(provider: DemoProvider, start: date, end: date, now: datetime,
                      rng: np.random.Generator) -> pd.DataFrame:
    """One row per contact, canonical columns, local times."""
    agents = _agents(provider)
    days = pd.date_range(start, end, freq="D")
    frames = []
    for day_index, day in enumerate(days):
        weeks_left = (len(days) - day_index) / 7
        expected = provider.daily_volume * WEEKDAY[day.weekday()]
        expected *= 1 + 0.15 * np.sin(2 * np.pi * day.day_of_year / 365)
        n = rng.poisson(expected)
        if n == 0:
            continue
        hour = rng.choice(len(HOURLY), size=n, p=HOURLY) + 8
        seconds = rng.integers(0, 3600, size=n)
        arrived = day + pd.to_timedelta(hour * 3600 + seconds, unit="s")
        keep = arrived <= pd.Timestamp(now)
        n = int(keep.sum())
        if n == 0:
            continue
        arrived = arrived[keep]
        hour = hour[keep]
        # Understaffing: slipping providers wait longer over the last eight weeks, and
        # everyone waits longer in the peaks.
        strain = 1.0 + 0.6 * np.isin(hour, (10, 11, 14, 15))
        if provider.slipping and weeks_left <= 8:
            strain *= 1 + (8 - weeks_left) * 0.35
        wait = rng.exponential(9 * strain, size=n).round()
        patience = rng.exponential(95, size=n)
        answered = wait <= patience
        wait = np.where(answered, wait, np.minimum(wait, patience).round())
        queue = rng.choice(QUEUES, size=n, p=QUEUE_SHARE)
        talk = np.where(answered, rng.lognormal(np.log(260), 0.45, size=n).round(), np.nan)
        hold = np.where(answered & (rng.random(n) < 0.25), rng.exponential(35, n).round(), 0)
        hold = np.where(answered, hold, np.nan)
        acw = np.where(answered, rng.normal(38, 10, n).clip(5).round(), np.nan)
        agent = np.where(answered, rng.choice(agents.agent_id.to_numpy(), size=n), None)
        site = agents.set_index("agent_id").site.reindex(agent).to_numpy()
        site = np.where(answered, site, rng.choice(provider.sites, size=n))
        reasons = np.array(["Facture", "Panne", "Résiliation", "Déménagement", "Offre",
                            "Réclamation", "Information"])
        keyed = answered & (rng.random(n) < provider.trace_share)
        reason = np.where(keyed, rng.choice(reasons, size=n), None)
        is_sale = answered & (queue == "Ventes") & (rng.random(n) < 0.22)
        outcome = np.where(is_sale, "sale",
                           np.where(answered, np.where(rng.random(n) < 0.82, "resolved",
                                                       "callback"), None))
        sale_amount = np.where(is_sale, rng.gamma(3, 40, n).round(2), np.nan)
        customer = np.array([f"K{c:06d}" for c in rng.integers(0, 60_000, size=n)])
        surveyed = answered & (rng.random(n) < 0.2)
        csat = np.where(surveyed, rng.choice([1, 2, 3, 4, 5], size=n,
                                             p=[.05, .07, .13, .35, .40]), np.nan)
        nps = np.where(surveyed & (rng.random(n) < 0.8),
                       rng.choice(np.arange(11), size=n,
                                  p=[.02, .02, .02, .03, .03, .05, .08, .12, .2, .23, .2]),
                       np.nan)
        transferred = answered & (rng.random(n) < 0.07)
        ids = [f"{provider.name[:2].upper()}{day:%y%m%d}{i:05d}" for i in range(n)]
        answered_at = arrived + pd.to_timedelta(np.where(answered, wait, 0), unit="s")
        frames.append(pd.DataFrame({
            "contact_id": ids, "provider": provider.name, "site": site, "queue": queue,
            "channel": "voice", "direction": "inbound", "arrived_at": arrived,
            "answered_at": answered_at.where(answered), "wait_s": wait, "talk_s": talk,
            "hold_s": hold, "acw_s": acw, "agent_id": agent, "transferred": transferred,
            "contact_reason": reason, "outcome": outcome, "sale_amount": sale_amount,
            "customer_id": customer, "csat": csat, "nps": nps,
        }))
    contacts = pd.concat(frames, ignore_index=True)
    handled = contacts.answered_at.notna()
    contacts["ended_at"] = contacts.arrived_at + pd.to_timedelta(contacts.wait_s, unit="s")
    contacts.loc[handled, "ended_at"] = contacts.answered_at[handled] + pd.to_timedelta(
        contacts.talk_s[handled] + contacts.hold_s[handled], unit="s")
    return contacts


def _hms(seconds: pd.Series) -> pd.Series:
    s = seconds.fillna(-1).astype(int)
    text = (s // 3600).map("{:02d}".format) + ":" + (s % 3600 // 60).map("{:02d}".format) \
        + ":" + (s % 60).map("{:02d}".format)
    return text.where(s >= 0, "")


def _week_key(ts: pd.Series) -> pd.Series:
    iso = ts.dt.isocalendar()
    return iso.year.astype(str) + "-W" + iso.week.astype(str).str.zfill(2)


def write_french_csv(contacts: pd.DataFrame, folder: Path) -> list[Path]:
    """Weekly exports as a French ACD writes them."""
    fr = pd.DataFrame({
        "Identifiant": contacts.contact_id,
        "Site": contacts.site,
        "File d'attente": contacts.queue,
        "Canal": contacts.channel,
        "Sens": "entrant",
        "Date/heure arrivée": contacts.arrived_at.dt.strftime("%d/%m/%Y %H:%M:%S"),
        "Date réponse": contacts.answered_at.dt.strftime("%d/%m/%Y %H:%M:%S").fillna(""),
        "Date fin": contacts.ended_at.dt.strftime("%d/%m/%Y %H:%M:%S"),
        "Durée d'attente": _hms(contacts.wait_s),
        "Conversation": _hms(contacts.talk_s),
        "Mise en attente": _hms(contacts.hold_s),
        "Post-appel": _hms(contacts.acw_s),
        "Conseiller": contacts.agent_id.fillna(""),
        "Transféré": np.where(contacts.transferred, "oui", "non"),
        "Motif": contacts.contact_reason.fillna(""),
        "Résultat": contacts.outcome.fillna(""),
        "Montant vente": contacts.sale_amount.map(
            lambda v: "" if pd.isna(v) else f"{v:.2f}".replace(".", ",")),
        "Id client": contacts.customer_id,
        "Satisfaction": contacts.csat.map(lambda v: "" if pd.isna(v) else str(int(v))),
        "NPS": contacts.nps.map(lambda v: "" if pd.isna(v) else str(int(v))),
    })
    paths = []
    for week, part in fr.groupby(_week_key(contacts.arrived_at), sort=True):
        path = folder / f"atlantic_appels_{week}.csv"
        part.to_csv(path, sep=";", index=False, encoding="cp1252", lineterminator="\r\n")
        paths.append(path)
    return paths


def write_xlsx(contacts: pd.DataFrame, folder: Path, provider: str) -> list[Path]:
    """Monthly workbooks with two title rows above the header, as many CRMs export."""
    columns = ["contact_id", "site", "queue", "channel", "arrived_at", "answered_at",
               "ended_at", "wait_s", "talk_s", "hold_s", "acw_s", "agent_id", "transferred",
               "contact_reason", "outcome", "sale_amount", "customer_id", "csat", "nps"]
    paths = []
    for month, part in contacts.groupby(contacts.arrived_at.dt.strftime("%Y-%m"), sort=True):
        path = folder / f"nordcall_contacts_{month}.xlsx"
        # Rows streamed to the file (constant_memory); the properties' date fixed, so the
        # same month writes the same cells and stamps.
        book = xlsxwriter.Workbook(path, {"constant_memory": True})
        book.set_properties({"created": datetime.fromisoformat(f"{month}-01")})
        stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        sheet = book.add_worksheet("Contacts")
        sheet.write_row(0, 0, [f"{provider} — contact detail export"])
        sheet.write_row(1, 0, [f"Month {month}"])
        sheet.write_row(2, 0, columns)
        for row, values in enumerate(part[columns].itertuples(index=False), start=3):
            for col, value in enumerate(values):
                if isinstance(value, str):
                    sheet.write_string(row, col, value)
                elif isinstance(value, (bool, np.bool_)):
                    sheet.write_string(row, col, "yes" if value else "no")
                elif isinstance(value, pd.Timestamp):
                    sheet.write_datetime(row, col, value.to_pydatetime(), stamp)
                elif not pd.isna(value):
                    sheet.write_number(row, col, value)
        book.close()
        paths.append(path)
    return paths


def write_five9(contacts: pd.DataFrame, folder: Path) -> list[Path]:
    five9 = pd.DataFrame({
        "CALL ID": contacts.contact_id,
        "TIMESTAMP": contacts.arrived_at.dt.strftime("%a, %d %b %Y %H:%M:%S"),
        "CAMPAIGN": contacts.queue,
        "AGENT": contacts.agent_id.fillna(""),
        "DISPOSITION": contacts.contact_reason.fillna(""),
        "QUEUE WAIT TIME": _hms(contacts.wait_s),
        "TALK TIME": _hms(contacts.talk_s.fillna(0)),
        "HOLD TIME": _hms(contacts.hold_s.fillna(0)),
        "AFTER CALL WORK TIME": _hms(contacts.acw_s.fillna(0)),
        "TRANSFERS": contacts.transferred.astype(int),
        "ABANDONED": contacts.answered_at.isna().astype(int),
    })
    paths = []
    for week, part in five9.groupby(_week_key(contacts.arrived_at), sort=True):
        path = folder / f"sunline_five9_call_log_{week}.csv"
        part.to_csv(path, index=False)
        paths.append(path)
    return paths


def generate_agent_activity(contacts: pd.DataFrame, provider: DemoProvider,
                            rng: np.random.Generator) -> pd.DataFrame:
    handled = contacts[contacts.answered_at.notna()]
    work = handled.assign(date=handled.arrived_at.dt.date).groupby(
        ["date", "agent_id"], as_index=False)[["talk_s", "hold_s", "acw_s"]].sum()
    agents = _agents(provider)
    work = work.merge(agents, on="agent_id")
    n = len(work)
    scheduled = np.full(n, 7.5 * 3600)
    absent = rng.random(n) < 0.06
    absence = np.where(absent, scheduled, np.where(rng.random(n) < 0.1, 3600, 0))
    logged = scheduled - absence
    pause = np.minimum(rng.normal(2400, 500, n).clip(600), logged * 0.2)
    handle = work.talk_s + work.hold_s + work.acw_s
    available = (logged - pause - handle).clip(lower=0)
    return pd.DataFrame({
        "date": pd.to_datetime(work.date).dt.strftime("%Y-%m-%d"), "agent_id": work.agent_id,
        "site": work.site, "team": work.team, "scheduled_s": scheduled,
        "logged_s": logged, "available_s": available.round(), "talk_s": work.talk_s,
        "hold_s": work.hold_s, "acw_s": work.acw_s, "pause_s": pause.round(),
        "absence_s": absence,
    })


def generate_evaluations(contacts: pd.DataFrame, provider: DemoProvider,
                         rng: np.random.Generator) -> pd.DataFrame:
    """Monthly evaluations (3 per agent) and one calibration session per month; M. Bernard
    starts lenient and converges as the sessions go by, S. Diallo stays harsh."""
    handled = contacts[contacts.answered_at.notna()]
    # The critical item draws from its own generator: the other series stay as they were.
    legal = np.random.default_rng(zlib.crc32(provider.name.encode()))
    miss_legal = 0.12 if provider.trace_share < 0.8 else 0.04
    rows = []
    evaluators = ("Q. Lead", "M. Bernard", "S. Diallo", "L. Martin")
    prefix = provider.name[:2].upper()
    by_month = handled.groupby(handled.arrived_at.dt.strftime("%Y-%m"))
    for month, part in by_month:
        for agent, calls in part.groupby("agent_id"):
            picks = calls.sample(min(3, len(calls)), random_state=int(rng.integers(1 << 30)))
            for call in picks.itertuples():
                skill = rng.normal(0.82, 0.08)
                eid = f"{prefix}-E-{call.contact_id}"
                scorer = None
                for item, max_score in GRID_ITEMS:
                    score = float(np.clip(round(max_score * rng.normal(skill, 0.1)), 0,
                                          max_score))
                    drawn = rng.choice(evaluators[1:])  # one draw per item, as ever
                    scorer = scorer or drawn
                    rows.append((eid, call.answered_at, agent, scorer,
                                 call.contact_id, item, score, max_score, "", False))
                rows.append((eid, call.answered_at, agent, scorer, call.contact_id,
                             CRITICAL_ITEM[0], float(legal.random() >= miss_legal), 1.0, "",
                             False))
        session = f"{prefix}-CAL-{month}"
        sample = part.sample(5, random_state=int(rng.integers(1 << 30)))
        session_index = sorted(by_month.groups).index(month)
        for call in sample.itertuples():
            truth = {item: rng.normal(0.8, 0.1) for item, _ in GRID_ITEMS}
            for evaluator in evaluators:
                bias = {"Q. Lead": 0.0, "M. Bernard": max(0.01, 0.10 - 0.015 * session_index),
                        "S. Diallo": -0.06, "L. Martin": 0.02}[evaluator]
                eid = f"{session}-{call.contact_id}-{evaluator.split()[-1]}"
                for item, max_score in GRID_ITEMS:
                    noise = 0 if evaluator == "Q. Lead" else rng.normal(0, 0.07)
                    score = float(np.clip(round(max_score * (truth[item] + bias + noise)), 0,
                                          max_score))
                    rows.append((eid, call.answered_at, call.agent_id, evaluator,
                                 call.contact_id, item, score, max_score, session,
                                 evaluator == "Q. Lead"))
                rows.append((eid, call.answered_at, call.agent_id, evaluator, call.contact_id,
                             CRITICAL_ITEM[0], 1.0, 1.0, session, evaluator == "Q. Lead"))
    frame = pd.DataFrame(rows, columns=["evaluation_id", "evaluated_at", "agent_id",
                                        "evaluator", "contact_id", "item", "score",
                                        "max_score", "session_id", "is_reference"])
    frame["evaluated_at"] = pd.to_datetime(frame.evaluated_at).dt.strftime("%Y-%m-%d %H:%M:%S")
    frame["grid"] = GRID
    frame["is_reference"] = np.where(frame.is_reference, "yes", "no")
    return frame


def generate_forecast(contacts: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    daily = contacts.groupby([contacts.arrived_at.dt.strftime("%Y-%m-%d"), "queue"]).size()
    daily = daily.reset_index(name="actual").rename(columns={"arrived_at": "date"})
    daily["forecast_offered"] = (daily.actual * rng.normal(1.0, 0.06, len(daily))).round()
    daily["forecast_aht_s"] = 330
    return daily[["date", "queue", "forecast_offered", "forecast_aht_s"]]


def generate_snapshots(contacts: pd.DataFrame, now: datetime,
                       rng: np.random.Generator) -> pd.DataFrame:
    """What the ACD showed every 5 minutes today, per queue, from 08:00 (or since midnight
    before the floor opens: an ACD reports an empty floor too) up to `now`, never after it:
    a demo built at 06:00 shows a quiet board just read, not an 08:00 reading from the future
    and a stale banner."""
    today = contacts[contacts.arrived_at.dt.date == now.date()]
    midnight = datetime.combine(now.date(), datetime.min.time())
    start = midnight + timedelta(hours=8)
    if now < start:
        start = midnight
    times = pd.date_range(start, now, freq="5min")
    rows = []
    for at in times:
        recent = today[(today.arrived_at > at - timedelta(minutes=5)) & (today.arrived_at <= at)]
        for queue in QUEUES:
            q = recent[recent.queue == queue]
            waiting = int(rng.poisson(max(len(q) / 6, 0.2)))
            rows.append((at.strftime("%Y-%m-%d %H:%M:%S"), queue, waiting,
                         int(q.wait_s.max()) if len(q) else 0, int(rng.integers(2, 9)),
                         int(rng.integers(0, 4)), int(rng.integers(0, 3))))
    return pd.DataFrame(rows, columns=["at", "queue", "waiting", "longest_wait_s",
                                       "agents_on_contact", "agents_available",
                                       "agents_paused"])


def generate_declared(contacts: pd.DataFrame) -> pd.DataFrame:
    """The provider's own daily report: its counts, and a service level a few points rosier
    than the detail gives (what the reconciliation is for)."""
    day = contacts.arrived_at.dt.strftime("%Y-%m-%d")
    answered = contacts.answered_at.notna()
    daily = pd.DataFrame({"day": day, "answered": answered,
                          "in_sl": answered & (contacts.wait_s <= 20),
                          "wait": contacts.wait_s.where(answered)}).groupby("day")
    report = pd.DataFrame({
        "Date": daily.size().index,
        "Offered": daily.size().values,
        "Answered": daily.answered.sum().values,
        "Service level": (daily.in_sl.sum() / daily.size() + 0.04).clip(upper=1).values,
        "ASA": daily.wait.mean().round().values,
    })
    report["Abandoned"] = report.Offered - report.Answered
    report["Service level"] = report["Service level"].map(lambda v: f"{v:.2%}")
    return report


def providers_now() -> datetime:
    """The wall clock on the demo providers' floors (DEMO_ZONE), whatever the time zone of
    the machine building the demo: written in the machine's clock, a UTC server's "now" reads
    an hour or two old, and the wallboard opens stale. It is kpi.clock's: a frozen clock
    builds the demo on its day."""
    return clock.now(DEMO_ZONE).replace(tzinfo=None, microsecond=0)


def write_demo_exports(folder: Path, today: date | None = None,
                       now: datetime | None = None) -> dict[str, list[Path]]:
    """Write every demo export file; returns provider -> files (in import order)."""
    now = now or providers_now()
    today = today or now.date()
    if now.date() != today:
        now = datetime.combine(today, datetime.min.time()) + timedelta(hours=23, minutes=59)
    start, end = demo_period(today)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, list[Path]] = {}
    for index, provider in enumerate(PROVIDERS):
        rng = np.random.default_rng(20260101 + index)
        contacts = generate_contacts(provider, start, end, now, rng)
        if provider.layout == "french_csv":
            paths = write_french_csv(contacts, folder)
        elif provider.layout == "xlsx":
            paths = write_xlsx(contacts, folder, provider.name)
        else:
            paths = write_five9(contacts, folder)
        slug = provider.name.split()[0].lower()
        activity = folder / f"{slug}_agent_activity.csv"
        generate_agent_activity(contacts, provider, rng).to_csv(activity, index=False)
        evaluations = folder / f"{slug}_quality_evaluations.csv"
        generate_evaluations(contacts, provider, rng).to_csv(evaluations, index=False)
        forecast = folder / f"{slug}_forecast.csv"
        generate_forecast(contacts, rng).to_csv(forecast, index=False)
        snapshots = folder / f"{slug}_realtime_{today:%Y%m%d}.csv"
        generate_snapshots(contacts, now, rng).to_csv(snapshots, index=False)
        files[provider.name] = [*paths, activity, evaluations, forecast, snapshots]
        if provider.layout == "five9":
            declared = folder / f"{slug}_declared_daily.csv"
            generate_declared(contacts).to_csv(declared, index=False)
            files[provider.name].append(declared)
    return files


def write_demo_grid(folder: Path, start: date) -> Path:
    """The client's quality grid, in force from the start of the demo period."""
    weights = {"Mentions obligatoires": 0}  # critical: it zeroes, it does not add
    rows = [{"grid": GRID, "section": GRID_SECTIONS[item], "item": item,
             "max_score": maximum, "weight": weights.get(item, maximum),
             "critical": "yes" if (item, maximum) == CRITICAL_ITEM else "no",
             "valid_from": start.isoformat()}
            for item, maximum in (*GRID_ITEMS, CRITICAL_ITEM)]
    path = folder / "quality_grid.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def write_demo_targets(folder: Path, start: date) -> Path:
    """The client's SMART targets for each provider, from the start of the demo period."""
    rows = []
    for provider in PROVIDERS:
        for kpi, value, priority, why in (
            ("service_level", 0.8, 1, "Contract: 80 % answered within 20 s"),
            ("answer_rate", 0.9, 1, "Nine calls in ten answered"),
            ("traceability_rate", 0.9, 1, "Know why customers call"),
            ("asa_s", 20, 2, "Customers do not wait"),
            ("quality_score", 0.8, 2, "Calls scored good on the grid"),
        ):
            rows.append({"kpi": kpi, "provider": provider.name, "value": value,
                         "start": start + timedelta(weeks=8), "deadline": start +
                         timedelta(weeks=WEEKS + 8), "priority": priority, "owner": "Pilot",
                         "rationale": why})
    path = folder / "targets.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def write_demo_incentives(store: Store, start: date, today: date) -> None:
    """Each provider's incentive scheme from the start of the demo, and the payments of the
    months before: Sunline BPO paid late once, the last month not paid yet."""
    first = (start.replace(day=1) + timedelta(days=32)).replace(day=1)
    for provider, fee in zip(PROVIDERS, (180_000, 95_000, 140_000), strict=True):
        save_scheme(store, Scheme(
            provider.name, first, fee, at_risk_share=0.10, bonus_cap=0.06, malus_cap=0.08,
            quality_gate=0.75, volume_band=0.15, lines=[
                SchemeLine("service_level", 3, 0.80, 0.70, 0.90),
                SchemeLine("answer_rate", 1, 0.90, 0.85, 0.95),
                SchemeLine("traceability_rate", 1, 0.90, 0.80, 0.98),
                SchemeLine("quality_score", 1, 0.80, 0.70, 0.90)]))
    months = pd.date_range(first, today.replace(day=1), freq="MS")[:-1]
    for provider in PROVIDERS:
        for index, month in enumerate(months):
            period = f"{month:%Y-%m}"
            due = (month + pd.DateOffset(months=1, days=14)).date()
            last = index == len(months) - 1
            paid = None if last else due + timedelta(
                days=12 if provider.name == "Sunline BPO" and index == 1 else -3)
            amount = statement(store, provider.name, period).settlement.amount
            record_payment(store, provider.name, period, round(amount, 2), due, paid)


def write_demo_governance(store: Store, today: date) -> None:
    """What a pilot would have logged: the providers' alerts and recommendations, and an
    action plan with one overdue action."""
    last_week = today - timedelta(days=today.weekday() + 7)
    save_feedback(store, pd.DataFrame([
        {"provider": "Atlantic Relation", "received_on": last_week + timedelta(days=1),
         "kind": "alert", "text": "Absentéisme élevé à Nantes (épidémie de grippe)",
         "answer": None, "status": "open"},
        {"provider": "Atlantic Relation", "received_on": last_week + timedelta(days=3),
         "kind": "recommendation",
         "text": "Ouvrir le rappel automatique aux heures de pointe (10h–12h)",
         "answer": "À étudier au comité de pilotage", "status": "answered"},
        {"provider": "Sunline BPO", "received_on": last_week + timedelta(days=2),
         "kind": "customer insight",
         "text": "Many customers call about the new invoice layout",
         "answer": None, "status": "open"},
    ]))
    save_actions(store, pd.DataFrame([
        {"provider": "Atlantic Relation", "title": "Renforcer le planning sur les pics 10h–12h",
         "owner": "Site manager Nantes", "owner_side": "provider",
         "due": last_week + timedelta(days=4), "status": "in progress",
         "kpi": "service_level", "origin": "production", "created_on": last_week - timedelta(
             weeks=3)},
        {"provider": "Atlantic Relation", "title": "Partager la prévision mensuelle J-15",
         "owner": "Pilot", "owner_side": "client", "due": today + timedelta(days=10),
         "status": "open", "kpi": "forecast_accuracy", "origin": "steering",
         "created_on": last_week - timedelta(weeks=1)},
        {"provider": "Sunline BPO", "title": "Rendre la saisie du motif obligatoire",
         "owner": "Team leaders", "owner_side": "provider", "due": last_week + timedelta(
             days=6), "status": "open", "kpi": "traceability_rate", "origin": "steering",
         "created_on": last_week - timedelta(weeks=4)},
    ]), today=today)
    add_note(store, 1, "Deux conseillers ajoutés le lundi", last_week)


def build_demo(db_path: str | Path, *, force: bool = False, today: date | None = None,
               now: datetime | None = None,
               on_progress: Callable[[float, str], None] | None = None) -> bool:
    """Build the demo database at db_path; False when it exists and force is not set."""
    db_path = Path(db_path)
    if db_path.exists() and not force:
        return False
    progress = on_progress or (lambda _f, _l: None)
    today = today or providers_now().date()
    progress(0.0, "generating demo exports")
    for suffix in ("", ".wal"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    exports = db_path.parent / "demo_exports"
    shutil.rmtree(exports, ignore_errors=True)
    files = write_demo_exports(exports, today=today, now=now)
    targets = write_demo_targets(exports, demo_period(today)[0])
    grid = write_demo_grid(exports, demo_period(today)[0])
    with Store(db_path) as store:
        import_grid(store, grid)
        import_targets(store, targets)
        write_demo_governance(store, today)
        for i, (provider, paths) in enumerate(files.items()):
            def step(fraction: float, label: str, i=i) -> None:
                progress(0.2 + 0.8 * (i + fraction) / len(files), label)

            import_files(store, [(p, p.name) for p in paths], provider=provider,
                         imported_by="demo", on_progress=step)
        write_demo_incentives(store, demo_period(today)[0],
                              today)
        write_demo_boards(store)
        write_demo_visits(store, today)
    return True


def write_demo_boards(store: Store) -> None:
    """One saved board per provider, as for a screen on its floor (`cockpit boards list`)."""
    for provider in PROVIDERS:
        save_board(store, BoardConfig(f"Floor {provider.name}", [Scope(provider.name)]))


def write_demo_visits(store: Store, today: date) -> None:
    """Two candidates in selection, visited once each (Horizon Contact: a guided tour and a
    silent floor behind polished announced figures), and one visit to each provider."""
    monday = today - timedelta(days=today.weekday())
    add_candidate(store, "Horizon Contact", "Europe/Lisbon")
    add_candidate(store, "Veritas Services")
    announce(store, "Horizon Contact", {
        "answer_rate": 0.97, "service_level": 0.90, "aht_s": 240, "quality_score": 0.92,
        "price_per_hour": 24.5}, monday - timedelta(weeks=6))
    announce(store, "Veritas Services", {
        "answer_rate": 0.93, "service_level": 0.82, "aht_s": 290, "quality_score": 0.88,
        "csat_score": 0.84, "price_per_hour": 29.0}, monday - timedelta(weeks=6))
    n, m, s = "not_seen", "minor", "serious"
    visits = [
        VisitReport("Horizon Contact", monday - timedelta(weeks=4, days=-1), "Lisboa",
                    "Pilote, Achats", 0, "unfavourable",
                    "Présentation soignée ; le plateau ne lui ressemblait pas.", {
                        "supervision": (m, "Deux superviseurs pour 40 positions, assis à "
                                           "leur bureau"),
                        "hands": (m, "Peu d'écrans avec une fiche contact ouverte"),
                        "too_calm": (s, "Plateau silencieux à 11 h, la moitié des places vides"),
                        "too_loud": (n, ""),
                        "indicators": (m, "Un seul écran mural, éteint"),
                        "guided_tour": (s, "Parcours imposé, le directeur commercial ne nous a "
                                           "pas quittés ; séance d'écoute refusée")}),
        VisitReport("Veritas Services", monday - timedelta(weeks=3, days=-2), "Marseille",
                    "Pilote, Achats", 2, "favourable",
                    "Plateau ouvert, conseillers qui parlent librement ; deux écoutes.", {
                        "supervision": (n, "Superviseurs qui circulent et écoutent des appels"),
                        "hands": (n, ""), "too_calm": (n, ""), "too_loud": (n, ""),
                        "indicators": (m, "Écrans visibles, mais pas les objectifs"),
                        "guided_tour": (n, "Nous avons choisi où nous asseoir")}),
        VisitReport("Atlantic Relation", monday - timedelta(weeks=1, days=-1), "Nantes",
                    "Pilote", 1, "reservations", "Pointe sous-staffée, comme dans les données.", {
                        "supervision": (m, "Superviseurs occupés à replanifier les pauses"),
                        "hands": (n, ""), "too_calm": (n, ""),
                        "too_loud": (m, "Bruyant pendant la pointe de 10 h–12 h"),
                        "indicators": (n, ""), "guided_tour": (n, "")}),
        VisitReport("Nordcall", monday - timedelta(weeks=1, days=-2), "Lille", "Pilote", 1,
                    "reservations", "Matinée calme : à rapprocher des chiffres.", {
                        "supervision": (n, ""), "hands": (n, ""),
                        "too_calm": (m, "Plateau très calme, peu de voix"),
                        "too_loud": (n, ""), "indicators": (n, ""),
                        "guided_tour": (n, "")}),
        VisitReport("Sunline BPO", monday - timedelta(weeks=2, days=-3), "Dakar", "Pilote", 2,
                    "favourable", "Conseillers qui saisissent pendant les appels écoutés.", {
                        "supervision": (n, ""), "hands": (n, "Fiches remplies pendant les appels"),
                        "too_calm": (n, ""), "too_loud": (n, ""), "indicators": (n, ""),
                        "guided_tour": (n, "")}),
    ]
    for visit in visits:
        save_visit(store, visit, source="demo")
