"""The offline guard that every test runs under really catches connection attempts."""

from __future__ import annotations

import socket
import urllib.request

import pytest


def test_an_ip_connection_attempt_is_refused_and_recorded(network_attempts):
    with pytest.raises(ConnectionRefusedError, match="offline"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.invalid/", timeout=1)
    assert len(network_attempts) == 2
    network_attempts.clear()  # this test is the one place attempts are expected


def test_local_sockets_stay_allowed(tmp_path, network_attempts):
    a, b = socket.socketpair()
    a.sendall(b"ok")
    assert b.recv(2) == b"ok"
    a.close()
    b.close()
    assert network_attempts == []
