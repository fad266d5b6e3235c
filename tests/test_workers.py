"""The reader pool: the same results as reading in-process, and a dead worker costs at most its page."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from pressbot.crawl import workers
from pressbot.crawl.workers import ReaderPool, read_release_page
from tests.pages import JA_MEETING as JA
from tests.pages import URLS

# Big enough that the worker is still reading it when the test kills the worker (tenths of a second).
SLOW = JA.replace(b"</ol>", b"".join(b"<li>%d \xe4\xb8\x80\xe4\xba\x8c</li>" % i for i in range(40000)) + b"</ol>")


def _run(coroutine):  # type: ignore[no-untyped-def]
    return asyncio.run(coroutine)


def test_pool_reads_what_the_process_reads() -> None:
    async def main() -> list:
        pool = ReaderPool(1)
        try:
            return await asyncio.gather(
                pool.read(JA, URLS["mofa_ja"], "mofa_ja", "text/html; charset=utf-8"),
                pool.read(b"<html><body>Access denied</body></html>", URLS["mofa_ja"], "mofa_ja", None),
                pool.read(JA, URLS["mofa_ja"], "mofa_ja", None),
            )
        finally:
            pool.close()

    got = _run(main())
    assert got[0] == read_release_page(JA, URLS["mofa_ja"], "mofa_ja", "text/html; charset=utf-8")
    assert got[0][0] == "record" and b'"participants": [{' in got[0][1]["serialized"].fields["meeting"]
    assert (
        got[1][0] == "error"
        and got[1][1]["reason"]
        == read_release_page(b"<html><body>Access denied</body></html>", URLS["mofa_ja"], "mofa_ja", None)[1]["reason"]
    )
    assert got[2] == got[0]


def test_an_exception_in_the_worker_is_raised_in_the_crawler() -> None:
    async def main() -> None:
        pool = ReaderPool(1)
        try:
            await pool.read(None, URLS["mofa_ja"], "mofa_ja", None)  # type: ignore[arg-type]
        finally:
            pool.close()

    with pytest.raises(workers.WorkerError, match="TypeError"):
        _run(main())


def _kill_reader(pool: ReaderPool) -> int:
    pid = pool._workers[0].process.pid
    os.kill(pid, signal.SIGKILL)
    return pid


def test_a_killed_worker_is_replaced_and_its_page_read_again() -> None:
    async def main() -> tuple:
        pool = ReaderPool(1)
        try:
            await pool.read(JA, URLS["mofa_ja"], "mofa_ja", None)  # the worker is up
            slow = asyncio.ensure_future(pool.read(SLOW, URLS["mofa_ja"], "mofa_ja", None))
            after = asyncio.ensure_future(pool.read(JA, URLS["mofa_ja"], "mofa_ja", None))
            await asyncio.sleep(0.05)
            killed = _kill_reader(pool)
            results = await asyncio.gather(slow, after)
            return killed, pool._workers[0].process.pid, results
        finally:
            pool.close()

    killed, now, (slow, after) = _run(main())
    assert now != killed
    assert slow[0] == "record" and after[0] == "record"


def test_a_page_whose_worker_dies_twice_is_given_up() -> None:
    async def main() -> tuple:
        pool = ReaderPool(1)
        try:
            await pool.read(JA, URLS["mofa_ja"], "mofa_ja", None)
            slow = asyncio.ensure_future(pool.read(SLOW, URLS["mofa_ja"], "mofa_ja", None))
            await asyncio.sleep(0.05)
            first = _kill_reader(pool)
            while pool._workers[0].process.pid == first:
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.3)  # the new worker starts and takes the page again
            _kill_reader(pool)
            with pytest.raises(workers.WorkerCrashed):
                await slow
            return await pool.read(JA, URLS["mofa_ja"], "mofa_ja", None)  # the pool goes on
        finally:
            pool.close()

    assert _run(main())[0] == "record"


def test_auto_is_three_workers_with_a_second_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert workers.default_workers("auto") == 3
    monkeypatch.setattr(os, "cpu_count", lambda: 16)
    assert workers.default_workers("auto") == 3
    assert workers.default_workers("3") == 3
    assert workers.default_workers("auto", replay=True) == 0  # replay reads in order, in-process
    assert workers.default_workers("2", replay=True) == 2  # unless asked for
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert workers.default_workers("auto") == 0
    assert workers.default_workers(0) == 0


@pytest.mark.parametrize(
    ("overrides", "replay", "started"),
    [
        ({}, None, True),
        ({"PRESSBOT_EXTRACT_WORKERS": "0"}, None, False),
        ({}, "fixtures", False),
        ({"PRESSBOT_EXTRACT_WORKERS": "many"}, None, False),  # left for the crawl to report
    ],
)
def test_pressbot_crawl_warms_up_the_readers_only_when_it_will_have_them(
    monkeypatch: pytest.MonkeyPatch, overrides: dict[str, str], replay: str | None, started: bool
) -> None:
    from pressbot import cli

    calls: list[str] = []
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "warm_up", lambda: calls.append("warm_up"))
    cli._warm_up_readers(overrides, replay)
    assert calls == (["warm_up"] if started else [])


def test_the_spider_rejects_a_page_that_kills_its_reader() -> None:
    from scrapy.http import HtmlResponse, Request
    from scrapy.utils.test import get_crawler

    from pressbot.spiders.sites import MofaJaSpider

    class DyingPool:
        async def read(self, *args: object) -> None:
            raise workers.WorkerCrashed("the reading process died twice on this page (exit code -9)")

    crawler = get_crawler(MofaJaSpider)
    spider = MofaJaSpider.from_crawler(crawler)
    spider._workers = DyingPool()
    url = URLS["mofa_ja"]
    response = HtmlResponse(url, body=JA, headers={"Content-Type": "text/html"}, request=Request(url))

    async def items() -> list:
        return [item async for item in spider.parse_release_pooled(response, {"title": "x"})]

    (item,) = asyncio.run(items())
    assert item.record is None and item.serialized is None
    assert item.error["reason"] == "worker_crashed" and "exit code -9" in item.error["message"]
    assert item.content_sha256 and item.url == url


def test_a_page_that_takes_too_long_twice_is_given_up() -> None:
    async def main() -> tuple:
        pool = ReaderPool(1, timeout=None)
        try:
            await pool.read(JA, URLS["mofa_ja"], "mofa_ja", None)  # the worker is up
            pool.timeout = 0.3  # a new worker's start (imports) counts too: more than the quick page needs
            with pytest.raises(workers.WorkerCrashed, match=r"took over 0\.3 s twice"):
                await pool.read(SLOW, URLS["mofa_ja"], "mofa_ja", None)
            pool.timeout = None
            return await pool.read(JA, URLS["mofa_ja"], "mofa_ja", None)
        finally:
            pool.close()

    assert _run(main())[0] == "record"
