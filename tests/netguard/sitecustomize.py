"""A sitecustomize for subprocesses under test: any connect() or name lookup off loopback is recorded and refused.

Recorded to the file named by PRESSBOT_TEST_NET_LOG, because libraries (tldextract) swallow the exception.
"""

import os
import socket

_LOG = os.environ.get("PRESSBOT_TEST_NET_LOG", "")
_LOOPBACK = ("127.", "::1", "localhost", "0:0:0:0:0:0:0:1")


def _local(host: object) -> bool:
    if host is None or host == "":
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    return str(host).startswith(_LOOPBACK)


def _refuse(what: str, host: object) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(f"{what} {host!r}\n")
    raise OSError(f"test: no network off loopback ({what} {host!r})")


_getaddrinfo = socket.getaddrinfo
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    if not _local(host):
        try:
            _refuse("getaddrinfo", host)
        except OSError:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known (test: no network)") from None
    return _getaddrinfo(host, *args, **kwargs)


def _check(sock: socket.socket, address: object) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple) and not _local(address[0]):
        _refuse("connect", address[0])


def connect(self, address):  # type: ignore[no-untyped-def]
    _check(self, address)
    return _connect(self, address)


def connect_ex(self, address):  # type: ignore[no-untyped-def]
    _check(self, address)
    return _connect_ex(self, address)


socket.getaddrinfo = getaddrinfo
socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
