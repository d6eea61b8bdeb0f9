"""Each committee as a pack: the sections its page shows and its files contain.

The figures are the committee's (so the engine's); pack_files writes them to Excel and HTML
and the pages draw the same sections.
"""

from __future__ import annotations

import pandas as pd

from kpi.flags import flags_table
from kpi.governance.actions import actions_for_people
from kpi.governance.feedback import feedback_for_people
from kpi.i18n import amount_unit, format_date, format_value, t
from kpi.metrics.reconcile import STATUSES
from kpi.metrics.registry import COUNT, KPI_BY_ID, PCT, SCORE
from kpi.provider_settings import sl_text
from kpi.reports.charts import (
    calibration_trends,
    gap_heatmap,
    period_small_multiples,
    production_charts,
    selection_chart,
    trend_small_multiples,
    visit_signals_chart,
    volume_with_forecast,
)
from kpi.reports.layout import (
    DATE,
    MONTH,
    ROW_KPI,
    ROW_UNIT,
    STATUS,
    Column,
    ExcelChart,
    Pack,
    Section,
    Table,
    kpi_columns,
    text_table,
)
from kpi.reports.production import PROFILE_KPIS, ProductionCommittee
from kpi.reports.steering import TREND_KPIS, SteeringCommittee
from kpi.reports.strategic import (
    RANKED_KPIS,
    STRATEGIC_KPIS,
    StrategicCommittee,
)
from kpi.visits import views
from kpi.visits.signals import check_text


def flags_section_table(flags: list, lang: str) -> Table:
    """Red flags as a committee table."""
    return Table(flags_table(flags, lang), [
        Column("flag", t("flags.col.flag", lang)),
        Column("period_start", t("flags.col.period_start", lang), DATE),
        Column("period_end", t("flags.col.period_end", lang), DATE),
        Column("evidence", t("flags.col.evidence", lang)),
        Column("why", t("flags.col.why", lang))])


def _with_labels(frame: pd.DataFrame, lang: str, key: str = "kpi") -> pd.DataFrame:
    return frame.assign(label=[KPI_BY_ID[k].label(lang) for k in frame[key]])


def _breakdown(frame: pd.DataFrame, by: str, lang: str,
               empty_label: str | None = None) -> Section:
    """A drill-down: one row per queue, site, team or hour, one column per KPI."""
    if empty_label is not None:
        frame = frame.assign(**{by: frame[by].fillna(empty_label)})
    kpis = [c for c in frame.columns if c in KPI_BY_ID]
    heading = t("steering.hour" if by == "hour" else f"scope.{by}", lang)
    return Section(f"by_{by}", t(f"pack.by_{by}", lang),
                   Table(frame, [Column(by, heading), *kpi_columns(kpis, lang)]))


def _with_values(frame: pd.DataFrame, kpis) -> list[str]:
    """The KPIs the data gives at least one value of (an empty chart says nothing)."""
    return [k for k in kpis if k in frame and frame[k].notna().any()]


def _period_profile(frame: pd.DataFrame, category: str, heading: str, lang: str,
                    unit: str = DATE) -> Table:
    return Table(frame, [Column(category, heading, unit), *kpi_columns(PROFILE_KPIS, lang)])


