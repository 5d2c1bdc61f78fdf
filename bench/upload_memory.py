"""Peak memory of one large upload: ``python bench/upload_memory.py [--mb 200]``.

Writes a file of ``--mb`` megabytes under ``bench/.work``, serves a loopback HTTP
endpoint that reads each request body in 64 KiB chunks and throws it away, and
uploads the file with ``imgur_client`` (``client.image.upload``) three ways: from
a path, from an open file and (for comparison) from bytes already in memory.
Each way runs in its own process, which reports how far its peak resident memory
(``ru_maxrss``) rose during the call. Prints one JSON object; the target is a
rise below 64 MB for the path and file-object uploads, whatever the size.

Needs ``imgur_client`` importable (``PYTHONPATH=generated/python/src``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / ".work"
TARGET_MB = 64

CHILD = """
import json, resource, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import imgur_client


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.headers.get("Transfer-Encoding") == "chunked":
            self.rfile.read()  # not used by these uploads: they send a length
        left = int(self.headers.get("Content-Length", "0"))
        while left:
            left -= len(self.rfile.read(min(left, 65536)))
        body = b'{"data": {"id": "x"}, "success": true, "status": 200}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


server = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
threading.Thread(target=server.serve_forever, daemon=True).start()
path, how = Path(sys.argv[1]), sys.argv[2]
base_url = f"http://127.0.0.1:{server.server_address[1]}/3"
client = imgur_client.ImgurClient(client_id="bench", base_url=base_url)
client.image  # load the resource module before measuring
before = peak_mb()
if how == "path":
    client.image.upload(path)
elif how == "file":
    with path.open("rb") as fileobj:
        client.image.upload(fileobj)
else:
    client.image.upload(path.read_bytes())
print(json.dumps({"before_mb": before, "growth_mb": peak_mb() - before}))
server.shutdown()
"""


def make_file(megabytes: int) -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"upload-{megabytes}mb.bin"
    if not path.exists() or path.stat().st_size != megabytes * 1024 * 1024:
        chunk = os.urandom(1024 * 1024)
        with path.open("wb") as out:
            for _ in range(megabytes):
                out.write(chunk)
    return path


def measure(path: Path, how: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), how],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"upload from {how} failed:\n{result.stderr[-3000:]}")
    measured: dict[str, float] = json.loads(result.stdout)
    return measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200, help="file size in MB")
    args = parser.parse_args(argv)
    path = make_file(args.mb)
    results = {how: measure(path, how) for how in ("path", "file", "bytes")}
    streamed = max(results["path"]["growth_mb"], results["file"]["growth_mb"])
    report = {
        "size_mb": args.mb,
        "target_growth_mb": TARGET_MB,
        "met": streamed < TARGET_MB,
        **{f"{how}_growth_mb": round(r["growth_mb"], 1) for how, r in results.items()},
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
