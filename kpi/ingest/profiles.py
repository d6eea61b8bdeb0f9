"""Import profiles: how one export layout maps onto the canonical fields of its kind.

A profile turns the raw all-text table of a file into one text column per canonical field
(`Resolved.select_sql`); typing and checks happen afterwards, the same for every profile.

- `AliasProfile`: the generic formats of SPEC §2, matched through header aliases (French and
  English), or through a pilot's saved mapping (field -> header).
- `TemplateProfile`: a platform layout whose columns need expressions (Five9, the bank ACD log,
  Amazon Connect records). Templates name headers as `{normalised_header}`.
- `AsteriskQueueLog`: an event log, one row per event, aggregated into one row per call.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kpi.errors import Joined, LayoutUnknown, Msg, Problem
from kpi.ingest.fields import KIND_FIELDS, REQUIRED, field_map, normalise


@dataclass(frozen=True)
class Resolved:
    """A profile applied to one file's header."""

    profile: Profile
    select_sql: str  # SELECT _row, <field> ... FROM raw
    sources: dict[str, str]  # field -> what a person calls its source (header or formula)
    filtered_reason: Msg | None = None  # why rows may be left out by the profile
    # Runs on the import's cursor before select_sql (helper tables filled with parameters).
    prepare: Callable | None = None

    @property
    def kind(self) -> str:
        return self.profile.kind

    @property
    def fields(self) -> list[str]:
        return list(self.sources)


@dataclass(frozen=True)
class Profile:
    name: str
    kind: str
    title: str  # a Msg for the built-in layouts and saved mappings (read in either language)
    reader: str = "table"  # table (CSV/XLSX), json_lines or queue_log

    def resolve(self, headers: list[str]) -> Resolved | list[str]:
        """The mapping for this header, or the list of what is missing."""
        raise NotImplementedError


def _ident(i: int) -> str:
    return f"c{i}"


def _required_missing(kind: str, mapped: set[str]) -> list[tuple[str, ...]]:
    missing = []
    for alternatives in REQUIRED[kind]:
        if not any(set(alt) <= mapped for alt in alternatives):
            missing.append(alternatives[0])
    return missing


@dataclass(frozen=True)
class AliasProfile(Profile):
    # A saved mapping: canonical field -> the file's header, exactly as written.
    mapping: dict[str, str] = field(default_factory=dict)

    def match_headers(self, headers: list[str]) -> dict[str, int]:
        """field -> index of the header that feeds it."""
        found: dict[str, int] = {}
        if self.mapping:
            positions = {h: i for i, h in enumerate(headers)}
            for name, header in self.mapping.items():
                if header in positions:
                    found[name] = positions[header]
            return found
        normalised = [normalise(h) for h in headers]
        for f in KIND_FIELDS[self.kind]:
            for alias in f.aliases:
                if alias in normalised:
                    found[f.name] = normalised.index(alias)
                    break
        return found

    def resolve(self, headers: list[str]) -> Resolved | list[str]:
        found = self.match_headers(headers)
        missing = _required_missing(self.kind, set(found))
        if missing:
            return [name for alt in missing for name in alt]
        cols = ", ".join(f"{_ident(i)} AS {name}" for name, i in found.items())
        return Resolved(
            profile=self,
            select_sql=f"SELECT _row, {cols} FROM raw",
            sources={name: headers[i] for name, i in found.items()},
        )

    def describe_missing(self, names: list[str]) -> str:
        fields = field_map(self.kind)
        if self.mapping:
            return Joined(", ", (Msg("layout.mapped_to", field=n,
                                     header=self.mapping.get(n, "?")) for n in names))
        return Joined("; ", (Msg("layout.accepted", field=n,
                                 headers=", ".join(fields[n].aliases)) for n in names))


_PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")


@dataclass(frozen=True)
class TemplateProfile(Profile):
    exprs: dict[str, str] = field(default_factory=dict)  # field -> SQL template
    row_filter: str | None = None  # SQL template: rows the platform counts but we do not
    filtered_reason: Msg | None = None

    @property
    def needed_headers(self) -> set[str]:
        found = set()
        for template in (*self.exprs.values(), self.row_filter or ""):
            found.update(_PLACEHOLDER.findall(template))
        return found

    def resolve(self, headers: list[str]) -> Resolved | list[str]:
        positions: dict[str, int] = {}
        for i, h in enumerate(headers):
            positions.setdefault(normalise(h), i)
        missing = sorted(self.needed_headers - set(positions))
        if missing:
            return missing

        def render(template: str) -> str:
            return _PLACEHOLDER.sub(lambda m: _ident(positions[m.group(1)]), template)

        cols = ", ".join(f"{render(t)} AS {name}" for name, t in self.exprs.items())
        where = f" WHERE {render(self.row_filter)}" if self.row_filter else ""
        sources = {}
        for name, template in self.exprs.items():
            refs = _PLACEHOLDER.findall(template)
            direct = template.strip() == "{" + (refs[0] if refs else "") + "}"
            sources[name] = (headers[positions[refs[0]]] if direct
                             else Msg("layout.computed", field=name))
        return Resolved(
            profile=self,
            select_sql=f"SELECT _row, {cols} FROM raw{where}",
            sources=sources,
            filtered_reason=self.filtered_reason,
        )

    def describe_missing(self, names: list[str]) -> str:
        return Msg("layout.columns", columns=", ".join(names))


