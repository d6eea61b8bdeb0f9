"""The canonical model's input fields per kind of export (SPEC §2), with their header aliases.

An import profile maps a file's columns onto these fields; the importer then types them with
`parse` and derives the stored columns. Aliases are written normalised (see `normalise`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kpi.ingest.parse import (
    BOOL,
    DATE,
    DURATION,
    NUMBER,
    PERCENT,
    PERIOD,
    TEXT,
    TIME,
    TIMESTAMP,
    FieldType,
)


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    aliases: tuple[str, ...] = ()


def normalise(header: str) -> str:
    """'Durée d'attente (s)' -> 'duree_d_attente_s': lower case, no accents, words by '_'."""
    text = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _f(name: str, type_: FieldType, *aliases: str) -> Field:
    return Field(name, type_, (name, *aliases))


PROVIDER = _f("provider", TEXT, "prestataire", "fournisseur", "bpo", "outsourcer", "vendor")

KIND_FIELDS: dict[str, tuple[Field, ...]] = {
    "contacts": (
        PROVIDER,
        _f("contact_id", TEXT, "id", "id_contact", "identifiant", "identifiant_contact",
           "id_appel", "call_id", "numero_appel", "interaction_id"),
        _f("site", TEXT, "centre", "center", "plateau", "location"),
        _f("queue", TEXT, "file", "file_attente", "file_d_attente", "skill", "competence",
           "campaign", "campagne", "activite", "activity", "service", "topic"),
        _f("channel", TEXT, "canal", "media", "media_type"),
        _f("direction", TEXT, "sens", "type_appel", "call_type"),
        _f("arrived_at", TIMESTAMP, "arrival", "arrived", "date_heure_arrivee", "arrivee",
           "date_arrivee", "heure_arrivee", "offered_at", "start_time", "date_heure",
           "horodatage", "timestamp", "date_appel", "debut"),
        _f("arrived_date", DATE, "date", "jour", "call_date"),
        _f("arrived_time", TIME, "time", "heure", "call_time"),
        _f("answered_at", TIMESTAMP, "date_reponse", "heure_reponse", "decroche_a",
           "date_decroche", "answer_time", "connected_at"),
        _f("ended_at", TIMESTAMP, "end_time", "date_fin", "heure_fin", "fin", "disconnected_at"),
        _f("answered", BOOL, "repondu", "decroche", "answered_y_n", "is_answered"),
        _f("abandoned", BOOL, "abandonne", "abandon", "is_abandoned"),
        _f("wait_s", DURATION, "wait", "attente", "temps_attente", "duree_attente",
           "duree_d_attente", "queue_time", "wait_time", "speed_of_answer_in_seconds",
           "temps_d_attente"),
        _f("talk_s", DURATION, "talk", "conversation", "duree_conversation",
           "temps_conversation", "talk_time", "talk_duration", "avgtalkduration"),
        _f("hold_s", DURATION, "hold", "mise_en_attente", "duree_mise_en_attente",
           "hold_time", "garde"),
        _f("acw_s", DURATION, "acw", "post_appel", "duree_post_appel", "temps_post_appel",
           "wrap_up_time", "after_call_work", "after_call_work_time"),
        _f("agent_id", TEXT, "agent", "conseiller", "id_agent", "matricule", "id_conseiller",
           "agent_name"),
        _f("transferred", BOOL, "transfere", "transfert", "transfer", "is_transferred"),
        _f("contact_reason", TEXT, "motif", "motif_contact", "motif_d_appel", "reason",
           "wrap_up_code", "wrap_up", "qualification", "code_qualification"),
        _f("outcome", TEXT, "resultat", "issue", "disposition", "result"),
        _f("sale_amount", NUMBER, "montant_vente", "montant", "revenue", "amount"),
        _f("customer_id", TEXT, "id_client", "numero_client", "client", "customer"),
        _f("csat", NUMBER, "satisfaction", "note_satisfaction", "satisfaction_rating"),
        _f("nps", NUMBER, "recommandation", "note_recommandation", "likelihood_to_recommend"),
    ),
    "intervals": (
        PROVIDER,
        _f("queue", TEXT, "file", "file_attente", "file_d_attente", "skill", "competence",
           "campaign", "campagne", "activite", "service"),
        _f("interval_start", TIMESTAMP, "interval", "debut_intervalle", "intervalle",
           "tranche", "tranche_horaire", "period_start", "datetime", "date_heure"),
        _f("interval_min", NUMBER, "interval_minutes", "duree_intervalle"),
        _f("offered", NUMBER, "offerts", "appels_offerts", "presentes", "appels_presentes",
           "incoming", "incoming_calls", "calls_offered"),
        _f("answered", NUMBER, "traites", "appels_traites", "decroches", "repondus",
           "answered_calls", "calls_answered"),
        _f("abandoned", NUMBER, "abandonnes", "appels_abandonnes", "abandoned_calls"),
        _f("short_abandoned", NUMBER, "abandons_courts", "short_abandons"),
        _f("answered_within_sl", NUMBER, "traites_dans_sl", "repondus_dans_le_seuil",
           "answered_in_sl", "answered_within_threshold"),
        _f("talk_s", DURATION, "talk", "conversation", "duree_conversation", "talk_time"),
        _f("hold_s", DURATION, "hold", "mise_en_attente", "hold_time"),
        _f("acw_s", DURATION, "acw", "post_appel", "wrap_up_time"),
        _f("wait_s", DURATION, "wait", "attente", "temps_attente", "wait_time"),
    ),
    "agent_activity": (
        PROVIDER,
        _f("date", DATE, "jour", "day"),
        _f("interval_start", TIMESTAMP, "interval", "debut_intervalle", "tranche"),
        _f("agent_id", TEXT, "agent", "conseiller", "id_agent", "matricule", "id_conseiller"),
        _f("site", TEXT, "centre", "plateau"),
        _f("team", TEXT, "equipe", "groupe", "team_name"),
        _f("scheduled_s", DURATION, "scheduled", "planifie", "temps_planifie", "planning"),
        _f("logged_s", DURATION, "logged", "connecte", "temps_connecte", "temps_de_log",
           "login_time"),
        _f("available_s", DURATION, "available", "disponible", "temps_disponible", "idle"),
        _f("talk_s", DURATION, "talk", "conversation", "temps_conversation"),
        _f("hold_s", DURATION, "hold", "mise_en_attente"),
        _f("acw_s", DURATION, "acw", "post_appel", "temps_post_appel"),
        _f("pause_s", DURATION, "pause", "temps_pause", "not_ready"),
        _f("absence_s", DURATION, "absence", "temps_absence", "absent"),
    ),
    "evaluations": (
        PROVIDER,
        _f("evaluation_id", TEXT, "id_evaluation", "evaluation", "eval_id"),
        _f("evaluated_at", TIMESTAMP, "date_evaluation", "evaluation_date", "evalue_le"),
        _f("agent_id", TEXT, "agent", "conseiller", "matricule"),
        _f("evaluator", TEXT, "evaluateur", "evaluatrice", "scorer", "auditeur"),
        _f("contact_id", TEXT, "id_contact", "id_appel", "call_id"),
        _f("grid", TEXT, "grille", "grille_qualite", "form", "scorecard"),
        _f("item", TEXT, "critere", "question", "item_name"),
        _f("score", NUMBER, "note", "points"),
        _f("max_score", NUMBER, "note_max", "bareme", "max_points", "max"),
        _f("session_id", TEXT, "session", "id_session", "calibration_session"),
        _f("is_reference", BOOL, "reference", "est_reference", "reference_scoring"),
    ),
    "snapshots": (
        PROVIDER,
        _f("at", TIMESTAMP, "snapshot_at", "horodatage", "timestamp", "date_heure", "time"),
        _f("queue", TEXT, "file", "file_attente", "skill", "campagne", "campaign"),
        _f("waiting", NUMBER, "en_attente", "contacts_waiting", "calls_waiting",
           "appels_en_attente"),
        _f("longest_wait_s", DURATION, "plus_longue_attente", "longest_wait", "oldest_call"),
        _f("agents_on_contact", NUMBER, "agents_en_communication", "agents_on_call",
           "en_communication"),
        _f("agents_available", NUMBER, "agents_disponibles", "disponibles", "available"),
        _f("agents_paused", NUMBER, "agents_en_pause", "en_pause", "paused"),
    ),
    "forecasts": (
        PROVIDER,
        _f("queue", TEXT, "file", "file_attente", "skill", "campagne", "campaign"),
        _f("date", DATE, "jour", "day"),
        _f("interval_start", TIMESTAMP, "interval", "debut_intervalle", "tranche"),
        _f("forecast_offered", NUMBER, "prevision", "previsions", "volume_prevu",
           "forecast", "forecast_volume", "prevision_appels"),
        _f("forecast_aht_s", DURATION, "dmt_prevue", "forecast_aht", "aht_prevu"),
    ),
    # A provider's own figures per interval, day, ISO week or month (SPEC §2.2, §6).
    "declared": (
        PROVIDER,
        _f("period_start", TIMESTAMP, "date_heure", "interval_start", "debut", "datetime"),
        _f("period_date", PERIOD, "date", "jour", "day", "period", "periode", "mois", "month",
           "semaine", "week", "periode_du_rapport", "report_period", "mois_annee",
           "year_month", "iso_week", "semaine_iso"),
        _f("day_number", NUMBER, "index", "day_index", "numero_jour", "jour_numero"),
        _f("period_min", NUMBER, "interval_minutes", "duree_periode"),
        _f("queue", TEXT, "file", "file_attente", "skill", "campagne", "campaign"),
        _f("offered", NUMBER, "incoming_calls", "incoming", "offerts", "appels_offerts",
           "appels_presentes", "calls_offered", "offered_calls", "inbound_calls",
           "calls_received", "received_calls", "appels_recus", "appels_entrants",
           "nombre_d_appels", "nb_appels", "total_calls"),
        _f("answered", NUMBER, "answered_calls", "traites", "appels_traites", "decroches",
           "calls_answered", "calls_handled", "handled_calls", "handled",
           "appels_decroches", "appels_repondus", "repondus"),
        _f("abandoned", NUMBER, "abandoned_calls", "abandonnes", "appels_abandonnes",
           "calls_abandoned", "abandons", "appels_perdus", "lost_calls"),
        _f("answer_rate", PERCENT, "taux_de_decroche", "taux_decroche", "taux_de_reponse",
           "answered_rate", "answer_rate_pct", "pct_answered"),
        _f("abandon_rate", PERCENT, "abandonment_rate", "abandoned_rate", "taux_d_abandon",
           "taux_abandon", "taux_d_abandons", "abandon_rate_pct", "pct_abandoned"),
        _f("service_level", PERCENT, "service_level_20_seconds", "niveau_de_service", "sl",
           "ns", "service_level_20s", "service_level_pct", "taux_de_service"),
        _f("asa_s", DURATION, "answer_speed_avg", "asa", "temps_moyen_de_reponse",
           "average_speed_of_answer", "average_speed_of_answer_s", "asa_sec",
           "asa_seconds", "delai_moyen_de_reponse", "temps_moyen_de_reponse_s"),
        _f("talk_avg_s", DURATION, "talk_duration_avg", "dmc", "duree_moyenne_conversation",
           "average_talk_time"),
        _f("wait_avg_s", DURATION, "waiting_time_avg", "attente_moyenne", "average_wait_time"),
    ),
}

# What a file of each kind must give: each entry is a list of alternatives, one of which must
# be fully mapped (e.g. a timestamp, or a date and a time).
REQUIRED: dict[str, tuple[tuple[tuple[str, ...], ...], ...]] = {
    "contacts": (
        (("contact_id",),),
        (("queue",),),
        (("arrived_at",), ("arrived_date", "arrived_time")),
    ),
    "intervals": ((("queue",),), (("interval_start",),), (("offered",),), (("answered",),)),
    "agent_activity": ((("agent_id",),), (("date",), ("interval_start",))),
    "evaluations": (
        (("evaluation_id",),),
        (("evaluator",),),
        (("item",),),
        (("score",),),
        (("max_score",),),
    ),
    "snapshots": ((("at",),), (("queue",),)),
    "forecasts": ((("queue",),), (("date",), ("interval_start",)), (("forecast_offered",),)),
    "declared": ((("period_start",), ("period_date",), ("day_number",)), (("offered",),)),
}

KINDS = tuple(KIND_FIELDS)


def field_map(kind: str) -> dict[str, Field]:
    return {f.name: f for f in KIND_FIELDS[kind]}