def production_pack(committee: ProductionCommittee, lang: str = "en") -> Pack:
    c = committee
    period = f"{c.label} ({format_date(c.week, lang)} → {format_date(c.week_end, lang)})"
    kpis = Table(_with_labels(c.kpis, lang), [
        Column("label", t("targets.kpi", lang)),
        Column("value", t("production.this_week", lang), ROW_KPI),
        Column("target", t("targets.value", lang), ROW_KPI, prefix="comparator"),
        Column("status", t("targets.status", lang), STATUS),
        Column("previous", t("production.previous", lang), ROW_KPI),
        Column("four_weeks", t("production.four_weeks", lang), ROW_KPI),
        Column("delta", t("production.delta", lang), ROW_KPI, signed=True)])
    charts = production_charts(c, lang)
    day = t("col.date", lang)
    sections = [
        Section("kpis", t("production.kpis", lang), kpis),
        Section("daily", t("production.daily", lang), _period_profile(c.daily, "period_start",
                                                                       day, lang),
                {"daily": charts["daily"]},
                excel_chart=ExcelChart("bar", "period_start", ("offered", "answered"))),
        Section("forecast", t("production.forecast_section", lang), Table(c.forecast, [
            Column("period_start", day, DATE),
            Column("offered", t("production.actual", lang), COUNT),
            Column("forecast_offered", t("production.forecast", lang), COUNT)]),
            {"forecast": charts["forecast"]},
            text=t("production.accuracy", lang,
                   accuracy=format_value(c.forecast_accuracy, PCT, lang)),
            excel_chart=ExcelChart("bar", "period_start", ("offered", "forecast_offered")))]
    if "intraday" in charts:
        sections.append(Section("intraday", t("production.intraday_short", lang),
                                _period_profile(c.intraday, "slot", t("col.slot", lang),
                                                lang, unit="text"),
                                {"intraday": charts["intraday"]}))
    sections += [
        _breakdown(c.by_queue, "queue", lang),
        _breakdown(c.by_site, "site", lang),
        Section("feedback", t("production.feedback", lang),
                text_table(feedback_for_people(c.feedback, lang))),
        Section("actions", t("production.actions", lang),
                text_table(actions_for_people(c.actions, lang),
                           c.actions.get("overdue", pd.Series(dtype=bool)).tolist())),
        Section("flags", t("flags.committee", lang), flags_section_table(c.flags or [], lang)),
        Section("note", t("production.note", lang), text=c.note)]
    return Pack("production", f"{t('production.title', lang)} — {c.provider} — {c.label}",
                [(t("col.provider", lang), c.provider), (t("production.week", lang), period),
                 (t("explorer.sl", lang), sl_text(c.sl_definitions, lang)),
                 (t("production.note", lang), c.note)],
                sections, lang, f"production_{c.provider}_{c.label}".replace(" ", "_"))


def steering_pack(committee: SteeringCommittee, lang: str = "en") -> Pack:
    c = committee
    attainment = Table(_with_labels(c.attainment, lang) if not c.attainment.empty
                       else pd.DataFrame(columns=["kpi", "label", "target", "comparator",
                                                  "value", "status", "gap", "priority"]), [
        Column("label", t("targets.kpi", lang)),
        Column("target", t("targets.value", lang), ROW_KPI, prefix="comparator"),
        Column("value", t("steering.this_month", lang), ROW_KPI),
        Column("status", t("targets.status", lang), STATUS),
        Column("gap", t("targets.gap", lang), ROW_KPI, signed=True),
        Column("priority", t("targets.priority", lang), COUNT)])
    trending = _with_values(c.trends, TREND_KPIS)
    levels = {kpi: c.targets[c.targets.kpi == kpi].value.tolist() for kpi in trending}
    charts = {"trends": trend_small_multiples(c.trends, trending, lang, targets=levels)} \
        if trending else {}
    month = t("steering.month", lang)
    trends = Table(c.trends, [Column("period_start", month, MONTH),
                              *kpi_columns(TREND_KPIS, lang)])
    quality = c.quality.assign(team=c.quality.team.fillna("—"))
    pivot = quality.pivot(index="team", columns="month", values="quality_score")
    pivot.columns = [pd.Timestamp(m).strftime("%m/%Y" if lang == "fr" else "%Y-%m")
                     for m in pivot.columns]  # pivoted on dates: months stay in order
    pivot = pivot.reset_index()
    no_agent = t("steering.no_agent", lang)
    return Pack(
        "steering", f"{t('steering.title', lang)} — {c.provider} — {c.label}",
        [(t("col.provider", lang), c.provider), (month, c.label),
         (t("explorer.sl", lang), sl_text(c.sl_definitions, lang))],
        [Section("attainment", t("steering.attainment", lang), attainment),
         Section("trends", t("steering.trends", lang), trends, charts,
                 excel_chart=ExcelChart("line", "period_start",
                                        ("service_level", "answer_rate"))),
         _breakdown(c.by_queue, "queue", lang),
         _breakdown(c.by_site, "site", lang),
         _breakdown(c.by_team, "team", lang, empty_label=no_agent),
         _breakdown(c.by_hour, "hour", lang),
         Section("flags", t("flags.committee", lang),
                 flags_section_table(c.flags or [], lang)),
         Section("actions", t("nav.actions", lang),
                 text_table(actions_for_people(c.actions, lang), c.actions.overdue.tolist())),
         Section("quality", t("steering.quality", lang), Table(pivot, [
             Column("team", t("scope.team", lang)),
             *[Column(m, m, PCT) for m in pivot.columns[1:]]])),
         *([] if c.calibration is None else [Section(
             "calibration", f"{t('calibration.latest', lang)} — {c.calibration.session_id}",
             _calibration_evaluators(c.calibration, lang),
             text=_agreement_text(c.calibration, lang))]),
         *([] if c.reconciliation is None else [Section(
             "reconciliation", t("reconcile.title", lang),
             Table(_with_labels(c.reconciliation, lang), [
                 Column("label", t("targets.kpi", lang)),
                 *[Column(s, t(f"reconcile.{s}", lang), COUNT) for s in STATUSES]]),
             text=t("reconcile.help", lang))]),
         visit_section(c.visit, lang)],
        lang, f"steering_{c.provider}_{c.label}".replace(" ", "_"))



