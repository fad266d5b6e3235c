"""Issue 15: unattended runs tell the truth, lose nothing, make no surprise traffic, and say little."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

TESTS = Path(__file__).resolve().parent


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A clean $HOME, and a sitecustomize that refuses (and records) any connection off loopback."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "XDG_")) and k not in ("PYTHONPATH",)}
    env.update(
        HOME=str(home),
        PYTHONPATH=str(TESTS / "netguard"),
        PRESSBOT_TEST_NET_LOG=str(tmp_path / "net.log"),
        PYTHONIOENCODING="utf-8",
    )
    env.update(extra)
    return env


def pressbot(*args: str, env: dict[str, str], cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pressbot.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def off_loopback(tmp_path: Path) -> str:
    log = tmp_path / "net.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def main_command() -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    command = lines[lines.index("<!-- main-command -->") + 2]
    return command.split("&& pressbot ", 1)[1].split()


def test_readme_main_command_is_short_and_offline(tmp_path: Path) -> None:
    """Fails on da398a3: ~690 lines, and tldextract resolves publicsuffix.org."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "fixtures").symlink_to(FIXTURES)
    env = clean_env(tmp_path)
    result = pressbot(*main_command(), env=env, cwd=work)
    assert result.returncode == 0, result.stderr[-3000:]
    output = (result.stdout + result.stderr).splitlines()
    assert len(output) <= 30, "\n".join(output)
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    assert off_loopback(tmp_path) == ""
    records = (work / "out" / "releases.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) >= 20 and all(json.loads(line)["id"] for line in records)
    assert not (tmp_path / "home" / ".local").exists(), "replay must not touch the default state"
    assert not (tmp_path / "home" / ".cache").exists(), "no caches written under $HOME"


# ------------------------------------------------------------------ exit codes tell the truth


def _fixture_copy(tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "fixtures"
    shutil.copytree(FIXTURES / "mofa_ja", root / "mofa_ja")
    return root


def _broken_json(root: Path) -> list[str]:
    (root / "mofa_ja" / "listing_index_page1" / "response.json").write_text("{not json", encoding="utf-8")
    return []


def _two_cases(root: Path) -> list[str]:
    import shutil

    shutil.copytree(root / "mofa_ja" / "listing_index_page1", root / "mofa_ja" / "listing_again")
    return []


@pytest.mark.parametrize(
    "breakage",
    [_broken_json, _two_cases, lambda root: ["-s", "CONCURRENT_REQUESTS=abc"]],
    ids=["malformed_response_json", "two_cases_one_url", "bad_setting"],
)
def test_crawler_that_cannot_start_exits_1(tmp_path: Path, breakage) -> None:  # type: ignore[no-untyped-def]
    """Fails on da398a3: 'Unhandled error in Deferred', 0 requests, exit 0."""
    root = _fixture_copy(tmp_path)
    extra = breakage(root)
    out = tmp_path / "out.jsonl"
    env = clean_env(tmp_path)
    result = pressbot("crawl", "mofa_ja", "--replay", str(root), "-o", str(out), "--no-state", *extra, env=env)
    assert result.returncode == 1, result.stderr[-3000:]
    assert "did not start" in result.stderr
    manifest = json.loads(Path(f"{out}.manifest.json").read_text(encoding="utf-8"))
    assert manifest["exit_code"] == 1


@pytest.mark.parametrize(
    "args",
    [
        ["-s", "FOO", "-o", "x.jsonl"],
        [],
        ["-o", "x.jsonl", "--rejects", "x.jsonl"],
        ["-o", "x.jsonl", "--manifest", "./x.jsonl"],
        ["-o", "x.jsonl", "--state", "x.jsonl"],
        ["-O", "x.csv"],
    ],
    ids=["setting_without_equals", "no_output", "rejects_is_output", "manifest_is_output", "state_is_output", "csv"],
)
def test_bad_command_lines_are_one_line_usage_errors(tmp_path: Path, args: list[str]) -> None:
    """Fails on da398a3: a traceback, records dropped silently, files overwriting each other, JSONL in a .csv."""
    result = pressbot("crawl", "mofa_ja", "--replay", str(FIXTURES), *args, env=clean_env(tmp_path), cwd=tmp_path)
    assert result.returncode == 2, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.jsonl").exists() and not (tmp_path / "x.csv").exists()


def test_ignored_requests_are_rejects_the_gates_see(tmp_path: Path) -> None:
    """A redirect loop, a redirect off the site and a gzip bomb: fails on da398a3 (the releases vanish, exit 0)."""
    import gzip

    from crawling import MOFA_JA_LISTED, crawl, rejects

    from pressbot.fixtures.server import FixtureServer

    loop, offsite, bomb = sorted(MOFA_JA_LISTED)[:3]
    with FixtureServer.from_fixtures(FIXTURES) as server:
        server.add(loop, b"", status=302, headers=[("Location", loop + "?again=1")])
        server.add(loop + "?again=1", b"", status=302, headers=[("Location", loop)])
        server.add(offsite, b"", status=302, headers=[("Location", "https://evil.example.com/x.html")])
        server.add(
            bomb,
            gzip.compress(b"\0" * (20 * 1024 * 1024)),
            headers=[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        )
        out = tmp_path / "out.jsonl"
        result, manifest = crawl(server.url, out, "--no-state", "-s", "DOWNLOAD_MAXSIZE=1000000")
    site = manifest["sites"]["mofa_ja"]
    assert site["rejects"] == {"offsite_redirect": 1, "redirect_loop": 1, "too_large": 1}, site
    assert {r["url"] for r in rejects(out)} >= {offsite, bomb}
    assert result.returncode == 4 and not manifest["gates"]["rejects"]["ok"]


ROBOTS = "https://www.mofa.go.jp/robots.txt"


@pytest.mark.parametrize(
    ("robots", "fault", "extra"),
    [
        (b"User-agent: *\nDisallow: /\n", None, ()),
        (b"User-agent: *\nAllow: /\n", "huge", ()),
        (b"User-agent: *\nAllow: /\n", "timeout", ("-s", "PRESSBOT_ROBOTS_TIMEOUT=1", "-s", "RETRY_TIMES=0")),
    ],
    ids=["disallows_everything", "fifty_megabytes", "never_finishes"],
)
def test_robots_txt_that_cannot_be_obeyed_stops_the_site_exit_3(tmp_path: Path, robots, fault, extra) -> None:  # type: ignore[no-untyped-def]
    """Fails on da398a3: a huge or endless robots.txt is ignored (site crawled), a disallow-all exits 0 silently."""
    from crawling import crawl

    from pressbot.fixtures.server import FixtureServer

    with FixtureServer.from_fixtures(FIXTURES) as server:
        server.add(ROBOTS, robots, headers=[("Content-Type", "text/plain")])
        if fault:
            server.fault(ROBOTS, fault, fault, fault)
        result, manifest = crawl(server.url, tmp_path / "out.jsonl", "--no-state", *extra)
    assert result.returncode == 3, result.stderr[-3000:]
    site = manifest["sites"]["mofa_ja"]
    assert sum(site["releases"].values()) == 0 and not manifest["gates"]["blocked"]["ok"]
    assert "robots.txt" in " ".join(manifest["gates"]["blocked"]["why"])
    assert "gate blocked FAILED" in result.stderr and "robots.txt" in result.stderr


@pytest.mark.parametrize(("obey", "code"), [("True", 3), ("False", 6)], ids=["robots_dns_fails", "page_dns_fails"])
def test_no_network_is_a_fetch_error_or_a_stopped_host(tmp_path: Path, obey: str, code: int) -> None:
    """No DNS (the guard answers every lookup with EAI_NONAME). Fails on da398a3: exit 4 (DNS failures counted as
    rejects) and robots.txt failing to resolve does not stop the host."""
    out = tmp_path / "out.jsonl"
    fast = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0")
    env = clean_env(tmp_path, PRESSBOT_CONTACT="mailto:test@example.org")
    result = pressbot("crawl", "mofa_ja", "-o", str(out), "--no-state", *fast, "-s", f"ROBOTSTXT_OBEY={obey}", env=env)
    assert result.returncode == code, result.stderr[-3000:]
    manifest = json.loads(Path(f"{out}.manifest.json").read_text(encoding="utf-8"))
    assert manifest["exit_code"] == code
    site = manifest["sites"]["mofa_ja"]
    if code == 6:
        assert site["errors"] and "DNS" in site["errors"][0]
    else:
        assert site["robots_refused"] == 1


@pytest.mark.parametrize("signum", ["SIGINT", "SIGTERM"])
def test_signal_mid_run_exits_7_interrupted_with_state_consistent(tmp_path: Path, signum: str) -> None:
    """Fails on da398a3: exit 0, every gate ok, the manifest silent about the stop."""
    import fcntl
    import signal
    import sqlite3
    import time

    from crawling import records, start_crawl

    from pressbot.fixtures.server import FixtureServer

    out, state = tmp_path / "out.jsonl", tmp_path / "state.sqlite"
    with FixtureServer.from_fixtures(FIXTURES) as server:
        process = start_crawl(server.url, out, str(state), delay=0.3)
        deadline = time.monotonic() + 60
        while len(server.served(lambda s: "pressit" in s.url or "pageit" in s.url)) < 2:
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)
        process.send_signal(getattr(signal, signum))
        assert process.wait(timeout=60) == 7
    manifest = json.loads(Path(f"{out}.manifest.json").read_text(encoding="utf-8"))
    assert manifest["interrupted"] is True and manifest["exit_code"] == 7
    emitted = {r["id"] for r in records(out)}
    with sqlite3.connect(state) as db:
        committed = {row[0] for row in db.execute("SELECT id FROM releases")}
        assert db.execute("SELECT count(*) FROM pending").fetchone()[0] == 0
    assert emitted == committed
    with open(f"{state}.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released


# ------------------------------------------------------------------ nothing lost


def test_partial_last_line_is_cut_before_appending(tmp_path: Path) -> None:
    """A full disk left half a line. Fails on da398a3: the next run appends onto it (one unparseable line)."""
    from crawling import crawl, records

    from pressbot.fixtures.server import FixtureServer

    out = tmp_path / "out.jsonl"
    whole = json.dumps({"id": "mofa_ja:kept", "site": "mofa_ja"}) + "\n"
    out.write_text(whole + '{"id": "mofa_ja:cut", "ti', encoding="utf-8")
    with FixtureServer.from_fixtures(FIXTURES) as server:
        result, _ = crawl(server.url, out, "--no-state")
    assert result.returncode == 0, result.stderr[-3000:]
    lines = records(out)  # every line parses
    assert lines[0]["id"] == "mofa_ja:kept" and len(lines) == 9
    assert "partial last line" in result.stderr


def test_full_disk_is_its_own_exit_with_one_line(tmp_path: Path) -> None:
    """/dev/full answers ENOSPC. Fails on da398a3: a traceback per record, exit 1, the manifest says 0."""
    manifest = tmp_path / "m.json"
    result = pressbot(
        "crawl", "mofa_ja", "--replay", str(FIXTURES), "-o", "/dev/full", "--manifest", str(manifest),
        "--no-state", env=clean_env(tmp_path),
    )  # fmt: skip
    assert result.returncode == 74, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and result.stderr.count("cannot write") == 1, result.stderr
    assert json.loads(manifest.read_text(encoding="utf-8"))["exit_code"] == 74


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    """Fails on da398a3: a traceback."""
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        result = pressbot(
            "crawl", "mofa_ja", "--replay", str(FIXTURES), "-o", str(ro / "out.jsonl"), "--no-state",
            env=clean_env(tmp_path),
        )  # fmt: skip
    finally:
        ro.chmod(0o700)
    if os.geteuid() == 0:  # root writes anyway; the point is the one line when it cannot
        return
    assert result.returncode == 74 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("content", [b"", b"garbage " * 100], ids=["empty", "garbage"])
def test_unusable_state_is_refused_and_rebuilt_only_when_asked(tmp_path: Path, content: bytes) -> None:
    """Fails on da398a3: an empty state silently re-emits everything; garbage gives a raw sqlite3 traceback."""
    state = tmp_path / "state.sqlite"
    state.write_bytes(content)
    out = tmp_path / "out.jsonl"
    args = ("crawl", "mofa_ja", "--replay", str(FIXTURES), "-o", str(out), "--state", str(state))
    result = pressbot(*args, env=clean_env(tmp_path))
    assert result.returncode == 65, result.stderr[-3000:]
    assert "--rebuild-state" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and state.read_bytes() == content
    rebuilt = pressbot(*args, "--rebuild-state", env=clean_env(tmp_path))
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 8
    assert [p.name for p in tmp_path.glob("state.sqlite.broken-*")]


# ------------------------------------------------------------------ bad input


def test_parse_is_bounded_never_blocks_and_reports_each_bad_file(tmp_path: Path, seed_bytes: bytes) -> None:
    """Fails on da398a3: /dev/zero grows without bound, a FIFO blocks, a directory aborts everything (exit 2)."""
    good = tmp_path / "good.html"
    good.write_bytes(seed_bytes)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    args = ["parse", "/dev/zero", str(fifo), str(folder), str(tmp_path / "missing.html"), str(good)]
    result = pressbot(*args, env=clean_env(tmp_path), timeout=60)
    assert result.returncode == 1, result.stderr
    assert len(result.stdout.splitlines()) == 1 and json.loads(result.stdout)["title"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4 and all(line.startswith("pressbot parse: ") for line in errors), errors


def test_fixtures_save_is_confined_and_clear(tmp_path: Path) -> None:
    """Fails on da398a3: writes outside fixtures/, a traceback for file://."""
    root = tmp_path / "fixtures"
    url = "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01276.html"
    for extra in (["--case", "../../x"], ["--case", str(tmp_path / "abs")], ["--site", "../x"]):
        result = pressbot("fixtures", "save", url, "--root", str(root), *extra, env=clean_env(tmp_path))
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) <= 4
    result = pressbot("fixtures", "save", "file:///etc/passwd", "--root", str(root), env=clean_env(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr and "http" in result.stderr
    assert not (tmp_path / "x").exists() and not (tmp_path / "abs").exists() and off_loopback(tmp_path) == ""


def test_fixtures_save_of_an_endless_body_is_bounded(tmp_path: Path) -> None:
    from pressbot.fixtures import save

    class Endless:
        status = 200

        def getheaders(self):  # type: ignore[no-untyped-def]
            return [("Content-Type", "text/html")]

        def read(self, n: int = -1) -> bytes:
            assert n > 0, "read() with no bound"
            return b"x" * n

    with pytest.raises(ValueError, match="larger than"):
        save.read_bounded(Endless(), 1000)


def test_fixtures_check_and_update_report_bad_cases_one_line_each(tmp_path: Path) -> None:
    """Fails on da398a3: one malformed response.json stops the whole check; update follows a symlink."""
    import shutil

    root = tmp_path / "fixtures"
    shutil.copytree(FIXTURES / "mofa_ja", root / "mofa_ja")
    (root / "mofa_ja" / "statement_danwa_gaza" / "response.json").write_text("{oops", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("not yours", encoding="utf-8")
    case = root / "mofa_ja" / "release_video_conference_australia"
    (case / "expected.json").unlink()
    (case / "expected.json").symlink_to(secret)
    for command in ("check", "update"):
        result = pressbot("fixtures", command, str(root), env=clean_env(tmp_path))
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        text = result.stdout + result.stderr
        assert "statement_danwa_gaza" in text and "release_video_conference_australia" in text
    assert secret.read_text(encoding="utf-8") == "not yours"


def test_scrapy_crawl_with_a_mistyped_replay_folder_fails_closed(tmp_path: Path) -> None:
    """Fails on da398a3: a warning, then the live sites are crawled."""
    env = clean_env(tmp_path, PRESSBOT_REPLAY="fixturez")
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "mofa_ja", "-s", "LOG_LEVEL=ERROR"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0, result.stderr[-2000:]
    assert "PRESSBOT_REPLAY" in result.stderr and off_loopback(tmp_path) == ""


def test_live_crawl_without_contact_warns_once(tmp_path: Path) -> None:
    """Fails on da398a3: the default User-Agent points at a URL that is not the user's, silently."""
    out = tmp_path / "out.jsonl"
    args = ("crawl", "mofa_ja", "-o", str(out), "--no-state", "-s", "RETRY_TIMES=0", "-s", "DOWNLOAD_DELAY=0")
    result = pressbot(*args, env=clean_env(tmp_path))
    assert result.stderr.count("PRESSBOT_CONTACT") == 1, result.stderr
    replay = pressbot("crawl", "mofa_ja", "--replay", str(FIXTURES), "-o", str(out), env=clean_env(tmp_path))
    assert "PRESSBOT_CONTACT" not in replay.stderr


# ------------------------------------------------------------------ must show: every exit code is produced

# Each code of `pressbot exit-codes` and a test that makes a real run exit with it (and checks the manifest agrees
# where a manifest is written). This table is checked against the command and the README below.
PRODUCED_BY = {
    0: "test_unattended.py::test_readme_main_command_is_short_and_offline",
    1: "test_unattended.py::test_crawler_that_cannot_start_exits_1",
    2: "test_unattended.py::test_bad_command_lines_are_one_line_usage_errors",
    3: "test_unattended.py::test_robots_txt_that_cannot_be_obeyed_stops_the_site_exit_3",
    4: "test_unattended.py::test_ignored_requests_are_rejects_the_gates_see",
    5: "test_gates.py::test_minimum_coverage_gate_exits_5",
    6: "test_unattended.py::test_no_network_is_a_fetch_error_or_a_stopped_host",
    7: "test_unattended.py::test_signal_mid_run_exits_7_interrupted_with_state_consistent",
    65: "test_unattended.py::test_unusable_state_is_refused_and_rebuilt_only_when_asked",
    74: "test_unattended.py::test_full_disk_is_its_own_exit_with_one_line",
    75: "test_faults.py::test_overlapping_run_exits_with_its_own_code",
}


def test_every_exit_code_is_documented_and_produced_by_a_test(tmp_path: Path) -> None:
    """Fails on da398a3: codes 7, 65 and 74 did not exist, and several documented codes were never produced."""
    import re

    result = pressbot("exit-codes", env=clean_env(tmp_path))
    listed = {int(line.split()[0]) for line in result.stdout.splitlines() if line.strip()}
    assert listed == set(PRODUCED_BY)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", readme, flags=re.M)}
    assert documented == set(PRODUCED_BY)
    for where in PRODUCED_BY.values():
        module, name = where.split("::")
        assert f"def {name}(" in (TESTS / module).read_text(encoding="utf-8"), where


def test_readme_pandas_snippet_runs_with_statements_in_the_output(tmp_path: Path) -> None:
    """Fails on da398a3 (with pandas installed): `meeting` is null for statements and json_normalize raises."""
    pd = pytest.importorskip("pandas")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("import pandas as pd\n", 1)[1].split("```", 1)[0]
    out = tmp_path / "out" / "releases.jsonl"
    out.parent.mkdir()
    result = pressbot("crawl", "--replay", str(FIXTURES), "-O", str(out), "--no-state", env=clean_env(tmp_path))
    assert result.returncode == 0
    namespace = {"pd": pd}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(snippet, namespace)
    finally:
        os.chdir(cwd)
    assert len(namespace["people"]) > 0