@dataclass(frozen=True)
class AsteriskQueueLog(Profile):
    """Asterisk `queue_log`: epoch|callid|queue|agent|EVENT|data1|data2|data3|data4|data5."""

    def resolve(self, headers: list[str]) -> Resolved | list[str]:
        # Column i of the log is c{i}: c0 epoch, c1 callid, c2 queue, c3 agent, c4 event.
        iso = "strftime(to_timestamp(try_cast(c0 AS DOUBLE)), '%Y-%m-%dT%H:%M:%SZ')"
        sql = f"""
            SELECT min(_row) AS _row, c1 AS contact_id, c2 AS queue,
              min({iso}) FILTER (WHERE c4 = 'ENTERQUEUE') AS arrived_at,
              min({iso}) FILTER (WHERE c4 = 'CONNECT') AS answered_at,
              max({iso}) FILTER (WHERE c4 IN ('COMPLETECALLER', 'COMPLETEAGENT', 'TRANSFER',
                  'ABANDON', 'EXITWITHTIMEOUT', 'EXITWITHKEY', 'EXITEMPTY')) AS ended_at,
              CASE WHEN count(*) FILTER (WHERE c4 = 'CONNECT') > 0 THEN 'yes' ELSE 'no' END
                  AS answered,
              coalesce(min(c5) FILTER (WHERE c4 = 'CONNECT'),
                       min(c7) FILTER (WHERE c4 IN ('ABANDON', 'EXITWITHTIMEOUT',
                                                    'EXITWITHKEY'))) AS wait_s,
              coalesce(min(c6) FILTER (WHERE c4 IN ('COMPLETECALLER', 'COMPLETEAGENT')),
                       min(c8) FILTER (WHERE c4 = 'TRANSFER')) AS talk_s,
              min(nullif(c3, 'NONE')) FILTER (WHERE c4 = 'CONNECT') AS agent_id,
              CASE WHEN count(*) FILTER (WHERE c4 = 'TRANSFER') > 0 THEN 'yes' ELSE 'no' END
                  AS transferred
            FROM raw
            WHERE c1 IS NOT NULL AND c1 NOT IN ('', 'NONE') AND c2 NOT IN ('', 'NONE')
            GROUP BY c1, c2
            HAVING count(*) FILTER (WHERE c4 = 'ENTERQUEUE') > 0"""
        return Resolved(
            profile=self,
            select_sql=sql,
            sources={
                "contact_id": "callid",
                "queue": "queuename",
                "arrived_at": Msg("layout.event_time", event="ENTERQUEUE"),
                "answered_at": Msg("layout.event_time", event="CONNECT"),
                "ended_at": Msg("layout.end_event_time"),
                "answered": Msg("layout.event", event="CONNECT"),
                "wait_s": "holdtime/waittime",
                "talk_s": "calltime",
                "agent_id": "agent",
                "transferred": Msg("layout.event", event="TRANSFER"),
            },
            filtered_reason=Msg("profile.left_out.asterisk_queue_log"),
        )

    def describe_missing(self, names: list[str]) -> str:
        return ", ".join(names)


_WIDE_ITEM = re.compile(r"^(.*?)\s*[(\[]?\s*/\s*(\d+(?:[.,]\d+)?)\s*[)\]]?\s*$")