def _kpi_label(kpi: str, lang: str) -> str:
    """Volumes in a quarter are compared per month."""
    label = KPI_BY_ID[kpi].label(lang)
    return f"{label} {t('strategic.per_month', lang)}" if KPI_BY_ID[kpi].unit == COUNT \
        else label


def strategic_pack(committee: StrategicCommittee, lang: str = "en") -> Pack:
    c = committee
    previous, upcoming = c.period.shifted(-1), c.next_period
    this_label = c.period.label
    # KPIs as rows, each provider's value and change as columns.
    wide = pd.DataFrame({"kpi": list(STRATEGIC_KPIS)})
    wide["label"] = [_kpi_label(k, lang) for k in STRATEGIC_KPIS]
    columns = [Column("label", t("targets.kpi", lang))]
    for index, provider in enumerate(c.providers):
        rows = c.comparison[c.comparison.provider == provider].set_index("kpi")
        wide[f"value_{index}"] = wide.kpi.map(rows.value)
        wide[f"delta_{index}"] = wide.kpi.map(rows.delta)
        columns += [Column(f"value_{index}", f"{provider} {this_label}", ROW_KPI),
                    Column(f"delta_{index}", f"{provider} Δ {previous.label}", ROW_KPI,
                           signed=True)]
    comparison = Section(
        "comparison", t("strategic.comparison", lang, previous=previous.label),
        Table(wide, columns),
        {"small_multiples": period_small_multiples(c.comparison, STRATEGIC_KPIS, lang,
                                                   this_label, previous.label)},
        sheet=t("strategic.sheet.comparison", lang, previous=previous.label))
    sections = [comparison]
    if len(c.providers) > 1:
        sections.append(Section("ranking", t("strategic.ranking", lang), Table(c.ranking, [
            Column("provider", t("col.provider", lang)),
            Column("mean_rank", t("strategic.mean_rank", lang), SCORE),
            *kpi_columns(RANKED_KPIS, lang)]), sheet=t("strategic.sheet.ranking", lang)))
    trending = _with_values(c.monthly, STRATEGIC_KPIS)
    trend_charts = {"trends": trend_small_multiples(c.monthly, trending, lang,
                                                    colour_by="provider")} if trending else {}
    sections.append(Section("monthly", t("strategic.monthly", lang), Table(c.monthly, [
        Column("period_start", t("steering.month", lang), MONTH),
        Column("provider", t("col.provider", lang)), *kpi_columns(STRATEGIC_KPIS, lang)]),
        trend_charts, sheet=t("strategic.sheet.monthly", lang)))
    review = c.review.assign(
        label=[KPI_BY_ID[k].label(lang) for k in c.review.kpi],
        history=[t("strategic.met_months", lang, met=m, months=n)
                 for m, n in zip(c.review.met_months, c.review.months, strict=True)],
        verdict=[t(f"strategic.{a}", lang) for a in c.review.achievability])
    sections.append(Section(
        "review", t("strategic.review", lang, next=upcoming.label), Table(review, [
            Column("provider", t("col.provider", lang)),
            Column("label", t("targets.kpi", lang)),
            Column("target", t("strategic.current_target", lang), ROW_KPI,
                   prefix="target_comparator"),
            Column("value", t("strategic.reached", lang, period=this_label), ROW_KPI),
            Column("status", t("targets.status", lang), STATUS),
            Column("proposed", t("strategic.proposed", lang, next=upcoming.label), ROW_KPI,
                   prefix="comparator"),
            Column("history", t("strategic.history", lang)),
            Column("verdict", t("strategic.achievability", lang))]),
        text=t("strategic.rule", lang), sheet=t("strategic.sheet.review", lang)))
    volume = c.volume.assign(kind=[
        t(f"strategic.method.{m}", lang) if f else
        t("strategic.actual" if complete else "strategic.partial", lang)
        for f, m, complete in zip(c.volume.forecast, c.volume.method, c.volume.complete,
                                  strict=True)])
    sections.append(Section(
        "volume", t("strategic.volume", lang, next=upcoming.label), Table(volume, [
            Column("provider", t("col.provider", lang)),
            Column("period_start", t("steering.month", lang), MONTH),
            Column("offered", KPI_BY_ID["offered"].label(lang), COUNT),
            Column("kind", t("strategic.kind", lang))]),
        {"volume": volume_with_forecast(c.volume, lang)},
        text=t("strategic.forecast_rule", lang), sheet=t("strategic.sheet.volume", lang)))
    sections.append(visits_section(c.visits or {}, lang))
    scope = ", ".join(c.providers)
    return Pack(
        "strategic", f"{t('strategic.title', lang)} — {this_label}",
        [(t("strategic.period", lang), f"{this_label} ({format_date(c.period.start, lang)} → "
                                       f"{format_date(c.period.end, lang)})"),
         (t("strategic.previous", lang), previous.label),
         (t("strategic.providers", lang), scope),
         (t("explorer.sl", lang), sl_text(c.sl_definitions, lang))],
        sections, lang,
        f"strategic_{this_label}" + (f"_{c.providers[0]}" if len(c.providers) == 1 else "")
        .replace(" ", "_"))


