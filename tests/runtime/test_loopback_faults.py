"""The generated SDK against a real server on 127.0.0.1 that misbehaves on purpose.

``FaultServer`` speaks just enough HTTP/1.1 over real sockets to reset
connections, trickle a body, cut it short, echo the credential back, redirect
and throttle. Every socket has a timeout, the accept loop polls a stop flag, and
the fixture stops the server after each test, so nothing can hang the suite.
The SDK is the committed ``generated/python`` one (``imgur_client``), so this is
what users run.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator

import imgur_client
import pytest
from imgur_client import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    RateLimitError,
    RedirectError,
)

TOKEN = "loopback-token-5ecret"
IMAGE = {"data": {"id": "abc", "title": "t"}, "success": True, "status": 200}
Behaviour = Callable[[socket.socket, bytes, int], None]


class FaultServer:
    """One listening socket; each connection is answered by ``behaviour``."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/3"

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                request = _read_request(conn)
                if request:
                    self.requests.append(request)
                    # OSError: the client gave up first, which is the point.
                    with contextlib.suppress(OSError):
                        self.behaviour(conn, request, len(self.requests))


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def respond(
    conn: socket.socket,
    status: str,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> None:
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}"]
    lines += [f"{key}: {value}" for key, value in (headers or {}).items()]
    lines.append("Connection: close")
    conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)


def ok(conn: socket.socket, request: bytes, attempt: int) -> None:
    respond(conn, "200 OK", json.dumps(IMAGE).encode(), _JSON)


_JSON = {"Content-Type": "application/json"}


def reset(conn: socket.socket, request: bytes, attempt: int) -> None:
    # SO_LINGER with a zero timeout: close() sends RST, not FIN.
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def first_then_ok(first: Behaviour) -> Behaviour:
    def behaviour(conn: socket.socket, request: bytes, attempt: int) -> None:
        (first if attempt == 1 else ok)(conn, request, attempt)

    return behaviour


@pytest.fixture()
def serve() -> Iterator[Callable[[Behaviour], FaultServer]]:
    servers: list[FaultServer] = []

    def start(behaviour: Behaviour) -> FaultServer:
        servers.append(FaultServer(behaviour))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def client_for(
    server: FaultServer, *, timeout: float = 3.0, max_retries: int = 2
) -> imgur_client.ImgurClient:
    return imgur_client.ImgurClient(
        access_token=TOKEN,
        base_url=server.base_url,
        timeout=timeout,
        max_retries=max_retries,
    )


