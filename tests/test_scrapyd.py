"""scrapyd: deploy a clean copy of the checkout with scrapyd-deploy to a real scrapyd on 127.0.0.1 (started here,
stopped after), schedule a replay crawl through schedule.json, see it in listjobs.json, read its records and
manifest."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from pressbot.fixtures.redis import free_port

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.fail(f"{name} is not installed (it is in the test extra)")
    return which


def _clean_checkout(dest: Path) -> Path:
    """The files a fresh clone has (tracked, plus new files not ignored): no build output, no virtualenv."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and not name.startswith("fixtures/"):
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _post(url: str, fields: list[tuple[str, str]]) -> dict:
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def scrapyd(tmp_path):
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\npoll_interval = 0.5\nmax_proc = 1\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\n"
    )
    log = open(home / "scrapyd.out", "wb")  # noqa: SIM115 - closed after the server stops
    process = subprocess.Popen([_tool("scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if _get(f"{url}/daemonstatus.json")["status"] == "ok":
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"scrapyd did not start: {(home / 'scrapyd.out').read_text(errors='replace')}")
                time.sleep(0.2)
        yield url, home
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_deploy_schedule_and_read_a_replay_crawl(tmp_path, scrapyd):
    url, _home = scrapyd
    checkout = _clean_checkout(tmp_path / "checkout")
    cfg = checkout / "scrapy.cfg"
    cfg.write_text(cfg.read_text().replace("http://127.0.0.1:6800/", f"{url}/"))
    deployed = subprocess.run([_tool("scrapyd-deploy")], cwd=checkout, capture_output=True, text=True, timeout=120)
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    assert '"status": "ok"' in deployed.stdout + deployed.stderr, deployed.stdout + deployed.stderr
    assert "mofa_en" in _get(f"{url}/listspiders.json?project=pressbot")["spiders"]

    out = tmp_path / "out"
    settings = {
        "PRESSBOT_REPLAY": str(FIXTURES.resolve()),
        "PRESSBOT_OUTPUT": str(out / "releases.jsonl"),
        "PRESSBOT_MANIFEST": str(out / "manifest.json"),
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "False",
        "PRESSBOT_EXTRACT_WORKERS": "0",
    }
    fields = [("project", "pressbot"), ("spider", "mofa_en")]
    fields += [("setting", f"{k}={v}") for k, v in settings.items()]
    job = _post(f"{url}/schedule.json", fields)
    assert job["status"] == "ok", job
    deadline = time.monotonic() + 90
    while True:
        jobs = _get(f"{url}/listjobs.json?project=pressbot")
        if any(j["id"] == job["jobid"] for j in jobs["finished"]):
            break
        assert time.monotonic() < deadline, jobs
        time.sleep(0.5)
    records = [json.loads(line) for line in (out / "releases.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records and all(r["site"] == "mofa_en" and r["id"].startswith("mofa_en:") for r in records)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["sites"]["mofa_en"]["releases"]["new"] == len(records)
    assert manifest["exit_code"] == 0
