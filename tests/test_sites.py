"""The site table: which site a URL belongs to, and the release key its id is made from."""

from __future__ import annotations

import pytest

from pressbot.sites import release_id, site_for_url


@pytest.mark.parametrize(
    ("url", "site", "key"),
    [
        ("https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01276.html", "mofa_ja", "pressit_000001_01276"),
        ("https://www.mofa.go.jp/mofaj/press/release/press4_002693.html", "mofa_ja", "press4_002693"),
        ("https://www.mofa.go.jp/mofaj/erp/c_see/de/page1_000641.html", "mofa_ja", "page1_000641"),
        ("https://www.mofa.go.jp/press/release/pressite_000001_00868.html", "mofa_en", "pressite_000001_00868"),
        ("https://www.mofa.go.jp/press/release/press4e_001234.html", "mofa_en", "press4e_001234"),
        ("https://www.mofa.go.jp/region/asia-paci/korea/page4e_000123.html", "mofa_en", "page4e_000123"),
        ("https://www.mofa.go.jp/press/release/202412_index.html", "mofa_en", None),
        ("https://www.state.gov/releases/office-of-the-spokesperson/2025/07/a-readout/", "us_state", "a-readout"),
        (
            "https://2021-2025.state.gov/secretary-blinkens-call-with-foreign-minister-kamikawa/",
            "us_state",
            "secretary-blinkens-call-with-foreign-minister-kamikawa",
        ),
        ("https://www.state.gov/press-releases/page/2/", "us_state", None),
        ("https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=322880", "kr_mofa", "322880"),
        ("https://j-defense.ikaros.jp/docs/mod/003596.html", "j_defense", "mod/003596"),
        ("https://news.example.org/2025/07/18/story", "generic", None),
    ],
)
def test_site_and_key(url: str, site: str, key: str | None) -> None:
    found = site_for_url(url)
    assert found.name == site
    if site != "generic":
        assert found.release_key(url) == key


def test_ids_are_stable_and_readable() -> None:
    url = "https://j-defense.ikaros.jp/docs/mod/003596.html"
    assert release_id(site_for_url(url), url, "ignored") == "j_defense:mod_003596"
    assert release_id(site_for_url(None), None, "same text") == release_id(site_for_url(None), None, "same text")
    assert release_id(site_for_url(None), None, "same text").startswith("generic:")