def _calibration_evaluators(result, lang: str) -> Table:
    """Each evaluator's gap to the reference, alignment, and systematic items."""
    return Table(result.evaluators_summary, [
        Column("evaluator", t("calibration.evaluator", lang)),
        Column("abs_gap", t("calibration.abs_gap", lang), SCORE),
        Column("gap", t("calibration.signed_gap", lang), SCORE, signed=True),
        Column("alignment", t("calibration.alignment", lang,
                              tolerance=f"{result.tolerance:g}"), PCT),
        Column("scorings", t("calibration.scorings", lang), COUNT),
        Column("harsher_on", t("calibration.harsher", lang)),
        Column("lenient_on", t("calibration.lenient", lang))])


def _agreement_text(result, lang: str) -> str:
    return t("calibration.group_text", lang,
             icc="—" if result.icc is None else f"{result.icc:.2f}",
             alpha="—" if result.alpha is None else f"{result.alpha:.2f}",
             contacts=result.contacts, complete=result.icc_contacts,
             raters=len(result.evaluators))


def calibration_pack(result, per_evaluator: pd.DataFrame, group: pd.DataFrame,
                     lang: str = "en") -> Pack:
    """The calibration session for the meeting and to hand out afterwards."""
    r = result
    points = SCORE  # gaps in points of 100
    items = list(r.items_to_discuss.item)
    heat = gap_heatmap(r.item_gaps, items, lang, r.tolerance)
    gaps = r.item_gaps.pivot(index="evaluator", columns="item", values="gap").reindex(
        columns=items).reset_index()
    return Pack(
        "calibration", f"{t('calibration.title', lang)} — {r.provider} — {r.session_id}",
        [(t("col.provider", lang), r.provider),
         (t("calibration.session", lang), f"{r.session_id} ({format_date(r.day, lang)})"),
         (t("calibration.grid", lang), f"{r.grid or '—'}"
                                       + (f" v{r.grid_version}" if r.grid_version else "")),
         (t("calibration.reference", lang), r.reference or t("calibration.consensus", lang)),
         (t("calibration.evaluators", lang), ", ".join(r.evaluators)),
         (t("calibration.group", lang), _agreement_text(r, lang)),
         (t("calibration.tolerance", lang), f"± {r.tolerance:g}")],
        [Section("evaluators", t("calibration.ranking", lang),
                 _calibration_evaluators(r, lang)),
         Section("heatmap", t("calibration.heatmap", lang), Table(gaps, [
             Column("evaluator", t("calibration.evaluator", lang)),
             *[Column(i, i, points, signed=True) for i in items]]), {"heatmap": heat}),
         Section("discuss", t("calibration.discuss", lang), Table(r.items_to_discuss, [
             Column("item", t("calibration.item", lang)),
             Column("abs_gap", t("calibration.abs_gap", lang), points),
             Column("spread", t("calibration.spread", lang), points),
             Column("alpha", "Krippendorff α", "rate")])),
         Section("history", t("calibration.history", lang), Table(group, [
             Column("day", t("calibration.day", lang), DATE),
             Column("session_id", t("calibration.session", lang)),
             Column("icc", "ICC(2,1)", "rate"), Column("alpha", "Krippendorff α", "rate"),
             Column("contacts", t("calibration.contacts", lang), COUNT),
             Column("raters", t("calibration.evaluators", lang), COUNT)]),
             calibration_trends(per_evaluator, group, lang))],
        lang, f"calibration_{r.session_id}".replace(" ", "_"))


