"""The WARC archive: what a crawl of the local fixture server keeps, and what reparse and replay make of it."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_pressbot
from crawling import FAST, crawl, records, start_crawl
from test_faults import _kill_when

from pressbot.crawl.warcread import iter_responses, read_at, warc_files
from pressbot.fixtures.check import render_case
from pressbot.fixtures.server import FixtureServer

SITES = ("mofa_ja", "mofa_en", "us_state", "kr_mofa", "j_defense")


@pytest.fixture(scope="module")
def archived(tmp_path_factory) -> dict:
    """One crawl of every site from the fixture server, archived, without a state (every release is emitted)."""
    tmp = tmp_path_factory.mktemp("archived")
    out, archive = tmp / "releases.jsonl", tmp / "warc"
    with FixtureServer.from_fixtures(FIXTURES) as server:
        result, manifest = crawl(server.url, out, "--no-state", "--archive", str(archive), sites=SITES)
        served = list(server.log)
    assert result.returncode in (0, 3), result.stderr[-3000:]
    return {"out": out, "archive": archive, "served": served, "manifest": manifest, "tmp": tmp}


def _lines(path: Path) -> list[bytes]:
    return sorted(path.read_bytes().splitlines())


def test_one_file_per_site_that_warcio_checks_and_indexes(archived) -> None:
    files = warc_files([archived["archive"]])
    assert sorted(f.name.split("-", 1)[0] for f in files) == sorted(SITES)
    for path in files:
        check = subprocess.run(["warcio", "check", "-v", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "digest pass" in check.stdout and "fail" not in check.stdout
        index = subprocess.run(["warcio", "index", str(path)], capture_output=True, text=True, check=True)
        types = [json.loads(line)["warc-type"] for line in index.stdout.splitlines()]
        assert types[0] == "warcinfo" and types.count("response") == types.count("request") > 0


def test_every_response_served_is_archived_and_a_second_library_reads_it(archived) -> None:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    archived_responses = []
    for path in warc_files([archived["archive"]]):
        with open(path, "rb") as handle:  # block digests: over the whole block, so without parsing HTTP
            for record in ArchiveIterator(handle, parse_http=False):
                assert record.verify_block_digest(), (path, record.record_id)
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle, record_types=WarcRecordType.response):
                assert record.verify_payload_digest(), (path, record.record_id)
                archived_responses.append((record.headers["WARC-Target-URI"], record.http_headers.status_code))
    served = sorted((s.url, s.status) for s in archived["served"])
    assert sorted(archived_responses) == served  # releases, listings, robots.txt, the 307, blocks and retried 429s
    statuses = {status for _, status in archived_responses}
    assert {200, 307, 403, 404, 429} <= statuses
    assert any(url.endswith("/robots.txt") for url, _ in archived_responses)


def test_every_records_warc_offset_opens_its_exact_response(archived) -> None:
    emitted = records(archived["out"])
    assert len(emitted) > 20
    for record in emitted:
        provenance = record["provenance"]
        response = read_at(archived["archive"] / provenance["warc_file"], provenance["warc_offset"])
        assert response.url == record["url"]
        assert response.record_id == provenance["warc_record_id"]
        assert hashlib.sha256(response.body).hexdigest() == provenance["content_sha256"]
        assert response.date == provenance["fetched_at"]  # fetched_at is the WARC-Date
    from warcio.archiveiterator import ArchiveIterator

    first = emitted[0]["provenance"]
    with open(archived["archive"] / first["warc_file"], "rb") as handle:
        handle.seek(first["warc_offset"])
        record = next(iter(ArchiveIterator(handle)))
        assert record.rec_headers.get_header("WARC-Payload-Digest") == f"sha256:{first['content_sha256']}"


def test_both_readers_give_the_same_responses(archived) -> None:
    for path in warc_files([archived["archive"]]):
        assert list(iter_responses(path, "fastwarc")) == list(iter_responses(path, "warcio"))


def test_reparse_reproduces_the_crawl_byte_for_byte(archived) -> None:
    out = archived["tmp"] / "reparsed.jsonl"
    rejects = archived["tmp"] / "reparsed.rejects.jsonl"
    result = run_pressbot("reparse", str(archived["archive"]), "-O", str(out), "--rejects", str(rejects), "-j", "2")
    assert result.returncode == 0, result.stderr[-3000:]
    assert _lines(out) == _lines(archived["out"])
    crawl_rejects = {(r["url"], r["reason"]) for r in records(archived["out"].with_suffix(".rejects.jsonl"))}
    assert {(r["url"], r["reason"]) for r in records(rejects)} == crawl_rejects
    again = archived["tmp"] / "again.jsonl"
    run_pressbot("reparse", str(archived["archive"]), "-O", str(again), "-j", "1")
    assert again.read_bytes() == out.read_bytes()  # deterministic: archive order, whatever -j


PATCHED_PARSER = """
import sys
import pressbot.extract
extract = sys.modules["pressbot.extract"]  # the module (pressbot.extract is also the function)
original = extract.read_release
def read_release(page, url, site):
    release = original(page, url, site)
    if release.site == "mofa_ja":
        release.title = release.title + " (revised)"
    return release
