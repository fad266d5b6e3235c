"""Reading pressbot's WARC archives back: the responses, with where each record is. No Scrapy here.

Two readers give the same ArchivedResponse values: FastWARC (resiliparse, C++; used when installed) and warcio
(the reference, always there). bench/reparse.py measures both: over the 10,000-page archive (48 MB gzipped) on one
core, FastWARC read 10,856 pages/s and warcio 2,576 (4.2×). That matters because `pressbot reparse` reads in one
process while the others parse, and at 2,576 pages/s the reading alone would take a core's share near the floor.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

RETRIED_HEADER = "WARC-Pressbot-Retried"  # the same as archive.RETRIED_HEADER (archive.py imports warcio's writer)
SUFFIXES = (".warc.gz", ".warc")


@dataclass
class ArchivedResponse:
    url: str
    status: int
    headers: list[tuple[str, str]]  # HTTP headers as stored (latin-1 decoded)
    body: bytes
    date: str  # WARC-Date
    record_id: str
    file: str  # the file's name
    offset: int
    retried: bool = False  # Retry fetched the URL again: the spider never saw this answer

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)

    @property
    def location(self) -> dict[str, object]:
        return {"warc_file": self.file, "warc_offset": self.offset, "warc_record_id": self.record_id}


def is_warc(path: Path | str) -> bool:
    return str(path).endswith(SUFFIXES)


def warc_files(paths: Iterable[Path | str]) -> list[Path]:
    """The WARC files named, or found under the folders named: files in the order given, each folder sorted by name
    (a run's files sort by site, then time, then sequence)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and is_warc(p))
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(f"no such WARC file or folder: {path}")
    return found


def reader_name() -> str:
    try:
        import fastwarc  # noqa: F401
    except ImportError:
        return "warcio"
    return "fastwarc"


def iter_responses(path: Path | str, reader: str | None = None) -> Iterator[ArchivedResponse]:
    """Every response record of one file, in file order."""
    yield from iter_span(path, 0, -1, reader)


def iter_span(path: Path | str, start: int, end: int, reader: str | None = None) -> Iterator[ArchivedResponse]:
    """The response records of ``path`` between byte ``start`` (where a record starts) and ``end`` (where one starts,
    or -1: the end of the file), with their offsets in the file. A span is read whole (a few records: `pressbot
    reparse` hands each worker its own), so the offsets are those of the file however the reader counts."""
    path = Path(path)
    with open(path, "rb") as handle:
        if start == 0 and end < 0:
            yield from _read(handle, path, 0, reader)
            return
        handle.seek(start)
        data = handle.read(end - start if end >= 0 else -1)
    yield from _read(io.BytesIO(data), path, start, reader)


def response_offsets(path: Path | str, reader: str | None = None) -> Iterator[int]:
    """Where each response record of one file starts, in file order (the bodies are skipped, not read)."""
    with open(path, "rb") as handle:
        if (reader or reader_name()) == "fastwarc":
            from fastwarc.warc import ArchiveIterator, WarcRecordType

            for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=False):
                yield record.stream_pos
        else:
            from warcio.archiveiterator import ArchiveIterator as WarcioIterator

            iterator = WarcioIterator(handle)
            for record in iterator:
                if record.rec_type == "response":
                    yield iterator.get_record_offset()


def _read(handle: IO[bytes], path: Path, base: int, reader: str | None) -> Iterator[ArchivedResponse]:
    if (reader or reader_name()) == "fastwarc":
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        yield from _fastwarc_records(ArchiveIterator(handle, record_types=WarcRecordType.response), path, base)
    else:
        yield from _warcio(handle, path, base)


def read_at(path: Path | str, offset: int) -> ArchivedResponse:
    """The response record at ``offset`` (a ``provenance.warc_offset``) of ``path``."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        handle.seek(offset)
        record = next(iter(ArchiveIterator(handle)))
        if record.rec_type != "response":
            raise ValueError(f"{path}@{offset} is a {record.rec_type} record, not a response")
        return _from_warcio(record, Path(path).name, offset)


def _fastwarc_records(records: Iterator, path: Path, base: int = 0) -> Iterator[ArchivedResponse]:
    for record in records:
        http = record.http_headers
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in http.items_bytes()]
        warc = record.headers
        yield ArchivedResponse(
            url=warc["WARC-Target-URI"],
            status=http.status_code,
            headers=headers,
            body=record.reader.read(),
            date=warc["WARC-Date"],
            record_id=record.record_id,
            file=path.name,
            offset=base + record.stream_pos,
            retried=warc.get(RETRIED_HEADER) == "1",
        )


def _warcio(handle: IO[bytes], path: Path, base: int = 0) -> Iterator[ArchivedResponse]:
    from warcio.archiveiterator import ArchiveIterator

    iterator = ArchiveIterator(handle)
    for record in iterator:
        if record.rec_type == "response":
            response = _from_warcio(record, path.name, -1)  # the body first: the offset reads past it
            response.offset = base + iterator.get_record_offset()
            yield response


def _from_warcio(record: object, name: str, offset: int) -> ArchivedResponse:
    http = record.http_headers  # type: ignore[attr-defined]
    warc = record.rec_headers  # type: ignore[attr-defined]
    headers = [(k, v) for k, v in http.headers]
    return ArchivedResponse(
        url=warc.get_header("WARC-Target-URI"),
        status=int(http.get_statuscode()),
        headers=headers,
        body=record.raw_stream.read(),  # type: ignore[attr-defined]  # as stored: no Content-Encoding undone
        date=warc.get_header("WARC-Date"),
        record_id=warc.get_header("WARC-Record-ID"),
        file=name,
        offset=offset,
        retried=warc.get_header(RETRIED_HEADER) == "1",
    )
