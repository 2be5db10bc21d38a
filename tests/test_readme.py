"""Every fenced bash and python block of README.md runs, in order, and does what the README says.

The blocks run in a temporary folder holding a fresh copy of ``examples/`` and ``../shared``
beside it (as on a checkout), through the real ``protestdb`` command line of this source
tree. The exceptions are the ones the README itself states: ``pip install`` and
``bash scripts/test.sh`` are the set-up and are not run again; ``serve`` and ``demo`` start on
a free port and are stopped once the page answers; ``batch`` is checked with ``--help``;
``EVENT_ID`` becomes the first characters of a stored event's id.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SHARED = Path(os.environ.get("PROTESTDB_SHARED") or ROOT.parent / "shared")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="../shared (the seed) is not present"),
]

FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def readme_blocks() -> list[tuple[int, str, str]]:
    """(line number, language, body) of every fenced block."""
    text = README.read_text(encoding="utf-8")
    return [(text[: m.start()].count("\n") + 1, m.group(1), m.group(2)) for m in FENCE.finditer(text)]


def shell_commands(body: str) -> list[str]:
    """The command lines of a shell block (continuations joined, comment-only lines dropped)."""
    out: list[str] = []
    for line in body.replace("\\\n", " ").splitlines():
        if line.strip() and not line.strip().startswith("#"):
            out.append(line.strip())
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("readme")
    repo = base / "protestdb"
    repo.mkdir()
    shutil.copytree(ROOT / "examples", repo / "examples")
    (base / "shared").symlink_to(SHARED.resolve(), target_is_directory=True)
    bin_dir = base / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "protestdb"
    shim.write_text(
        "#!/bin/sh\n"
        f"exec {shlex.quote(sys.executable)} -c "
        "'import sys; from protestdb.cli import main; sys.exit(main(prog_name=\"protestdb\"))' \"$@\"\n",
        encoding="utf-8",
    )
    shim.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "PROTESTDB_DB"}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    env["COLUMNS"] = "200"
    return {"cwd": repo, "env": env, "outputs": {}}


def _event_id(work: dict) -> str:
    db = work["cwd"] / "protestdb.sqlite"
    assert db.exists(), "EVENT_ID used before any block stored events"
    with sqlite3.connect(db) as c:
        row = c.execute("SELECT id FROM events ORDER BY date, id LIMIT 1").fetchone()
    assert row, "no event stored"
    return row[0][:10]


def _run(cmd: str, work: dict, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", cmd], cwd=work["cwd"], env=work["env"], capture_output=True, text=True,
                          timeout=timeout)


def _serve_until_answered(cmd: str, work: dict) -> str:
    """Start ``serve``/``demo`` on a free port; the body once GET /api/events answers 200; then stop it."""
    port = _free_port()
    argv = shlex.split(cmd.split("#")[0]) + ["--port", str(port)]
    proc = subprocess.Popen(argv, cwd=work["cwd"], env=work["env"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                out, errs = proc.communicate()
                pytest.fail(f"{cmd!r} exited {proc.returncode} before serving:\n{out}\n{errs}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=5) as r:
                    assert r.status == 200
                    return r.read().decode()
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"{cmd!r} did not answer on port {port} within 300 s")
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
    return ""


def run_shell_line(line: str, work: dict) -> None:
    for part in [p.strip() for p in line.split("&&")]:
        words = shlex.split(part.split(" #")[0])
        if words[:1] == ["pip"] or words[:4] == ["python3", "-m", "pip", "install"]:
            continue  # the set-up installs; not run again
        if words[:2] == ["bash", "scripts/test.sh"]:
            continue  # what CI runs; not from inside the tests
        if "EVENT_ID" in part:
            part = part.replace("EVENT_ID", _event_id(work))
        if words[:2] in (["protestdb", "serve"], ["protestdb", "demo"]):
            json.loads(_serve_until_answered(part, work))  # the API answered with JSON
            continue
        if words[:2] == ["protestdb", "batch"]:
            res = _run("protestdb batch --help", work)
            assert res.returncode == 0 and "--db" in res.stdout, res.stderr
            continue
        res = _run(part, work)
        assert res.returncode == 0, f"README command failed: {part}\nstdout:\n{res.stdout[-3000:]}\nstderr:\n{res.stderr[-3000:]}"
        work["outputs"][part] = res


BLOCKS = readme_blocks()


def test_readme_has_the_blocks_this_test_expects() -> None:
    langs = [lang for _, lang, _ in BLOCKS]
    assert langs.count("python") >= 1 and langs.count("bash") >= 4
    setup = [b for _, lang, b in BLOCKS[:2]]
    assert [shell_commands(b) for b in setup] == [["python3 -m pip install -e . && protestdb demo"],
                                                   ["bash scripts/test.sh"]], "two set-up commands"


@pytest.mark.parametrize(("line", "lang", "body"), BLOCKS, ids=[f"README-L{n}-{lang}" for n, lang, _ in BLOCKS])
def test_readme_block(line: int, lang: str, body: str, work: dict) -> None:
    if lang in ("bash", "sh", "shell", "console"):
        for cmd in shell_commands(body):
            run_shell_line(cmd, work)
        check_claims(work)
    elif lang == "python":
        res = subprocess.run([sys.executable, "-c", body], cwd=work["cwd"], env=work["env"], capture_output=True,
                             text=True, timeout=600)
        assert res.returncode == 0, f"README python block (line {line}) failed:\n{res.stderr[-3000:]}"
        check_library_output(res.stdout)
    else:
        pytest.fail(f"README block at line {line} has language {lang!r}: not run by this test")


def _outputs(work: dict, start: str) -> list[subprocess.CompletedProcess]:
    return [res for cmd, res in work["outputs"].items() if cmd.startswith(start)]


def check_claims(work: dict) -> None:
    """What the README says the commands print."""
    for res in _outputs(work, "protestdb events --state OR --type march --q ICE"):
        assert "Portland" in res.stdout and "0 event(s)" not in res.stdout, res.stdout
    for res in _outputs(work, "protestdb extract ../shared/seed/"):
        assert "5 event(s)" in res.stdout, res.stdout
    for res in _outputs(work, "protestdb extract --jsonl batch.jsonl"):
        rows = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
        assert [r["id"] for r in rows] == ["walkout"] and rows[0]["events"], res.stdout
    for res in _outputs(work, "protestdb geocode"):
        rows = json.loads(res.stdout)
        assert [(r["locality"], r["state"]) for r in rows] == [("Elizabeth", "NJ"), ("Los Angeles", "CA")]
    if _outputs(work, "protestdb export --format ccc-csv -o events.csv"):
        assert (work["cwd"] / "events.csv").stat().st_size > 0
    if _outputs(work, "protestdb eval"):
        assert json.loads((work["cwd"] / "scores.json").read_text())["documents"] == 1
    for res in _outputs(work, "protestdb summary"):
        assert re.search(r"first 40 of [\d,]+ events", " ".join(res.stdout.split())), res.stdout[-500:]
    for res in _outputs(work, "protestdb review correct"):
        assert "size_low = 500" in res.stdout
    for res in _outputs(work, "protestdb changes"):
        assert all(json.loads(x)["op"] for x in res.stdout.splitlines()[:50])


def check_library_output(out: str) -> None:
    lines = out.strip().splitlines()
    assert len(lines) == 6, out  # the seed's five events, then the HTML page's line
    assert sum("None None" in ln for ln in lines[:5]) == 1  # the nationwide boycott: no place, no KeyError
    assert {"Los Angeles", "Elizabeth", "San Jose"} <= {w for ln in lines[:5] for w in ("Los Angeles", "Elizabeth",
                                                                                        "San Jose") if w in ln}
    assert lines[5].startswith("2025-04-15 ") and "DOCTYPE" not in out
