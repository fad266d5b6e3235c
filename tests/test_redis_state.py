"""The crawl state's two backends behind one interface, and the Redis one's crash promise (a real redis-server)."""

from __future__ import annotations

import json

import pytest

from pressbot.crawl.redis_state import RedisState
from pressbot.crawl.state import State
from pressbot.crawl.state_api import CrawlState, open_state
from pressbot.fixtures.redis import RedisServer


@pytest.fixture(scope="module")
def redis_url():
    server = RedisServer().start()
    try:
        yield server.url
    finally:
        server.stop()


def _row(release_id: str, sha: str = "a" * 64) -> dict:
    return {
        "id": release_id,
        "site": "mofa_en",
        "url": f"https://www.mofa.go.jp/press/release/{release_id.split(':')[1]}.html",
        "record_sha256": sha,
        "revision": 1,
        "seen_at": "2025-07-18T00:00:00Z",
        "status": 200,
        "etag": '"e"',
        "last_modified": None,
        "title": "t",
        "language": "en",
        "withdrawn": 0,
    }


def _line(row: dict) -> bytes:
    return (json.dumps({"id": row["id"], "provenance": {"record_sha256": row["record_sha256"]}}) + "\n").encode()


def test_both_backends_conform(tmp_path, redis_url):
    sqlite = open_state(str(tmp_path / "state.sqlite"))
    shared = open_state(redis_url, worker="w")
    assert isinstance(sqlite, State) and isinstance(sqlite, CrawlState)
    assert isinstance(shared, RedisState) and isinstance(shared, CrawlState)
    sqlite.close()
    shared.close()


def test_a_killed_writer_is_settled_from_its_file(tmp_path, redis_url):
    out = tmp_path / "releases-w1.jsonl"
    state = RedisState(redis_url, worker="w1")
    written, torn = _row("mofa_en:pressite_000001_00001"), _row("mofa_en:pressite_000001_00002")
    with open(out, "wb") as handle:
        state.begin_write(written, str(out), 0)
        handle.write(_line(written))
        state.written(written)
        state.begin_write(torn, str(out), handle.tell())
        handle.write(_line(torn)[:10])  # killed mid-line
    # Killed before the group commit: nothing is committed yet.
    assert RedisState(redis_url, worker="other").get(written["id"]) is None
    again = RedisState(redis_url, worker="w1")  # the same worker starts again (or a reaper: recover_worker)
    assert again.recovered == 1
    known = again.by_url(written["url"])
    assert known is not None and known.record_sha256 == written["record_sha256"] and known.etag == '"e"'
    assert again.get(torn["id"]) is None  # not written: its page will be emitted again
    assert again.db.hlen(again.pending_key("w1")) == 0


def test_settle_commits_after_the_fsync_and_touch_keeps_validators(redis_url):
    state = RedisState(redis_url, worker="w2")
    row = _row("mofa_en:pressite_000001_00003")
    state.begin_write(row, "/nonexistent", 0)
    state.written(row)
    assert state.get(row["id"]) is not None  # this worker sees it at once
    assert RedisState(redis_url, worker="w3").get(row["id"]) is None  # others once it is durable
    state.settle()
    other = RedisState(redis_url, worker="w3")
    assert other.get(row["id"]).revision == 1
    other.touch(row["id"], "2025-07-19T00:00:00Z", 304, None, "Fri, 18 Jul 2025 00:00:00 GMT")
    known = state.get(row["id"])
    assert known.last_seen == "2025-07-19T00:00:00Z" and known.etag == '"e"' and known.last_modified
