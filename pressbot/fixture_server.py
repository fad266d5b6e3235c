"""A local HTTP server that serves fixture cases (or a generated corpus) on 127.0.0.1.

Used by the tests and benchmarks together with ``PRESSBOT_UPSTREAM`` (see pressbot/upstream.py): the
path is ``/<host>/<path>?<query>``. It answers conditional requests (ETag / If-Modified-Since → 304),
keeps a log of what it served, and can inject faults per URL: ``500``, ``timeout``, ``reset``,
``truncate``, ``huge``, ``gone`` (410).
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pressbot.fixtures import find_cases, url_key


@dataclass
class Page:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class Served:
    at: float
    url: str
    status: int
    conditional: bool
    body_bytes: int


@dataclass
class FixtureServer:
    pages: dict[str, Page] = field(default_factory=dict)
    faults: dict[str, deque[str]] = field(default_factory=lambda: defaultdict(deque))
    log: list[Served] = field(default_factory=list)
    conditional: bool = True
    _server: ThreadingHTTPServer | None = None

    @classmethod
    def from_fixtures(cls, root: Path | str) -> FixtureServer:
        server = cls()
        for case in find_cases(root):
            server.add(case.url, case.body, case.status, case.headers)
        return server

    def add(self, url: str, body: bytes, status: int = 200, headers: list[tuple[str, str]] | None = None) -> None:
        kept = [
            (k, v)
            for k, v in (headers or [])
            if k.lower() not in ("content-length", "etag", "last-modified", "transfer-encoding", "connection")
        ]
        if not any(k.lower() == "content-type" for k, _ in kept):
            kept.append(("Content-Type", "text/html; charset=utf-8"))
        self.pages[url_key(url)] = Page(status, kept, body)

    def set_body(self, url: str, body: bytes) -> None:
        self.pages[url_key(url)].body = body

    def fault(self, url: str, *kinds: str) -> None:
        self.faults[url_key(url)].extend(kinds)

    # ---------------------------------------------------------------- running

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_port}"

    def start(self) -> FixtureServer:
        handler = _handler_for(self)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FixtureServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def served(self, predicate=lambda s: True) -> list[Served]:  # type: ignore[no-untyped-def]
        return [s for s in self.log if predicate(s)]


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


def _handler_for(state: FixtureServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            host, _, rest = self.path.lstrip("/").partition("/")
            url = f"https://{host}/{rest}"
            key = url_key(url)
            page = state.pages.get(key)
            fault = state.faults[key].popleft() if state.faults.get(key) else None
            if fault == "timeout":
                time.sleep(30)
                return
            if fault == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                self.connection.close()
                state.log.append(Served(time.monotonic(), url, 0, False, 0))
                return
            if fault in ("500", "503"):
                return self._send(url, int(fault), [("Content-Type", "text/plain")], b"server error")
            if fault == "gone" or page is None:
                return self._send(url, 410 if fault == "gone" else 404, [("Content-Type", "text/plain")], b"")
            if fault == "huge":
                return self._send(url, 200, page.headers, b"<html>" + b"x" * (10 * 1024 * 1024) + b"</html>")
            headers = list(page.headers)
            if page.status == 200:
                etag = _etag(page.body)
                headers += [("ETag", etag), ("Last-Modified", LAST_MODIFIED)]
                if state.conditional and (
                    self.headers.get("If-None-Match") == etag
                    or (
                        self.headers.get("If-Modified-Since") == LAST_MODIFIED and not self.headers.get("If-None-Match")
                    )
                ):
                    return self._send(url, 304, [("ETag", etag)], b"", conditional=True)
            if fault == "truncate":
                return self._send(url, page.status, headers, page.body, truncate=True)
            self._send(url, page.status, headers, page.body)

        def _send(
            self,
            url: str,
            status: int,
            headers: list[tuple[str, str]],
            body: bytes,
            conditional: bool = False,
            truncate: bool = False,
        ) -> None:
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2] if truncate else body)
            if truncate:
                self.close_connection = True
            state.log.append(Served(time.monotonic(), url, status, conditional, len(body)))

    return Handler
