"""pressbot as a plain Scrapy project: `scrapy parse URL` routes to the right spider and callback, and
`scrapy check` runs each site's contracts offline (replay)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT

from pressbot.sites import SITES


def scrapy(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args, "-s", f"PRESSBOT_REPLAY={FIXTURES}"],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_scrapy_parse_of_a_release_url_yields_its_record() -> None:
    url = SITES["kr_mofa"].examples.release
    result = scrapy("parse", url)
    assert result.returncode == 0, result.stderr
    items = result.stdout.split("# Scraped Items")[1].split("# Requests")[0]
    assert "'id': 'kr_mofa:322947'" in items and "'participants'" in items
    assert "serialized" not in items and "content_sha256" not in items  # the record, not pressbot's internals


def test_scrapy_parse_of_a_listing_url_yields_release_requests_to_parse() -> None:
    result = scrapy("parse", SITES["mofa_en"].examples.listing)  # shares its host with mofa_ja: scope decides
    assert result.returncode == 0, result.stderr
    requests = result.stdout.split("# Requests")[1]
    assert "<GET https://www.mofa.go.jp/press/release/pressite_" in requests
    assert "/mofaj/" not in requests


def test_every_site_has_contracts_and_they_hold_offline() -> None:
    listed = scrapy("check", "-l")
    blocks = listed.stdout
    for name, site in SITES.items():
        assert f"{name}\n" + ("  * check_listing\n" if site.examples.listing else "") + "  * check_release" in (
            listed.stdout
        ), blocks
    result = scrapy("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Ran {sum(3 + 2 * bool(s.examples.listing) for s in SITES.values() if s.examples)} contracts" in (
        result.stderr
    )


def test_a_contract_fails_when_its_example_is_not_a_release(tmp_path: Path) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    text = (ROOT / "pressbot" / "sites" / "data" / "mofa_ja.toml").read_text(encoding="utf-8")
    blocked = "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01580.html"  # the 403 fixture
    shutil.copy(ROOT / "pressbot" / "sites" / "data" / "mofa_ja.toml", sites / "mofa_ja.toml")
    old = SITES["mofa_ja"].examples.release
    (sites / "mofa_ja.toml").write_text(text.replace(old, blocked), encoding="utf-8")
    result = scrapy("check", "mofa_ja", env={"PRESSBOT_SITES_DIR": str(sites)})
    assert result.returncode != 0
    assert "check_release" in result.stderr and "FAILED" in result.stderr