def statement_pack(result, lang: str = "en") -> Pack:
    """The month's (or quarter's) incentive statement, checkable line by line."""
    s, scheme = result.settlement, result.scheme
    lines = _with_labels(result.lines(), lang)
    steps = pd.DataFrame([
        (t("incentive.base_fee", lang), scheme.base_fee),
        (t("incentive.total_score", lang), s.total),
        (t("incentive.at_risk", lang), scheme.at_risk_share * scheme.base_fee),
        (t("incentive.variable_raw", lang), s.variable_raw),
        (t("incentive.variable", lang), s.variable),
        (t("incentive.amount", lang), s.amount)], columns=["step", "value"])
    money = amount_unit(result.currency)
    units = [money, "rate", money, money, money, money]
    steps["unit"] = units
    notes = [t(f"incentive.note.{n.split(':')[0]}", lang,
               kpi=KPI_BY_ID[n.split(':')[1]].label(lang) if ":" in n else "")
             for n in s.notes] or [t("incentive.note.none", lang)]
    band = "—" if s.in_band is None else t("incentive.in_band" if s.in_band
                                           else "incentive.out_of_band", lang)
    return Pack(
        "statement", f"{t('incentive.title', lang)} — {result.provider} — {result.period}",
        [(t("col.provider", lang), result.provider),
         (t("incentive.period", lang), f"{result.period} ({format_date(result.start, lang)}"
                                       f" → {format_date(result.end, lang)})"),
         (t("incentive.scheme", lang), t("incentive.scheme_text", lang,
                                         since=format_date(scheme.valid_from, lang))),
         (t("incentive.volume", lang), t("incentive.volume_text", lang,
                                         offered=format_value(result.offered, COUNT, lang),
                                         forecast=format_value(result.forecast, COUNT, lang),
                                         band=band)),
         (t("incentive.amount", lang), format_value(s.amount, money, lang))],
        [Section("lines", t("incentive.lines", lang), Table(lines, [
            Column("label", t("targets.kpi", lang)),
            Column("value", t("incentive.value", lang), ROW_KPI),
            Column("floor", t("incentive.floor", lang), ROW_KPI),
            Column("target", t("targets.value", lang), ROW_KPI),
            Column("ceiling", t("incentive.ceiling", lang), ROW_KPI),
            Column("score", t("incentive.score", lang), "rate", signed=True),
            Column("applied", t("incentive.applied", lang), "rate", signed=True),
            Column("weight", t("incentive.weight", lang), "rate"),
            Column("weighted", t("incentive.weighted", lang), "rate", signed=True)])),
         Section("computation", t("incentive.computation", lang), Table(
             steps, [Column("step", t("incentive.step", lang)),
                     Column("value", t("incentive.value", lang), ROW_UNIT)],
             kpi_key="unit"), text="\n".join(notes))],
        lang, f"statement_{result.provider}_{result.period}".replace(" ", "_"))


