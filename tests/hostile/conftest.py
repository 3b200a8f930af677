"""Shared fixtures of the hostile tests: the corpus is built once per session."""

from __future__ import annotations

import socket
import threading

import hostile_corpus as hc
import pytest


class _Listener:
    """A local TCP port that records every connection (an XXE fetch would be one)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.connections = 0
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/dtd"

    def _run(self) -> None:
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stop = True
        self.thread.join()
        self.sock.close()


@pytest.fixture(scope="session")
def listener():
    server = _Listener()
    yield server
    server.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, listener):
    directory = tmp_path_factory.mktemp("hostile")
    return {case.name: path for case, path in hc.build(directory, network_url=listener.url)}
