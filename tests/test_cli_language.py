"""The command line speaks the chosen language (issue 18): every sentence `cockpit` prints to
people — a result on stdout, a refusal or a status line on stderr — reads in French with
--lang fr or COCKPIT_LANG=fr, and stays word for word today's English without them (scripts
read it). Each command runs the real command line on a real demo database (in the test's
process; a few as their own `python -m kpi` process).

The English expected here is written by hand from what the command line printed before its
sentences moved to the catalogue; the French, by hand from the catalogue's intent."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from .conftest import DATA, ROOT, settled_inbox

PASSWORD = "correct horse battery"
PROVIDERS = "Atlantic Relation, Nordcall, Sunline BPO"  # the demo's, by name
VISITED = "Atlantic Relation, Horizon Contact, Nordcall, Sunline BPO, Veritas Services"  # and
# its candidates: what `visits` knows

# Words of today's English sentences that a French line must not hold once the values that
# are data (paths, file and provider names, options and their values) are set aside.
ENGLISH = re.compile(
    r"\b(error|refused|refusing|watching|every|once|stop|removed|rows|added|targets?|"
    r"unknown|known|needs|give|must|end in|none|dropped|snapshots?|database|built|already|"
    r"present|backed|restored|schema|account|password|changed|links?|revoked|"
    r"board|visit|items?|rated|serious|minor|inbox|last|pass|imported|since|start|today|"
    r"waiting|never|first run|serve|committee|complete|data|quarter|half|check|the|of|"
    r"and|at|on|for|from|into|has|no|or)\b", re.IGNORECASE)


# A line of the log (kpi/logs.py: stderr and cockpit.log), for whoever runs the machine: a
# log's fixed format, in English like any log; not a sentence of the command's own.
LOG_LINE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ [A-Z]+ cockpit")


def english_left(text: str, data: tuple[str, ...] = ()) -> list[str]:
    """English words left in `text` once data values are set aside."""
    text = re.sub(r"\S*/\S*", " ", text)  # paths (and dates: 02/03/2026)
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    text = re.sub(r"--[\w-]+(?: [A-Z0-9][\w|,.-]*)?", " ", text)  # options and their values
    text = re.sub(r"`[^`]*`|'[^']*'", " ", text)  # commands and quoted values
    text = re.sub(r"\S+\.(?:csv|html|xlsx|duckdb)\b", " ", text)  # file names
    return ENGLISH.findall(text)


def cockpit(*argv: str, lang: str | None = None, env_lang: str | None = None,
            stdin: str | None = None, code: int = 0, process: bool = False) -> tuple[str, str]:
    """`cockpit ARGV` as a person runs it: (stdout, stderr without the log's lines); --lang
    when `lang`, COCKPIT_LANG when `env_lang`. The real command line (kpi.cli.main) in this
    process, its streams and environment its own for the call (some fifty commands: a
    process each took minutes); `process`: as its own `python -m kpi` process."""
    env = {k: v for k, v in os.environ.items() if k != "COCKPIT_LANG"}
    if env_lang:
        env["COCKPIT_LANG"] = env_lang
    args = [*argv, *(["--lang", lang] if lang else [])]
    if process:
        done = subprocess.run([sys.executable, "-m", "kpi", *args], input=stdin,
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        returned, stdout, stderr = done.returncode, done.stdout, done.stderr
    else:
        returned, stdout, stderr = _in_process(args, env, stdin)
    assert returned == code, (argv, returned, stdout, stderr)
    said = [line for line in stderr.splitlines(keepends=True) if not LOG_LINE.match(line)]
    return stdout, "".join(said)


def _in_process(args: list[str], env: dict[str, str], stdin: str | None
                ) -> tuple[int, str, str]:
    from kpi.cli import main

    saved_env, saved_stdin = dict(os.environ), sys.stdin
    out, err = io.StringIO(), io.StringIO()
    os.environ.clear()
    os.environ.update(env)
    sys.stdin = io.StringIO(stdin or "")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                returned = main(args)
            except SystemExit as stop:  # argparse's usage errors
                returned = stop.code if isinstance(stop.code, int) else 1
    finally:
        sys.stdin = saved_stdin
        os.environ.clear()
        os.environ.update(saved_env)
    return returned, out.getvalue(), err.getvalue()


def _visit_grid(folder: Path) -> Path:
    filled = folder / "visite.csv"
    filled.write_text("date;site;critère;constat\n10/03/2026;Aix;hands;grave\n",
                      encoding="utf-8")
    return filled


def _targets(folder: Path) -> Path:
    targets = folder / "targets.csv"
    targets.write_text("kpi,provider,comparator,value,start,deadline,priority,owner,rationale\n"
                       "answer_rate,Nordcall,>=,0.7,2026-03-09,2026-06-30,1,Pilot,Why\n")
    return targets


def test_every_sentence_in_english_is_todays(demo_db, demo_clock, tmp_path):
    db = ["--db", str(demo_db)]
    out, err = cockpit("import", str(DATA / "forecast.csv"), "--provider", "Nordcall", *db,
                       process=True)
    import_id = int(re.search(r"import #(\d+)", out).group(1))
    assert cockpit("undo", str(import_id), *db)[0] == \
        f"import #{import_id} undone: 2 rows removed\n"
    assert cockpit("targets", "import", str(_targets(tmp_path)), *db)[0] == \
        "1 target(s) added from targets.csv\n"
    out, _ = cockpit("visits", "import", str(_visit_grid(tmp_path)), "--provider", "Nordcall",
                     *db)
    assert re.fullmatch(r"visit #\d+ of Nordcall on 2026-03-10 at Aix: 1 item\(s\) rated "
                        r"\(1 serious, 0 minor\)\n", out), out
    assert cockpit("users", "add", "marie", "--role", "pilot", "--password-stdin", *db,
                   stdin=PASSWORD + "\n")[0] == "account marie added: pilot\n"
    assert cockpit("users", "add", "paula", "--role", "provider", "--provider", "Nordcall",
                   "--password-stdin", *db, stdin=PASSWORD + "\n")[0] == \
        "account paula added: provider for Nordcall\n"
    assert cockpit("users", "passwd", "marie", "--password-stdin", *db,
                   stdin=PASSWORD + "!\n")[0] == "password of marie changed\n"
    assert cockpit("users", "remove", "marie", *db)[0] == "account marie removed\n"
    cockpit("boards", "link", "Floor Nordcall", *db)
    assert cockpit("boards", "revoke", "Floor Nordcall", *db)[0] == \
        "1 link(s) of board Floor Nordcall revoked\n"
    assert cockpit("demo", *db)[0] == f"demo database already present: {demo_db}\n"
    backup = tmp_path / "b.duckdb"
    out, _ = cockpit("backup", str(backup), *db)
    assert re.fullmatch(rf"{re.escape(str(demo_db))} backed up to {re.escape(str(backup))} "
                        r"\(schema version \d+\)\n", out), out
    out, _ = cockpit("restore", str(backup), *db)
    assert re.fullmatch(rf"{re.escape(str(demo_db))} restored from {re.escape(str(backup))} "
                        r"\(schema version \d+\)\n", out), out
    page = tmp_path / "p.html"
    out, _ = cockpit("report", "production", "--provider", "Nordcall", "--week", "2026-W11",
                     "--out", str(page), *db)
    assert out.startswith(f"{page}: ")
    feed = tmp_path / "feed"
    out, _ = cockpit("demo-feed", "--inbox", str(feed), "--every", "0", "--count", "1", *db)
    assert re.fullmatch(rf"dropped \d+ snapshot\(s\) into {re.escape(str(feed))}\n", out), out
    assert cockpit("rejected", *db)[0] == "(none)\n"

    inbox = settled_inbox(tmp_path, "Nordcall")
    out, err = cockpit("watch", "--once", "--inbox", str(inbox), *db, code=1)
    assert re.fullmatch(r"Nordcall/forecast\.csv: forecast\.csv: import #\d+ .+ -> "
                        r"\S+forecast\.csv\n", out), out
    lines = err.splitlines()
    assert f"watching {inbox} every 10 s (once)" in lines
    refused = next(i for i, line in enumerate(lines) if re.fullmatch(
        rf"Nordcall/broken\.csv: refused -> {re.escape(str(inbox))}/rejected/\S+broken\.csv",
        line))
    assert lines[refused + 1].startswith("  broken.csv, row 2, column arrived_at: expected")
    assert any(re.fullmatch(rf"inbox {re.escape(str(inbox))}: last pass "
                            r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d; 1 imported and 1 refused since "
                            r"start; 1 refused today", line) for line in lines), lines
    assert any(re.fullmatch(r"last error at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d: Nordcall/broken\.csv "
                            r"refused: broken\.csv, row 2, .+", line) for line in lines), lines
    _, err = cockpit("kpis", "--grain", "month", "--kpi", "offered", *db)
    assert err.startswith("# ") and english_left(err[2:]) != []  # the SL definition, English

    # Refusals: "error: " and today's words.
    refusals = [
        (["flags", "--provider", "Nobody"],
         f"unknown provider 'Nobody'; known: {PROVIDERS}"),
        (["reconcile", "--provider", "Nobody"], "unknown provider 'Nobody'"),
        (["visits", "list", "--provider", "Nobody"],
         f"unknown provider 'Nobody'; known: {VISITED}"),
        (["report", "production", "--provider", "Nordcall", "--out", str(page)],
         "the production committee needs --week 2026-W03"),
        (["report", "steering", "--month", "2026-01", "--out", str(page)],
         "the steering committee needs --provider NAME"),
        (["report", "production", "--provider", "Nordcall", "--week", "2030-W01", "--out",
          str(page)], "Nordcall has no complete week 2030-W01 of data"),
        (["report", "steering", "--provider", "Nordcall", "--month", "2030-01", "--out",
          str(page)], "Nordcall has no data in 2030-01"),
        (["report", "strategic", "--out", str(page)], "give --quarter 2026-Q1 or --half 2026-H1"),
        (["report", "strategic", "--quarter", "2030-Q1", "--provider", "Nordcall", "--out",
          str(page)], "no complete quarter 2030-Q1 of data for Nordcall"),
        (["report", "selection", "--out", str(page)], "the selection pack needs --providers A,B,C"),
        (["report", "production", "--out", str(tmp_path / "p.pdf")],
         f"--out must end in .xlsx or .html: {tmp_path / 'p.pdf'}"),
        (["targets", "import", str(tmp_path / "nothing.csv")],
         f"no such file: {tmp_path / 'nothing.csv'}"),
        (["visits", "import", str(_visit_grid(tmp_path))], "visits import needs --provider NAME"),
        (["users", "remove"], "users remove needs the account's NAME"),
        (["users", "add", "zoe"], "users add needs --role admin|pilot|executive|provider"),
        (["users", "add", "zoe", "--role", "pilot"],
         "give the password on standard input with --password-stdin (never on the command "
         "line, where other users can see it)"),
        (["boards", "link"], "boards link needs the board's NAME"),
        (["app", "--host", "0.0.0.0"],
         f"refusing to serve 0.0.0.0: this database has no account, so anyone on that "
         f"network would see everything. Create one first:\n"
         f"  cockpit users add NAME --role admin --password-stdin --db {demo_db}\n"
         f"or leave out --host to serve this computer only (local mode)."),
    ]
    cockpit("users", "remove", "paula", *db)  # no account left: `app --host` refuses
    for argv, words in refusals:
        assert cockpit(*argv, *db, code=1)[1] == f"error: {words}\n", argv
    missing = tmp_path / "missing.duckdb"
    assert cockpit("imports", "--db", str(missing), code=1)[1] == (
        f"error: no database at {missing} (--db). Check the path; to start a new, empty "
        "database there, add --create (`cockpit demo --db FILE` builds the demo one).\n")


@pytest.mark.parametrize("how", ["--lang", "COCKPIT_LANG"])
def test_every_sentence_reads_in_french(demo_db, demo_clock, tmp_path, how):
    lang = {"lang": "fr"} if how == "--lang" else {"env_lang": "fr"}
    db = ["--db", str(demo_db)]
    data = (str(tmp_path), str(demo_db), "Nordcall", "Floor Nordcall", "Aix", "marie",
            "paula", "Nobody", "boards link", "users add", "users remove", "visits import")

    def fr(*argv, code=0, stdin=None, exact: str | None = None, process=False) -> str:
        """The command's people-facing text in French: none of today's English left."""
        out, err = cockpit(*argv, code=code, stdin=stdin, process=process, **lang)
        said = out if code == 0 else err
        if exact is not None:
            assert said == exact, (argv, said)
        assert not english_left(said, data), (argv, said, english_left(said, data))
        return said

    out = fr("import", str(DATA / "forecast.csv"), "--provider", "Nordcall", *db,
             process=True)  # a process of its own: --lang or COCKPIT_LANG as a person sets it
    import_id = int(re.search(r"import n°(\d+)", out).group(1))
    fr("undo", str(import_id), *db, exact=f"import n°{import_id} annulé : 2 lignes retirées\n")
    fr("targets", "import", str(_targets(tmp_path)), *db,
       exact="1 objectif ajouté depuis targets.csv\n")
    out = fr("visits", "import", str(_visit_grid(tmp_path)), "--provider", "Nordcall", *db)
    assert re.fullmatch(r"visite n°\d+ de Nordcall le 10/03/2026 à Aix : 1 critère noté "
                        r"\(graves : 1, mineurs : 0\)\n", out), out
    fr("users", "add", "marie", "--role", "pilot", "--password-stdin", *db,
       stdin=PASSWORD + "\n", exact="compte marie ajouté : pilote\n")
    fr("users", "add", "paula", "--role", "provider", "--provider", "Nordcall",
       "--password-stdin", *db, stdin=PASSWORD + "\n",
       exact="compte paula ajouté : prestataire pour Nordcall\n")
    fr("users", "passwd", "marie", "--password-stdin", *db, stdin=PASSWORD + "!\n",
       exact="mot de passe de marie changé\n")
    fr("users", "remove", "marie", *db, exact="compte marie supprimé\n")
    fr("boards", "link", "Floor Nordcall", *db)
    fr("boards", "revoke", "Floor Nordcall", *db,
       exact="1 lien du mur Floor Nordcall révoqué\n")
    fr("demo", *db, exact=f"base de démonstration déjà présente : {demo_db}\n")
    backup = tmp_path / "b.duckdb"
    out = fr("backup", str(backup), *db)
    assert re.fullmatch(rf"{re.escape(str(demo_db))} : sauvegarde écrite dans "
                        rf"{re.escape(str(backup))} \(version de schéma \d+\)\n", out), out
    out = fr("restore", str(backup), *db)
    assert re.fullmatch(rf"{re.escape(str(demo_db))} : base restaurée depuis "
                        rf"{re.escape(str(backup))} \(version de schéma \d+\)\n", out), out
    page = tmp_path / "p.html"
    out = fr("report", "production", "--provider", "Nordcall", "--week", "2026-W11",
             "--out", str(page), *db)
    assert out.startswith(f"{page} : ")
    feed = tmp_path / "feed"
    out = fr("demo-feed", "--inbox", str(feed), "--every", "0", "--count", "1", *db)
    assert re.fullmatch(rf"\d+ instantanés? déposés? dans {re.escape(str(feed))}\n", out), out
    fr("rejected", *db, exact="(aucune ligne)\n")

    inbox = settled_inbox(tmp_path, "Nordcall")
    out, err = cockpit("watch", "--once", "--inbox", str(inbox), *db, code=1, **lang)
    assert re.fullmatch(r"Nordcall/forecast\.csv : forecast\.csv : import n°\d+ .+ -> "
                        r"\S+forecast\.csv\n", out), out
    assert not english_left(out, data), out
    lines = err.splitlines()
    assert f"surveillance de {inbox} toutes les 10 s (un seul passage)" in lines, lines
    refused = next(i for i, line in enumerate(lines) if re.fullmatch(
        rf"Nordcall/broken\.csv : refusé -> {re.escape(str(inbox))}/rejected/\S+broken\.csv",
        line))
    assert lines[refused + 1].startswith("  broken.csv, ligne 2, colonne arrived_at : attendu")
    assert any(re.fullmatch(rf"boîte de dépôt {re.escape(str(inbox))} : dernier passage "
                            r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d ; depuis le démarrage, importés : "
                            r"1, refusés : 1 ; refusés aujourd'hui : 1", line)
               for line in lines), lines
    assert any(re.fullmatch(r"dernière erreur le \d\d/\d\d/\d{4} \d\d:\d\d:\d\d : "
                            r"Nordcall/broken\.csv refusé : broken\.csv, ligne 2, .+", line)
               for line in lines), lines
    # The refused file's own words quote what it held ('never'): data, not our English.
    assert not english_left(err, (*data, "arrived_at")), err
    _, err = cockpit("kpis", "--grain", "month", "--kpi", "offered", *db, **lang)
    assert err.startswith("# ") and not english_left(err, data), err

    cockpit("users", "remove", "paula", *db)
    refusals = [
        (["flags", "--provider", "Nobody"],
         f"prestataire inconnu : 'Nobody' ; connus : {PROVIDERS}"),
        (["reconcile", "--provider", "Nobody"], "prestataire inconnu : 'Nobody'"),
        (["visits", "list", "--provider", "Nobody"],
         f"prestataire inconnu : 'Nobody' ; connus : {VISITED}"),
        (["report", "production", "--provider", "Nordcall", "--out", str(page)],
         "le comité de production a besoin de --week 2026-W03"),
        (["report", "steering", "--month", "2026-01", "--out", str(page)],
         "le comité de pilotage a besoin de --provider NAME"),
        (["report", "production", "--provider", "Nordcall", "--week", "2030-W01", "--out",
          str(page)], "Nordcall n'a pas de semaine 2030-W01 complète de données"),
        (["report", "steering", "--provider", "Nordcall", "--month", "2030-01", "--out",
          str(page)], "Nordcall n'a pas de données en 2030-01"),
        (["report", "strategic", "--out", str(page)],
         "indiquez --quarter 2026-Q1 ou --half 2026-H1"),
        (["report", "strategic", "--quarter", "2030-Q1", "--provider", "Nordcall", "--out",
          str(page)], "aucun trimestre 2030-Q1 complet de données pour Nordcall"),
        (["report", "selection", "--out", str(page)],
         "le dossier de sélection a besoin de --providers A,B,C"),
        (["report", "production", "--out", str(tmp_path / "p.pdf")],
         f"--out doit finir par .xlsx ou .html : {tmp_path / 'p.pdf'}"),
        (["targets", "import", str(tmp_path / "nothing.csv")],
         f"fichier introuvable : {tmp_path / 'nothing.csv'}"),
        (["visits", "import", str(_visit_grid(tmp_path))],
         "visits import a besoin de --provider NOM"),
        (["users", "remove"], "users remove a besoin du NOM du compte"),
        (["users", "add", "zoe"], "users add a besoin de --role admin|pilot|executive|provider"),
        (["users", "add", "zoe", "--role", "pilot"],
         "donnez le mot de passe sur l'entrée standard avec --password-stdin (jamais sur la "
         "ligne de commande, où d'autres utilisateurs peuvent le voir)"),
        (["boards", "link"], "boards link a besoin du NOM du mur"),
        (["app", "--host", "0.0.0.0"],
         "refus de servir 0.0.0.0 : cette base n'a aucun compte, donc n'importe qui sur ce "
         "réseau verrait tout. Créez-en un d'abord :\n"
         f"  cockpit users add NOM --role admin --password-stdin --db {demo_db}\n"
         "ou retirez --host pour ne servir que cet ordinateur (mode local)."),
    ]
    for argv, words in refusals:
        fr(*argv, *db, code=1, exact=f"erreur : {words}\n")
    missing = tmp_path / "missing.duckdb"
    fr("imports", "--db", str(missing), code=1, exact=(
        f"erreur : aucune base à l'emplacement {missing} (--db). Vérifiez le chemin ; pour y "
        "créer une base neuve et vide, ajoutez --create (`cockpit demo --db FICHIER` "
        "construit celle de démonstration).\n"))


def test_json_keys_and_csv_columns_are_never_translated(demo_db, demo_clock):
    db = ["--db", str(demo_db)]
    out, _ = cockpit("demo", "--format", "json", *db, lang="fr")
    assert out == f'{{"database": "{demo_db}", "built": false}}\n'
    out, _ = cockpit("kpis", "--grain", "month", "--kpi", "offered", "--by", "provider", *db,
                     lang="fr")
    assert out.splitlines()[0] == "period_start,provider,offered"