@dataclass(frozen=True)
class WideEvaluations(Profile):
    """Quality evaluations with one column per grid item, its maximum in the header
    ('Accueil /10', 'Empathy (/5)'), unpivoted to one row per item."""

    def resolve(self, headers: list[str]) -> Resolved | list[str]:
        meta = AliasProfile("evaluations", "evaluations", "").match_headers(headers)
        meta = {k: v for k, v in meta.items() if k not in ("item", "score", "max_score")}
        items = []
        for i, header in enumerate(headers):
            m = _WIDE_ITEM.match(str(header))
            if m and m.group(1) and i not in meta.values():
                items.append((_ident(i), m.group(1).strip(), float(m.group(2).replace(",", "."))))
        missing = [] if "evaluation_id" in meta else ["evaluation_id"]
        if not items:
            missing.append(Msg("layout.wide_items"))
        if missing:
            return missing
        columns = ", ".join(f"{_ident(i)} AS {name}" for name, i in meta.items())
        item_cols = ", ".join(col for col, _, _ in items)

        def prepare(cur) -> None:
            cur.execute("CREATE OR REPLACE TEMP TABLE wide_items (col VARCHAR, item VARCHAR, "
                        "max_score DOUBLE)")
            cur.executemany("INSERT INTO wide_items VALUES (?, ?, ?)", items)

        sql = f"""SELECT u._row, {', '.join('u.' + n for n in meta)}, w.item,
                         u.score, CAST(w.max_score AS VARCHAR) AS max_score
                  FROM (SELECT _row, {columns}, {item_cols} FROM raw)
                       UNPIVOT (score FOR col IN ({item_cols})) AS u
                  JOIN wide_items w USING (col)
                  WHERE nullif(trim(u.score), '') IS NOT NULL"""
        sources = {name: headers[i] for name, i in meta.items()}
        sources.update(item=Msg("layout.item_header"), score=Msg("layout.item_column"),
                       max_score=Msg("layout.item_max"))
        return Resolved(self, sql, sources, prepare=prepare,
                        filtered_reason=Msg("profile.left_out.evaluations_wide"))

    def describe_missing(self, names: list[str]) -> str:
        return Joined(", ", names)


# The Technion "Anonymous Bank" ACD log (../shared/data/anonymous-bank-1999-*): one row per
# call that reached the VRU. Times are H:MM:SS on the entry `date` (yymmdd); `0:00:00` means
# "did not happen"; an exit earlier than the entry is the next day. The call is offered to the
# agents' queue when it queued (q_time > 0) or was served; it arrives at q_start, or at
# ser_start when served without queueing. Waits and service come from the *_time columns,
# which are exact, rather than from the unsynchronised clocks of the three subsystems.
_BANK_START = "(CASE WHEN try_cast({q_time} AS INTEGER) > 0 THEN {q_start} ELSE {ser_start} END)"
_BANK_ARRIVAL = (
    "strftime(CAST(try_strptime({date}, '%y%m%d') AS DATE) + try_cast(" + _BANK_START
    + " AS TIME) + CASE WHEN try_cast(" + _BANK_START
    + " AS TIME) < try_cast({vru_entry} AS TIME) THEN INTERVAL 1 DAY ELSE INTERVAL 0 DAY END,"
    " '%Y-%m-%d %H:%M:%S')"
)

FIVE9_TIMESTAMP = (
    "coalesce(strftime(try_strptime(trim({timestamp}), ['%a, %d %b %Y %H:%M:%S',"
    " '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %I:%M:%S %p']), '%Y-%m-%d %H:%M:%S'), {timestamp})"
)


def _json(path: str) -> str:
    return "({json} ->> '" + path + "')"


