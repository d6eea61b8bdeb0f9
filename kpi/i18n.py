"""French and English words of the UI and the number and date formats of each language.

The catalogue is one dict: key -> (English, French). A text that depends on a count is a
dict of CLDR plural categories instead of a string, {"one": …, "other": …}, chosen by the
`n` placeholder: English says "1 file", "0 files"; French says "0 fichier", "1 fichier",
"2 fichiers" (CLDR: French "one" is an integer part of 0 or 1). Our own mechanism rather than
gettext: two languages whose plural rules are one line each, kept beside their texts in one
Python module, with no compiled catalogue to build (tests/test_i18n.py checks that both
languages have every key with the same placeholders and forms).
"""

from __future__ import annotations

from datetime import date, datetime

LANGUAGES = {"fr": "Français", "en": "English"}
DEFAULT_LANGUAGE = "fr"

# key -> (English, French)
MESSAGES: dict[str, tuple[str | dict[str, str], str | dict[str, str]]] = {
    "app.title": ("Cockpit", "Cockpit"),
    "nav.home": ("Home", "Accueil"),
    "nav.import": ("Import", "Import"),
    "nav.data": ("Data", "Données"),
    "nav.group.cockpit": ("Cockpit", "Cockpit"),
    "nav.group.data": ("Data", "Données"),
    "language": ("Language", "Langue"),
    "home.title": ("Steering cockpit", "Cockpit de pilotage"),
    "home.intro": (
        "Cockpit loads your providers' production exports and turns them into the figures "
        "each governance ritual needs.",
        "Cockpit charge les exports de production de vos prestataires et en tire les "
        "chiffres dont chaque rituel de pilotage a besoin.",
    ),
    "home.empty": ("The database is empty: start with the Import page.",
                   "La base est vide : commencez par la page Import."),
    "home.providers": ("Providers", "Prestataires"),
    "home.contacts": ("Contacts", "Contacts"),
    "home.period": ("Period covered", "Période couverte"),
    "home.imports": ("Imports", "Imports"),
    "home.last_imports": ("Latest imports", "Derniers imports"),
    "home.where": ("Where to go", "Par où commencer"),
    "home.go_explorer": ("Follow the KPIs against their targets, week by week",
                         "Suivre les indicateurs face aux objectifs, semaine après semaine"),
    "home.go_targets": ("Check that each target is SMART, and where it stands",
                        "Vérifier que chaque objectif est SMART, et où il en est"),
    "home.go_import": ("Import this week's exports", "Importer les exports de la semaine"),
    "home.go_data": ("Check what the store holds, and the missing days",
                     "Voir ce que contient la base, et les jours manquants"),
    "home.db": ("Database: {path}", "Base : {path}"),
    "import.title": ("Import provider exports", "Importer les exports des prestataires"),
    "import.help": (
        "CSV, TSV, XLSX, JSON lines (Amazon Connect) or Asterisk queue_log. The layout is "
        "detected from the header; several files are imported together, all or nothing.",
        "CSV, TSV, XLSX, JSON lines (Amazon Connect) ou queue_log Asterisk. Le format est "
        "reconnu d'après l'en-tête ; plusieurs fichiers sont importés ensemble, tous ou aucun.",
    ),
    "import.files": ("Export files", "Fichiers d'export"),
    "import.provider": ("Provider (when the file does not say)",
                        "Prestataire (si le fichier ne le dit pas)"),
    "import.provider_placeholder": ("from the file's provider column",
                                    "d'après la colonne prestataire du fichier"),
    "import.first_day": ("First day (numbered reports)", "Premier jour (rapports numérotés)"),
    "import.first_day_help": ("For a declared report that numbers its days (1, 2, 3…) "
                              "instead of dating them: the date of day 1.",
                              "Pour un rapport déclaré qui numérote ses jours (1, 2, 3…) au "
                              "lieu de les dater : la date du jour 1."),
    "import.new_provider": ("New provider name", "Nom du nouveau prestataire"),
    "import.provider_new_option": ("— new provider —", "— nouveau prestataire —"),
    "import.profile": ("Import profile", "Profil d'import"),
    "import.auto": ("Detect from the header", "Reconnaître d'après l'en-tête"),
    "import.skip_bad": ("Set bad rows aside instead of refusing the file",
                        "Mettre de côté les lignes en erreur au lieu de refuser le fichier"),
    "import.preview": ("Check before importing", "Vérification avant import"),
    "import.detected": ("{file}: {profile} · {kind} · {rows} rows · {start} → {end}",
                        "{file} : {profile} · {kind} · {rows} lignes · {start} → {end}"),
    "import.unchanged": ("{file}: already imported (import #{id}); importing it again "
                         "changes nothing.",
                         "{file} : déjà importé (import n°{id}) ; le réimporter ne change "
                         "rien."),
    "import.go": ({"one": "Import {n} file", "other": "Import {n} files"},
                  {"one": "Importer {n} fichier", "other": "Importer {n} fichiers"}),
    "import.done": ("Import finished", "Import terminé"),
    "import.refused": ("Refused: nothing was imported.", "Refusé : rien n'a été importé."),
    "import.mapping": ("Map the columns of an unknown layout",
                       "Associer les colonnes d'un format inconnu"),
    "import.mapping_help": (
        "Choose, for each field Cockpit needs, the column of your file that holds it. Save "
        "the mapping under a name: the next exports in this layout will be recognised.",
        "Choisissez, pour chaque champ attendu, la colonne de votre fichier qui le contient. "
        "Enregistrez l'association sous un nom : les prochains exports de ce format seront "
        "reconnus.",
    ),
    "import.mapping_file": ("File to map", "Fichier à associer"),
    "import.mapping_kind": ("Kind of export", "Type d'export"),
    "import.mapping_name": ("Profile name", "Nom du profil"),
    "import.mapping_save": ("Save the mapping", "Enregistrer l'association"),
    "import.mapping_saved": ("Profile '{name}' saved.", "Profil « {name} » enregistré."),
    "import.not_mapped": ("(not in this file)", "(absent de ce fichier)"),
    "import.history": ("Import history", "Historique des imports"),
    "import.undo": ("Undo an import", "Annuler un import"),
    "import.undo_button": ("Undo import #{id}", "Annuler l'import n°{id}"),
    "import.undone": ("Import #{id} undone: {n} rows removed.",
                      "Import n°{id} annulé : {n} lignes retirées."),
    "import.rejected": ("Rows set aside", "Lignes mises de côté"),
    "import.download_csv": ("Download as CSV", "Télécharger en CSV"),
    "data.title": ("What the store holds", "Contenu de la base"),
    "data.by_kind": ("Rows per provider and kind of export",
                     "Lignes par prestataire et type d'export"),
    "data.coverage": ("Coverage calendar", "Calendrier de couverture"),
    "data.coverage_help": ("Rows per day; a grey square is a day with no row at all.",
                           "Lignes par jour ; une case grise est un jour sans aucune ligne."),
    "data.missing": ("Missing days (no row on a day of the week that usually has data): "
                     "{days}",
                     "Jours manquants (aucune ligne un jour de semaine habituellement "
                     "renseigné) : {days}"),
    "data.no_missing": ("No missing day between {start} and {end}.",
                        "Aucun jour manquant entre le {start} et le {end}."),
    "data.kind": ("Kind", "Type"),
    "data.provider": ("Provider", "Prestataire"),
    "data.empty": ("Nothing imported yet.", "Rien n'a encore été importé."),
    "col.provider": ("Provider", "Prestataire"),
    "col.date": ("Day", "Jour"),
    "col.slot": ("Half-hour", "Demi-heure"),
    "col.kind": ("Kind", "Type"),
    "col.rows": ("Rows", "Lignes"),
    "col.first_day": ("First day", "Premier jour"),
    "col.last_day": ("Last day", "Dernier jour"),
    "col.days": ("Days with data", "Jours avec données"),
    "kind.contacts": ("Contacts", "Contacts"),
    "kind.intervals": ("Interval reports", "Rapports par intervalle"),
    "kind.agent_activity": ("Agent activity", "Activité des conseillers"),
    "kind.evaluations": ("Quality evaluations", "Évaluations qualité"),
    "kind.snapshots": ("Real-time snapshots", "Instantanés temps réel"),
    "kind.forecasts": ("Forecasts", "Prévisions"),
    "kind.declared": ("Declared reports", "Rapports déclarés"),
    "status.active": ("active", "actif"),
    "status.replaced": ("replaced", "remplacé"),
    "status.undone": ("undone", "annulé"),
    "history.import_id": ("#", "n°"),
    "history.file_name": ("File", "Fichier"),
    "history.kind": ("Kind", "Type"),
    "history.profile": ("Profile", "Profil"),
    "history.provider": ("Provider", "Prestataire"),
    "history.rows_read": ("Rows read", "Lignes lues"),
    "history.rows_imported": ("Rows imported", "Lignes importées"),
    "history.duplicates_dropped": ("Duplicates dropped", "Doublons écartés"),
    "history.rows_rejected": ("Rows set aside", "Lignes mises de côté"),
    "history.period_start": ("From", "Du"),
    "history.period_end": ("To", "Au"),
    "history.imported_at": ("Imported at (UTC)", "Importé le (UTC)"),
    "history.imported_by": ("By", "Par"),
    "history.status": ("Status", "Statut"),
    "history.replaced_by": ("Replaced by", "Remplacé par"),
    "nav.group.steering": ("Steering", "Pilotage"),
    "nav.explorer": ("KPI explorer", "Explorateur d'indicateurs"),
    "nav.settings": ("Settings", "Paramètres"),
    "explorer.title": ("KPI explorer", "Explorateur d'indicateurs"),
    "explorer.kpis": ("KPIs", "Indicateurs"),
    "explorer.grain": ("Grain", "Maille"),
    "explorer.by": ("Break down by", "Ventiler par"),
    "explorer.providers": ("Providers (all if empty)", "Prestataires (tous si vide)"),
    "explorer.range": ("Period", "Période"),
    "explorer.choose": ("Choose at least one KPI and a period.",
                        "Choisissez au moins un indicateur et une période."),
    "explorer.no_data": ("No data for this choice.", "Aucune donnée pour ce choix."),
    "explorer.sl_definition": ("Service level definition: {text}",
                               "Définition du niveau de service : {text}"),
    "explorer.all": ("All", "Tous"),
    # A multiselect's placeholder (Streamlit's own reads "Choose options" in any language).
    "ui.choose": ("Choose", "Choisir"),
    # The file uploaders' own words (app_pages/ui.py draws them over Streamlit's English).
    "ui.upload.browse": ("Upload", "Parcourir"),
    "ui.upload.hint": ("Drag and drop files here · {size} MB per file",
                       "Glisser-déposer les fichiers ici · {size} Mo par fichier"),
    "explorer.sl": ("Service level definition", "Définition du niveau de service"),
    "explorer.definition": ("Definition", "Définition"),
    "explorer.definitions": ("Definitions", "Définitions"),
    "explorer.period": ("Period", "Période"),
    "explorer.declared": ("Declared", "Déclaré"),
    "explorer.recomputed": ("Recomputed", "Recalculé"),
    "explorer.reconcile": ("Declared vs recomputed", "Déclaré vs recalculé"),
    "explorer.reconcile_help": (
        "The provider's own figures beside the ones recomputed from the detail it sent for "
        "the same periods; the detail is what every KPI uses. Gap = declared − recomputed.",
        "Les chiffres du prestataire à côté de ceux recalculés depuis le détail envoyé pour "
        "les mêmes périodes ; tous les indicateurs utilisent le détail. Écart = déclaré − "
        "recalculé."),
    "explorer.reconcile_none": ("No period has both a declared report and detail.",
                                "Aucune période n'a à la fois un rapport déclaré et le "
                                "détail."),
    "explorer.table": ("Values, with their numerators and denominators",
                       "Valeurs, avec numérateurs et dénominateurs"),
    "explorer.totals": ("Whole selection (Σ numerator / Σ denominator):",
                        "Toute la sélection (Σ numérateur / Σ dénominateur) :"),
    "explorer.download_csv": ("Download CSV", "Télécharger en CSV"),
    "explorer.download_xlsx": ("Download Excel", "Télécharger en Excel"),
    "grain.interval": ("Interval", "Intervalle"),
    "grain.day": ("Day", "Jour"),
    "grain.week": ("Week", "Semaine"),
    "grain.month": ("Month", "Mois"),
    "grain.quarter": ("Quarter", "Trimestre"),
    "grain.year": ("Year", "Année"),
    "scope.provider": ("Provider", "Prestataire"),
    "scope.site": ("Site", "Site"),
    "scope.queue": ("Queue", "File"),
    "scope.channel": ("Channel", "Canal"),
    "scope.agent": ("Agent", "Conseiller"),
    "scope.team": ("Team", "Équipe"),
    "settings.title": ("Settings", "Paramètres"),
    "settings.help": (
        "KPI settings per provider, and per queue where a contract says otherwise (an empty "
        "cell takes the provider's value). The time zone applies to the next imports.",
        "Paramètres des indicateurs par prestataire, et par file quand le contrat le prévoit "
        "(une case vide reprend la valeur du prestataire). Le fuseau horaire s'applique aux "
        "prochains imports."),
    "settings.providers": ("Providers", "Prestataires"),
    "settings.live": ("Export drops, wallboards and quality", "Dépôts d'exports, murs "
                                                               "d'écrans et qualité"),
    "settings.calibration_tolerance": ("Calibration tolerance (points)",
                                       "Tolérance de calibrage (points)"),
    "settings.evaluations_per_agent_month": ("Evaluations per agent a month",
                                             "Évaluations par conseiller et par mois"),
    "settings.inbox_dir": ("Inbox folder (empty: 'inbox' beside the database)",
                           "Dossier de dépôt (vide : 'inbox' à côté de la base)"),
    "settings.stale_after_min": ("Stale after (min)", "Périmé après (min)"),
    "settings.watch_interval_s": ("Look every (s)", "Relever toutes les (s)"),
    "settings.save_live": ("Save these settings", "Enregistrer ces réglages"),
    "settings.currency": ("Currency", "Devise"),
    "settings.currency.help": (
        "ISO code of the currency of the amounts (bonus / malus, payments, packs): EUR, USD, "
        "GBP, CHF are written with their symbol, any other code as itself.",
        "Code ISO de la devise des montants (bonus / malus, paiements, dossiers) : EUR, USD, "
        "GBP, CHF s'écrivent avec leur symbole, tout autre code tel quel."),
    "settings.not_a_number": ("{value} is not a number (write 90.5)",
                              "{value} n'est pas un nombre (écrivez 90,5)"),
    "settings.currency.invalid": ("The currency must be an ISO code of three capital letters "
                                  "(EUR, USD…), not {value}",
                                  "La devise doit être un code ISO de trois lettres "
                                  "majuscules (EUR, USD…), pas {value}"),
    "settings.queues": ("Queue overrides", "Exceptions par file"),
    "settings.queue": ("Queue", "File"),
    "settings.time_zone": ("Time zone", "Fuseau horaire"),
    "settings.sl_threshold_s": ("SL threshold (s)", "Seuil NS (s)"),
    "settings.short_abandon_s": ("Short abandon under (s)", "Abandon court sous (s)"),
    "settings.repeat_window_days": ("Repeat window (days)", "Fenêtre de rappel (jours)"),
    "settings.sl_variant": ("SL definition", "Définition du NS"),
    "settings.save": ("Save settings", "Enregistrer les paramètres"),
    "settings.saving": ("Saving… a repeat window longer than any before recomputes the repeat "
                        "contacts of every customer.",
                        "Enregistrement… une fenêtre de rappel plus longue que toutes les "
                        "précédentes recalcule les rappels de chaque client."),
    "settings.saved": ("Settings saved.", "Paramètres enregistrés."),
    "nav.targets": ("Targets", "Objectifs"),
    "targets.title": ("SMART targets", "Objectifs SMART"),
    "targets.help": (
        "One KPI and one scope per target, a value, a start and a deadline, a priority and "
        "the business reason.",
        "Un indicateur et un périmètre par objectif, une valeur, un début et une échéance, une "
        "priorité et la raison métier."),
    "targets.kpi": ("KPI", "Indicateur"),
    "targets.comparator": ("Comparator", "Comparateur"),
    "targets.value": ("Target", "Objectif"),
    "targets.unit": ("Unit", "Unité"),
    "flags.thresholds_units": (
        "Shares in % (type 90 for 90 %), staffing as a multiple of the hours required, a feed's "
        "silence in days.",
        "Les parts en % (saisir 90 pour 90 %), les effectifs en multiple des heures requises, "
        "le silence d'un flux en jours."),
    "targets.editor_units": (
        "Each value is written in its indicator's unit: rates in % (type 90 for 90 %), "
        "durations in seconds. An imported file keeps rates as fractions (0.9).",
        "Chaque valeur s'écrit dans l'unité de son indicateur : les taux en % (saisir 90 "
        "pour 90 %), les durées en secondes. Un fichier importé garde les taux en "
        "fractions (0,9)."),
    "targets.start": ("Start", "Début"),
    "targets.deadline": ("Deadline", "Échéance"),
    "targets.priority": ("Priority", "Priorité"),
    "targets.owner": ("Owner", "Responsable"),
    "targets.rationale": ("Rationale", "Raison"),
    "targets.save": ("Save the register", "Enregistrer le registre"),
    "targets.saved": ("Targets saved.", "Objectifs enregistrés."),
    "targets.cap": ("Top-priority targets per provider, at most",
                    "Objectifs de priorité 1 par prestataire, au plus"),
    "targets.too_many": (
        "{provider} has {n} top-priority targets (cap {cap}): too many priorities lose the "
        "provider's managers.",
        "{provider} a {n} objectifs de priorité 1 (plafond {cap}) : trop de priorités perdent "
        "les managers du prestataire."),
    "targets.checks": ("Is each target SMART?", "Chaque objectif est-il SMART ?"),
    "targets.check.specific": ("Specific", "Spécifique"),
    "targets.check.measurable": ("Measurable", "Mesurable"),
    "targets.check.achievable": ("Achievable", "Atteignable"),
    "targets.check.relevant": ("Relevant", "Pertinent"),
    "targets.check.time_bound": ("Time-bound", "Temporel"),
    "targets.history": ("Against the provider's history", "Face à l'historique du prestataire"),
    "targets.to_fix": ("To fix", "À corriger"),
    "targets.attainment": ("Attainment, week by week", "Atteinte, semaine par semaine"),
    "targets.last": ("Last week", "Dernière semaine"),
    "targets.status": ("Status", "Statut"),
    "targets.gap": ("Gap", "Écart"),
    "targets.trend": ("Trend", "Tendance"),
    "targets.met_share": ("Weeks met", "Semaines atteintes"),
    "status.met": ("met", "atteint"),
    "status.missed": ("missed", "manqué"),
    "status.no data": ("no data", "pas de données"),
    "trend.improving": ("↗ improving", "↗ en progrès"),
    "trend.worsening": ("↘ worsening", "↘ en recul"),
    "trend.flat": ("→ flat", "→ stable"),
    "nav.group.committees": ("Committees", "Comités"),
    "nav.production": ("Production committee", "Comité de production"),
    "production.title": ("Weekly production committee", "Comité de production hebdomadaire"),
    "production.week": ("Week", "Semaine"),
    "production.no_week": ("No complete week of contacts for this provider yet.",
                           "Pas encore de semaine complète de contacts pour ce prestataire."),
    "production.kpis": ("The week against targets", "La semaine face aux objectifs"),
    "production.this_week": ("This week", "Semaine"),
    "production.previous": ("Previous week", "Semaine précédente"),
    "production.four_weeks": ("4 weeks before", "4 semaines avant"),
    "production.delta": ("Δ vs previous", "Δ vs précédente"),
    "production.daily": ("Day by day", "Jour par jour"),
    "production.actual": ("Offered", "Présentés"),
    "production.forecast": ("Client's forecast", "Prévision du client"),
    "production.forecast_title": ("Volume vs forecast (accuracy {accuracy})",
                                  "Volume vs prévision (fiabilité {accuracy})"),
    "production.intraday": ("Intraday profile, 30 minutes (red: service level below target)",
                            "Profil intrajournalier, 30 minutes (rouge : niveau de service "
                            "sous l'objectif)"),
    "production.missed_slots": ("Half-hours below the service-level target: {slots}",
                                "Demi-heures sous l'objectif de niveau de service : {slots}"),
    "production.feedback": ("The provider's alerts and recommendations this week",
                            "Alertes et recommandations du prestataire cette semaine"),
    "production.actions": ("Actions due or overdue", "Actions à échéance ou en retard"),
    "production.none": ("None.", "Aucune."),
    "production.forecast_section": ("Volume vs the client's forecast",
                                    "Volume face à la prévision du client"),
    "production.accuracy": ("Forecast accuracy over the week: {accuracy}",
                            "Fiabilité de la prévision sur la semaine : {accuracy}"),
    "production.intraday_short": ("Intraday, 30 minutes", "Infrajournalier, 30 minutes"),
    "nav.wallboard": ("Wallboard", "Mur d'écrans"),
    "nav.boards": ("Wallboard editor", "Éditeur de murs"),
    "wallboard.title": ("Wallboard", "Mur d'écrans"),
    "wallboard.no_data_today": ("no data yet today", "pas encore de données aujourd'hui"),
    "wallboard.data_at": ("data at {time}", "données de {time}"),
    "wallboard.stale": ("STALE FEED — no data today", "FLUX INTERROMPU — aucune donnée "
                                                      "aujourd'hui"),
    "wallboard.stale_for": ("STALE FEED — last data {minutes} min ago",
                            "FLUX INTERROMPU — dernières données il y a {minutes} min"),
    "wallboard.target": ("target {sign} {value}", "objectif {sign} {value}"),
    "wallboard.vs_forecast": ("Offered {offered} of {forecast} forecast today",
                              "Présentés {offered} sur {forecast} prévus aujourd'hui"),
    "wallboard.tile.waiting": ("Waiting", "En attente"),
    "wallboard.tile.longest_wait_s": ("Longest wait", "Attente max"),
    "wallboard.tile.agents_on_contact": ("On contact", "En ligne"),
    "wallboard.tile.agents_available": ("Available", "Disponibles"),
    "wallboard.tile.agents_paused": ("Paused", "En pause"),
    "wallboard.tile.offered": ("Offered today", "Présentés"),
    "wallboard.tile.answered": ("Answered today", "Traités"),
    "wallboard.tile.answer_rate": ("Answer rate", "Décroché"),
    "wallboard.tile.service_level": ("Service level", "Niveau de service"),
    "wallboard.tile.asa_s": ("ASA", "Temps de décroché"),
    "wallboard.kiosk_link": ("Kiosk link for the floor's screens (no menu, live):",
                             "Lien kiosque pour les écrans du plateau (sans menu, en direct) :"),
    "wallboard.open_kiosk": ("Open in kiosk mode", "Ouvrir en mode kiosque"),
    "wallboard.unknown_board": ("No wallboard named {name}.", "Aucun mur nommé {name}."),
    "wallboard.no_provider": ("No provider yet: import exports first.",
                              "Aucun prestataire : importez d'abord des exports."),
    "wallboard.board": ("Saved board", "Mur enregistré"),
    "wallboard.adhoc": ("(choose below)", "(choisir ci-dessous)"),
    "wallboard.feed": ("Inbox: {inbox} — looked at every {interval} s",
                       "Boîte de dépôt : {inbox} — relevée toutes les {interval} s"),
    "wallboard.recent": ("Latest drops", "Derniers dépôts"),
    "boards.title": ("Wallboard editor", "Éditeur de murs"),
    "boards.name": ("Board name", "Nom du mur"),
    "boards.scopes": ("Providers shown in turn", "Prestataires affichés à tour de rôle"),
    "boards.queues": ("Queues of {provider} (none: all)", "Files de {provider} (aucune : "
                                                          "toutes)"),
    "boards.tiles": ("Tiles", "Tuiles"),
    "boards.refresh": ("Refresh every (s)", "Rafraîchir toutes les (s)"),
    "boards.rotate": ("Each provider stays (s)", "Chaque prestataire reste (s)"),
    "boards.show_queues": ("A row per queue", "Une ligne par file"),
    "boards.thresholds": ("Thresholds (empty: from the targets)",
                          "Seuils (vides : tirés des objectifs)"),
    "boards.green": ("green at", "vert à partir de"),
    "boards.better": ("Better when", "Mieux quand"),
    "boards.better.higher": ("higher ≥", "plus haut ≥"),
    "boards.better.lower": ("lower ≤", "plus bas ≤"),
    "boards.thresholds_units": (
        "Rates in % (type 80 for 80 %), waits in seconds, agents and contacts as counts.",
        "Les taux en % (saisir 80 pour 80 %), les attentes en secondes, agents et contacts en "
        "nombre."),
    "boards.red": ("red beyond", "rouge au-delà de"),
    "boards.save": ("Save the board", "Enregistrer le mur"),
    "boards.saved": ("Board saved.", "Mur enregistré."),
    "boards.saved_list": ("Saved boards", "Murs enregistrés"),
    "boards.load": ("Edit a saved board", "Modifier un mur enregistré"),
    "boards.new": ("(new board)", "(nouveau mur)"),
    "boards.col.name": ("Name", "Nom"),
    "boards.col.scopes": ("Shows", "Affiche"),
    "boards.col.refresh_s": ("Refresh (s)", "Rafraîchissement (s)"),
    "boards.col.rotate_s": ("Rotation (s)", "Rotation (s)"),
    "nav.incentives": ("Bonus / malus", "Bonus / malus"),
    "incentive.page": ("Bonus / malus", "Bonus / malus"),
    "incentive.no_scheme": ("No incentive scheme for this provider yet: import one below "
                            "or with a file.",
                            "Pas encore de dispositif pour ce prestataire : importez-en un."),
    "incentive.simulation": ("What if", "Et si"),
    "incentive.simulation_help": (
        "Move the KPI values and the scheme's weights to see the amount change; the bars "
        "show what the scheme so changed would have paid month by month.",
        "Déplacez les valeurs et les poids pour voir le montant changer ; les barres "
        "montrent ce que le dispositif ainsi modifié aurait versé mois par mois."),
    "incentive.simulated": ("Simulated amount", "Montant simulé"),
    "incentive.history": ("Variable part the scheme would have paid",
                          "Part variable que le dispositif aurait versée"),
    "incentive.verdict.free": ("Free money: the scheme pays its maximum bonus every month "
                               "of the provider's history.",
                               "Argent facile : le dispositif verse son bonus maximal chaque "
                               "mois de l'historique."),
    "incentive.verdict.unreachable": ("Unreachable: the provider's history never earns a "
                                      "bonus under this scheme.",
                                      "Inatteignable : l'historique du prestataire ne gagne "
                                      "jamais de bonus avec ce dispositif."),
    "incentive.payments": ("Payments", "Paiements"),
    "incentive.due": ("Due", "Échéance"),
    "incentive.paid": ("Paid", "Payé le"),
    "incentive.note": ("Note", "Note"),
    "incentive.late": ({"one": "{n} payment late.", "other": "{n} payments late."},
                       {"one": "{n} paiement en retard.", "other": "{n} paiements en retard."}),
    "incentive.record_payment": ("Record the payment", "Enregistrer le paiement"),
    "incentive.scheme_editor": ("The scheme (a later start makes a new version)",
                                "Le dispositif (une date plus tardive crée une version)"),
    "incentive.at_risk_share": ("At-risk share", "Part variable"),
    "incentive.bonus_cap": ("Bonus cap", "Plafond bonus"),
    "incentive.malus_cap": ("Malus cap", "Plafond malus"),
    "incentive.gate": ("Quality gate", "Seuil qualité"),
    "incentive.band": ("Volume band ±", "Bande de volume ±"),
    "incentive.save_scheme": ("Save the scheme", "Enregistrer le dispositif"),
    "incentive.scheme_saved": ("Scheme saved.", "Dispositif enregistré."),
    "incentive.import": ("Scheme file (one row per KPI line)", "Fichier de dispositif (une "
                                                               "ligne par indicateur)"),
    "incentive.import_button": ("Import the scheme", "Importer le dispositif"),
    "incentive.imported": ("{provider}: scheme in force from {since}.",
                           "{provider} : dispositif en vigueur depuis le {since}."),
    "incentive.title": ("Incentive statement", "Relevé bonus / malus"),
    "incentive.period": ("Period", "Période"),
    "incentive.scheme": ("Scheme", "Dispositif"),
    "incentive.scheme_text": ("version in force since {since}", "version en vigueur depuis "
                                                                 "le {since}"),
    "incentive.volume": ("Volume against forecast", "Volume face à la prévision"),
    "incentive.volume_text": ("{offered} offered for {forecast} forecast: {band}",
                              "{offered} présentés pour {forecast} prévus : {band}"),
    "incentive.in_band": ("within the band", "dans la bande"),
    "incentive.out_of_band": ("outside the band", "hors de la bande"),
    "incentive.lines": ("KPI by KPI", "Indicateur par indicateur"),
    "incentive.value": ("Value", "Valeur"),
    "incentive.floor": ("Floor (−1)", "Plancher (−1)"),
    "incentive.ceiling": ("Ceiling (+1)", "Plafond (+1)"),
    "incentive.score": ("Score", "Score"),
    "incentive.applied": ("Score applied", "Score retenu"),
    "incentive.weight": ("Weight", "Poids"),
    "incentive.weighted": ("Weighted", "Pondéré"),
    "incentive.computation": ("From the score to the amount", "Du score au montant"),
    "incentive.step": ("Step", "Étape"),
    "incentive.base_fee": ("Base fee", "Forfait de base"),
    "incentive.total_score": ("Weighted score (−1…+1)", "Score pondéré (−1…+1)"),
    "incentive.at_risk": ("At-risk part", "Part variable en jeu"),
    "incentive.variable_raw": ("Variable before gate and caps", "Variable avant seuil et "
                                                                "plafonds"),
    "incentive.variable": ("Variable paid", "Variable versé"),
    "incentive.amount": ("Amount due", "Montant dû"),
    "incentive.note.band": (
        "Volume outside the agreed band around the forecast: no service-level malus applies.",
        "Volume hors de la bande convenue autour de la prévision : aucun malus de niveau de "
        "service ne s'applique."),
    "incentive.note.missing": ("No data for {kpi}: scored 0.", "Pas de données pour {kpi} : "
                                                               "score 0."),
    "incentive.note.gate": ("Quality score under the gate: no bonus.",
                            "Note qualité sous le seuil : pas de bonus."),
    "incentive.note.bonus_cap": ("Bonus capped.", "Bonus plafonné."),
    "incentive.note.malus_cap": ("Malus capped.", "Malus plafonné."),
    "incentive.note.none": ("No adjustment: the weighted score applies as is.",
                            "Aucun ajustement : le score pondéré s'applique tel quel."),
    "staffing.title": ("Staffing check (Erlang C)", "Contrôle des effectifs (Erlang C)"),
    "staffing.help": (
        "Per day, the agent-hours the traffic needs to reach the service-level target "
        "(Erlang C per half-hour, from offered contacts, AHT and the SL threshold) against "
        "the agent-hours logged.",
        "Par jour, les heures-conseiller nécessaires au niveau de service visé (Erlang C par "
        "demi-heure, d'après les contacts présentés, la DMT et le seuil) face aux heures "
        "connectées."),
    "staffing.required": ("Required agent-hours", "Heures nécessaires"),
    "staffing.logged": ("Logged agent-hours", "Heures connectées"),
    "nav.flags": ("Red flags", "Signaux d'alerte"),
    "flags.title": ("Red flags", "Signaux d'alerte"),
    "flags.none": ("No red flag over this period.", "Aucun signal d'alerte sur la période."),
    "flags.period": ("Period", "Période"),
    "flags.col.flag": ("Flag", "Signal"),
    "flags.col.period_start": ("From", "Du"),
    "flags.col.period_end": ("To", "Au"),
    "flags.col.evidence": ("Evidence", "Éléments"),
    "flags.col.why": ("Why it matters", "Pourquoi c'est important"),
    "flags.thresholds": ("Thresholds", "Seuils"),
    "flags.committee": ("Red flags of the period", "Signaux d'alerte de la période"),
    "flag.traceability_low": ("Traceability under threshold", "Qualification insuffisante"),
    "flag.traceability_low.why": (
        "Agents do not key in why customers call: the client loses what its customers "
        "say, and the provider's own reports cannot be checked.",
        "Les conseillers ne saisissent pas le motif d'appel : le client perd ce que disent "
        "ses clients, et les rapports du prestataire ne sont pas vérifiables."),
    "flag.occupancy_low": ("Occupancy too low", "Taux d'occupation trop bas"),
    "flag.occupancy_low.why": (
        "Agents are logged but idle: the floor is too calm for its staffing (paid hours "
        "without work), or the activity export does not match the traffic.",
        "Les conseillers sont connectés mais inoccupés : le plateau est trop calme pour ses "
        "effectifs (heures payées sans travail), ou l'export d'activité ne colle pas au "
        "trafic."),
    "flag.productivity_low": ("Contacts per agent-hour far under its own history",
                              "Contacts par heure très en dessous de l'historique"),
    "flag.productivity_low.why": (
        "The same floor handles far fewer contacts per logged hour than usual: hours are "
        "billed that the traffic does not explain.",
        "Le même plateau traite beaucoup moins de contacts par heure connectée que "
        "d'habitude : des heures sont facturées sans trafic pour les expliquer."),
    "flag.overstaffed": ("Staffing far above what the traffic needs",
                         "Effectifs très au-dessus du besoin"),
    "flag.overstaffed.why": (
        "Logged hours far exceed the Erlang C hours the traffic needs for the service-level "
        "target: overstaffing, or traffic missing from the exports.",
        "Les heures connectées dépassent de loin les heures Erlang C nécessaires au niveau "
        "de service visé : sureffectif, ou trafic absent des exports."),
    "flag.declared_gap": ("Declared service level differs from the detail",
                          "Niveau de service déclaré différent du détail"),
    "flag.declared_gap.why": (
        "The provider's own report does not match what its call detail gives: ask how it "
        "is computed before discussing the figure.",
        "Le rapport du prestataire ne correspond pas à ce que donne son détail d'appels : "
        "demandez comment il est calculé avant de discuter le chiffre."),
    "flag.stale_feed": ("Stale feed", "Flux interrompu"),
    "flag.stale_feed.why": (
        "No new contact for days: the exports stopped, so nothing on the floor can be "
        "checked.",
        "Aucun nouveau contact depuis plusieurs jours : les exports ont cessé, plus rien "
        "n'est vérifiable."),
    "flag.traffic_drop": ("Sudden traffic drop", "Chute brutale du trafic"),
    "flag.traffic_drop.why": (
        "A day's traffic far under the same weekday's usual level: an export that misses "
        "queues or hours, or a routing change nobody announced.",
        "Le trafic d'un jour très en dessous du niveau habituel du même jour : un export "
        "incomplet, ou un changement de routage non annoncé."),
    "flag.evidence.traceability": ("{value} ({traced} of {handled} handled contacts with a "
                                   "reason; threshold {threshold})",
                                   "{value} ({traced} sur {handled} contacts traités avec un "
                                   "motif ; seuil {threshold})"),
    "flag.evidence.occupancy": ("{value} ({work} h of work in {available} h of work and "
                                "availability; threshold {threshold})",
                                "{value} ({work} h de travail sur {available} h de travail "
                                "et de disponibilité ; seuil {threshold})"),
    "flag.evidence.productivity": ("{value} contacts per agent-hour against {usual} usually "
                                   "({ratio})",
                                   "{value} contacts par heure contre {usual} d'habitude "
                                   "({ratio})"),
    "flag.evidence.overstaffed": ("{logged} h logged for {required} h needed (ratio {ratio})",
                                  "{logged} h connectées pour {required} h nécessaires "
                                  "(ratio {ratio})"),
    "flag.evidence.declared": ("declared {declared}, recomputed {recomputed}",
                               "déclaré {declared}, recalculé {recomputed}"),
    "flag.evidence.stale": ("last contact on {last}, {days} days ago",
                            "dernier contact le {last}, il y a {days} jours"),
    "flag.evidence.traffic": ("{value} offered against {usual} on the same weekday usually",
                              "{value} présentés contre {usual} le même jour d'habitude"),
    "nav.quality": ("Quality", "Qualité"),
    "nav.calibration": ("Calibration", "Calibrage"),
    "quality.title": ("Quality", "Qualité"),
    "quality.no_evaluation": ("No evaluation for this provider yet.",
                              "Pas encore d'évaluation pour ce prestataire."),
    "quality.score": ("Quality score", "Note qualité"),
    "quality.coverage": ("Agents with {target}+ evaluations", "Conseillers à {target}+ "
                                                              "évaluations"),
    "quality.coverage_title": ("Evaluation coverage (target {target} per agent)",
                               "Couverture des évaluations (objectif {target} par conseiller)"),
    "quality.evaluations": ("Evaluations", "Évaluations"),
    "quality.by_agent": ("By agent", "Par conseiller"),
    "quality.most_failed": ("Items most often failed (under half their maximum)",
                            "Critères les plus souvent ratés (sous la moitié du maximum)"),
    "quality.critical": ("critical", "éliminatoire"),
    "quality.fail_rate": ("Failed", "Ratés"),
    "quality.failed": ("Times", "Fois"),
    "quality.grids": ("Quality grids", "Grilles qualité"),
    "quality.no_grid": ("No grid registered yet: import one (CSV or XLSX).",
                        "Aucune grille enregistrée : importez-en une (CSV ou XLSX)."),
    "quality.valid_from": ("In force from", "En vigueur depuis"),
    "quality.items": ("Items", "Critères"),
    "quality.critical_items": ("Critical items", "Critères éliminatoires"),
    "quality.edit_grid": ("Edit or import a grid (a change makes a new version)",
                          "Modifier ou importer une grille (un changement crée une version)"),
    "quality.section": ("Section", "Rubrique"),
    "quality.weight": ("Weight", "Poids"),
    "quality.max_score": ("Highest score", "Note maximale"),
    "quality.save_grid": ("Save as the grid's version", "Enregistrer comme version de la "
                                                        "grille"),
    "quality.grid_saved": ("Grid saved.", "Grille enregistrée."),
    "quality.import_grid": ("Grid file (section, item, max_score, weight, critical)",
                            "Fichier de grille (section, item, max_score, weight, critical)"),
    "quality.import_button": ("Import the grid", "Importer la grille"),
    "quality.grid_imported": ("{grid}: version {version} in force.",
                              "{grid} : version {version} en vigueur."),
    "quality.enter": ("Enter an evaluation", "Saisir une évaluation"),
    "quality.contact": ("Contact id", "Identifiant du contact"),
    "quality.record": ("Record the evaluation", "Enregistrer l'évaluation"),
    "calibration.title": ("Calibration session", "Séance de calibrage"),
    "calibration.session": ("Session", "Séance"),
    "calibration.no_session": ("No calibration session for this provider yet: import "
                               "evaluations with a session_id and a reference scoring.",
                               "Pas encore de séance de calibrage pour ce prestataire : "
                               "importez des évaluations avec session_id et une notation de "
                               "référence."),
    "calibration.grid": ("Grid", "Grille"),
    "calibration.reference": ("Reference", "Référence"),
    "calibration.consensus": ("group consensus", "consensus du groupe"),
    "calibration.evaluators": ("Evaluators", "Évaluateurs"),
    "calibration.evaluator": ("Evaluator", "Évaluateur"),
    "calibration.group": ("Group agreement", "Accord du groupe"),
    "calibration.group_text": (
        "ICC(2,1) {icc} on the {complete} contacts all {raters} evaluators scored; "
        "Krippendorff's α (interval) {alpha} on {contacts} contacts",
        "ICC(2,1) {icc} sur les {complete} contacts notés par les {raters} évaluateurs ; "
        "α de Krippendorff (intervalle) {alpha} sur {contacts} contacts"),
    "calibration.tolerance": ("Tolerance (points of 100)", "Tolérance (points sur 100)"),
    "calibration.ranking": ("Gap to the reference, evaluator by evaluator",
                            "Écart à la référence, évaluateur par évaluateur"),
    "calibration.abs_gap": ("Mean absolute gap", "Écart absolu moyen"),
    "calibration.signed_gap": ("Mean gap (− harsher)", "Écart moyen (− plus sévère)"),
    "calibration.alignment": ("Aligned (± {tolerance})", "Aligné (± {tolerance})"),
    "calibration.scorings": ("Scorings", "Notations"),
    "calibration.harsher": ("Harsher on", "Plus sévère sur"),
    "calibration.lenient": ("More lenient on", "Plus indulgent sur"),
    "calibration.heatmap": ("Gap to the reference by item (points of 100)",
                            "Écart à la référence par critère (points sur 100)"),
    "calibration.gap_points": ("gap (points)", "écart (points)"),
    "calibration.discuss": ("Items to discuss first", "Critères à discuter en premier"),
    "calibration.item": ("Item", "Critère"),
    "calibration.spread": ("Spread between evaluators", "Dispersion entre évaluateurs"),
    "calibration.history": ("Session after session", "Séance après séance"),
    "calibration.day": ("Day", "Jour"),
    "calibration.contacts": ("Contacts", "Contacts"),
    "calibration.drift": ("Each evaluator's mean absolute gap", "Écart absolu moyen de "
                                                                 "chaque évaluateur"),
    "calibration.agreement_trend": ("Group agreement", "Accord du groupe"),
    "calibration.latest": ("Latest calibration session", "Dernière séance de calibrage"),
    "strategic.title": ("Strategic committee", "Comité stratégique"),
    "strategic.kind": ("Kind", "Nature"),
    "strategic.quarter": ("Quarter", "Trimestre"),
    "strategic.half": ("Half-year", "Semestre"),
    "strategic.period": ("Period", "Période"),
    "strategic.previous": ("Compared with", "Comparée à"),
    "strategic.providers": ("Providers", "Prestataires"),
    "strategic.no_period": ("No complete period with contacts yet.",
                            "Pas encore de période complète avec des contacts."),
    "strategic.per_month": ("(per month)", "(par mois)"),
    "strategic.comparison": ("The period against {previous}, provider by provider",
                             "La période face à {previous}, prestataire par prestataire"),
    "strategic.sheet.comparison": ("Against {previous}", "Face à {previous}"),
    "strategic.sheet.ranking": ("Ranking", "Classement"),
    "strategic.sheet.monthly": ("Twelve months", "Douze mois"),
    "strategic.sheet.review": ("Target review", "Revue des objectifs"),
    "strategic.sheet.volume": ("Volume and forecast", "Volume et prévision"),
    "strategic.ranking": ("Providers ranked on the same KPIs and definitions",
                          "Classement des prestataires, mêmes indicateurs et définitions"),
    "strategic.mean_rank": ("Mean rank", "Rang moyen"),
    "strategic.monthly": ("Twelve months, provider by provider",
                          "Douze mois, prestataire par prestataire"),
    "strategic.review": ("Target review and proposals for {next}",
                         "Revue des objectifs et propositions pour {next}"),
    "strategic.current_target": ("Current target", "Objectif actuel"),
    "strategic.reached": ("Reached {period}", "Atteint {period}"),
    "strategic.proposed": ("Proposed {next}", "Proposé {next}"),
    "strategic.history": ("Last 12 months", "12 derniers mois"),
    "strategic.met_months": ("met in {met} of {months} months",
                             "atteint {met} mois sur {months}"),
    "strategic.achievability": ("Achievability", "Atteignabilité"),
    "strategic.achievable": ("achievable", "atteignable"),
    "strategic.stretch": ("stretch", "ambitieux"),
    "strategic.out of reach": ("out of reach", "hors d'atteinte"),
    "strategic.short history": ("not enough history", "historique insuffisant"),
    "strategic.rule": (
        "Proposed target: the level the provider reached two months out of three over the "
        "last twelve months, rounded towards achievable; a target met this period is never "
        "loosened. Achievable: the history would have met it at least one month in two.",
        "Objectif proposé : le niveau atteint deux mois sur trois sur les douze derniers "
        "mois, arrondi vers l'atteignable ; un objectif atteint sur la période n'est jamais "
        "assoupli. Atteignable : l'historique l'aurait atteint au moins un mois sur deux."),
    "strategic.accept": ("Add the chosen proposals to the targets register",
                         "Ajouter les propositions choisies au registre des objectifs"),
    "strategic.pick_placeholder": ("Choose proposals", "Choisir des propositions"),
    "strategic.volume_table": ("Month by month", "Mois par mois"),
    "strategic.pick": ("Proposals to adopt for the next period",
                       "Propositions à retenir pour la période suivante"),
    "strategic.accepted": ({"one": "{n} target added to the register for {next}.",
                            "other": "{n} targets added to the register for {next}."},
                           {"one": "{n} objectif ajouté au registre pour {next}.",
                            "other": "{n} objectifs ajoutés au registre pour {next}."}),
    "strategic.rationale": ("Proposed by the {period} strategic committee: {history}.",
                            "Proposé par le comité stratégique {period} : {history}."),
    "strategic.volume": ("Offered contacts per month, and the forecast for {next}",
                         "Contacts présentés par mois, et la prévision pour {next}"),
    "strategic.forecast": ("forecast", "prévision"),
    "strategic.actual": ("actual", "réel"),
    "strategic.partial": ("actual (partial month)", "réel (mois incomplet)"),
    "strategic.method.seasonal": ("forecast: same month last year × recent growth",
                                  "prévision : même mois l'an dernier × croissance récente"),
    "strategic.method.trend": ("forecast: recent trend (under 15 months, no seasonality)",
                               "prévision : tendance récente (moins de 15 mois, sans "
                               "saisonnalité)"),
    "strategic.method.history": ("no forecast: under 3 complete months",
                                 "pas de prévision : moins de 3 mois complets"),
    "strategic.forecast_rule": (
        "With 15 complete months or more, each month of the next period is the same month "
        "last year times the growth of the last three months over the same months a year "
        "before; with fewer, the trend of the last six months' daily volume. Partial months "
        "at the edges of the data are left out.",
        "Avec 15 mois complets ou plus, chaque mois de la période suivante vaut le même mois "
        "de l'an dernier multiplié par la croissance des trois derniers mois sur les mêmes "
        "mois un an plus tôt ; avec moins, la tendance du volume quotidien des six derniers "
        "mois. Les mois incomplets aux bords des données sont écartés."),
    "steering.no_agent": ("No agent (not answered)", "Sans conseiller (non traités)"),
    "production.note": ("Notable events", "Faits marquants"),
    "production.note_help": ("Kept with this provider and week", "Conservés pour ce "
                                                                  "prestataire et cette semaine"),
    "production.save_note": ("Save the note", "Enregistrer la note"),
    "production.note_saved": ("Note saved.", "Note enregistrée."),
    "production.overdue": ({"one": "{n} action overdue.", "other": "{n} actions overdue."},
                           {"one": "{n} action en retard.", "other": "{n} actions en retard."}),
    "feedback.alert": ("alert", "alerte"),
    "feedback.recommendation": ("recommendation", "recommandation"),
    "feedback.customer insight": ("customer insight", "retour client"),
    "feedback.open": ("open", "ouvert"),
    "feedback.answered": ("answered", "répondu"),
    "feedback.closed": ("closed", "clos"),
    "feedback.col.received_on": ("Received", "Reçu le"),
    "feedback.col.kind": ("Kind", "Nature"),
    "feedback.col.text": ("What the provider says", "Ce que dit le prestataire"),
    "feedback.col.answer": ("Our answer", "Notre réponse"),
    "feedback.col.status": ("Status", "Statut"),
    "action.open": ("open", "ouverte"),
    "action.in progress": ("in progress", "en cours"),
    "action.done": ("done", "faite"),
    "action.dropped": ("dropped", "abandonnée"),
    "action.client": ("client", "client"),
    "action.provider": ("provider", "prestataire"),
    "action.origin.production": ("production committee", "comité de production"),
    "action.origin.steering": ("steering committee", "comité de pilotage"),
    "action.origin.strategic": ("strategic committee", "comité stratégique"),
    "action.col.title": ("Action", "Action"),
    "action.col.owner": ("Owner", "Responsable"),
    "action.col.owner_side": ("Side", "Côté"),
    "action.col.due": ("Due", "Échéance"),
    "action.col.status": ("Status", "Statut"),
    "action.col.kpi": ("KPI", "Indicateur"),
    "action.col.notes": ("Notes", "Notes"),
    "nav.actions": ("Action plan", "Plan d'actions"),
    "nav.feedback": ("Provider feedback", "Remontées prestataire"),
    "actions.title": ("Action plan", "Plan d'actions"),
    "actions.overdue": ("{n} overdue: {titles}", "{n} en retard : {titles}"),
    "actions.target": ("Target #", "Objectif n°"),
    "actions.origin": ("Committee", "Comité"),
    "actions.created": ("Created", "Créée le"),
    "actions.save": ("Save", "Enregistrer"),
    "actions.saved": ("Saved.", "Enregistré."),
    "actions.notes": ("Dated notes", "Notes datées"),
    "actions.note_text": ("Note", "Note"),
    "actions.add_note": ("Add the note (dated today)", "Ajouter la note (datée du jour)"),
    "actions.from_targets": ("Targets missed in their latest measured week: one click to an "
                             "action",
                             "Objectifs manqués sur leur dernière semaine mesurée : une action "
                             "en un clic"),
    "actions.create": ("Create an action", "Créer une action"),
    "feedback.title": ("Provider feedback log", "Remontées du prestataire"),
    "feedback.help": ("Alerts, recommendations and customer insights from the provider, "
                      "dated and answered; they surface in the committees.",
                      "Alertes, recommandations et retours clients du prestataire, datés et "
                      "répondus ; ils remontent dans les comités."),
    "feedback.unanswered": ({"one": "{n} item still open.", "other": "{n} items still open."},
                            {"one": "{n} remontée encore ouverte.",
                             "other": "{n} remontées encore ouvertes."}),
    "pack.summary": ("Summary", "Synthèse"),
    "pack.by_queue": ("By queue", "Par file"),
    "pack.by_site": ("By site", "Par site"),
    "pack.by_team": ("By team", "Par équipe"),
    "pack.by_hour": ("By hour of day", "Par heure de la journée"),
    "pack.download": ("Download the Excel pack", "Télécharger le dossier Excel"),
    "pack.download_html": ("Download the HTML pack (prints to PDF)",
                           "Télécharger le dossier HTML (imprimable en PDF)"),
    "nav.steering": ("Steering committee", "Comité de pilotage"),
    "nav.strategic": ("Strategic committee", "Comité stratégique"),
    "steering.title": ("Monthly steering committee", "Comité de pilotage mensuel"),
    "steering.month": ("Month", "Mois"),
    "steering.no_month": ("No contacts for this provider yet.",
                          "Pas encore de contacts pour ce prestataire."),
    "steering.attainment": ("Targets this month", "Objectifs du mois"),
    "steering.this_month": ("This month", "Ce mois"),
    "steering.trends": ("Twelve months, with targets", "Douze mois, avec les objectifs"),
    "steering.drill": ("The month in detail", "Le mois en détail"),
    "steering.hour": ("Hour of day", "Heure"),
    "steering.edit_actions": ("Edit the action plan", "Modifier le plan d'actions"),
    "steering.quality": ("Quality score by team and month",
                         "Note qualité par équipe et par mois"),
    "weekday.short": ("Mon,Tue,Wed,Thu,Fri,Sat,Sun", "lun.,mar.,mer.,jeu.,ven.,sam.,dim."),
    "explorer.partial": ({
        "one": "{kpi}: {n} row rests on fewer days than its period has data for — a source of "
               "those days (e.g. a declared report) does not give this KPI's figures; the KPI "
               "is computed over the days that do, numerator and denominator alike.",
        "other": "{kpi}: {n} rows rest on fewer days than their period has data for — a "
                 "source of those days (e.g. a declared report) does not give this KPI's "
                 "figures; the KPI is computed over the days that do, numerator and "
                 "denominator alike."}, {
        "one": "{kpi} : {n} ligne repose sur moins de jours que sa période n'en a — une "
               "source de ces jours (un rapport déclaré, par exemple) ne donne pas les chiffres "
               "de cet indicateur ; il est calculé sur les jours qui les donnent, numérateur "
               "et dénominateur ensemble.",
        "other": "{kpi} : {n} lignes reposent sur moins de jours que leur période n'en a — "
                 "une source de ces jours (un rapport déclaré, par exemple) ne donne pas les "
                 "chiffres de cet indicateur ; il est calculé sur les jours qui les donnent, "
                 "numérateur et dénominateur ensemble."}),
    # Reconciliation (SPEC §6)
    "nav.reconcile": ("Reconciliation", "Rapprochement"),
    "reconcile.title": ("Declared figures reconciled", "Rapprochement des chiffres déclarés"),
    "reconcile.help": (
        "Each figure a provider published, period by period, against Cockpit's own detail "
        "and the report's own counts under the contract's definition. A blank is not "
        "reported, never 0.",
        "Chaque chiffre publié par le prestataire, période par période, face au détail de "
        "Cockpit et aux comptes du rapport lui-même selon la définition du contrat. Une case "
        "vide n'est pas déclarée, jamais 0."),
    "reconcile.none": ("No declared report for this provider in this range.",
                       "Aucun rapport déclaré pour ce prestataire sur cette période."),
    "reconcile.summary": ("Statuses by KPI", "Statuts par indicateur"),
    "reconcile.detail": ("Period by period", "Période par période"),
    "reconcile.consistent": ("consistent", "cohérent"),
    "reconcile.other_definition": ("other definition", "autre définition"),
    "reconcile.inconsistent": ("inconsistent", "incohérent"),
    "reconcile.no_data": ("no data", "pas de donnée"),
    "reconcile.col.period_start": ("Period", "Période"),
    "reconcile.col.kpi": ("KPI", "Indicateur"),
    "reconcile.col.declared": ("Declared", "Déclaré"),
    "reconcile.col.recomputed_detail": ("Cockpit's detail", "Détail Cockpit"),
    "reconcile.col.recomputed_counts": ("Report's counts", "Comptes du rapport"),
    "reconcile.col.status": ("Status", "Statut"),
    "reconcile.col.note": ("Note", "Note"),
    "reconcile.note.not_reported": ("not reported", "non déclaré"),
    "reconcile.note.follows": ("follows {definition}", "suit {definition}"),
    "reconcile.note.follows_other": ("follows {definition}, not {contract}",
                                     "suit {definition}, pas {contract}"),
    "reconcile.note.no_definition": ("follows no known definition ({contract} gives {value})",
                                     "ne suit aucune définition connue ({contract} donne "
                                     "{value})"),
    "reconcile.note.matches_detail": ("matches Cockpit's detail", "concorde avec le détail de "
                                      "Cockpit"),
    "reconcile.note.detail_gives": ("Cockpit's detail gives {value}",
                                    "le détail de Cockpit donne {value}"),
    "reconcile.note.no_source": ("neither the report's counts nor detail give it",
                                 "ni les comptes du rapport ni le détail ne le donnent"),
    "reconcile.def.answered_plus_abandoned": ("answered + abandoned",
                                              "décrochés + abandonnés"),
    "reconcile.def.offered_minus_abandoned": ("offered − abandoned", "présentés − abandonnés"),
    "reconcile.def.offered_minus_answered": ("offered − answered", "présentés − décrochés"),
    "reconcile.def.answered_over_offered": ("answered / offered", "décrochés / présentés"),
    "reconcile.def.answered_over_handled": ("answered / (answered + abandoned)",
                                            "décrochés / (décrochés + abandonnés)"),
    "reconcile.def.abandoned_over_offered": ("abandoned / offered", "abandonnés / présentés"),
    "reconcile.def.abandoned_over_handled": ("abandoned / (answered + abandoned)",
                                             "abandonnés / (décrochés + abandonnés)"),
    # Access and roles
    "app.no_database": ("No Cockpit database at the configured path (COCKPIT_DB): start the "
                        "app with `cockpit app --db FILE`, adding --create for a new one.",
                        "Aucune base Cockpit au chemin configuré (COCKPIT_DB) : lancez "
                        "l'application avec `cockpit app --db FICHIER`, et --create pour en "
                        "créer une."),
    "app.building_demo": ("Building the demo database (first run, about 30 s)…",
                          "Construction de la base de démonstration (premier lancement, "
                          "environ 30 s)…"),
    "nav.accounts": ("Accounts", "Comptes"),
    "signin.title": ("Sign in to Cockpit", "Connexion à Cockpit"),
    "signin.help": ("Your account was created by your Cockpit administrator.",
                    "Votre compte a été créé par l'administrateur de Cockpit."),
    "signin.name": ("User name", "Identifiant"),
    "signin.password": ("Password", "Mot de passe"),
    "signin.button": ("Sign in", "Se connecter"),
    "signin.wrong": ("Unknown user name or wrong password.",
                     "Identifiant inconnu ou mot de passe erroné."),
    "signin.sso": ("Sign in with single sign-on", "Se connecter par authentification unique"),
    "signin.sso_unknown": ("No Cockpit account carries the address {email}: ask your Cockpit "
                           "administrator to add it to your account.",
                           "Aucun compte Cockpit ne porte l'adresse {email} : demandez à "
                           "l'administrateur de Cockpit de l'ajouter à votre compte."),
    "signin.no_accounts": (
        "This Cockpit is reached over the network and has no account yet, so it shows "
        "nothing. On the server, create one: cockpit users add NAME --role admin "
        "--password-stdin",
        "Ce Cockpit est joint par le réseau et n'a encore aucun compte : il n'affiche donc "
        "rien. Sur le serveur, créez-en un : cockpit users add NOM --role admin "
        "--password-stdin"),
    "signin.signed_in": ("Signed in as **{name}** ({role})", "Connecté : **{name}** ({role})"),
    "signin.sign_out": ("Sign out", "Se déconnecter"),
    "signin.local": ("Local mode: no accounts, this computer only.",
                     "Mode local : sans comptes, sur cet ordinateur seulement."),
    "signin.refused": ("Your account cannot open this page.",
                       "Votre compte ne peut pas ouvrir cette page."),
    "signin.read_only": ("Read only: your account can consult but not change this page.",
                         "Lecture seule : votre compte consulte cette page sans la modifier."),
    "role.admin": ("administrator", "administrateur"),
    "role.pilot": ("pilot", "pilote"),
    "role.executive": ("executive", "direction"),
    "role.provider": ("provider", "prestataire"),
    "link.refused": ("This wallboard link is not valid (unknown or revoked).",
                     "Ce lien de mur d'écrans n'est pas valide (inconnu ou révoqué)."),
    "link.title": ("Screen links", "Liens d'écran"),
    "link.help": ("A floor screen cannot type a password: give it a link that opens this "
                  "board and nothing else. The link is shown once; revoking stops every "
                  "link of the board at the screens' next refresh.",
                  "Un écran de plateau ne saisit pas de mot de passe : donnez-lui un lien qui "
                  "ouvre ce mur et rien d'autre. Le lien n'est montré qu'une fois ; révoquer "
                  "arrête tous les liens du mur au prochain rafraîchissement des écrans."),
    "link.create": ("Create a screen link", "Créer un lien d'écran"),
    "link.created": ("Copy this link now, it will not be shown again:",
                     "Copiez ce lien maintenant, il ne sera plus affiché :"),
    "link.revoke": ("Revoke this board's links", "Révoquer les liens de ce mur"),
    "link.revoked": ({"one": "{n} link revoked.", "other": "{n} links revoked."},
                     {"one": "{n} lien révoqué.", "other": "{n} liens révoqués."}),
    "link.count": ("Live links", "Liens actifs"),
    "share.button": ("Link to this view", "Lien vers cette vue"),
    "share.help": ("This page with these selections (provider, period, KPIs) and this "
                   "language: copy it with the icon and send it.",
                   "Cette page avec ces choix (prestataire, période, indicateurs) et cette "
                   "langue : copiez-le avec l'icône et envoyez-le."),
    "accounts.title": ("Accounts", "Comptes"),
    "accounts.help": ("Who may sign in, and what each role may see and change.",
                      "Qui peut se connecter, et ce que chaque rôle peut voir et modifier."),
    "accounts.add": ("Add an account", "Ajouter un compte"),
    "accounts.role": ("Role", "Rôle"),
    "accounts.email": ("E-mail (single sign-on, optional)",
                       "E-mail (authentification unique, facultatif)"),
    "accounts.added": ("Account created.", "Compte créé."),
    "accounts.created": ("Created", "Créé le"),
    "accounts.remove": ("Remove", "Supprimer"),
    "accounts.removed": ("Account removed.", "Compte supprimé."),
    "accounts.passwd": ("Change the password", "Changer le mot de passe"),
    "accounts.passwd_done": ("Password changed.", "Mot de passe changé."),
    "accounts.new_password": ("New password (10 characters or more)",
                              "Nouveau mot de passe (10 caractères ou plus)"),
    "accounts.roles_help": (
        "admin: everything, accounts included · pilot: everything but accounts · executive: "
        "reads every provider, writes nothing · provider: reads its own provider only, "
        "answers its feedback and notes its actions.",
        "administrateur : tout, comptes compris · pilote : tout sauf les comptes · direction "
        ": lit tous les prestataires, ne modifie rien · prestataire : ne lit que son "
        "prestataire, répond à ses remontées et annote ses actions."),
    "changes.title": ("Who changed what", "Qui a modifié quoi"),
    "changes.changed_at": ("When", "Quand"),
    "changes.account": ("Account", "Compte"),
    "changes.change": ("Change", "Modification"),
    "changes.provider": ("Provider", "Prestataire"),
    "feedback.answer_save": ("Save the answers", "Enregistrer les réponses"),
    "actions.status_save": ("Save the statuses", "Enregistrer les statuts"),
    # Hardened intake: the inbox's writer on the Data page, the intake limits in Settings.
    "inbox.title": ("Inbox", "Boîte de dépôt"),
    "inbox.folder": ("Folder: {inbox}", "Dossier : {inbox}"),
    "inbox.last_pass": ("Last pass", "Dernier passage"),
    "inbox.never": ("never", "jamais"),
    "inbox.waiting": ("Files waiting", "Fichiers en attente"),
    "inbox.refused_today": ("Refused today", "Refusés aujourd'hui"),
    "inbox.imported": ("Imported since start", "Importés depuis le démarrage"),
    "inbox.last_error": ("Last error, {at}: {error}", "Dernière erreur, {at} : {error}"),
    "inbox.no_error": ("No error since the app started.",
                       "Aucune erreur depuis le démarrage de l'application."),
    "inbox.stopped": ("The inbox writer is not running.",
                      "Le relevé de la boîte de dépôt ne tourne pas."),
    "inbox.waiting_list": ("Waiting (still being written, or seen once): {files}",
                           "En attente (en cours d'écriture, ou vus une fois) : {files}"),
    "inbox.refused_list": ("Refused today (see rejected/ and the .reason.txt beside each "
                           "file): {files}",
                           "Refusés aujourd'hui (voir rejected/ et le .reason.txt de chaque "
                           "fichier) : {files}"),
    "inbox.skipped_list": ("Folders left alone inside a provider's folder: {files}",
                           "Dossiers ignorés dans le dossier d'un prestataire : {files}"),
    "settings.limits": ("Import limits", "Limites d'import"),
    "settings.limits_help": ("A file over a limit is refused before it is read, with the "
                             "limit named.",
                             "Un fichier qui dépasse une limite est refusé avant d'être lu, "
                             "en nommant la limite."),
    "settings.max_file_mb": ("Largest file (MB)", "Fichier le plus gros (Mo)"),
    "settings.max_rows": ("Most rows", "Lignes au plus"),
    "settings.max_columns": ("Most columns", "Colonnes au plus"),
    "settings.max_cell_kb": ("Largest cell (KB)", "Cellule la plus grosse (Ko)"),
    "settings.max_xlsx_cells": ("Most cells of a sheet", "Cellules d'une feuille au plus"),
    "settings.max_xlsx_uncompressed_mb": ("Largest unzipped .xlsx (MB)",
                                          "Plus gros .xlsx décompressé (Mo)"),
    "settings.import_memory_mb": ("Import memory (MB)", "Mémoire d'un import (Mo)"),
    "settings.save_limits": ("Save the limits", "Enregistrer les limites"),
    "sl.variant.net": ("SL {t} s, net of short abandons < {s} s",
                       "NS {t} s, hors abandons courts < {s} s"),
    "sl.variant.offered": ("SL {t} s, of offered contacts",
                           "NS {t} s, sur les contacts présentés"),
    "sl.variant.answered": ("SL {t} s, of answered contacts",
                            "NS {t} s, sur les contacts traités"),
    "sl.variant.abandons_in_sl": ("SL {t} s, abandons within {t} s count as in SL",
                                  "NS {t} s, abandons de moins de {t} s comptés dans le seuil"),
    # Settings: each one's help (kpi/settings.py).
    "settings.time_zone.help": (
        "Time zone of the provider's timestamps written without an offset.",
        "Fuseau horaire des horodatages du prestataire écrits sans décalage."),
    "settings.sl_threshold_s.help": (
        "Service-level threshold T in seconds: answered within T.",
        "Seuil du niveau de service T en secondes : décroché en moins de T."),
    "settings.short_abandon_s.help": (
        "Abandons shorter than this (seconds) are short abandons, left out of the answer rate.",
        "Les abandons plus courts (secondes) sont des abandons courts, exclus du taux de "
        "décroché."),
    "settings.repeat_window_days.help": (
        "Window in days within which a customer's new contact is a repeat (FCR).",
        "Fenêtre en jours dans laquelle un nouveau contact du client est un rappel (résolution au "
        "premier contact)."),
    "settings.sl_variant.help": (
        "Service-level definition: net of short abandons, of offered contacts, of answered "
        "contacts, or with abandons within the threshold counted as in SL.",
        "Définition du niveau de service : hors abandons courts, sur les présentés, sur les "
        "traités, ou abandons sous le seuil comptés dans le seuil."),
    "settings.sl_variant.net": ("net of short abandons", "hors abandons courts"),
    "settings.sl_variant.offered": ("of offered contacts", "sur les présentés"),
    "settings.sl_variant.answered": ("of answered contacts", "sur les traités"),
    "settings.sl_variant.abandons_in_sl": ("abandons within T count as in SL",
                                           "abandons sous le seuil comptés dedans"),
    "settings.inbox_dir.help": (
        "Folder where providers drop exports (empty: 'inbox' beside the database file).",
        "Dossier où les prestataires déposent leurs exports (vide : « inbox » à côté de la base)."),
    "settings.stale_after_min.help": (
        "A wallboard shows its feed as stale after this many minutes without new data.",
        "Un écran mural signale son flux comme périmé après ce nombre de minutes sans donnée."),
    "settings.watch_interval_s.help": (
        "How often the inbox is looked at, in seconds.",
        "Fréquence de relève de la boîte de dépôt, en secondes."),
    "settings.calibration_tolerance.help": (
        "A calibration scoring is aligned when its total is within this many points (of 100) of "
        "the reference.",
        "Une notation de calibrage est alignée quand son total est à moins de ce nombre de points "
        "(sur 100) de la référence."),
    "settings.evaluations_per_agent_month.help": (
        "Evaluations each agent should get a month (the quality coverage target).",
        "Évaluations attendues par conseiller et par mois (objectif de couverture qualité)."),
    "settings.max_file_mb.help": (
        "Largest file imported, in MB (on disk).",
        "Plus gros fichier importé, en Mo (sur disque)."),
    "settings.max_rows.help": (
        "Most rows (lines) in one file.",
        "Nombre maximal de lignes d'un fichier."),
    "settings.max_columns.help": (
        "Most columns in one file's header or sheet.",
        "Nombre maximal de colonnes de l'en-tête ou de la feuille."),
    "settings.max_cell_kb.help": (
        "Largest cell (CSV field or XLSX cell), in KB.",
        "Plus grosse cellule (champ CSV ou cellule XLSX), en Ko."),
    "settings.max_xlsx_cells.help": (
        "Most cells an XLSX sheet may declare or hold (rows × columns of its extent).",
        "Nombre maximal de cellules qu'une feuille XLSX peut déclarer ou contenir (lignes × "
        "colonnes de son étendue)."),
    "settings.max_xlsx_uncompressed_mb.help": (
        "Largest total uncompressed size of an XLSX workbook's parts, in MB (zip bombs).",
        "Taille décompressée totale maximale des parties d'un classeur XLSX, en Mo (bombes zip)."),
    "settings.import_memory_mb.help": (
        "DuckDB's memory while it imports, in MB (beyond it, its work spills to disk).",
        "Mémoire de DuckDB pendant un import, en Mo (au-delà, le travail déborde sur disque)."),
    "settings.flag_traceability_low.help": (
        "Red flag when a week's traceability is under this share.",
        "Alerte quand la qualification d'une semaine est sous cette part."),
    "settings.flag_occupancy_low.help": (
        "Red flag when a week's occupancy is under this share.",
        "Alerte quand l'occupation d'une semaine est sous cette part."),
    "settings.flag_productivity_low.help": (
        "Red flag when a week's contacts per agent-hour are under this share of the median of the "
        "8 weeks before.",
        "Alerte quand les contacts par heure de log d'une semaine sont sous cette part de la "
        "médiane des 8 semaines précédentes."),
    "settings.flag_overstaffed.help": (
        "Red flag when a week's logged hours exceed this multiple of the Erlang C hours required.",
        "Alerte quand les heures loguées d'une semaine dépassent ce multiple des heures requises "
        "par Erlang C."),
    "settings.flag_declared_gap.help": (
        "Red flag when a week's declared service level differs from the detail's by more than "
        "this.",
        "Alerte quand le niveau de service déclaré d'une semaine s'écarte de celui du détail de "
        "plus que ceci."),
    "settings.flag_stale_feed.help": (
        "Red flag when no contact arrived for more than this many days before the end of the "
        "range.",
        "Alerte quand aucun contact n'est arrivé depuis plus de ce nombre de jours avant la fin de"
        " la période."),
    "settings.flag_traffic_drop.help": (
        "Red flag when a day's offered is under this share of the same weekday's mean over the 4 "
        "weeks before.",
        "Alerte quand les présentés d'un jour sont sous cette part de la moyenne du même jour de "
        "semaine des 4 semaines précédentes."),
    "settings.group.provider": ("Provider settings (Settings page; overridden per queue)",
                                "Réglages des prestataires (page Réglages ; par file possible)"),
    "settings.group.live": ("Cockpit settings (Settings page)",
                            "Réglages du cockpit (page Réglages)"),
    "settings.group.limits": ("Import limits (Settings page)", "Limites d'import (page Réglages)"),
    "settings.group.flags": ("Red-flag thresholds (Red flags page)",
                             "Seuils des alertes (page Signaux d'alerte)"),
    # Errors: where a problem is in a file, and what happens to the file (kpi/errors.py).
    "problem.row": ("row {row}", "ligne {row}"),
    "problem.column": ("column {column}", "colonne {column}"),
    "problem.expected": ("{where}: expected {expected}", "{where} : attendu {expected}"),
    "problem.found": (", found {value}", ", trouvé {value}"),
    # The English words are the command line's since the first release: kept as they are.
    "problem.more": ({"one": "… and {n} more problem(s) in {file}",
                      "other": "… and {n} more problem(s) in {file}"},
                     {"one": "… et {n} autre problème dans {file}",
                      "other": "… et {n} autres problèmes dans {file}"}),
    "problem.not_imported": ("{file} was not imported; the database is unchanged.",
                             "{file} n'a pas été importé ; la base est inchangée."),
    # Errors raised in kpi/ and import summaries, both languages (kpi/errors.py Msg).
    # What an export's cell or file was expected to be (kpi/ingest): the English words are
    # the command line's, unchanged (scripts read them); "(s)" and "1 rows" stay in English
    # only there.
    "period.expect.day": ("a date as YYYY-MM-DD", "une date AAAA-MM-JJ"),
    "period.expect.week": ("an ISO week like 2026-W03", "une semaine ISO comme 2026-W03"),
    "period.expect.month": ("a month like 2026-01", "un mois comme 2026-01"),
    "period.expect.quarter": ("a quarter like 2026-Q1", "un trimestre comme 2026-Q1"),
    "period.expect.half": ("a half like 2026-H1", "un semestre comme 2026-H1"),
    "period.expect.year": ("a year like 2026", "une année comme 2026"),
    "period.kind.day": ("day", "jour"),
    "period.kind.week": ("week", "semaine"),
    "period.kind.month": ("month", "mois"),
    "period.kind.quarter": ("quarter", "trimestre"),
    "period.kind.half": ("half", "semestre"),
    "period.kind.year": ("year", "année"),
    "period.expected": ("expected {expected}, found {found}",
                        "attendu : {expected}, trouvé : {found}"),
    "period.none": ("{year} has no {kind} {number}", "{year} n'a pas de {kind} {number}"),
    "period.not_months": ("a {kind} is not made of months",
                          "une période « {kind} » ne se compte pas en mois"),
    "period.unknown_kind": ("unknown kind of period {kind}; known: {known}",
                            "type de période inconnu {kind} ; connus : {known}"),
    "expect.text": ("text", "du texte"),
    "expect.number": ("a number (1234.5 or 1 234,5)", "un nombre (1234,5 ou 1 234,5)"),
    "expect.duration": ("seconds or hh:mm:ss", "des secondes ou hh:mm:ss"),
    "expect.bool": ("yes/no, oui/non, true/false or 1/0",
                    "oui/non, yes/no, vrai/faux, true/false ou 1/0"),
    "expect.timestamp": ("a date and time (dd/mm/yyyy hh:mm:ss or ISO 8601)",
                         "une date et une heure (jj/mm/aaaa hh:mm:ss ou ISO 8601)"),
    "expect.date": ("a date (dd/mm/yyyy or yyyy-mm-dd)", "une date (jj/mm/aaaa ou aaaa-mm-jj)"),
    "expect.time": ("a time of day (hh:mm:ss)", "une heure (hh:mm:ss)"),
    "expect.percent": ("a rate (94.01%, 94,01 % or 0.9401)",
                       "un taux (94,01 %, 94.01% ou 0,9401)"),
    "expect.period": ("a date (dd/mm/yyyy or yyyy-mm-dd), an ISO week (2026-W03, S03 2026, "
                      "W03 2026) or a month (Apr 2024, avril 2024, avr. 2024, 2024-04, "
                      "04/2024)",
                      "une date (jj/mm/aaaa ou aaaa-mm-jj), une semaine ISO (2026-W03, S03 "
                      "2026, W03 2026) ou un mois (avril 2024, avr. 2024, Apr 2024, 2024-04, "
                      "04/2024)"),
    "expect.zero_or_more": ("a value of 0 or more", "une valeur positive ou nulle"),
    "expect.not_before": ("a time not before {field}", "une heure qui ne précède pas {field}"),
    "expect.csat": ("a survey score from 1 to 5", "une note d'enquête de 1 à 5"),
    "expect.nps": ("a recommendation score from 0 to 10",
                   "une note de recommandation de 0 à 10"),
    "expect.direction": ("inbound or outbound (entrant/sortant)",
                         "entrant ou sortant (inbound/outbound)"),
    "expect.answered_le_offered": ("answered not above offered",
                                   "des appels traités (answered) pas plus nombreux que les "
                                   "offerts (offered)"),
    "expect.within_sl_le_answered": ("answered within SL not above answered",
                                     "des appels traités dans le délai (answered_within_sl) "
                                     "pas plus nombreux que les traités (answered)"),
    "expect.interval_length": ("an interval of 1 to 1440 minutes",
                               "un intervalle de 1 à 1440 minutes"),
    "expect.score_min": ("a score of 0 or more", "une note positive ou nulle"),
    "expect.score_le_max": ("a score not above max_score",
                            "une note qui ne dépasse pas max_score"),
    "expect.grid_item": ("an item of the evaluation's grid (see the Quality page)",
                         "un critère de la grille de l'évaluation (voir la page Qualité)"),
    "expect.grid_max": ("the item's maximum in the evaluation's grid",
                        "le maximum du critère dans la grille de l'évaluation"),
    "expect.max_above_zero": ("a maximum score above 0", "une note maximale supérieure à 0"),
    "expect.first_day_check": ("a first day given at import (--first-day YYYY-MM-DD) to date "
                               "numbered days",
                               "un premier jour donné à l'import (--first-day AAAA-MM-JJ) pour "
                               "dater les jours numérotés"),
    "expect.rate_range": ("a rate from 0 to 100 %", "un taux de 0 à 100 %"),
    "expect.required": ("a value (this column is required)",
                        "une valeur (cette colonne est obligatoire)"),
    "expect.fields_truncated": ("{fields} fields per line, as in the header (is the file "
                                "truncated?)",
                                "{fields} champs par ligne, comme dans l'en-tête (le fichier "
                                "est-il tronqué ?)"),
    "expect.fields": ("{fields} fields per line, as in the header",
                      "{fields} champs par ligne, comme dans l'en-tête"),
    "expect.well_formed": ("a well-formed line (balanced quotes, one record per line)",
                           "une ligne bien formée (guillemets équilibrés, un enregistrement par "
                           "ligne)"),
    "expect.delimited_lines": ("lines of a delimited export (is this a text export?)",
                               "des lignes d'un export délimité (est-ce bien un export texte ?)"),
    "expect.balanced_cells": ("cells no larger than the cell limit (setting max_cell_kb), in "
                              "balanced quotes",
                              "des cellules qui ne dépassent pas la taille limite (réglage "
                              "max_cell_kb), entre guillemets équilibrés"),
    "expect.header_and_rows": ("a header row and data rows",
                               "une ligne d'en-tête et des lignes de données"),
    "expect.not_empty": ("a header row and data rows; the file is empty",
                         "une ligne d'en-tête et des lignes de données ; le fichier est vide"),
    "expect.text_export": ("a text export (CSV, TSV, JSON lines) in UTF-8, UTF-16 or "
                           "Windows-1252, or .xlsx",
                           "un export texte (CSV, TSV, JSON lines) en UTF-8, UTF-16 ou "
                           "Windows-1252, ou un classeur .xlsx"),
    "expect.encoding": ("text in UTF-8, UTF-16 or Windows-1252",
                        "du texte en UTF-8, UTF-16 ou Windows-1252"),
    "expect.data_row": ("at least one data row below the header",
                        "au moins une ligne de données sous l'en-tête"),
    "expect.row_left": ("at least one row to import; none is left",
                        "au moins une ligne à importer ; il n'en reste aucune"),
    "expect.readable_xlsx": ("a readable .xlsx workbook", "un classeur .xlsx lisible"),
    "expect.max_file": ("a file of at most {mb} MB (setting max_file_mb)",
                        "un fichier d'au plus {mb} Mo (réglage max_file_mb)"),
    "expect.max_rows": ("at most {rows} rows (setting max_rows)",
                        "au plus {rows} lignes (réglage max_rows)"),
    "expect.max_columns": ("at most {columns} columns (setting max_columns)",
                           "au plus {columns} colonnes (réglage max_columns)"),
    "expect.max_cell": ("a cell of at most {kb} KB (setting max_cell_kb)",
                        "une cellule d'au plus {kb} Ko (réglage max_cell_kb)"),
    "expect.max_cells": ("at most {cells} cells (setting max_xlsx_cells)",
                         "au plus {cells} cellules (réglage max_xlsx_cells)"),
    "expect.max_parts": ("an .xlsx workbook of at most {parts} parts",
                         "un classeur .xlsx d'au plus {parts} parties"),
    "expect.max_uncompressed": ("an .xlsx workbook of at most {mb} MB uncompressed (setting "
                                "max_xlsx_uncompressed_mb)",
                                "un classeur .xlsx d'au plus {mb} Mo une fois décompressé "
                                "(réglage max_xlsx_uncompressed_mb)"),
    "expect.readable_file": ("a file that exists and can be read",
                             "un fichier qui existe et peut être lu"),
    "expect.regular_file": ("a regular file (not a folder, pipe, socket or device)",
                            "un fichier ordinaire (pas un dossier, un tube, une socket ni un "
                            "périphérique)"),
    "expect.fits_memory": ("a file that fits in memory (lower the limits in Settings, or split "
                           "it)",
                           "un fichier qui tient en mémoire (baissez les limites dans les "
                           "Réglages, ou découpez-le)"),
    "expect.stays_readable": ("a file that stays readable while it is imported",
                              "un fichier qui reste lisible pendant son import"),
    "expect.cockpit_readable": ("a file Cockpit can read (it hit an unexpected error, logged)",
                                "un fichier que Cockpit sait lire (il a rencontré une erreur "
                                "inattendue, inscrite au journal)"),
    "expect.unchanging": ("a file that does not change while it is imported (is it still being "
                          "written?)",
                          "un fichier qui ne change pas pendant son import (est-il encore en "
                          "cours d'écriture ?)"),
    "expect.first_day": ("dates for its numbered days: give the first day at import "
                         "(--first-day YYYY-MM-DD)",
                         "des dates pour ses jours numérotés : donnez le premier jour à "
                         "l'import (--first-day AAAA-MM-JJ)"),
    "expect.sole_provider": ("only {provider}'s rows: the file was dropped in {provider}'s "
                             "folder, and one provider's drop never changes another's figures",
                             "uniquement des lignes de {provider} : le fichier a été déposé "
                             "dans le dossier de {provider}, et le dépôt d'un prestataire ne "
                             "change jamais les chiffres d'un autre"),
    "expect.provider": ("a provider name: add a provider column or give the provider at import "
                        "(--provider NAME)",
                        "un nom de prestataire : ajoutez une colonne prestataire ou donnez le "
                        "prestataire à l'import (--provider NOM)"),
    "expect.one_row_per_key": ("one row per {what}; rows {rows} share it with different "
                               "content",
                               "une seule ligne par {what} ; les lignes {rows} ont la même "
                               "valeur mais des contenus différents"),
    "expect.known_layout": ("the columns of a known export layout",
                            "les colonnes d'un format d'export connu"),
    "expect.known_layout_closest": ("the columns of a known export layout; closest layout: "
                                    "{title}, which lacks {missing}",
                                    "les colonnes d'un format d'export connu ; format le plus "
                                    "proche : {title}, où il manque {missing}"),
    "expect.layout_columns": ("the columns of {title}: missing {missing}",
                              "les colonnes du format {title} : il manque {missing}"),
    # What was found instead, in our words (the file's own text is quoted as it is).
    "found.fewer_fields": ("fewer fields than the header", "moins de champs que l'en-tête"),
    "found.fields": ("{fields} fields", "{fields} champs"),
    "found.error": ("{error}: {detail}", "{error} : {detail}"),
    "found.no_detail": ("no detail", "sans détail"),
    "found.gone": ("gone", "disparu"),
    "found.grew": ("{before} then {after} bytes", "{before} puis {after} octets"),
    "found.folder": ("a folder", "un dossier"),
    "found.not_regular": ("not a regular file", "pas un fichier ordinaire"),
    "found.mb": ("{mb} MB", "{mb} Mo"),
    "found.more_than": ("more than {size}", "plus de {size}"),
    "found.lines": ("{lines} lines", "{lines} lignes"),
    "found.rows": ("{rows} rows", "{rows} lignes"),
    "found.columns": ("{columns} columns", "{columns} colonnes"),
    "found.parts": ("{parts} parts", "{parts} parties"),
    "found.uncompressed": ("{size} uncompressed", "{size} une fois décompressé"),
    "found.sheet_rows": ("a sheet {how} {rows} rows (up to {last})",
                         "une feuille {how} {rows} lignes (jusqu'à {last})"),
    "found.sheet_columns": ("a sheet {how} {columns} columns (up to {last})",
                            "une feuille {how} {columns} colonnes (jusqu'à {last})"),
    "found.sheet_cells": ("a sheet {how} {rows} rows x {columns} columns (up to {last})",
                          "une feuille {how} {rows} lignes x {columns} colonnes (jusqu'à "
                          "{last})"),
    "found.sheet_declaring": ("declaring", "qui déclare"),
    "found.sheet_over": ("with cells over", "dont les cellules couvrent"),
    "found.cell_at": ("row {row}, column {column}", "ligne {row}, colonne {column}"),
    "found.long_line": ("a line of more than {characters} characters",
                        "une ligne de plus de {characters} caractères"),
    "found.cell_start": ("{start}… ({bytes} bytes)", "{start}… ({bytes} octets)"),
    "found.binary": ("binary content", "contenu binaire"),
    # Layouts: their titles, what they lack, what they leave out (kpi/ingest/profiles.py).
    "layout.accepted": ("{field} (accepted headers: {headers})",
                        "{field} (en-têtes acceptés : {headers})"),
    "layout.mapped_to": ("{field} (mapped to '{header}')", "{field} (associé à « {header} »)"),
    "layout.columns": ("columns {columns}", "les colonnes {columns}"),
    "layout.wide_items": ("item columns headed 'Item name /max'",
                          "des colonnes de critères intitulées « Nom du critère /max »"),
    "layout.computed": ("{field} (computed)", "{field} (calculé)"),
    "layout.event_time": ("{event} time", "heure de {event}"),
    "layout.end_event_time": ("end event time", "heure de l'événement de fin"),
    "layout.event": ("{event} event", "événement {event}"),
    "layout.item_header": ("item column header", "en-tête de la colonne du critère"),
    "layout.item_column": ("item column", "colonne du critère"),
    "layout.item_max": ("item header", "en-tête du critère"),
    "profile.five9": ("Five9 call log", "Journal d'appels Five9"),
    "profile.bank_acd_log": ("Bank ACD log (VRU, queue and service times per call)",
                             "Journal ACD bancaire (temps SVI, d'attente et de service par "
                             "appel)"),
    "profile.pwc_case": ("PwC call-centre case (Call Id, Topic, Answered (Y/N)…)",
                         "Cas centre d'appels PwC (Call Id, Topic, Answered (Y/N)…)"),
    "profile.amazon_connect": ("Amazon Connect contact trace records (JSON lines)",
                               "Enregistrements de contacts Amazon Connect (JSON lines)"),
    "profile.asterisk_queue_log": ("Asterisk queue_log", "queue_log Asterisk"),
    "profile.contacts": ("Contacts (generic, SPEC §2.1)", "Contacts (générique, SPEC §2.1)"),
    "profile.intervals": ("Interval report", "Rapport par intervalle"),
    "profile.agent_activity": ("Agent activity", "Activité des conseillers"),
    "profile.evaluations": ("Quality evaluations (long)", "Évaluations qualité (en lignes)"),
    "profile.evaluations_wide": ("Quality evaluations (wide)",
                                 "Évaluations qualité (en colonnes)"),
    "profile.snapshots": ("Real-time snapshot", "Instantané temps réel"),
    "profile.forecasts": ("Forecast", "Prévisions"),
    "profile.declared": ("Provider-declared report (per interval, day, ISO week or month)",
                         "Rapport déclaré par le prestataire (par intervalle, jour, semaine ISO "
                         "ou mois)"),
    "profile.saved": ("Saved mapping '{name}'", "Association enregistrée « {name} »"),
    "profile.left_out.bank_acd_log": ("PHANTOM calls, and calls that hung up in the VRU before "
                                      "queueing",
                                      "appels PHANTOM, et appels raccrochés dans le SVI avant "
                                      "la file d'attente"),
    "profile.left_out.amazon_connect": ("contact records that never reached a queue (IVR only)",
                                        "contacts qui n'ont jamais atteint une file (SVI "
                                        "seulement)"),
    "profile.left_out.asterisk_queue_log": ("queue_log events that belong to no call (agent "
                                            "log-ins, pauses…)",
                                            "événements du queue_log qui n'appartiennent à aucun "
                                            "appel (connexions des conseillers, pauses…)"),
    "profile.left_out.evaluations_wide": ("empty item cells (item not scored)",
                                          "cellules de critère vides (critère non noté)"),
    # An import's summary (the CLI prints the English, the Import page either language).
    "summary.unchanged": ("{file}: already imported as #{id}; nothing changed",
                          "{file} : déjà importé (import n°{id}) ; rien n'a changé"),
    "summary.number": ("import #{id} ", "import n°{id} "),
    "summary.head": ("{file}: {number}({profile}, {providers})",
                     "{file} : {number}({profile}, {providers})"),
    "summary.imported": ({"one": "{n} rows imported", "other": "{n} rows imported"},
                         {"one": "{n} ligne importée", "other": "{n} lignes importées"}),
    "summary.duplicates": ({"one": "{n} duplicates dropped", "other": "{n} duplicates dropped"},
                           {"one": "{n} doublon écarté", "other": "{n} doublons écartés"}),
    "summary.rejected": ({"one": "{n} bad rows set aside", "other": "{n} bad rows set aside"},
                         {"one": "{n} ligne en erreur mise de côté",
                          "other": "{n} lignes en erreur mises de côté"}),
    "summary.left_out": ({"one": "{n} rows left out ({reason})",
                          "other": "{n} rows left out ({reason})"},
                         {"one": "{n} ligne laissée de côté ({reason})",
                          "other": "{n} lignes laissées de côté ({reason})"}),
    "summary.updated": ({"one": "{n} rows replaced a previous version",
                         "other": "{n} rows replaced a previous version"},
                        {"one": "{n} ligne a remplacé une version précédente",
                         "other": "{n} lignes ont remplacé une version précédente"}),
    "summary.replaces": ("replaces import {ids}", "remplace les imports {ids}"),
    "summary.replaces_one": ("replaces import {ids}", "remplace l'import {ids}"),
    "summary.import_ref": ("#{id}", "n°{id}"),
    "summary.period": (", period {start} to {end}", ", période du {start} au {end}"),
    "note.rate_read": ("{field} ('{source}') read {scale}", "{field} (« {source} ») lu {scale}"),
    "note.scale.percent_sign": ("as percent (with a % sign)", "en pourcentage (avec le signe %)"),
    "note.scale.percent_and_points": ("as percent (% sign, and bare numbers as percent points)",
                                      "en pourcentage (signe %, et nombres seuls en points de "
                                      "pourcentage)"),
    "note.scale.points": ("as percent points (bare numbers, some above 1)",
                          "en points de pourcentage (nombres seuls, certains au-dessus de 1)"),
    "note.scale.percent_and_fractions": ("as percent (% sign) and bare numbers as fractions",
                                         "en pourcentage (signe %) et nombres seuls en "
                                         "fractions"),
    "note.scale.fractions": ("as fractions (bare numbers, none above 1)",
                             "en fractions (nombres seuls, aucun au-dessus de 1)"),
    "note.ignored": ("columns ignored (no field of the layout): {columns}",
                     "colonnes ignorées (aucun champ du format) : {columns}"),
    "import.progress": ("{file}: {stage}", "{file} : {stage}"),
    "import.stage.reading": ("reading", "lecture"),
    "import.stage.mapping": ("mapping", "association des colonnes"),
    "import.stage.checking": ("checking", "vérification"),
    "import.stage.writing": ("writing", "écriture"),
    "import.stage.done": ("done", "terminé"),
    # Import profiles and undo (kpi/ingest/importer.py).
    "error.unknown_profile": ("unknown profile '{name}'; known profiles: {known}",
                              "profil « {name} » inconnu ; profils connus : {known}"),
    "error.builtin_profile": ("'{name}' is a built-in profile; choose another name",
                              "« {name} » est un profil fourni avec Cockpit ; choisissez un "
                              "autre nom"),
    "error.unknown_fields": ("unknown fields for {kind}: {fields}",
                             "champs inconnus pour {kind} : {fields}"),
    "error.no_import": ("there is no import #{id}", "il n'y a pas d'import n°{id}"),
    "error.undo_inactive": ("import #{id} is {status}; only active imports can be undone{hint}",
                            "l'import n°{id} est {status} ; seuls les imports actifs peuvent "
                            "être annulés{hint}"),
    "error.undo_hint": (" (undo #{later} first to bring it back)",
                        " (annulez d'abord l'import n°{later} pour le rétablir)"),
    # An undo refused because of later imports: one (the French "_one" text) or several.
    "error.undo_later": ("import #{id} cannot be undone: later import(s) {ids} replaced some "
                         "of its rows; undo them first",
                         "l'import n°{id} ne peut pas être annulé : les imports plus récents "
                         "{ids} ont remplacé une partie de ses lignes ; annulez-les d'abord"),
    "error.undo_later_one": ("import #{id} cannot be undone: later import(s) {ids} replaced "
                             "some of its rows; undo them first",
                             "l'import n°{id} ne peut pas être annulé : l'import plus récent "
                             "{ids} a remplacé une partie de ses lignes ; annulez-le d'abord"),
    "error.undo_not_kept": ("import #{id} cannot be undone: the rows of import(s) {ids} it "
                            "replaced were not kept (replaced before this version); undoing it "
                            "would leave their period empty. Import their file again after "
                            "undoing, or keep it",
                            "l'import n°{id} ne peut pas être annulé : les lignes des imports "
                            "{ids} qu'il a remplacés n'ont pas été conservées (remplacées avant "
                            "cette version) ; l'annuler laisserait leur période vide. "
                            "Réimportez leurs fichiers après l'annulation, ou gardez l'import"),
    "error.undo_not_kept_one": ("import #{id} cannot be undone: the rows of import(s) {ids} it "
                                "replaced were not kept (replaced before this version); "
                                "undoing it would leave their period empty. Import their file "
                                "again after undoing, or keep it",
                                "l'import n°{id} ne peut pas être annulé : les lignes de "
                                "l'import {ids}, qu'il a remplacé, n'ont pas été conservées "
                                "(remplacées avant cette version) ; l'annuler laisserait sa "
                                "période vide. Réimportez son fichier après l'annulation, ou "
                                "gardez l'import"),
    "error.undo_clash": ({"one": "import #{id} cannot be undone: {n} row(s) it replaced have the "
                                 "same keys as rows of later imports; undo those first",
                          "other": "import #{id} cannot be undone: {n} row(s) it replaced have "
                                   "the same keys as rows of later imports; undo those first"},
                         {"one": "l'import n°{id} ne peut pas être annulé : {n} ligne qu'il a "
                                 "remplacée a les mêmes clés que des lignes d'imports plus "
                                 "récents ; annulez-les d'abord",
                          "other": "l'import n°{id} ne peut pas être annulé : {n} lignes qu'il "
                                   "a remplacées ont les mêmes clés que des lignes d'imports "
                                   "plus récents ; annulez-les d'abord"}),
    # The database, its backups and the settings (kpi/store.py, kpi/backup.py, kpi/settings.py,
    # kpi/provider_settings.py, kpi/flags.py).
    "error.db_busy": ("{path} is open for writing by another process (probably the running "
                      "app). Import through the app's Import page, or stop the app first.",
                      "{path} est ouvert en écriture par un autre processus (sans doute "
                      "l'application en cours). Importez par la page Import de l'application, "
                      "ou arrêtez-la d'abord."),
    "error.view_widened": ("A provider's view cannot be widened to another provider.",
                           "La vue d'un prestataire ne peut pas être étendue à un autre "
                           "prestataire."),
    "error.read_only": ("This account can read but not change anything.",
                        "Ce compte peut tout lire mais ne peut rien modifier."),
    "error.backup_busy": ("{path} is open for writing by another process (probably the running "
                          "app): DuckDB lets one process hold the file, so a backup from "
                          "outside that process is not possible while it runs. Stop the app, "
                          "then run the backup again.",
                          "{path} est ouvert en écriture par un autre processus (sans doute "
                          "l'application en cours) : DuckDB ne laisse qu'un processus tenir le "
                          "fichier, donc une sauvegarde faite hors de ce processus est "
                          "impossible tant qu'il tourne. Arrêtez l'application, puis relancez "
                          "la sauvegarde."),
    "error.no_such_file": ("no such file: {path}", "fichier introuvable : {path}"),
    "error.not_duckdb": ("{path} is not a DuckDB database ({error})",
                         "{path} n'est pas une base DuckDB ({error})"),
    "error.not_cockpit": ("{path} is not a Cockpit database (no table {tables})",
                          "{path} n'est pas une base Cockpit (il lui manque : {tables})"),
    "error.no_schema_version": ("{path} has no schema version: not a Cockpit database",
                                "{path} n'a pas de version de schéma : ce n'est pas une base "
                                "Cockpit"),
    "error.newer_schema": ("{path} has schema version {version}, made by a newer Cockpit (this "
                           "one knows up to {latest}): update Cockpit first",
                           "{path} est en version de schéma {version}, créée par un Cockpit plus "
                           "récent (celui-ci connaît jusqu'à la {latest}) : mettez d'abord "
                           "Cockpit à jour"),
    "error.backup_not_allowed": ("Only an account that can change everything can back it all "
                                 "up.",
                                 "Seul un compte qui peut tout modifier peut tout sauvegarder."),
    "error.backup_onto_itself": ("the backup must go to another file than the database itself",
                                 "la sauvegarde doit aller dans un autre fichier que la base "
                                 "elle-même"),
    "error.no_database_at": ("no database at {path}", "aucune base à l'emplacement {path}"),
    "error.restore_onto_itself": ("restoring a database onto itself changes nothing",
                                  "restaurer une base sur elle-même ne change rien"),
    "error.restore_busy": ("{path} is in use (probably by the running app): stop it before "
                           "restoring over it",
                           "{path} est en cours d'utilisation (sans doute par l'application) : "
                           "arrêtez-la avant de restaurer par-dessus"),
    "error.unknown_setting": ("unknown setting {name}", "réglage inconnu : {name}"),
    "error.setting_type": ("{name} must be a {kind}, not {value}",
                           "{name} doit être {kind}, pas {value}"),
    "setting.kind.int": ("int", "un nombre entier"),
    "setting.kind.float": ("float", "un nombre"),
    "setting.kind.str": ("str", "du texte"),
    "setting.kind.bool": ("bool", "oui ou non"),
    "error.setting_zero_or_more": ("{name} must be 0 or more, not {value}",
                                   "{name} doit être positif ou nul, pas {value}"),
    "error.setting_above_zero": ("{name} must be above 0, not {value}",
                                 "{name} doit être supérieur à 0, pas {value}"),
    "error.unknown_flag_rule": ("unknown red-flag rule {rule}",
                                "règle de signal d'alerte inconnue : {rule}"),
    "error.provider_where": ("provider {name}", "prestataire {name}"),
    "error.queue_where": ("queue {provider} / {queue}", "file {provider} / {queue}"),
    "error.sl_variant": ("{where}: sl_variant must be one of {variants}, not {value}",
                         "{where} : sl_variant doit être l'une des valeurs {variants}, pas "
                         "{value}"),
    "error.setting_negative": ("{where}: {name} must be 0 or more, not {value}",
                               "{where} : {name} doit être positif ou nul, pas {value}"),
    "error.time_zone": ("{where}: unknown time zone {zone} (e.g. Europe/Paris)",
                        "{where} : fuseau horaire inconnu {zone} (par exemple Europe/Paris)"),
    # Registers and settings pages: targets, actions, feedback, schemes, wallboards, accounts,
    # quality grids (kpi/governance, kpi/incentives/scheme.py, kpi/live/boards.py, kpi/access,
    # kpi/quality).
    "error.unreadable_table": ("{file}: not a readable CSV or XLSX file ({error})",
                               "{file} : fichier CSV ou XLSX illisible ({error})"),
    "error.missing_columns": ("{where}: missing column(s) {missing}; expected {columns}",
                              "{where} : colonnes manquantes : {missing} ; colonnes attendues : "
                              "{columns}"),
    "error.missing_columns_one": ("{where}: missing column(s) {missing}; expected {columns}",
                                  "{where} : colonne manquante : {missing} ; colonnes "
                                  "attendues : {columns}"),
    "where.target_row": ("target row {row}", "objectif, ligne {row}"),
    "error.target_kpi": ("{where}: kpi must be one of the KPI ids, not {value}",
                         "{where} : kpi doit être l'identifiant d'un indicateur, pas {value}"),
    "error.target_provider": ("{where}: provider is required",
                              "{where} : le prestataire (provider) est obligatoire"),
    "error.target_comparator": ("{where}: comparator must be >= or <=, not {value}",
                                "{where} : comparator doit être >= ou <=, pas {value}"),
    "error.target_value": ("{where}: value must be a number (rates as 0.8 for 80 %), not {value}",
                           "{where} : value doit être un nombre (un taux s'écrit 0.8 pour "
                           "80 %), pas {value}"),
    "error.target_date": ("{where}: {name} must be a date (YYYY-MM-DD)",
                          "{where} : {name} doit être une date (AAAA-MM-JJ)"),
    "error.target_priority": ("{where}: priority must be a whole number (1 = top)",
                              "{where} : priority doit être un nombre entier (1 = la plus "
                              "haute)"),
    "where.action_row": ("action row {row}", "action, ligne {row}"),
    "where.action": ("action #{id}", "action n°{id}"),
    "error.action_title": ("{where}: a title is required",
                           "{where} : le titre est obligatoire"),
    "error.action_provider": ("{where}: a provider is required",
                              "{where} : le prestataire est obligatoire"),
    "error.one_of": ("{where}: {name} must be one of {allowed}, not {value}",
                     "{where} : {name} doit être l'une des valeurs {allowed}, pas {value}"),
    "error.action_kpi": ("{where}: unknown KPI {kpi}", "{where} : indicateur inconnu {kpi}"),
    "error.no_action": ("no action #{id}", "aucune action n°{id}"),
    "error.empty_note": ("a note needs some text", "une note a besoin d'un texte"),
    "error.feedback_required": ("feedback row {row}: provider, date and text are required",
                                "retour, ligne {row} : le prestataire, la date et le texte "
                                "sont obligatoires"),
    "error.feedback_kind": ("feedback row {row}: kind is one of {kinds}; status one of "
                            "{statuses}",
                            "retour, ligne {row} : kind doit être l'une des valeurs {kinds} ; "
                            "status l'une des valeurs {statuses}"),
    "error.no_feedback": ("no feedback item #{id}", "aucun retour n°{id}"),
    "error.scheme_base_fee": ("base_fee must be above 0", "base_fee doit être supérieur à 0"),
    "error.scheme_share": ("{name} must be between 0 and 1 (a share of the base fee)",
                           "{name} doit être entre 0 et 1 (une part de la rémunération de "
                           "base)"),
    "error.scheme_band": ("volume_band must be between 0 and 1 (e.g. 0.1 for ±10 %)",
                          "volume_band doit être entre 0 et 1 (par exemple 0.1 pour ±10 %)"),
    "error.scheme_no_line": ("a scheme needs at least one KPI line",
                             "un dispositif a besoin d'au moins une ligne d'indicateur"),
    "where.scheme_line": ("line {line} ({kpi})", "ligne {line} ({kpi})"),
    "error.scheme_kpi": ("{where}: unknown KPI", "{where} : indicateur inconnu"),
    "error.scheme_weight": ("{where}: the weight must be above 0",
                            "{where} : le poids doit être supérieur à 0"),
    "error.scheme_floor": ("{where}: floor and ceiling must lie on either side of the target",
                           "{where} : le plancher et le plafond doivent encadrer l'objectif"),
    "error.board_name": ("a board needs a name", "un mur d'écrans a besoin d'un nom"),
    "error.board_scope": ("choose at least one provider", "choisissez au moins un prestataire"),
    "error.unknown_provider": ("unknown provider {name}", "prestataire inconnu : {name}"),
    "error.board_tiles": ("tiles must be among {tiles}",
                          "les tuiles doivent être choisies parmi {tiles}"),
    "error.board_refresh": ("refresh must be {low} to {high} seconds, not {value}",
                            "le rafraîchissement doit être de {low} à {high} secondes, pas "
                            "{value}"),
    "error.board_rotation": ("rotation must be {low} to {high} seconds, not {value}",
                             "la rotation doit être de {low} à {high} secondes, pas {value}"),
    "error.board_threshold_tile": ("threshold for unknown tile {tile}",
                                   "seuil d'une tuile inconnue : {tile}"),
    "error.board_threshold": ("{tile}: red must be beyond green ({better} is better)",
                              "{tile} : le rouge doit être au-delà du vert ({better} vaut "
                              "mieux)"),
    "board.better.higher": ("higher", "plus haut"),
    "board.better.lower": ("lower", "plus bas"),
    "error.no_board": ("no wallboard named {name}", "aucun mur d'écrans nommé {name}"),
    "error.password_length": ("a password needs at least {min} characters",
                              "un mot de passe doit compter au moins {min} caractères"),
    "error.account_name": ("an account needs a name", "un compte a besoin d'un nom"),
    "error.account_local": ("'local' is the name of the local mode's user; choose another",
                            "« local » est le nom de l'utilisateur du mode local ; choisissez-en "
                            "un autre"),
    "error.account_role": ("unknown role {role}: expected one of {roles}",
                           "rôle inconnu {role} : attendu l'un des rôles {roles}"),
    "error.account_provider": ("a provider account needs --provider NAME",
                               "un compte prestataire a besoin de son prestataire "
                               "(--provider NOM)"),
    "error.account_bound": ("only a provider account is bound to a provider ({role} sees them "
                            "all)",
                            "seul un compte prestataire est lié à un prestataire (un compte "
                            "{role} les voit tous)"),
    "error.role.admin": ("admin", "administrateur"),
    "error.role.pilot": ("pilot", "pilote"),
    "error.role.executive": ("executive", "direction"),
    "error.role.provider": ("provider", "prestataire"),
    "error.account_exists": ("an account named {name} already exists",
                             "un compte nommé {name} existe déjà"),
    "error.no_account": ("no account named {name}", "aucun compte nommé {name}"),
    "where.grid": ("grid", "grille"),
    "error.grid_item_name": ("{where}, row {row}, column item: expected an item name",
                             "{where}, ligne {row}, colonne item : attendu un nom de critère"),
    "error.grid_max": ("{where}, row {row}, column max_score: expected a maximum above 0, found "
                       "{value}",
                       "{where}, ligne {row}, colonne max_score : attendu un maximum supérieur "
                       "à 0, trouvé {value}"),
    "error.grid_weight": ("{where}, row {row}, column weight: expected a weight of 0 or more "
                          "(empty: the maximum), found {value}",
                          "{where}, ligne {row}, colonne weight : attendu un poids positif ou "
                          "nul (vide : le maximum), trouvé {value}"),
    "error.items_twice": ("{where}: item(s) named twice: {items}",
                          "{where} : critères nommés deux fois : {items}"),
    "error.items_twice_one": ("{where}: item(s) named twice: {items}",
                              "{where} : critère nommé deux fois : {items}"),
    "error.no_item": ("{where}: no item", "{where} : aucun critère"),
    "error.grid_name": ("{where}: a grid needs a name", "{where} : une grille a besoin d'un nom"),
    "error.grid_version": ("{where}: version {version} cannot start before version {previous} "
                           "({start})",
                           "{where} : la version {version} ne peut pas commencer avant la "
                           "version {previous} ({start})"),
    "error.grid_unnamed": ("{file}: name the grid (one value in a 'grid' column, or --grid)",
                           "{file} : nommez la grille (une seule valeur dans une colonne "
                           "« grid », ou --grid)"),
    "error.no_session": ("no calibration session {id}", "aucune séance de calibrage {id}"),
    # Floor visits, candidates and selection (kpi/visits).
    "error.candidate_name": ("a candidate needs a name", "un candidat a besoin d'un nom"),
    "error.candidate_exists": ("{name} is already a provider or a candidate",
                               "{name} est déjà un prestataire ou un candidat"),
    "error.not_candidate": ("{name} is not a candidate", "{name} n'est pas un candidat"),
    "error.unknown_figures": ("unknown announced figure(s) {figures}; expected one of {known}",
                              "chiffres annoncés inconnus : {figures} ; attendu l'un des "
                              "chiffres {known}"),
    "error.unknown_figures_one": ("unknown announced figure(s) {figures}; expected one of "
                                  "{known}",
                                  "chiffre annoncé inconnu : {figures} ; attendu l'un des "
                                  "chiffres {known}"),
    "error.figure_rate": ("{figure}: expected a rate between 0 and 1, found {value}",
                          "{figure} : attendu un taux entre 0 et 1, trouvé {value}"),
    "error.figure_positive": ("{figure}: expected 0 or more, found {value}",
                              "{figure} : attendu une valeur positive ou nulle, trouvé {value}"),
    "error.no_visit_grid": ("no visit grid {grid}", "aucune grille de visite {grid}"),
    "error.no_visit_grid_version": ("no visit grid {grid} version {version}",
                                    "aucune grille de visite {grid} en version {version}"),
    "where.visit_grid": ("visit grid", "grille de visite"),
    "error.visit_grid_label": ("{where}, row {row}, column label_en: expected the item's words "
                               "(English or French)",
                               "{where}, ligne {row}, colonne label_en : attendu le libellé du "
                               "critère (en anglais ou en français)"),
    "error.visit_grid_weight": ("{where}, row {row}, column weight: expected a weight of 0 or "
                                "more, found {value}",
                                "{where}, ligne {row}, colonne weight : attendu un poids "
                                "positif ou nul, trouvé {value}"),
    "error.visit_grid_signal": ("{where}, row {row}, column signal: expected one of the six "
                                "signals (1 to {last}) or nothing, found {value}",
                                "{where}, ligne {row}, colonne signal : attendu l'un des six "
                                "signaux (1 à {last}) ou rien, trouvé {value}"),
    "where.visit": ("visit", "visite"),
    "error.visit_provider": ("{where}: unknown provider {name}",
                             "{where} : prestataire inconnu {name}"),
    "error.visit_site": ("{where}: a visit needs its site",
                         "{where} : une visite a besoin de son site"),
    "error.visit_listening": ("{where}: listening sessions must be a whole number from 0 to "
                              "{max}, not {value}",
                              "{where} : les séances d'écoute doivent être un nombre entier de "
                              "0 à {max}, pas {value}"),
    "error.visit_verdict": ("{where}: verdict {verdict}; expected one of {verdicts}",
                            "{where} : avis {verdict} ; attendu l'un des avis {verdicts}"),
    "error.visit_item": ("{where}: item {item} is not on the grid",
                         "{where} : le critère {item} n'est pas dans la grille"),
    "error.visit_rating": ("{where}, item {item}: rating {rating}; expected one of {ratings}",
                           "{where}, critère {item} : constat {rating} ; attendu l'un des "
                           "constats {ratings}"),
    "error.visit_no_replace": ("{where}: no visit {id} to replace",
                               "{where} : aucune visite {id} à remplacer"),
    "error.visit_exists": ("{where}: {provider} already has a visit on {day} at {site} (visit "
                           "{id}); edit that one",
                           "{where} : {provider} a déjà une visite le {day} à {site} (visite "
                           "{id}) ; modifiez celle-là"),
    "error.no_visit": ("no visit {id}", "aucune visite {id}"),
    "expect.visit_csv": ("a readable CSV filled visit grid",
                         "une grille de visite remplie, en CSV lisible"),
    "expect.visit_file": ("a readable CSV or XLSX filled visit grid",
                          "une grille de visite remplie, en CSV ou XLSX lisible"),
    "found.cells": ("{cells} cells", "{cells} cellules"),
    "expect.visit_cells": ("{cells} cells as in the header (a cell holding the separator must be "
                           "quoted)",
                           "{cells} cellules comme dans l'en-tête (une cellule qui contient le "
                           "séparateur doit être entre guillemets)"),
    "expect.visit_column": ("a column {column} (or {aliases})",
                            "une colonne {column} (ou {aliases})"),
    "expect.visit_provider": ("a known provider or candidate",
                              "un prestataire ou un candidat connu"),
    "expect.visit_same": ("the same {field} on every row ({first})",
                          "la même valeur de {field} sur chaque ligne ({first})"),
    "expect.visit_date": ("the visit's date", "la date de la visite"),
    "expect.visit_site": ("the site visited", "le site visité"),
    "expect.visit_listening": ("a whole number of listening sessions, from 0 to {max}",
                               "un nombre entier de séances d'écoute, de 0 à {max}"),
    "expect.visit_verdict": ("a verdict: favourable, reservations or unfavourable (favorable, "
                             "réserves, défavorable)",
                             "un avis : favorable, réserves ou défavorable (favourable, "
                             "reservations, unfavourable)"),
    "expect.visit_item": ("an item of the visit grid ({items})",
                          "un critère de la grille de visite ({items})"),
    "expect.visit_item_once": ("each item once", "chaque critère une seule fois"),
    "expect.visit_rating": ("a rating on the scale: not seen, minor, serious (non observé, "
                            "mineur, grave; or 0, 1, 2)",
                            "un constat de l'échelle : non observé, mineur, grave (not seen, "
                            "minor, serious ; ou 0, 1, 2)"),
    "expect.visit_rated": ("at least one item rated", "au moins un critère noté"),
    "error.weight_negative": ("a weight is a number, 0 or more",
                              "un poids est un nombre positif ou nul"),
    "error.weight_zero": ("at least one weight must be above 0",
                          "au moins un poids doit être supérieur à 0"),
    "error.unknown_providers": ("unknown provider(s) {names}", "prestataires inconnus : {names}"),
    "error.unknown_providers_one": ("unknown provider(s) {names}",
                                    "prestataire inconnu : {names}"),
    # The inbox's writer: what it says of a drop (kpi/live/inbox.py, kpi/live/watcher.py).
    "inbox.kind.link": ("a symbolic link", "un lien symbolique"),
    "inbox.kind.pipe": ("a named pipe", "un tube nommé"),
    "inbox.kind.socket": ("a socket", "une socket"),
    "inbox.kind.device": ("a device", "un périphérique"),
    "inbox.not_regular": ("{file} is {kind}, not a regular file: it was not opened or followed. "
                          "Drop the export itself.",
                          "{file} est {kind}, pas un fichier ordinaire : il n'a été ni ouvert "
                          "ni suivi. Déposez l'export lui-même."),
    "inbox.not_moved_aside": ("{file}: could not be moved aside ({reason})",
                              "{file} : n'a pas pu être mis de côté ({reason})"),
    "inbox.not_moved_rejected": ("{file}: refused, but could not be moved to {folder}/ "
                                 "({reason})",
                                 "{file} : refusé, mais n'a pas pu être déplacé dans {folder}/ "
                                 "({reason})"),
    "inbox.not_archived": ("{file}: imported, but could not be moved to {folder}/ ({reason}); "
                           "dropped again, it changes nothing",
                           "{file} : importé, mais n'a pas pu être déplacé dans {folder}/ "
                           "({reason}) ; déposé à nouveau, il ne changera rien"),
    "inbox.refused_file": ("{file} refused: {reason}", "{file} refusé : {reason}"),
    "inbox.pass_failed": ("the pass failed: {error}: {detail}",
                          "le passage a échoué : {error} : {detail}"),
    "wallboard.recent_imported": ("imported", "importé"),
    "wallboard.recent_refused": ("REFUSED", "REFUSÉ"),
    # The command line's own words (kpi/cli.py): its results, refusals and the inbox's
    # status lines. The English is what `cockpit` has always printed, word for word (scripts
    # read it), "(s)" included; a count written so is {count}, and its French singular is
    # the "_one" key, chosen by kpi/cli.py.
    "cli.error": ("error: {message}", "erreur : {message}"),
    "cli.none": ("(none)", "(aucune ligne)"),
    "cli.undone": ({"one": "import #{id} undone: {n} rows removed",
                    "other": "import #{id} undone: {n} rows removed"},
                   {"one": "import n°{id} annulé : {n} ligne retirée",
                    "other": "import n°{id} annulé : {n} lignes retirées"}),
    "cli.targets_added": ("{count} target(s) added from {file}",
                          "{count} objectifs ajoutés depuis {file}"),
    "cli.targets_added_one": ("{count} target(s) added from {file}",
                              "{count} objectif ajouté depuis {file}"),
    "cli.unknown_provider_known": ("unknown provider {name}; known: {known}",
                                   "prestataire inconnu : {name} ; connus : {known}"),
    "cli.selection_needs_providers": ("the selection pack needs --providers A,B,C",
                                      "le dossier de sélection a besoin de --providers A,B,C"),
    "cli.committee.production": ("production", "le comité de production"),
    "cli.committee.steering": ("steering", "le comité de pilotage"),
    "cli.committee.strategic": ("strategic", "le comité stratégique"),
    "cli.committee_needs": ("the {committee} committee needs --{option} {example}",
                            "{committee} a besoin de --{option} {example}"),
    "cli.no_complete_week": ("{provider} has no complete week {week} of data",
                             "{provider} n'a pas de semaine {week} complète de données"),
    "cli.no_month_data": ("{provider} has no data in {month}",
                          "{provider} n'a pas de données en {month}"),
    "cli.quarter_or_half": ("give --quarter 2026-Q1 or --half 2026-H1",
                            "indiquez --quarter 2026-Q1 ou --half 2026-H1"),
    "cli.kind.quarter": ("quarter", "trimestre"),
    "cli.kind.half": ("half", "semestre"),
    "cli.no_complete_period": ("no complete {kind} {period} of data for {providers}",
                               "aucun {kind} {period} complet de données pour {providers}"),
    "cli.out_suffix": ("--out must end in .xlsx or .html: {out}",
                       "--out doit finir par .xlsx ou .html : {out}"),
    "cli.pack_written": ("{out}: {title}", "{out} : {title}"),
    "cli.visits_needs_provider": ("visits import needs --provider NAME",
                                  "visits import a besoin de --provider NOM"),
    "cli.visit_imported": ("visit #{id} of {provider} on {day} at {site}: {count} item(s) rated "
                           "({serious} serious, {minor} minor)",
                           "visite n°{id} de {provider} le {day} à {site} : {count} critères "
                           "notés (graves : {serious}, mineurs : {minor})"),
    "cli.visit_imported_one": ("visit #{id} of {provider} on {day} at {site}: {count} item(s) "
                               "rated ({serious} serious, {minor} minor)",
                               "visite n°{id} de {provider} le {day} à {site} : {count} critère "
                               "noté (graves : {serious}, mineurs : {minor})"),
    "cli.watching": ("watching {inbox} every {interval} s (Ctrl-C to stop)",
                     "surveillance de {inbox} toutes les {interval} s (Ctrl-C pour arrêter)"),
    "cli.watching_once": ("watching {inbox} every {interval} s (once)",
                          "surveillance de {inbox} toutes les {interval} s (un seul passage)"),
    "cli.watch_state": ("inbox {inbox}: last pass {at}; {imported} imported and {refused} "
                        "refused since start; {today} refused today",
                        "boîte de dépôt {inbox} : dernier passage {at} ; depuis le démarrage, "
                        "importés : {imported}, refusés : {refused} ; refusés aujourd'hui : "
                        "{today}"),
    "cli.watch_waiting": ("waiting ({count}): {files}", "en attente ({count}) : {files}"),
    "cli.watch_skipped": ("left alone (folders inside a provider's folder): {files}",
                          "laissés de côté (dossiers dans le dossier d'un prestataire) : "
                          "{files}"),
    "cli.watch_last_error": ("last error at {at}: {error}", "dernière erreur le {at} : {error}"),
    "cli.outcome_imported": ("{file}: {message} -> {moved_to}",
                             "{file} : {message} -> {moved_to}"),
    "cli.outcome_refused": ("{file}: refused -> {moved_to}\n  {message}",
                            "{file} : refusé -> {moved_to}\n  {message}"),
    "cli.dropped": ("dropped {count} snapshot(s) into {inbox}",
                    "{count} instantanés déposés dans {inbox}"),
    "cli.dropped_one": ("dropped {count} snapshot(s) into {inbox}",
                        "{count} instantané déposé dans {inbox}"),
    "cli.demo_built": ("demo database built: {path}",
                       "base de démonstration construite : {path}"),
    "cli.demo_present": ("demo database already present: {path}",
                         "base de démonstration déjà présente : {path}"),
    "cli.demo_first_run": ("building the demo database at {path} (first run)…",
                           "construction de la base de démonstration à l'emplacement {path} "
                           "(premier lancement)…"),
    "cli.no_account_to_serve": (
        "refusing to serve {host}: this database has no account, so anyone on that network "
        "would see everything. Create one first:\n"
        "  cockpit users add NAME --role admin --password-stdin --db {path}\n"
        "or leave out --host to serve this computer only (local mode).",
        "refus de servir {host} : cette base n'a aucun compte, donc n'importe qui sur ce "
        "réseau verrait tout. Créez-en un d'abord :\n"
        "  cockpit users add NOM --role admin --password-stdin --db {path}\n"
        "ou retirez --host pour ne servir que cet ordinateur (mode local)."),
    "cli.backed_up": ("{path} backed up to {out} (schema version {version})",
                      "{path} : sauvegarde écrite dans {out} (version de schéma {version})"),
    "cli.restored": ("{path} restored from {source} (schema version {version})",
                     "{path} : base restaurée depuis {source} (version de schéma {version})"),
    "cli.password_stdin": ("give the password on standard input with --password-stdin (never "
                           "on the command line, where other users can see it)",
                           "donnez le mot de passe sur l'entrée standard avec --password-stdin "
                           "(jamais sur la ligne de commande, où d'autres utilisateurs peuvent "
                           "le voir)"),
    "cli.users_needs_name": ("users {action} needs the account's NAME",
                             "users {action} a besoin du NOM du compte"),
    "cli.users_needs_role": ("users add needs --role admin|pilot|executive|provider",
                             "users add a besoin de --role admin|pilot|executive|provider"),
    "cli.account_added": ("account {name} added: {role}", "compte {name} ajouté : {role}"),
    "cli.account_added_for": ("account {name} added: {role} for {provider}",
                              "compte {name} ajouté : {role} pour {provider}"),
    "cli.account_removed": ("account {name} removed", "compte {name} supprimé"),
    "cli.password_changed": ("password of {name} changed", "mot de passe de {name} changé"),
    "cli.boards_needs_name": ("boards {action} needs the board's NAME",
                              "boards {action} a besoin du NOM du mur"),
    "cli.links_revoked": ("{count} link(s) of board {name} revoked",
                          "{count} liens du mur {name} révoqués"),
    "cli.links_revoked_one": ("{count} link(s) of board {name} revoked",
                              "{count} lien du mur {name} révoqué"),
    "cli.no_database": ("no database at {path} ({given}). Check the path; to start a new, "
                        "empty database there, add --create (`cockpit demo --db FILE` builds "
                        "the demo one).",
                        "aucune base à l'emplacement {path} ({given}). Vérifiez le chemin ; "
                        "pour y créer une base neuve et vide, ajoutez --create (`cockpit demo "
                        "--db FICHIER` construit celle de démonstration)."),
    "cli.default_database": ("the default database", "la base par défaut"),
    # (end of the errors raised in kpi/)
    # Floor visits and provider selection (kpi/visits).
    "nav.visits": ("Floor visits", "Visites plateau"),
    "nav.selection": ("Selection", "Sélection"),
    "visits.rating.not_seen": ("not seen", "non observé"),
    "visits.rating.minor": ("minor", "mineur"),
    "visits.rating.serious": ("serious", "grave"),
    "visits.rating.none": ("not rated", "non noté"),
    "visits.verdict.favourable": ("favourable", "favorable"),
    "visits.verdict.reservations": ("with reservations", "avec réserves"),
    "visits.verdict.unfavourable": ("unfavourable", "défavorable"),
    "visits.stage.candidate": ("candidate", "candidat"),
    "visits.stage.active": ("active", "actif"),
    "visits.col.visited_on": ("Visit date", "Date de visite"),
    "visits.col.site": ("Site", "Site"),
    "visits.col.visitors": ("Visitors", "Visiteurs"),
    "visits.col.listening": ("Listening sessions", "Séances d'écoute"),
    "visits.col.verdict": ("Verdict", "Avis"),
    "visits.col.score": ("Visit score", "Note de visite"),
    "visits.col.serious": ("Serious signals", "Signaux graves"),
    "visits.col.minor": ("Minor signals", "Signaux mineurs"),
    "visits.col.item": ("Item", "Critère"),
    "visits.col.rating": ("Rating", "Constat"),
    "visits.col.notes": ("Notes", "Notes"),
    "visits.col.look": ("What to look at", "Ce qu'il faut regarder"),
    "visits.col.good": ("What a good floor shows", "Ce que montre un bon plateau"),
    "visits.col.weight": ("Weight", "Poids"),
    "visits.col.stage": ("Stage", "Statut"),
    "visits.col.signal": ("Signal", "Signal"),
    "visits.col.data": ("What the data says", "Ce que disent les données"),
    "visits.col.week": ("Week", "Semaine"),
    "visits.col.figure": ("Announced figure", "Chiffre annoncé"),
    "visits.measure.traceability_rate": ("Traceability", "Taux de qualification"),
    "visits.measure.occupancy": ("Occupancy", "Taux d'occupation"),
    "visits.measure.staffing_ratio": ("Logged / Erlang C hours", "Heures loguées / Erlang C"),
    "visits.measure.feed_share": ("Days with a real-time feed", "Jours avec flux temps réel"),
    "visits.measure.contacts_per_agent_hour": ("Contacts per agent-hour",
                                               "Contacts par heure de log"),
    "visits.figure.answer_rate": ("Answer rate", "Taux de décroché"),
    "visits.figure.service_level": ("Service level", "Niveau de service"),
    "visits.figure.aht_s": ("Average handling time", "Durée moyenne de traitement"),
    "visits.figure.quality_score": ("Quality score", "Note qualité"),
    "visits.figure.csat_score": ("Customer satisfaction", "Satisfaction client"),
    "visits.figure.price_per_hour": ("Price per hour", "Prix par heure"),
    "visits.figure.price_per_contact": ("Price per contact", "Prix par contact"),
    "visits.latest": ("Latest floor visit", "Dernière visite plateau"),
    "visits.none": ("No floor visit recorded yet.", "Aucune visite plateau enregistrée."),
    "visits.none_by_period_end": ("No floor visit recorded by the end of the period.",
                                  "Aucune visite plateau enregistrée à la fin de la période."),
    "visits.summary": ("{day}, {site}: score {score}, verdict {verdict}; {serious}, {minor}; "
                       "{disagree}.",
                       "{day}, {site} : note {score}, avis {verdict} ; {serious}, {minor} ; "
                       "{disagree}."),
    "visits.summary.serious": ({"one": "{n} serious signal", "other": "{n} serious signals"},
                               {"one": "{n} signal grave", "other": "{n} signaux graves"}),
    "visits.summary.minor": ({"one": "{n} minor", "other": "{n} minor"},
                             {"one": "{n} mineur", "other": "{n} mineurs"}),
    "visits.summary.disagree": ({"one": "{n} disagreement with the data",
                                 "other": "{n} disagreements with the data"},
                                {"one": "{n} désaccord avec les données",
                                 "other": "{n} désaccords avec les données"}),
    "visits.data.none": ("No data to compare.", "Pas de données à comparer."),
    "visits.data.not_rated": ("Not rated on the visit.", "Non noté lors de la visite."),
    "visits.data.window": ("Data read over the 4 weeks up to the visit ({start} → {end}).",
                           "Données lues sur les 4 semaines jusqu'à la visite ({start} → "
                           "{end})."),
    "visits.check.traceability_rate.seen.agree": (
        "Idle hands seen, and the data agrees: traceability {value} (threshold {threshold}).",
        "Mains inactives observées, et les données concordent : qualification {value} (seuil "
        "{threshold})."),
    "visits.check.traceability_rate.seen.disagree": (
        "Idle hands seen, yet {value} of handled contacts carry a keyed reason (threshold "
        "{threshold}).",
        "Mains inactives observées, pourtant {value} des contacts traités portent un motif "
        "saisi (seuil {threshold})."),
    "visits.check.traceability_rate.not_seen.agree": (
        "Hands at work, and traceability reads {value} (threshold {threshold}).",
        "Mains au travail, et la qualification est de {value} (seuil {threshold})."),
    "visits.check.traceability_rate.not_seen.disagree": (
        "Hands looked busy, yet only {value} of handled contacts carry a keyed reason "
        "(threshold {threshold}).",
        "Les mains semblaient occupées, pourtant seuls {value} des contacts traités portent un "
        "motif saisi (seuil {threshold})."),
    "visits.check.occupancy.seen.agree": (
        "A calm floor seen, and occupancy reads {value} (threshold {threshold}).",
        "Plateau calme observé, et l'occupation est de {value} (seuil {threshold})."),
    "visits.check.occupancy.seen.disagree": (
        "A calm floor seen, yet occupancy reads {value} (threshold {threshold}).",
        "Plateau calme observé, pourtant l'occupation est de {value} (seuil {threshold})."),
    "visits.check.occupancy.not_seen.agree": (
        "A busy floor, and occupancy reads {value} (threshold {threshold}).",
        "Plateau actif, et l'occupation est de {value} (seuil {threshold})."),
    "visits.check.occupancy.not_seen.disagree": (
        "The floor looked busy, yet occupancy reads only {value} (threshold {threshold}).",
        "Le plateau semblait actif, pourtant l'occupation n'est que de {value} (seuil "
        "{threshold})."),
    "visits.check.staffing_ratio.seen.agree": (
        "A calm floor seen, and {value}× the hours Erlang C requires were logged (threshold "
        "{threshold}×).",
        "Plateau calme observé, et {value} fois les heures requises par Erlang C ont été "
        "loguées (seuil {threshold})."),
    "visits.check.staffing_ratio.seen.disagree": (
        "A calm floor seen, yet logged hours are {value}× what Erlang C requires (threshold "
        "{threshold}×).",
        "Plateau calme observé, pourtant les heures loguées valent {value} fois le besoin "
        "Erlang C (seuil {threshold})."),
    "visits.check.staffing_ratio.not_seen.agree": (
        "A busy floor, and logged hours are {value}× what Erlang C requires.",
        "Plateau actif, et les heures loguées valent {value} fois le besoin Erlang C."),
    "visits.check.staffing_ratio.not_seen.disagree": (
        "The floor looked busy, yet {value}× the hours Erlang C requires were logged "
        "(threshold {threshold}×): seats filled beyond the traffic.",
        "Le plateau semblait actif, pourtant {value} fois les heures requises par Erlang C "
        "ont été loguées (seuil {threshold}) : des sièges remplis au-delà du trafic."),
    "visits.check.feed_share.seen.agree": (
        "No indicators seen, and the real-time feed ran on only {value} of production days.",
        "Pas d'indicateurs observés, et le flux temps réel n'a tourné que {value} des jours "
        "de production."),
    "visits.check.feed_share.seen.disagree": (
        "No indicators seen, yet the real-time feed ran on {value} of production days: "
        "screens fed but not shown or not used.",
        "Pas d'indicateurs observés, pourtant le flux temps réel a tourné {value} des jours de "
        "production : des écrans alimentés mais ni montrés ni utilisés."),
    "visits.check.feed_share.not_seen.agree": (
        "Indicators seen, and the real-time feed ran on {value} of production days.",
        "Indicateurs observés, et le flux temps réel a tourné {value} des jours de "
        "production."),
    "visits.check.feed_share.not_seen.disagree": (
        "Indicators seen on the floor, yet the real-time feed ran on only {value} of "
        "production days (threshold {threshold}).",
        "Indicateurs observés sur le plateau, pourtant le flux temps réel n'a tourné que "
        "{value} des jours de production (seuil {threshold})."),
    "visits.agree": ("agree", "concordent"),
    "visits.col.disagreements": ("Disagreements with the data", "Désaccords avec les données"),
    "visits.disagree": ("disagree", "désaccord"),
    "selection.title": ("Provider selection: finalists compared",
                        "Sélection de prestataires : finalistes comparés"),
    "selection.ratings": ("Floor signals, latest visit", "Signaux plateau, dernière visite"),
    "selection.figures": ("Announced figures (declared, not measured)",
                          "Chiffres annoncés (déclarés, non mesurés)"),
    "selection.scores": ("Weighted score", "Note pondérée"),
    "selection.score_rule": (
        "Score = 100 × Σ weight × points / Σ weight over the items rated (not seen 1, minor "
        "0.5, serious 0). A serious signal stands out whatever the score.",
        "Note = 100 × Σ poids × points / Σ poids sur les critères notés (non observé 1, "
        "mineur 0,5, grave 0). Un signal grave ressort quelle que soit la note."),
    "selection.serious_warning": ({"one": "{provider}: a serious signal seen — {items}",
                                   "other": "{provider}: {n} serious signals seen — {items}"},
                                  {"one": "{provider} : un signal grave observé — {items}",
                                   "other": "{provider} : {n} signaux graves observés — "
                                            "{items}"}),
    "selection.not_visited": ("not visited yet", "pas encore visité"),
    "selection.providers": ("Compared", "Comparés"),
    # Visits and Selection pages (app_pages).
    "visitpage.help": (
        "What was seen on each floor, item by item on the visit grid; for an active provider, "
        "what its data says over the weeks around the visit, and where the two disagree.",
        "Ce qui a été vu sur chaque plateau, critère par critère sur la grille de visite ; "
        "pour un prestataire actif, ce que disent ses données sur les semaines autour de la "
        "visite, et où les deux divergent."),
    "visitpage.all": ("All providers and candidates", "Tous les prestataires et candidats"),
    "visitpage.list": ("Visits", "Visites"),
    "visitpage.col.listening": ("Listening", "Écoutes"),
    "visitpage.col.score": ("Score", "Note"),
    "visitpage.col.serious": ("Serious", "Graves"),
    "visitpage.col.minor": ("Minor", "Mineurs"),
    "visitpage.choose": ("Visit shown below", "Visite détaillée ci-dessous"),
    "visitpage.visitors_line": ("Visitors: {visitors} · rated on grid version {version}",
                                "Visiteurs : {visitors} · notée sur la version {version} de la "
                                "grille"),
    "visitpage.items": ("What was seen, item by item", "Ce qui a été vu, critère par critère"),
    "visitpage.guide": ("What to look at on each item, and what a good floor shows",
                        "Ce qu'il faut regarder sur chaque critère, et ce que montre un bon "
                        "plateau"),
    "visitpage.data_title": ("Observation meets data", "Ce qui a été vu, face aux données"),
    "visitpage.data_help": (
        "Three signals leave a trace in the exports: hands that do not move (traceability), "
        "a floor that is too calm (occupancy, logged hours against Erlang C) and no visible "
        "indicators (the real-time feed). A signal seen while the data is fine, or not seen "
        "while the data raises its alarm, is a disagreement worth a question.",
        "Trois signaux laissent une trace dans les exports : des mains qui ne bougent pas "
        "(taux de qualification), un plateau trop calme (occupation, heures loguées face à "
        "Erlang C) et pas d'indicateurs visibles (le flux temps réel). Un signal observé alors "
        "que les données sont bonnes, ou non observé alors qu'elles sont en alerte, est un "
        "désaccord qui mérite une question."),
    "visitpage.data_candidate": (
        "{provider} is a candidate: there is no production data yet to compare with what was "
        "seen.",
        "{provider} est un candidat : pas encore de données de production à comparer avec ce "
        "qui a été vu."),
    "visitpage.disagreement": ("Observation and data disagree on “{item}”: {text}",
                               "Observation et données en désaccord sur « {item} » : {text}"),
    "visitpage.all_agree": ("What was seen and what the data says agree.",
                            "Ce qui a été vu et ce que disent les données concordent."),
    "visitpage.col.agreement": ("Seen vs data", "Vu / données"),
    "visitpage.enter": ("Enter or edit a visit", "Saisir ou modifier une visite"),
    "visitpage.mode": ("Visit to enter", "Visite à saisir"),
    "visitpage.mode_new": ("A new visit", "Une nouvelle visite"),
    "visitpage.mode_edit": ("The visit shown above ({visit})",
                            "La visite détaillée ci-dessus ({visit})"),
    "visitpage.form_help": (
        "A provider has one visit per day and site: saving the same provider, day and site "
        "again replaces that visit's ratings; another day or site makes a new visit. Items "
        "left “not rated” count in no score.",
        "Un prestataire a une visite par jour et par site : enregistrer à nouveau le même "
        "prestataire, jour et site remplace les constats de cette visite ; un autre jour ou "
        "site crée une nouvelle visite. Les critères « non noté » ne comptent dans aucune "
        "note."),
    "visitpage.no_verdict": ("no verdict yet", "pas encore d'avis"),
    "visitpage.visit_notes": ("Notes on the visit", "Notes sur la visite"),
    "visitpage.item_notes": ("Notes on “{item}”", "Notes sur « {item} »"),
    "visitpage.save": ("Save the visit", "Enregistrer la visite"),
    "visitpage.refused": ("The visit was not saved:", "La visite n'a pas été enregistrée :"),
    "visitpage.saved": ("Visit saved: {visit}.", "Visite enregistrée : {visit}."),
    "visitpage.delete": ("Delete this visit", "Supprimer cette visite"),
    "visitpage.delete_confirm": ("Yes, delete {visit} and its ratings",
                                 "Oui, supprimer {visit} et ses constats"),
    "visitpage.deleted": ("Visit deleted: {visit}.", "Visite supprimée : {visit}."),
    "visitpage.upload": ("Import a filled grid (CSV or XLSX)",
                         "Importer une grille remplie (CSV ou XLSX)"),
    "visitpage.upload_help": (
        "One row per item with its rating (not seen / minor / serious, or 0 / 1 / 2) and "
        "notes; the visit's date, site, visitors, listening sessions and verdict in their own "
        "columns, the same on every row. French or English headings and words.",
        "Une ligne par critère avec son constat (non observé / mineur / grave, ou 0 / 1 / 2) "
        "et ses notes ; la date de la visite, le site, les visiteurs, les séances d'écoute et "
        "l'avis dans leurs propres colonnes, identiques sur chaque ligne. En-têtes et mots en "
        "français ou en anglais."),
    "visitpage.upload_provider": ("Provider or candidate visited",
                                  "Prestataire ou candidat visité"),
    "visitpage.upload_file": ("Filled grid", "Grille remplie"),
    "visitpage.upload_button": ("Import the visit", "Importer la visite"),
    "visitpage.upload_name": ("filled grid for {provider}", "grille remplie de {provider}"),
    "visitpage.imported": ({"one": "Visit imported: {visit}, {n} item rated.",
                            "other": "Visit imported: {visit}, {n} items rated."},
                           {"one": "Visite importée : {visit}, {n} critère noté.",
                            "other": "Visite importée : {visit}, {n} critères notés."}),
    "visitpage.candidates": ("Candidates in selection", "Candidats en sélection"),
    "visitpage.candidates_help": (
        "A candidate has no contract and no data yet, only the figures it announced in its "
        "answer to the tender. Promoting the chosen one makes it an active provider; its "
        "visits and announced figures stay.",
        "Un candidat n'a ni contrat ni données, seulement les chiffres annoncés dans sa "
        "réponse à l'appel d'offres. Promouvoir le candidat retenu en fait un prestataire "
        "actif ; ses visites et ses chiffres annoncés sont conservés."),
    "visitpage.candidate_name": ("New candidate's name", "Nom du nouveau candidat"),
    "visitpage.add_candidate": ("Add the candidate", "Ajouter le candidat"),
    "visitpage.candidate_added": ("Candidate added.", "Candidat ajouté."),
    "visitpage.no_candidate": ("No candidate in selection.", "Aucun candidat en sélection."),
    "visitpage.candidate": ("Candidate", "Candidat"),
    "visitpage.announced": ("Figures {name} announced (declared, not measured; empty: not "
                            "announced)",
                            "Chiffres annoncés par {name} (déclarés, non mesurés ; vide : non "
                            "annoncé)"),
    "visitpage.save_announced": ("Save the announced figures",
                                 "Enregistrer les chiffres annoncés"),
    "visitpage.announced_saved": ("Announced figures saved.", "Chiffres annoncés enregistrés."),
    "visitpage.promote": ("Promote {name} to active provider",
                          "Promouvoir {name} en prestataire actif"),
    "visitpage.promote_on": ("Contract start", "Début du contrat"),
    "visitpage.promoted": ("{name} is now an active provider.",
                           "{name} est désormais un prestataire actif."),
    "visitpage.grid": ("Visit grid", "Grille de visite"),
    "visitpage.grid_version": ({"one": "Version {version}, in force since {day}: {n} item.",
                                "other": "Version {version}, in force since {day}: {n} "
                                         "items."},
                               {"one": "Version {version}, en vigueur depuis {day} : {n} "
                                       "critère.",
                                "other": "Version {version}, en vigueur depuis {day} : {n} "
                                         "critères."}),
    "visitpage.grid_default": ("the start (the six red flags)",
                               "l'origine (les six signaux d'alerte)"),
    "visitpage.new_items": (
        "Items to add (training rooms, tools, reporting shown…): one row each, its words in "
        "English and French; saving makes a new version of the grid, and each visit keeps the "
        "version it was rated on.",
        "Critères à ajouter (salles de formation, outils, reporting montré…) : une ligne "
        "chacun, ses mots en anglais et en français ; enregistrer crée une nouvelle version de "
        "la grille, et chaque visite garde la version sur laquelle elle a été notée."),
    "visitpage.col.label_en": ("Item (English)", "Critère (anglais)"),
    "visitpage.col.label_fr": ("Item (French)", "Critère (français)"),
    "visitpage.col.look_en": ("What to look at (English)", "Ce qu'il faut regarder (anglais)"),
    "visitpage.col.look_fr": ("What to look at (French)", "Ce qu'il faut regarder (français)"),
    "visitpage.col.good_en": ("What a good floor shows (English)",
                              "Ce que montre un bon plateau (anglais)"),
    "visitpage.col.good_fr": ("What a good floor shows (French)",
                              "Ce que montre un bon plateau (français)"),
    "visitpage.save_grid": ("Save the grid with these items", "Enregistrer la grille avec ces "
                            "critères"),
    "visitpage.grid_saved": ("Visit grid saved.", "Grille de visite enregistrée."),
    "selectionpage.help": (
        "Finalists side by side: each floor signal as rated on their latest visit, the figures "
        "they announced, and a score weighted as you choose. A serious signal stands out "
        "whatever the score.",
        "Les finalistes côte à côte : chaque signal plateau tel que noté lors de leur dernière "
        "visite, les chiffres qu'ils ont annoncés, et une note pondérée à votre choix. Un "
        "signal grave ressort quelle que soit la note."),
    "selectionpage.none": ("Choose at least one provider or candidate to compare.",
                           "Choisissez au moins un prestataire ou candidat à comparer."),
    "selectionpage.weights": ("Weight of each item in the score",
                              "Poids de chaque critère dans la note"),
    "selectionpage.weights_help": ("Try other weights freely: they apply to this session "
                                   "only.",
                                   "Essayez d'autres poids librement : ils ne valent que pour "
                                   "cette session."),
    "selectionpage.weights_help_writer": (
        "Try other weights freely: they apply to this session until you save them as "
        "everyone's default.",
        "Essayez d'autres poids librement : ils ne valent que pour cette session tant que vous "
        "ne les enregistrez pas comme poids par défaut de tous."),
    "selectionpage.save_weights": ("Save these weights as the default",
                                   "Enregistrer ces poids par défaut"),
    "selectionpage.weights_saved": ("Weights saved.", "Poids enregistrés."),
    "selectionpage.not_visited": ("{provider}: not visited yet, so no rating and no score.",
                                  "{provider} : pas encore visité, donc ni constat ni note."),
    "selectionpage.scores": ("Scores and serious signals", "Notes et signaux graves"),
    "selectionpage.latest": ("Latest visit of each", "Dernière visite de chacun"),
    "selectionpage.figures_help": (
        "What each one wrote in its answer to the tender: Cockpit has measured none of it. "
        "Once a provider is chosen, its real figures come from its exports.",
        "Ce que chacun a écrit dans sa réponse à l'appel d'offres : Cockpit n'en a rien "
        "mesuré. Une fois le prestataire choisi, ses vrais chiffres viennent de ses exports."),
    "selectionpage.notes": ("Notes taken on the visits", "Notes prises lors des visites"),
    "selectionpage.no_notes": ("No notes on these visits.", "Aucune note sur ces visites."),
}


