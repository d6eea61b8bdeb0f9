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
    "explorer.pick": ("Choose", "Choisir"),
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
    "settings.queues": ("Queue overrides", "Exceptions par file"),
    "settings.queue": ("Queue", "File"),
    "settings.time_zone": ("Time zone", "Fuseau horaire"),
    "settings.sl_threshold_s": ("SL threshold (s)", "Seuil NS (s)"),
    "settings.short_abandon_s": ("Short abandon under (s)", "Abandon court sous (s)"),
    "settings.repeat_window_days": ("Repeat window (days)", "Fenêtre de rappel (jours)"),
    "settings.sl_variant": ("SL definition", "Définition du NS"),
    "settings.save": ("Save settings", "Enregistrer les paramètres"),
    "settings.saved": ("Settings saved.", "Paramètres enregistrés."),
    "nav.targets": ("Targets", "Objectifs"),
    "targets.title": ("SMART targets", "Objectifs SMART"),
    "targets.help": (
        "One KPI and one scope per target, a value, a start and a deadline, a priority and "
        "the business reason. Rates are fractions (0.8 = 80 %).",
        "Un indicateur et un périmètre par objectif, une valeur, un début et une échéance, une "
        "priorité et la raison métier. Les taux sont des fractions (0,8 = 80 %)."),
    "targets.kpi": ("KPI", "Indicateur"),
    "targets.comparator": ("Comparator", "Comparateur"),
    "targets.value": ("Target", "Objectif"),
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
        "Service-level definition: net, offered, answered or abandons_in_sl.",
        "Définition du niveau de service : net, offered (présentés), answered (traités) ou "
        "abandons_in_sl."),
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


def format_value(value: float | None, unit: str, lang: str = DEFAULT_LANGUAGE,
                 signed: bool = False) -> str:
    """A KPI value as people read it: 80.5 %, 12.3 s, 1 234 (French grouping in French)."""
    if value is None or value != value:
        return "—"
    sign = "+" if signed and value > 0 else ""
    if unit == "pct":
        text = f"{value * 100:.1f} %" if lang == "fr" else f"{value:.1%}"
        text = text.replace(".", ",") if lang == "fr" else text
        return sign + text
    if unit == "seconds":
        text = f"{value:.1f} s"
        return sign + (text.replace(".", ",") if lang == "fr" else text)
    if unit in ("count",):
        return sign + format_int(value, lang)
    text = f"{value:,.2f}" if unit in ("amount", "rate") else f"{value:,.1f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return sign + text