extract.read_release = read_release
from pressbot.cli import main
sys.argv = ["pressbot", *sys.argv[1:]]
main()
"""


def test_diff_names_the_field_a_parser_change_altered(archived) -> None:
    out = archived["tmp"] / "changed.jsonl"
    diff_out = archived["tmp"] / "changed.diff.json"
    args = ["reparse", str(archived["archive"]), "-O", str(out), "--diff", str(archived["out"])]
    result = subprocess.run(
        [sys.executable, "-c", PATCHED_PARSER, *args, "--diff-out", str(diff_out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    mofa_ja = sum(1 for r in records(archived["out"]) if r["site"] == "mofa_ja")
    diff = json.loads(diff_out.read_text(encoding="utf-8"))
    assert list(diff["fields"]) == ["title"]
    assert diff["fields"]["title"]["records"] == mofa_ja == diff["records"]["changed"]
    assert diff["fields"]["title"]["examples"][0]["new"].endswith(" (revised)")
    assert f"title: {mofa_ja} record(s)" in result.stdout


def test_replay_from_the_archive_gives_the_same_records(archived) -> None:
    out = archived["tmp"] / "replayed.jsonl"
    result = run_pressbot(
        "crawl", *SITES, "--replay", str(archived["archive"]), "-O", str(out), "--no-state", "--quiet"
    )  # the sites that were archived
    assert result.returncode in (0, 3), result.stderr[-3000:]

    def without_warc(path: Path) -> list[dict]:
        found = []
        for record in records(path):
            record["provenance"] = {k: v for k, v in record["provenance"].items() if not k.startswith("warc_")}
            found.append(record)
        return sorted(found, key=lambda r: r["id"])

    assert without_warc(out) == without_warc(archived["out"])


def test_fixtures_save_from_warc_makes_a_case_that_reads_as_the_record(archived) -> None:
    record = next(r for r in records(archived["out"]) if r["site"] == "kr_mofa")
    root = archived["tmp"] / "cases"
    warc = archived["archive"] / record["provenance"]["warc_file"]
    result = run_pressbot(
        "fixtures", "save", "--from-warc", str(warc), "--url", record["url"], "--case", "from_warc", "--root", str(root)
    )
    assert result.returncode == 0, result.stderr
    from pressbot.fixtures.cases import Case

    case = Case(root / "kr_mofa" / "from_warc")
    assert case.fetched_at == record["provenance"]["fetched_at"]
    assert render_case(case) == {k: v for k, v in record.items() if k != "provenance"}


def test_a_killed_archived_crawl_leaves_whole_records_and_the_next_run_starts_a_new_file(tmp_path: Path) -> None:
    state = str(tmp_path / "state.sqlite")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    archive = tmp_path / "warc"  # the default: beside the state
    with FixtureServer.from_fixtures(FIXTURES) as server:
        process = start_crawl(server.url, first, state, delay=0.3)
        _kill_when(process, first, 3)
        before = {p.name: p.read_bytes() for p in warc_files([archive])}
        assert before, "the killed run archived nothing"
        for path in warc_files([archive]):
            check = subprocess.run(["warcio", "check", str(path)], capture_output=True, text=True)
            assert check.returncode == 0, check.stdout + check.stderr
            data = path.read_bytes()
            ends = _member_ends(data)
            assert ends and ends[-1] == len(data)  # no half-written record at the end
        for record in records(first):  # what the killed run emitted points at readable bytes
            response = read_at(archive / record["provenance"]["warc_file"], record["provenance"]["warc_offset"])
            assert hashlib.sha256(response.body).hexdigest() == record["provenance"]["content_sha256"]
        result, _ = crawl(server.url, second, "--state", state, extra=FAST)
    assert result.returncode in (0, 3), result.stderr[-2000:]
    after = {p.name: p.read_bytes() for p in warc_files([archive])}
    assert {name: after[name] for name in before} == before  # nothing appended to the killed run's file
    new = set(after) - set(before)
    assert new and all(name.startswith("mofa_ja-") for name in new)
    for record in records(second):
        assert record["provenance"]["warc_file"] in new


def _member_ends(data: bytes) -> list[int]:
    """Where each gzip member of the file ends (each WARC record is one), reading them one by one."""
    import zlib

    ends, position = [], 0
    while position < len(data):
        inflater = zlib.decompressobj(31)
        inflater.decompress(data[position:])
        if not inflater.eof:
            break
        position = len(data) - len(inflater.unused_data)
        ends.append(position)
    return ends
