"""The `pressbot` command as users run it: parse, schema, sites, fixtures."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from conftest import FIXTURES, ROOT, SEED_CASE, run_pressbot


def test_parse_seed_prints_one_clean_record(tmp_path: Path, seed_bytes: bytes) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_bytes(seed_bytes)
    result = run_pressbot("parse", str(seed))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["title"].startswith("日米韓次官協議")
    assert record["published"] == "2025-07-23" and record["published_text"] == "2025-7-23 10:05"
    assert "Ranking" not in lines[0] and "人事発令" not in lines[0] and "読まれている記事" not in lines[0]
    assert "日米韓" in lines[0]  # UTF-8, not \\u escapes


def test_parse_bad_files_fail_clearly_and_keep_the_good_ones(tmp_path: Path, seed_bytes: bytes) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    huge = tmp_path / "huge.html"
    huge.write_bytes(b"<p>" + b"x" * (20 * 1024 * 1024) + b"</p>")
    good = tmp_path / "good.txt"
    good.write_bytes(seed_bytes)
    missing = tmp_path / "missing.html"
    result = run_pressbot("parse", str(empty), str(binary), str(huge), str(good), str(missing))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "empty.html: empty" in result.stderr
    assert "image.png: binary" in result.stderr
    assert "huge.html: too_large" in result.stderr
    assert "missing.html" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_schema_command_prints_the_committed_schema() -> None:
    result = run_pressbot("schema")
    assert result.returncode == 0
    assert result.stdout == (ROOT / "schema" / "release.schema.json").read_text(encoding="utf-8")


def test_sites_lists_the_five_sites() -> None:
    result = run_pressbot("sites")
    for name in ("mofa_ja", "mofa_en", "us_state", "kr_mofa", "j_defense"):
        assert name in result.stdout


def test_fixtures_check_passes_and_shows_a_field_diff_when_broken(tmp_path: Path) -> None:
    assert run_pressbot("fixtures", "check", str(FIXTURES)).returncode == 0
    case = tmp_path / "j_defense" / "release_seed"
    shutil.copytree(SEED_CASE, case)
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    expected["meeting"]["start_time"] = "09:00"
    (case / "expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    result = run_pressbot("fixtures", "check", str(tmp_path))
    assert result.returncode == 1
    assert '~ meeting.start_time: "09:00" → "13:45"' in result.stdout
    assert "0 passed, 1 failed" in result.stdout
    run_pressbot("fixtures", "update", str(tmp_path))
    assert run_pressbot("fixtures", "check", str(tmp_path)).returncode == 0


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = (SEED_CASE / "response.html").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("ETag", '"abc"')
        self.send_header("X-Not-Kept", "1")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_fixtures_save_writes_a_replayable_case(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/docs/mod/000001.html"
        result = run_pressbot(
            "fixtures", "save", url, "--site", "j_defense", "--case", "saved", "--root", str(tmp_path)
        )
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    case = tmp_path / "j_defense" / "saved"
    meta = json.loads((case / "response.json").read_text(encoding="utf-8"))
    assert meta["url"] == url and meta["status"] == 200
    assert ["ETag", '"abc"'] in meta["headers"] and not any(h[0] == "X-Not-Kept" for h in meta["headers"])
    assert (case / "response.html").read_bytes() == (SEED_CASE / "response.html").read_bytes()
    assert run_pressbot("fixtures", "update", str(tmp_path)).returncode == 0
    assert json.loads((case / "expected.json").read_text(encoding="utf-8"))["meeting"]["name"] == "日米韓次官協議"


def test_parse_does_not_import_scrapy() -> None:
    code = (
        "import sys\n"
        "from pressbot.cli import main\n"
        f"sys.argv = ['pressbot', 'parse', {str(SEED_CASE / 'response.html')!r}]\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert exit.code == 0\n"
        "assert 'scrapy' not in sys.modules and 'twisted' not in sys.modules, 'scrapy imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
