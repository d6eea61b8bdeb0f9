"""The KPI registry: the one place where a KPI is defined (SPEC §3).

A **measure** is a row-level SQL expression that is summed: its sum over any set of rows is
meaningful (a count, a total of seconds). Each source declares the measures it can feed
(kpi/metrics/sources.py). A **KPI** is a formula over summed measures: a ratio divides
Σ numerator by Σ denominator only after both are summed at the grain asked for, so the total
row of any table is the KPI of the whole. A zero denominator gives an empty value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from kpi.i18n import register
from kpi.metrics.sources import MEASURES, SOURCES

PCT, SECONDS, COUNT, SCORE, AMOUNT, RATE = "pct", "seconds", "count", "score", "amount", "rate"
EACH_OVER_ITS_ROWS = "each_over_its_rows"


@dataclass(frozen=True)
class Kpi:
    id: str
    en: str
    fr: str
    unit: str
    better: str  # higher, lower or none
    num: str  # a measure, or a SQL expression over measures
    den: str | None = None  # None: the KPI is the numerator itself
    scale: float = 1.0
    complement: bool = False  # 1 − num/den (fcr_rate, forecast_accuracy)
    doc_en: str = ""
    doc_fr: str = ""
    # How measures fed by different sources combine. None: a row counts only where it
    # knows every measure of the KPI (numerator and denominator over the same rows).
    # "each_over_its_rows": each measure is summed over the rows that have it (a KPI that
    # divides one source's figure by another's, e.g. contacts by logged hours).
    combine: str | None = None

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def doc(self, lang: str) -> str:
        return self.doc_fr if lang == "fr" else self.doc_en

    def value_sql(self, measure: dict[str, str]) -> str:
        """SQL of the KPI over summed measures; `measure` maps a measure id to its column."""
        num = _render(self.num, measure)
        if self.den is None:
            return f"CAST({num} AS BIGINT)" if self.unit == COUNT else num
        ratio = f"({num}) / nullif({_render(self.den, measure)}, 0)"
        if self.complement:
            ratio = f"1 - {ratio}"
        return f"{self.scale} * {ratio}" if self.scale != 1 else ratio

    @cached_property  # read for every KPI of every request: found once, not by regex each time
    def measures(self) -> list[str]:
        text = f"{self.num} {self.den or ''}"
        return [m for m in MEASURES if _mentions(text, m)]


def _mentions(text: str, measure: str) -> bool:
    return re.search(rf"\b{measure}\b", text) is not None


def _render(expression: str, measure: dict[str, str]) -> str:
    return re.sub(r"\b[a-z_]+\b", lambda m: measure.get(m.group(0), m.group(0)), expression)


KPIS: tuple[Kpi, ...] = (
    Kpi("offered", "Offered", "Contacts présentés", COUNT, "none", "offered",
        doc_en="Inbound contacts that arrived in the period.",
        doc_fr="Contacts entrants arrivés sur la période."),
    Kpi("answered", "Answered", "Contacts traités", COUNT, "higher", "answered",
        doc_en="Offered contacts that were answered.",
        doc_fr="Contacts présentés qui ont été décrochés."),
    Kpi("abandoned", "Abandoned", "Abandons", COUNT, "lower", "abandoned",
        doc_en="Offered − answered.", doc_fr="Présentés − traités."),
    Kpi("short_abandoned", "Short abandons", "Abandons courts", COUNT, "none",
        "short_abandoned", doc_en="Abandoned before the short-abandon threshold.",
        doc_fr="Abandons avant le seuil d'abandon court."),
    Kpi("answer_rate", "Answer rate", "Taux de décroché", PCT, "higher", "answered",
        "eligible", doc_en="Answered / (offered − short abandons).",
        doc_fr="Traités / (présentés − abandons courts)."),
    Kpi("abandon_rate", "Abandon rate", "Taux d'abandon", PCT, "lower", "long_abandoned",
        "eligible", doc_en="(Abandoned − short abandons) / (offered − short abandons).",
        doc_fr="(Abandons − abandons courts) / (présentés − abandons courts)."),
    Kpi("service_level", "Service level", "Niveau de service", PCT, "higher", "sl_num",
        "sl_den", doc_en="Answered within the threshold, per the contract's definition "
                         "(net, offered, answered or abandons_in_sl).",
        doc_fr="Traités dans le seuil, selon la définition du contrat "
               "(net, présentés, traités ou abandons_dans_seuil)."),
    Kpi("asa_s", "Average speed of answer", "Temps moyen de décroché", SECONDS, "lower",
        "wait_answered_s", "answered_with_wait",
        doc_en="Mean wait of answered contacts.", doc_fr="Attente moyenne des contacts "
                                                         "traités."),
    Kpi("aht_s", "Average handling time", "Durée moyenne de traitement", SECONDS, "none",
        "handle_time_s", "handled", doc_en="Mean talk + hold + after-contact work of "
                                           "handled contacts.",
        doc_fr="Moyenne conversation + attente + post-appel des contacts traités."),
    Kpi("acw_s", "After-contact work", "Post-appel moyen", SECONDS, "lower", "acw_total_s",
        "handled", doc_en="Mean after-contact work of handled contacts.",
        doc_fr="Post-appel moyen des contacts traités."),
    Kpi("transfer_rate", "Transfer rate", "Taux de transfert", PCT, "lower", "transferred",
        "handled_detail", doc_en="Transferred / handled.", doc_fr="Transférés / traités."),
    Kpi("traceability_rate", "Traceability", "Taux de qualification", PCT, "higher",
        "traced", "handled_traceable",
        doc_en="Handled contacts with a contact reason keyed in / handled contacts from "
               "exports that have a reason column (none: no data, not 0 %).",
        doc_fr="Contacts traités avec un motif saisi / contacts traités issus d'exports qui "
               "ont une colonne de motif (aucun : pas de donnée, pas 0 %)."),
    Kpi("repeat_rate", "Repeat rate", "Taux de rappel", PCT, "lower", "repeat_contacts",
        "handled_with_customer", combine=EACH_OVER_ITS_ROWS,
        doc_en="Handled contacts whose customer had another contact within the repeat "
               "window before / handled contacts with a customer id.",
        doc_fr="Contacts traités dont le client avait déjà contacté dans la fenêtre de "
               "rappel / contacts traités avec un identifiant client."),
    Kpi("fcr_rate", "First-contact resolution", "Résolution au premier contact", PCT,
        "higher", "repeat_contacts", "handled_with_customer", complement=True,
        combine=EACH_OVER_ITS_ROWS,
        doc_en="1 − repeat rate.", doc_fr="1 − taux de rappel."),
    Kpi("csat_score", "Customer satisfaction", "Satisfaction client", PCT, "higher",
        "csat_good", "csat_answers", doc_en="Share of survey answers of 4 or 5.",
        doc_fr="Part des réponses 4 ou 5 à l'enquête."),
    Kpi("nps", "Net promoter score", "Net promoter score", SCORE, "higher",
        "nps_promoters - nps_detractors", "nps_answers", scale=100,
        doc_en="% of 9–10 answers − % of 0–6 answers.",
        doc_fr="% de réponses 9–10 − % de réponses 0–6."),
    Kpi("conversion_rate", "Conversion rate", "Taux de transformation", PCT, "higher",
        "sales", "handled_detail", doc_en="Contacts with outcome sale / handled.",
        doc_fr="Contacts conclus par une vente / traités."),
    Kpi("sales_amount", "Sales amount", "Chiffre d'affaires", AMOUNT, "higher",
        "sales_amount", doc_en="Sum of sale amounts.", doc_fr="Somme des ventes."),
    Kpi("occupancy", "Occupancy", "Taux d'occupation", PCT, "higher", "work_s",
        "work_s + available_s", doc_en="(Talk + hold + ACW) / (talk + hold + ACW + "
                                       "available), from agent activity.",
        doc_fr="(Conversation + attente + post-appel) / (même + disponible), d'après "
               "l'activité des conseillers."),
    Kpi("absenteeism_rate", "Absenteeism", "Taux d'absentéisme", PCT, "lower", "absence_s",
        "scheduled_s", doc_en="Absence / scheduled time.",
        doc_fr="Absence / temps planifié."),
    Kpi("contacts_per_agent_hour", "Contacts per agent-hour", "Contacts par heure de log",
        RATE, "higher", "handled", "logged_s / 3600", combine=EACH_OVER_ITS_ROWS,
        doc_en="Handled contacts / logged hours.", doc_fr="Contacts traités / heures "
                                                          "connectées."),
    Kpi("quality_score", "Quality score", "Note qualité", PCT, "higher",
        "evaluation_ratio_sum", "evaluations",
        doc_en="Mean of evaluation scores on their grid: weighted share of the maximum, 0 "
               "when a critical item is failed (calibration sessions excluded).",
        doc_fr="Moyenne des notes d'évaluation sur leur grille : part pondérée du maximum, "
               "0 si un critère éliminatoire est raté (hors séances de calibrage)."),
    Kpi("calibration_alignment", "Calibration alignment", "Alignement en calibrage", PCT,
        "higher", "calibration_aligned", "calibration_scorings",
        doc_en="Calibration scorings within the tolerance (setting, ±5 points of 100) of the "
               "reference scoring of the same contact / calibration scorings.",
        doc_fr="Notations de calibrage à moins de la tolérance (réglage, ±5 points sur 100) "
               "de la notation de référence du même contact / notations de calibrage."),
    Kpi("forecast_accuracy", "Forecast accuracy", "Fiabilité de la prévision", PCT, "higher",
        "abs(offered - forecast_offered)", "forecast_offered", complement=True,
        combine=EACH_OVER_ITS_ROWS,
        doc_en="1 − |offered − forecast| / forecast (the client's forecast quality).",
        doc_fr="1 − |présentés − prévus| / prévus (qualité de la prévision du client)."),
    Kpi("short_abandon_rate", "Short abandon rate", "Taux d'abandon court", PCT, "none",
        "short_abandoned", "offered",
        doc_en="Abandons before the short-abandon threshold / offered: the share of calls "
               "left out of the answer rate (a high share hides misdials or an IVR issue).",
        doc_fr="Abandons avant le seuil d'abandon court / présentés : la part des appels "
               "exclus du taux de décroché (élevée, elle cache des erreurs de numérotation "
               "ou un souci de SVI)."),
)

KPI_BY_ID = {k.id: k for k in KPIS}
# A KPI's label and description are written once, in its record; the catalogue reads them
# there (kpi.<id>, kpi.<id>.doc).
register({entry: texts for k in KPIS for entry, texts in (
    (f"kpi.{k.id}", (k.en, k.fr)), (f"kpi.{k.id}.doc", (k.doc_en, k.doc_fr)))})

# Where KPIs are shown, each place in its reading order: the committees, the wallboard's
# "today" tiles, bonus/malus and reconciliation read their KPIs here and nowhere else.
SHOWN_IN: dict[str, tuple[str, ...]] = {
    # The production committee's table of the week, and its daily and intraday profiles.
    "production": ("offered", "answered", "answer_rate", "service_level", "asa_s",
                   "abandon_rate", "aht_s", "transfer_rate", "traceability_rate",
                   "csat_score", "occupancy", "quality_score"),
    "production_profile": ("offered", "answered", "answer_rate", "service_level"),
    # The steering committee's 12-month trends, and its drill-downs (queue, site, team, hour).
    "steering_trend": ("service_level", "answer_rate", "asa_s", "aht_s", "traceability_rate",
                       "csat_score", "quality_score", "occupancy"),
    "steering_drill": ("offered", "answer_rate", "service_level", "asa_s", "aht_s",
                       "traceability_rate"),
    # The strategic committee: comparison, ranking (those with a better direction), monthly
    # trends and the targets' review.
    "strategic": ("offered", "answer_rate", "service_level", "asa_s", "abandon_rate",
                  "aht_s", "traceability_rate", "csat_score", "quality_score", "occupancy"),
    # A wallboard's tiles of the day so far.
    "wallboard": ("offered", "answered", "answer_rate", "service_level", "asa_s"),
    # Bonus/malus: the service-level family, whose malus is waived outside the volume band.
    "service_family": ("service_level", "answer_rate", "asa_s", "abandon_rate"),
    # Reconciliation: what a provider's declared report can be checked on.
    "reconciliation": ("offered", "answered", "abandoned", "answer_rate", "service_level",
                       "asa_s", "abandon_rate"),
}


def validate_registry() -> list[str]:
    """Every problem of the registry, each naming the KPI and what to change."""
    issues = []
    seen = set()
    for kpi in KPIS:
        if kpi.id in seen:
            issues.append(f"{kpi.id}: declared twice; keep one record")
        seen.add(kpi.id)
        for field in ("en", "fr", "doc_en", "doc_fr"):
            if not getattr(kpi, field):
                issues.append(f"{kpi.id}: {field} is empty; write the label or description")
        if not kpi.measures:
            issues.append(f"{kpi.id}: refers to no declared measure; check num and den")
        words = set(re.findall(r"\b[a-z_]+\b", f"{kpi.num} {kpi.den or ''}"))
        unknown = words - set(MEASURES) - {"abs"}
        if unknown:
            issues.append(f"{kpi.id}: unknown measures {sorted(unknown)}; declare them in a "
                          "source")
        if kpi.unit not in (PCT, SECONDS, COUNT, SCORE, AMOUNT, RATE):
            issues.append(f"{kpi.id}: unknown unit {kpi.unit}")
        issues += _combination_issues(kpi)
    for place, ids in SHOWN_IN.items():
        issues += [f"SHOWN_IN[{place!r}]: unknown KPI {k}; declare it in KPIS" for k in ids
                   if k not in KPI_BY_ID]
    return issues


def feeding_sources(kpi: Kpi) -> list[str]:
    """The sources that feed every measure of the KPI."""
    return [name for name, source in SOURCES.items()
            if all(m in source.measures for m in kpi.measures)]


def _combination_issues(kpi: Kpi) -> list[str]:
    if kpi.combine not in (None, EACH_OVER_ITS_ROWS):
        return [f"{kpi.id}: unknown combine rule {kpi.combine!r}"]
    if kpi.combine is None and len(kpi.measures) > 1 and not feeding_sources(kpi):
        return [f"{kpi.id}: its measures {kpi.measures} come from different sources and no "
                "source feeds them all; say how they combine (combine="
                f"'{EACH_OVER_ITS_ROWS}') or feed them from one source"]
    return []
