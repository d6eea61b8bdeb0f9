"""Bonus / malus: the month's statement traced to the KPIs, what-if simulation, what the
scheme would have paid, payments, and the scheme itself (edited or imported)."""

from dataclasses import replace
from datetime import date

import streamlit as st

from app_pages import links
from app_pages.cache import cached
from app_pages.ui import (
    can_write,
    date_format,
    decimal_column,
    file_import,
    lang,
    pack_buttons,
    provider_with_periods,
    save_button,
    show_chart,
    show_error,
    show_table,
    store,
    tr,
)
from kpi import clock
from kpi.editing import (
    UNIT_COLUMN,
    scheme_lines_for_editor,
    scheme_lines_from_editor,
    shown_value,
    simulation_steps,
    stored_value,
    unit_symbol,
)
from kpi.errors import CockpitError
from kpi.i18n import CURRENCY_SYMBOLS, amount_unit, format_value
from kpi.incentives.scheme import Scheme, settle
from kpi.incentives.statement import (
    import_scheme,
    list_payments,
    list_schemes,
    paid_history,
    record_payment,
    save_scheme,
    scheme_verdict,
    statement,
)
from kpi.metrics.registry import KPI_BY_ID, KPIS, PCT
from kpi.periods import MONTH, QUARTER, Period, latest_complete, parse
from kpi.reports.charts import variable_history_chart
from kpi.reports.layout import Column, Table
from kpi.reports.packs import statement_pack
from kpi.reports.steering import months_with_data

db = store()
LANGUAGE = lang()
st.title(tr("incentive.page"))


def months_under_a_scheme(provider: str) -> list[str]:
    schemes = list_schemes(db, provider)
    if not schemes:
        return []
    first = schemes[0].valid_from.replace(day=1)
    months = [m for m in reversed(months_with_data(db, provider)) if m >= first]
    quarters = dict.fromkeys(Period.of(m, QUARTER).label for m in months)
    return [Period.of(m, MONTH).label for m in months] + list(quarters)


col_provider, col_month = st.columns(2)
provider, months = provider_with_periods(col_provider, months_under_a_scheme,
                                         tr("incentive.no_scheme"))
monthly = [m for m in months if parse(m).kind == MONTH]  # the months, not the quarters
latest = latest_complete(map(parse, monthly), clock.today())
month = links.select(col_month, tr("incentive.period"), months, "period",
                     index=months.index(latest.label) if latest else 0)  # last complete
links.share()
result = cached(statement, db, provider, month)
pack = statement_pack(result, LANGUAGE)
pack_buttons(pack)
col_amount, col_variable, col_score = st.columns(3)
MONEY = amount_unit(result.currency)  # amounts written with the cockpit's currency
CURRENCY = CURRENCY_SYMBOLS.get(result.currency, result.currency)
col_amount.metric(tr("incentive.amount"), format_value(result.settlement.amount, MONEY,
                                                       LANGUAGE))
col_variable.metric(tr("incentive.variable"), format_value(result.settlement.variable,
                                                           MONEY, LANGUAGE, True))
col_score.metric(tr("incentive.total_score"), format_value(result.settlement.total, "rate",
                                                            LANGUAGE, True))
st.subheader(pack["lines"].title)
show_table(pack["lines"].table)
st.subheader(pack["computation"].title)
show_table(pack["computation"].table)
st.info(pack["computation"].text)

st.subheader(tr("incentive.simulation"))
st.caption(tr("incentive.simulation_help"))
scheme = result.scheme
col_values, col_params = st.columns(2)
values = {}
lines = []


def written(unit: str):
    """How a slider writes a value of `unit`: as every other view (85,0 %, 12,5 s)."""
    return lambda value: format_value(value, unit, LANGUAGE)


for line in scheme.lines:
    unit = KPI_BY_ID[line.kpi].unit
    low, high = sorted((line.floor, line.ceiling))
    margin = (high - low) / 2
    actual = result.values.get(line.kpi)
    start = float(actual if actual is not None else line.target)
    # A select slider writes its values as the rest of the UI does (a plain slider can
    # only use printf: 0.85, or 85.0 in French); it returns the stored fraction itself.
    values[line.kpi] = col_values.select_slider(
        KPI_BY_ID[line.kpi].label(LANGUAGE), simulation_steps(
            min(float(low - margin), start), max(float(high + margin), start), start, unit),
        start, format_func=written(unit), key=f"sim-{month}-{line.kpi}")
    label = KPI_BY_ID[line.kpi].label(LANGUAGE)
    symbol = unit_symbol(unit, LANGUAGE)
    suffix = f" ({symbol})" if symbol else ""
    col_weight, col_floor, col_ceiling = col_params.columns(3)
    weight = col_weight.number_input(f"{tr('incentive.weight')} — {label}", 0.5, 10.0,
                                     float(line.weight), 0.5, key=f"w-{line.kpi}")
    floor = stored_value(col_floor.number_input(
        tr("incentive.floor") + suffix, value=float(shown_value(line.floor, unit)),
        key=f"f-{line.kpi}", format="%.1f"), unit)
    ceiling = stored_value(col_ceiling.number_input(
        tr("incentive.ceiling") + suffix, value=float(shown_value(line.ceiling, unit)),
        key=f"c-{line.kpi}", format="%.1f"), unit)
    lines.append(replace(line, weight=weight, floor=floor, ceiling=ceiling))
