"""Other processes the tests start: a holder of a database file, a served app."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hold_for_writing(db: Path) -> subprocess.Popen:
    """Another process holding the file for writing, as the running app does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); time.sleep(120)", str(db)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    return holder


def wait_until_healthy(port: int, server: subprocess.Popen, log: Path,
                       timeout_s: float) -> None:
    """Until the Streamlit server on `port` answers its health check; a failed assertion
    with the server's log when it died or took longer than `timeout_s`."""
    deadline = time.time() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                        timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        assert server.poll() is None and time.time() < deadline, log.read_text()
        time.sleep(0.3)


def serve_app(db: Path, log: Path, timeout_s: float = 90) -> tuple[subprocess.Popen, str]:
    """`cockpit app` (the command a person runs) over `db` on a free port, once it answers:
    the process and the app's base URL. Its output goes to `log`."""
    port = free_port()
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "kpi.cli", "app", "--db", str(db), "--port", str(port),
             "--headless"], cwd=ROOT, env=dict(os.environ), stdout=out,
            stderr=subprocess.STDOUT)
    try:
        wait_until_healthy(port, server, log, timeout_s)
    except AssertionError:
        server.kill()
        raise
    return server, f"http://127.0.0.1:{port}"


def has_open(pid: int, path: Path) -> bool:
    """Whether process `pid` has `path` open (Linux: its /proc/<pid>/fd links)."""
    try:
        links = [os.readlink(link) for link in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:  # the process ended, or a descriptor closed while listed
        return False
    return str(path) in links


def kill_while_reading(process: subprocess.Popen, path: Path, opening: int = 2) -> None:
    """SIGKILL `process` while it has `path` open for the `opening`-th time (an import opens
    its file twice: the fingerprint, before its transaction, then the scan, inside it);
    a failed assertion if it ends first. Not a fixed sleep: the time an import takes
    changes with the machine and the code."""
    deadline, seen, was_open = time.time() + 60, 0, False
    while True:
        now_open = has_open(process.pid, path)
        seen += now_open and not was_open
        was_open = now_open
        if seen >= opening:
            break
        assert process.poll() is None, f"it ended before opening {path.name} {opening} times"
        assert time.time() < deadline, f"it never opened {path.name} {opening} times"
        time.sleep(0.002)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
