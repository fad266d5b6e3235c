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


def test_the_query_params_that_matter_are_site_data() -> None:
    """Fails on bfa790d: the list lived in crawl/canonical.py (QUERY_PARAMS), out of reach of a user's site file."""
    import pressbot.crawl.canonical as canonical
    from pressbot.sites import SITES

    assert not hasattr(canonical, "QUERY_PARAMS")
    assert SITES["kr_mofa"].query_keys == ("seq",)
    assert SITES["mofa_ja"].query_keys == () and SITES["us_state"].query_keys == ()


def test_a_site_without_query_keys_keeps_its_query(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails on bfa790d: the README's example site (query-string release URLs) lost its query, every release one URL."""
    from conftest import ROOT

    from pressbot.sites import SITES, load_site_file

    site = load_site_file(ROOT / "docs" / "examples" / "mea_in.toml")
    monkeypatch.setitem(SITES, site.name, site)
    url = "http://WWW.mea.gov.in:443/press-releases.htm?dtl/39000/Visit#top"
    assert canonical_url("mea_in", url) == "https://www.mea.gov.in/press-releases.htm?dtl/39000/Visit"
    monkeypatch.setitem(SITES, site.name, site.model_copy(update={"query_keys": ("a",)}))
    assert canonical_url("mea_in", "https://mea.gov.in/x.htm?b=2&a=1") == "https://mea.gov.in/x.htm?a=1"


def test_one_release_linked_four_ways_is_one_record_per_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A crawl (local server): http://, :443, an ignorable query and the plain link of one release. Passes on
    bfa790d already (release_requests canonicalizes before the state and Scrapy's duplicate filter)."""
    from conftest import FIXTURES
    from crawling import crawl, records

    from pressbot.fixtures.server import FixtureServer

    path = "/mofaj/press/release/pressit_000001_01571.html"
    variants = [f"http://www.mofa.go.jp{path}", f"https://www.mofa.go.jp:443{path}", f"{path}?utm_source=x&p=2"]
    extra = "".join(f'<li><a href="{v}">岩屋外務大臣の米国訪問</a></li>' for v in variants).encode()
    with FixtureServer.from_fixtures(FIXTURES) as server:
        listing = "https://www.mofa.go.jp/mofaj/press/release/index.html"
        body = server.pages[next(k for k in server.pages if k.endswith("press/release/index.html"))].body
        server.set_body(listing, body.replace(b'<ul class="link-list">', b'<ul class="link-list">' + extra, 1))
        for run in ("a", "b"):
            result, _ = crawl(server.url, tmp_path / f"{run}.jsonl", "--no-state", "-s", "PRESSBOT_EXTRACT_WORKERS=0")
            assert result.returncode == 0, result.stderr[-3000:]
            same = [r for r in records(tmp_path / f"{run}.jsonl") if r["url"].endswith(path)]
            assert [r["url"] for r in same] == [f"https://www.mofa.go.jp{path}"]
        assert sum(1 for s in server.log if s.url.endswith(path.rsplit("/", 1)[1])) == 2  # one fetch per run