def test_a_reset_connection_is_retried_for_a_get(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    server = serve(first_then_ok(reset))

    with client_for(server) as client:
        image = client.image.get("abc")

    assert image.id == "abc"
    assert len(server.requests) == 2


def test_resets_every_time_end_in_a_connection_error(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    server = serve(reset)

    with (
        client_for(server, max_retries=1) as client,
        pytest.raises(APIConnectionError) as info,
    ):
        client.image.get("abc")

    assert "image.get: GET /3/image/abc" in str(info.value)
    assert len(server.requests) == 2


def test_a_trickling_body_ends_at_the_call_deadline(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    body = json.dumps(IMAGE).encode()

    def trickle(conn: socket.socket, request: bytes, attempt: int) -> None:
        head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n"
        conn.sendall(head.encode())
        for byte in body:
            conn.sendall(bytes([byte]))
            time.sleep(0.05)  # the whole body would take a few seconds

    server = serve(trickle)

    with (
        client_for(server, timeout=0.5, max_retries=0) as client,
        pytest.raises(APITimeoutError),
    ):
        client.image.get("abc")


def test_a_truncated_body_is_retried_then_succeeds(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    def truncate(conn: socket.socket, request: bytes, attempt: int) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n" + b'{"data"')

    server = serve(first_then_ok(truncate))

    with client_for(server) as client:
        assert client.image.get("abc").id == "abc"
    assert len(server.requests) == 2


def test_a_credential_echoed_by_the_server_stays_out_of_the_error(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    def echo(conn: socket.socket, request: bytes, attempt: int) -> None:
        quoted = request.decode("latin-1").replace("\r\n", " | ")
        body = {"data": {"error": f"rejected: {quoted}"}, "success": False}
        respond(conn, "401 Unauthorized", json.dumps(body).encode(), _JSON)

    server = serve(echo)

    with client_for(server) as client, pytest.raises(AuthenticationError) as info:
        client.image.get("abc")

    assert TOKEN.encode() in server.requests[0]  # the server did see it
    for text in (str(info.value), repr(info.value), info.value.message):
        assert TOKEN not in text
    assert "<redacted>" in str(info.value)


def test_a_redirect_is_reported_not_followed(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    def redirect(conn: socket.socket, request: bytes, attempt: int) -> None:
        respond(conn, "302 Found", headers={"Location": "http://127.0.0.1:9/x?k=v"})

    server = serve(redirect)

    with client_for(server) as client, pytest.raises(RedirectError) as info:
        client.image.get("abc")

    assert str(info.value).startswith("image.get: GET /3/image/abc -> 302: ")
    assert len(server.requests) == 1


def test_throttling_is_waited_out_when_short(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    def throttle(conn: socket.socket, request: bytes, attempt: int) -> None:
        respond(conn, "429 Too Many Requests", b"{}", {"Retry-After-Ms": "20"})

    server = serve(first_then_ok(throttle))

    with client_for(server) as client:
        assert client.image.get("abc").id == "abc"
    assert len(server.requests) == 2


def test_throttling_beyond_what_the_sdk_waits_raises_at_once(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    def throttle(conn: socket.socket, request: bytes, attempt: int) -> None:
        respond(conn, "429 Too Many Requests", b"{}", {"Retry-After": "3600"})

    server = serve(throttle)

    with client_for(server) as client, pytest.raises(RateLimitError) as info:
        client.image.get("abc")

    assert info.value.retry_after == 3600.0
    assert len(server.requests) == 1


def trickling(pieces: int, pause: float) -> Behaviour:
    """Send the head at once, then ``pieces`` ten-byte pieces ``pause`` apart."""

    def behaviour(conn: socket.socket, request: bytes, attempt: int) -> None:
        head = f"HTTP/1.1 200 OK\r\nContent-Length: {pieces * 10}\r\n\r\n"
        conn.sendall(head.encode())
        for n in range(pieces):
            time.sleep(pause)
            conn.sendall(bytes([48 + n % 10]) * 10)

    return behaviour


def test_a_streamed_trickling_body_arrives_piece_by_piece_under_the_deadline(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    server = serve(trickling(8, 0.15))

    with client_for(server, timeout=5.0) as client:
        started = time.monotonic()
        with client.image.with_streaming_response.get("abc") as response:
            entered = time.monotonic() - started
            pieces = list(response.iter_bytes())

    assert response.status_code == 200
    assert entered < 0.9  # the head, not the 1.2 s body
    assert b"".join(pieces) == b"".join(bytes([48 + n]) * 10 for n in range(8))
    assert len(pieces) >= 4  # handed out as they came, not once at the end
    assert len(server.requests) == 1


def test_a_streamed_trickling_body_ends_at_the_call_deadline(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    server = serve(trickling(40, 0.05))

    started = time.monotonic()
    with (
        client_for(server, timeout=0.5, max_retries=0) as client,
        pytest.raises(APITimeoutError),
        client.image.with_streaming_response.get("abc") as response,
    ):
        for _ in response.iter_bytes():
            pass
    assert time.monotonic() - started < 1.5  # not the 2 s the body takes


def test_a_streamed_body_cut_short_raises_and_is_not_repeated(
    serve: Callable[[Behaviour], FaultServer],
) -> None:
    def truncate(conn: socket.socket, request: bytes, attempt: int) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n" + b"x" * 50)

    server = serve(truncate)

    with (
        client_for(server) as client,
        pytest.raises(APIConnectionError),
        client.image.with_streaming_response.get("abc") as response,
    ):
        response.read()
    assert len(server.requests) == 1
