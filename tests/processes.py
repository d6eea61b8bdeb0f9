"""Other processes the tests start: a holder of a database file, a served app."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


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
