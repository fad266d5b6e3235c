"""Canonical release URLs per site (issue 15): one release linked four ways is one request, one id, one state row.

Fails on da398a3 (pressbot.crawl.canonical does not exist; each variant was emitted as its own revision)."""

from __future__ import annotations

import pytest

from pressbot.crawl.canonical import canonical_url

JA = "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01276.html"
KR = "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=322947"


@pytest.mark.parametrize(
    ("site", "url", "expected"),
    [
        ("mofa_ja", JA, JA),
        ("mofa_ja", JA.replace("https://", "http://"), JA),
        ("mofa_ja", JA.replace(".jp/", ".jp:443/"), JA),
        ("mofa_ja", JA.replace("https://", "http://").replace(".jp/", ".jp:80/"), JA),
        ("mofa_ja", JA + "?utm_source=x&fbclid=1", JA),
        ("mofa_ja", JA + "#top", JA),
        ("mofa_ja", JA.replace("www.mofa.go.jp", "WWW.MOFA.GO.JP"), JA),
        ("kr_mofa", KR, KR),
        ("kr_mofa", KR + "&page=3&srchFr=&srchTo=", KR),
        ("kr_mofa", "http://www.mofa.go.kr:443/eng/brd/m_5676/view.do?page=2&seq=322947", KR),
        ("kr_mofa", "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=322947&seq=1", KR),
        ("us_state", "http://www.state.gov/releases/x/2025/07/y/?ref=z", "https://www.state.gov/releases/x/2025/07/y/"),
        ("mofa_ja", "https://www.mofa.go.jp:8443/x.html", "https://www.mofa.go.jp:8443/x.html"),  # a real port stays
        ("mofa_ja", "https://other.example.org/x.html?a=1", "https://other.example.org/x.html?a=1"),  # not the site's
        ("generic", "https://news.example.org/a?id=3", "https://news.example.org/a?id=3"),  # no site file: as is
    ],
)
def test_canonical_url(site: str, url: str, expected: str) -> None:
    assert canonical_url(site, url) == expected


def test_a_site_without_query_keys_keeps_a_query_that_names_the_page(tmp_path, monkeypatch) -> None:
    """Fails on bfa790d: every query was dropped, and a site that names its pages in the query lost them all."""
    from pressbot.sites import SITES, load_site_file

    (tmp_path / "q.toml").write_text(
        'name = "qsite"\nlabel = "Q"\ndomains = ["q.example.org"]\nlanguage = "en"\ncountry = "IN"\n'
        "start_urls = [\"https://q.example.org/list.htm?51/Press\"]\nrelease_url = 'dtl/(?P<key>\\d+)/'\n"
    )
    monkeypatch.setitem(SITES, "qsite", load_site_file(tmp_path / "q.toml"))
    url = "https://q.example.org/page.htm?dtl/39711/Meeting_of_Ministers"
    assert canonical_url("qsite", url) == url
    assert canonical_url("qsite", url + "&utm_source=feed&fbclid=x") == url
    assert canonical_url("qsite", url.replace("https://", "http://").replace(".org/", ".org:443/")) == url