BUILTIN_PROFILES: tuple[Profile, ...] = (
    TemplateProfile(
        "five9",
        "contacts",
        Msg("profile.five9"),
        exprs={
            "contact_id": "{call_id}",
            "arrived_at": FIVE9_TIMESTAMP,
            "queue": "{campaign}",
            "agent_id": "nullif(trim({agent}), '')",
            "contact_reason": "{disposition}",
            "wait_s": "{queue_wait_time}",
            "talk_s": "{talk_time}",
            "hold_s": "{hold_time}",
            "acw_s": "{after_call_work_time}",
            "transferred": "CASE WHEN trim({transfers}) = '' THEN NULL"
            " WHEN try_cast({transfers} AS INTEGER) IS NULL THEN {transfers}"
            " WHEN try_cast({transfers} AS INTEGER) > 0 THEN 'yes' ELSE 'no' END",
            "abandoned": "{abandoned}",
        },
    ),
    TemplateProfile(
        "bank_acd_log",
        "contacts",
        Msg("profile.bank_acd_log"),
        exprs={
            "contact_id": "{date} || '-' || {vru_line} || '-' || {call_id}",
            "queue": "{type}",
            "arrived_at": _BANK_ARRIVAL,
            "answered": "CASE WHEN {outcome} = 'AGENT' THEN 'yes' ELSE 'no' END",
            "wait_s": "{q_time}",
            "talk_s": "CASE WHEN {outcome} = 'AGENT' THEN {ser_time} END",
            "agent_id": "nullif({server}, 'NO_SERVER')",
            "customer_id": "nullif({customer_id}, '0')",
        },
        row_filter="{outcome} <> 'PHANTOM'"
        " AND ({outcome} = 'AGENT' OR try_cast({q_time} AS INTEGER) > 0)",
        filtered_reason=Msg("profile.left_out.bank_acd_log"),
    ),
    TemplateProfile(
        "pwc_case",
        "contacts",
        Msg("profile.pwc_case"),
        exprs={
            "contact_id": "{call_id}",
            "agent_id": "{agent}",
            "arrived_date": "{date}",
            "arrived_time": "{time}",
            "queue": "{topic}",
            "answered": "{answered_y_n}",
            "outcome": "CASE upper(trim({resolved})) WHEN 'Y' THEN 'resolved' ELSE 'none' END",
            "wait_s": "{speed_of_answer_in_seconds}",
            "talk_s": "{avgtalkduration}",
            "csat": "{satisfaction_rating}",
        },
    ),
    TemplateProfile(
        "amazon_connect",
        "contacts",
        Msg("profile.amazon_connect"),
        reader="json_lines",
        exprs={
            "contact_id": _json("$.ContactId"),
            "queue": _json("$.Queue.Name"),
            "channel": "lower(" + _json("$.Channel") + ")",
            "direction": "CASE " + _json("$.InitiationMethod")
            + " WHEN 'OUTBOUND' THEN 'outbound' ELSE 'inbound' END",
            "arrived_at": "coalesce(" + _json("$.Queue.EnqueueTimestamp") + ", "
            + _json("$.InitiationTimestamp") + ")",
            "answered_at": _json("$.Agent.ConnectedToAgentTimestamp"),
            "ended_at": _json("$.DisconnectTimestamp"),
            "wait_s": _json("$.Queue.Duration"),
            "talk_s": _json("$.Agent.AgentInteractionDuration"),
            "hold_s": _json("$.Agent.CustomerHoldDuration"),
            "acw_s": _json("$.Agent.AfterContactWorkDuration"),
            "agent_id": _json("$.Agent.Username"),
            "transferred": "CASE WHEN " + _json("$.TransferredToEndpoint") + " IS NOT NULL"
            " OR " + _json("$.NextContactId") + " IS NOT NULL THEN 'yes' ELSE 'no' END",
            "contact_reason": _json("$.Attributes.contact_reason"),
            "customer_id": _json("$.CustomerEndpoint.Address"),
        },
        row_filter=_json("$.Queue.Name") + " IS NOT NULL",
        filtered_reason=Msg("profile.left_out.amazon_connect"),
    ),
    AsteriskQueueLog("asterisk_queue_log", "contacts", Msg("profile.asterisk_queue_log"),
                     reader="queue_log"),
    AliasProfile("contacts", "contacts", Msg("profile.contacts")),
    AliasProfile("intervals", "intervals", Msg("profile.intervals")),
    AliasProfile("agent_activity", "agent_activity", Msg("profile.agent_activity")),
    AliasProfile("evaluations", "evaluations", Msg("profile.evaluations")),
    WideEvaluations("evaluations_wide", "evaluations", Msg("profile.evaluations_wide")),
    AliasProfile("snapshots", "snapshots", Msg("profile.snapshots")),
    AliasProfile("forecasts", "forecasts", Msg("profile.forecasts")),
    AliasProfile("declared", "declared", Msg("profile.declared")),
)

PROFILES_BY_NAME = {p.name: p for p in BUILTIN_PROFILES}


def saved_profile(name: str, kind: str, mapping: dict[str, str]) -> AliasProfile:
    return AliasProfile(name, kind, Msg("profile.saved", name=name), mapping=dict(mapping))


def detect(
    file_name: str, reader: str, headers: list[str], candidates: list[Profile]
) -> Resolved:
    """The profile that maps the most fields of this header, or a refusal naming what lacks."""
    best: Resolved | None = None
    closest: tuple[int, Profile, list[str]] | None = None
    for profile in candidates:
        if profile.reader != reader:
            continue
        outcome = profile.resolve(headers)
        if isinstance(outcome, Resolved):
            if best is None or len(outcome.fields) > len(best.fields):
                best = outcome
                if isinstance(profile, TemplateProfile | AsteriskQueueLog) or (
                    isinstance(profile, AliasProfile) and profile.mapping
                ):
                    return best  # a platform layout or a saved mapping is unambiguous
        elif closest is None or len(outcome) < closest[0]:
            closest = (len(outcome), profile, outcome)
    if best is not None:
        return best
    expected = Msg("expect.known_layout")
    if closest is not None:
        _, profile, missing = closest
        expected = Msg("expect.known_layout_closest", title=profile.title,
                       missing=profile.describe_missing(missing))
    raise LayoutUnknown(file_name, [Problem(None, None, ", ".join(headers)[:300], expected)])


def resolve_forced(file_name: str, profile: Profile, headers: list[str]) -> Resolved:
    outcome = profile.resolve(headers)
    if isinstance(outcome, Resolved):
        return outcome
    raise LayoutUnknown(file_name, [Problem(
        None, None, ", ".join(headers)[:300],
        Msg("expect.layout_columns", title=profile.title,
            missing=profile.describe_missing(outcome)))])