def register(entries: dict[str, tuple[str, str]]) -> None:
    """Texts written beside what they name (a KPI's label in its registry record) join the
    catalogue, so that every text is found and checked in one place; a key is never
    registered twice."""
    taken = sorted(set(entries) & set(MESSAGES))
    if taken:
        raise ValueError(f"catalogue keys registered twice: {', '.join(taken)}")
    MESSAGES.update(entries)


PLURAL_CATEGORIES = ("one", "other")


def plural_category(n: float, lang: str) -> str:
    """CLDR's plural category of a count: English "one" is exactly 1, French "one" is an
    integer part of 0 or 1."""
    if lang == "fr":
        return "one" if int(abs(n)) in (0, 1) else "other"
    return "one" if n == 1 else "other"


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text of `key` in `lang`, its placeholders filled; a plural text takes the form of
    its `n`."""
    en, fr = MESSAGES[key]
    text = fr if lang == "fr" else en
    if isinstance(text, dict):
        text = text[plural_category(values["n"], lang)]
    return text.format(**values) if values else text


def format_int(value: float | int | None, lang: str = DEFAULT_LANGUAGE) -> str:
    if value is None:
        return "—"
    text = f"{int(round(value)):,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def format_date(value: date | datetime | None, lang: str = DEFAULT_LANGUAGE) -> str:
    if value is None:
        return "—"
    return value.strftime("%d/%m/%Y") if lang == "fr" else value.strftime("%Y-%m-%d")


NNBSP = "\u202f"  # French: between thousands, before %, before a currency
# The symbol of a currency written beside an amount; any other ISO code is written as is.
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}
AMOUNT_UNIT = "amount"


def amount_unit(currency: str | None) -> str:
    """The unit of an amount in `currency` ('amount:EUR'), as tables and format_value take
    it; 'amount' (no currency written) without one."""
    return f"{AMOUNT_UNIT}:{currency}" if currency else AMOUNT_UNIT


def unit_currency(unit: str) -> str | None:
    """'amount:EUR' → 'EUR'; None for any other unit."""
    kind, _, currency = unit.partition(":")
    return currency or None if kind == AMOUNT_UNIT else None


def format_money(value: float, currency: str, lang: str = DEFAULT_LANGUAGE,
                 signed: bool = False) -> str:
    """An amount with its currency as `lang` writes it: 1 234,50 € in French, €1,234.50 in
    English (-€12.00, +1 234,50 €); an unknown code as itself (1 234,50 CAD, CAD 1,234.50)."""
    symbol = CURRENCY_SYMBOLS.get(currency.upper(), currency.upper())
    sign = "-" if value < 0 else "+" if signed and value > 0 else ""
    digits = f"{abs(value):,.2f}"
    if lang == "fr":
        return f"{sign}{digits.replace(',', NNBSP).replace('.', ',')}{NNBSP}{symbol}"
    # A symbol that is letters (CHF, CAD) is set apart from the figure, € and $ are not.
    return f"{sign}{symbol}{' ' if symbol[-1].isalpha() else ''}{digits}"


def format_value(value: float | None, unit: str, lang: str = DEFAULT_LANGUAGE,
                 signed: bool = False, currency: str | None = None) -> str:
    """A KPI value as people read it: 80.5 %, 12.3 s, 1 234 (French grouping in French);
    `signed`, a difference: +1.5 s, and for rates points (-2.8 pts), not a percentage.
    An amount with a `currency` (or of unit 'amount:EUR') is written with it: 1 234,50 €."""
    if value is None or value != value:
        return "—"
    currency = currency if unit == AMOUNT_UNIT else unit_currency(unit)
    if currency:
        return format_money(value, currency, lang, signed)
    sign = "+" if signed and value > 0 else ""
    # French writes a narrow no-break space between a number and its unit: 80,5 %, 12,3 s.
    space = NNBSP if lang == "fr" else " "
    if unit == "pct" and signed:  # a difference of two rates is in points: +2.8 pts
        text = f"{value * 100:.1f}{space}pts"
        return sign + (text.replace(".", ",") if lang == "fr" else text)
    if unit == "pct":
        text = f"{value * 100:.1f}{space}%" if lang == "fr" else f"{value:.1%}"
        text = text.replace(".", ",") if lang == "fr" else text
        return sign + text
    if unit == "seconds":
        text = f"{value:.1f}{space}s"
        return sign + (text.replace(".", ",") if lang == "fr" else text)
    if unit in ("count",):
        return sign + format_int(value, lang)
    text = f"{value:,.2f}" if unit in ("amount", "rate") else f"{value:,.1f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return sign + text