def visit_summary_text(summary, lang: str) -> str:
    """One line: when, where, the score and verdict, the signals seen, the disagreements."""
    v = summary.visit
    return t("visits.summary", lang, day=format_date(v["visited_on"], lang), site=v["site"],
             score=format_value(v["score"], SCORE, lang),
             verdict=views.verdict_text(v["verdict"], lang),
             serious=t("visits.summary.serious", lang, n=int(v["serious"])),
             minor=t("visits.summary.minor", lang, n=int(v["minor"])),
             disagree=t("visits.summary.disagree", lang, n=summary.disagreements))


def visit_section(summary, lang: str) -> Section:
    """A committee's latest floor visit: every item's rating and notes and, for the signals
    the data can read, what it says; serious signals and disagreements highlighted."""
    if summary is None:
        return Section("visit", t("visits.latest", lang),
                       text=t("visits.none_by_period_end", lang))
    v = summary.visit
    checks = {} if summary.data is None else {
        c["item"]: c for c in summary.data.checks.to_dict("records")}
    items = summary.items
    rows = pd.DataFrame({
        "item": [views.item_label(r, lang) for r in items.to_dict("records")],
        "rating": [views.rating_text(r, lang) for r in items.rating],
        "notes": [n if isinstance(n, str) else "" for n in items.notes],
        "data": [check_text(checks[i], lang) if i in checks else "" for i in items.item]})
    highlight = [r == "serious" or checks.get(i, {}).get("agree") is False
                 for i, r in zip(items.item, items.rating, strict=True)]
    text = visit_summary_text(summary, lang)
    charts = {}
    if summary.data is not None:
        start, end = summary.data.window
        text += "\n" + t("visits.data.window", lang, start=format_date(start, lang),
                         end=format_date(end, lang))
        charts["visit_data"] = visit_signals_chart(summary.data.weeks, v["visited_on"], lang)
    return Section("visit", f"{t('visits.latest', lang)} — {v['site']}", text_table(
        rows.set_axis([t("visits.col.item", lang), t("visits.col.rating", lang),
                       t("visits.col.notes", lang), t("visits.col.data", lang)], axis=1),
        highlight), charts, text=text)


def visits_section(summaries: dict, lang: str) -> Section:
    """The strategic committee's view of the floors: each provider's latest visit in a row,
    those with a serious signal or a disagreement with the data highlighted."""
    if all(summary is None for summary in summaries.values()):  # no table of dashes
        return Section("visits", t("visits.latest", lang),
                       text=t("visits.none_by_period_end", lang), sheet=t("nav.visits", lang))
    rows = []
    for provider, summary in summaries.items():
        v = None if summary is None else summary.visit
        rows.append({"provider": provider,
                     "visited_on": None if v is None else v["visited_on"],
                     "site": "" if v is None else v["site"],
                     "verdict": "" if v is None else views.verdict_text(v["verdict"], lang),
                     "score": None if v is None else v["score"],
                     "serious": None if v is None else v["serious"],
                     "minor": None if v is None else v["minor"],
                     "disagreements": None if summary is None else summary.disagreements})
    frame = pd.DataFrame(rows, columns=["provider", "visited_on", "site", "verdict", "score",
                                        "serious", "minor", "disagreements"])
    return Section("visits", t("visits.latest", lang), Table(frame, [
        Column("provider", t("col.provider", lang)),
        Column("visited_on", t("visits.col.visited_on", lang), DATE),
        Column("site", t("visits.col.site", lang)),
        Column("verdict", t("visits.col.verdict", lang)),
        Column("score", t("visits.col.score", lang), SCORE),
        Column("serious", t("visits.col.serious", lang), COUNT),
        Column("minor", t("visits.col.minor", lang), COUNT),
        Column("disagreements", t("visits.col.disagreements", lang), COUNT)],
        highlight=[bool(r["serious"]) or bool(r["disagreements"]) for r in rows]),
        sheet=t("nav.visits", lang))