share = col_params.select_slider(
    tr("incentive.at_risk_share"), simulation_steps(0.0, 0.5, float(scheme.at_risk_share), PCT),
    float(scheme.at_risk_share), format_func=written(PCT))
trial = replace(scheme, lines=lines, at_risk_share=share)
try:
    trial.check()
except CockpitError as error:  # e.g. a floor moved past the target
    show_error(error)
    st.stop()
simulated = settle(trial, values, result.offered, result.forecast, result.quality)
st.metric(tr("incentive.simulated"), format_value(simulated.amount, MONEY, LANGUAGE),
          delta=format_value(simulated.amount - result.settlement.amount, MONEY, LANGUAGE,
                             True))
history = cached(paid_history, db, provider, trial, list(reversed(monthly)))
show_chart(variable_history_chart(history, LANGUAGE, result.currency),
           f"{pack.file_stem}_history")
verdict = scheme_verdict(history, trial)
if verdict:
    st.warning(tr(f"incentive.verdict.{verdict}"))

st.subheader(tr("incentive.payments"))
payments = list_payments(db, provider)
show_table(Table(payments, [Column("period", tr("incentive.period")),
                            Column("amount", tr("incentive.amount"), MONEY),
                            Column("due", tr("incentive.due"), "date"),
                            Column("paid", tr("incentive.paid"), "date"),
                            Column("note", tr("incentive.note"))],
                 highlight=payments.late.tolist()), tr("production.none"))
late = int(payments.late.sum())
if late:
    st.error(tr("incentive.late", n=late))
if not can_write():
    st.stop()  # what follows records payments and edits schemes
with st.form("payment"):
    col_p, col_a, col_d, col_paid = st.columns(4)
    period = col_p.selectbox(tr("incentive.period"), months, index=months.index(month))
    amount = col_a.number_input(f"{tr('incentive.amount')} ({CURRENCY})", value=float(round(
        result.settlement.amount, 2)), step=100.0)
    due = col_d.date_input(tr("incentive.due"), value=clock.today(),
                           min_value=date(2000, 1, 1), max_value=date(2100, 1, 1),
                           format=date_format())
    paid = col_paid.date_input(tr("incentive.paid"), value=None, min_value=date(2000, 1, 1),
                               max_value=date(2100, 1, 1), format=date_format())
    if st.form_submit_button(tr("incentive.record_payment")):
        record_payment(db, provider, period, amount, due, paid)
        st.rerun()

with st.expander(tr("incentive.scheme_editor")):
    current = list_schemes(db, provider)[-1]
    col_from, col_fee, col_risk, col_bonus, col_malus, col_gate, col_band = st.columns(7)
    valid_from = col_from.date_input(tr("quality.valid_from"), value=current.valid_from,
                                     min_value=date(2000, 1, 1), max_value=date(2100, 1, 1),
                                     format=date_format())
    fee = col_fee.number_input(f"{tr('incentive.base_fee')} ({CURRENCY})",
                               value=float(current.base_fee))

    def share(column, label: str, value: float | None, top: float = 100.0) -> float | None:
        """A share of the scheme typed in % (10 for 0.10), returned as stored."""
        return stored_value(column.number_input(
            f"{tr(label)} (%)", min_value=0.0, max_value=top, step=1.0, format="%.1f",
            value=shown_value(value, PCT), key=f"{label}-{provider}"), PCT)

    risk = share(col_risk, "incentive.at_risk_share", current.at_risk_share)
    bonus = share(col_bonus, "incentive.bonus_cap", current.bonus_cap)
    malus = share(col_malus, "incentive.malus_cap", current.malus_cap)
    gate = share(col_gate, "incentive.gate", current.quality_gate)
    band = share(col_band, "incentive.band", current.volume_band, 99.0)
    st.caption(tr("targets.editor_units"))
    number = st.column_config.NumberColumn
    table = st.data_editor(
        scheme_lines_for_editor(current.lines, LANGUAGE), num_rows="dynamic", hide_index=True,
        width="stretch", key=f"scheme-{provider}", placeholder="", column_config={
            "kpi": st.column_config.SelectboxColumn(
                tr("targets.kpi"), options=[k.id for k in KPIS], required=True,
                format_func=lambda k: KPI_BY_ID[k].label(LANGUAGE)),
            "weight": number(tr("incentive.weight"), min_value=0.0, format="%.1f",
                             required=True),
            "target": decimal_column(tr("targets.value"), required=True),
            "floor": decimal_column(tr("incentive.floor"), required=True),
            "ceiling": decimal_column(tr("incentive.ceiling"), required=True),
            UNIT_COLUMN: st.column_config.TextColumn(tr("targets.unit"), disabled=True)})
    save_button(tr("incentive.save_scheme"), lambda: save_scheme(db, Scheme(
        provider, valid_from, fee, risk, bonus, malus, scheme_lines_from_editor(table), gate,
        band)), tr("incentive.scheme_saved"))

    def imported_scheme(path) -> str:
        imported = import_scheme(db, path)
        return tr("incentive.imported", provider=imported.provider,
                  since=str(imported.valid_from))

    file_import(tr("incentive.import"), tr("incentive.import_button"), imported_scheme)
