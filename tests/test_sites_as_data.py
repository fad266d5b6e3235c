"""Sites as data: a ministry described only by a TOML file outside the package is listed, checked and crawled."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_pressbot

from pressbot.sites import BUNDLED_DIR, SiteFileError, load_site_file, load_sites_dir

EXAMPLE = ROOT / "docs" / "examples" / "mea_in.toml"
EXAMPLE_PAGES = ROOT / "tests" / "data" / "sites"


@pytest.fixture
def sites_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "my-sites"
    directory.mkdir()
    shutil.copy(EXAMPLE, directory / "mea_in.toml")
    return directory


def test_every_bundled_site_file_loads() -> None:
    sites = load_sites_dir(BUNDLED_DIR)
    assert {"mofa_ja", "mofa_en", "us_state", "kr_mofa", "j_defense"} <= set(sites)
    assert all(site.release_url.groupindex.get("key") for site in sites.values())


def test_a_site_file_in_a_users_directory_is_listed(sites_dir: Path) -> None:
    result = run_pressbot("sites", "--sites-dir", str(sites_dir))
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("mea_in "))
    assert "IN" in row.split() and "[user]" in row
    assert run_pressbot("sites").stdout.count("mea_in") == 0  # the package itself does not know it


def test_a_missing_selector_is_a_readable_field_error(sites_dir: Path) -> None:
    broken = sites_dir / "mea_in.toml"
    broken.write_text(broken.read_text().replace('entry = "ul.pressList li"', "# entry removed"))
    result = run_pressbot("sites", "check", str(broken))
    assert result.returncode == 1
    assert f"{broken}: listing.entry: Field required" in result.stderr
    listed = run_pressbot("sites", "--sites-dir", str(sites_dir))
    assert listed.returncode == 2 and "listing.entry: Field required" in listed.stderr
    assert "Traceback" not in listed.stderr


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("release_url = '/press-releases\\.htm\\?dtl/(?P<key>\\d+)/'", "release_url = '/dtl/(\\d+)/'"), "release_url"),
        (('title = "div.innerContent h1"', 'title = "div..innerContent h1"'), "title"),
        (('language = "en"', 'language = "hi"'), "language"),
        (('start_urls = ["https://www.mea.gov.in/', 'start_urls = ["https://elsewhere.example/'), "start_urls"),
        (("crawl_delay = 2.0", "crawl_delay = 2.0\ncrawl_dealy = 3"), "crawl_dealy"),
    ],
)
def test_each_malformed_field_is_named(sites_dir: Path, change: tuple[str, str], field: str) -> None:
    path = sites_dir / "mea_in.toml"
    text = path.read_text()
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1]))
    with pytest.raises(SiteFileError, match=rf"mea_in\.toml: {field}: "):
        load_site_file(path)


def test_a_user_site_is_crawled_end_to_end_from_a_local_fixture(sites_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "releases.jsonl"
    result = run_pressbot(
        "crawl", "mea_in", "--sites-dir", str(sites_dir), "--replay", str(EXAMPLE_PAGES), "-O", str(out), "--no-state"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "mea_in:39711" and record["site"] == "mea_in" and record["language"] == "en"
    assert record["published"] == "2025-07-01"
    assert record["title"] == "Meeting of External Affairs Minister with the Foreign Minister of Japan"
    meeting = record["meeting"]
    assert meeting["date"] == "2025-07-01" and meeting["countries"] == ["IN", "JP"]
    assert [point["number"] for point in meeting["agenda"]] == ["1", "2"]
    assert any(p["country"] == "JP" and p["name_en"] == "IWAYA Takeshi" for p in meeting["participants"])


def test_pressbot_sites_dir_from_the_environment_reaches_scrapy(sites_dir: Path) -> None:
    """``scrapy list`` has no --sites-dir: PRESSBOT_SITES_DIR is how a Scrapy user adds a site."""
    import subprocess
    import sys

    listed = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"],
        cwd=ROOT,
        env={**__import__("os").environ, "PRESSBOT_SITES_DIR": str(sites_dir)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    assert "mea_in" in listed.stdout.split() and "mofa_ja" in listed.stdout.split()