def selection_pack(selection, lang: str = "en") -> Pack:
    """Finalists side by side (kpi/visits/selection.py): scores, each signal's rating, the
    announced figures, and the notes of each visit; serious signals highlighted."""
    sel = selection
    providers = sel.providers
    visits = sel.visits.set_index("provider") if not sel.visits.empty else pd.DataFrame()

    def of(provider: str, column: str):
        return visits.loc[provider, column] if provider in visits.index else None

    scores = pd.DataFrame([{
        "provider": p, "stage": t(f"visits.stage.{of(p, 'stage')}", lang) if of(p, "stage")
        else "", "visited_on": of(p, "visited_on"), "site": of(p, "site") or "",
        "listening": of(p, "listening_sessions"),
        "verdict": views.verdict_text(of(p, "verdict"), lang) if of(p, "visited_on") else
        t("selection.not_visited", lang),
        "score": sel.scores.get(p), "serious": len(sel.serious.get(p, []))}
        for p in providers])
    ratings = pd.DataFrame({
        "item": [views.item_label(r, lang) for r in sel.ratings.to_dict("records")],
        "weight": sel.ratings.weight,
        **{f"rating_{i}": [views.rating_text(r, lang) for r in sel.ratings[p]]
           for i, p in enumerate(providers)}})
    figures = sel.figures.assign(label=[t(f"visits.figure.{f}", lang)
                                        for f in sel.figures.figure])
    figure_table = Table(figures.rename(columns={f: f"figure_{i}" for i, f in
                                                 enumerate(providers)}), [
        Column("label", t("visits.col.figure", lang)),
        *[Column(f"figure_{i}", p, ROW_UNIT) for i, p in enumerate(providers)]],
        kpi_key="unit")
    warnings = views.serious_warnings(sel, lang)
    labels = {r["item"]: views.item_label(r, lang) for r in sel.ratings.to_dict("records")}
    notes = [{"provider": p, "item": labels.get(r.item, r.item),
              "rating": views.rating_text(r.rating, lang), "notes": r.notes}
             for p, frame in sel.notes.items() for r in frame.itertuples()
             if isinstance(r.notes, str) and r.notes]
    notes = pd.DataFrame(notes, columns=["provider", "item", "rating", "notes"])
    return Pack(
        "selection", f"{t('selection.title', lang)} — {', '.join(providers)}",
        [(t("selection.providers", lang), ", ".join(providers)),
         (t("selection.scores", lang), t("selection.score_rule", lang))],
        [Section("scores", t("selection.scores", lang), Table(scores, [
            Column("provider", t("col.provider", lang)),
            Column("stage", t("visits.col.stage", lang)),
            Column("visited_on", t("visits.col.visited_on", lang), DATE),
            Column("site", t("visits.col.site", lang)),
            Column("listening", t("visits.col.listening", lang), COUNT),
            Column("verdict", t("visits.col.verdict", lang)),
            Column("score", t("visits.col.score", lang), SCORE),
            Column("serious", t("visits.col.serious", lang), COUNT)],
            highlight=[bool(n) for n in scores.serious]),
            {"scores": selection_chart(sel.scores, sel.serious, lang)},
            text="\n".join([t("selection.score_rule", lang), *warnings])),
         Section("ratings", t("selection.ratings", lang), Table(ratings, [
             Column("item", t("visits.col.item", lang)),
             Column("weight", t("visits.col.weight", lang), "rate"),
             *[Column(f"rating_{i}", p) for i, p in enumerate(providers)]],
             highlight=[any(sel.ratings[p].eq("serious").iloc[k] for p in providers)
                        for k in range(len(sel.ratings))])),
         Section("figures", t("selection.figures", lang), figure_table),
         Section("notes", t("visits.col.notes", lang), Table(notes, [
             Column("provider", t("col.provider", lang)),
             Column("item", t("visits.col.item", lang)),
             Column("rating", t("visits.col.rating", lang)),
             Column("notes", t("visits.col.notes", lang))]))],
        lang, "selection_" + "_".join(p.replace(" ", "_") for p in providers))
