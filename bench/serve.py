"""draftkit serve benchmark: from a change on the editor page to the refreshed page and
findings, the server's time for the county example (a POST /edit/item handled by the whole
app — guard, save of the answers file, the part, the live page and check — called in
process through ASGI, no network), against the floor measured in the same run: the same
report loaded, laid out and checked in process (load + render blocks + check). Each round
changes a different figure to a different value (varied data). Goals: median ratio ≤ 2×,
p95 of the server time ≤ 50 ms.

    python bench/serve.py [rounds]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
TOKEN, PORT = "bench", 8000


def asgi_call(app, method: str, path: str, body: bytes = b"", ctype: str = "") -> tuple[int, bytes]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        sent.append(message)

    path, _, query = path.partition("?")
    headers = [(b"host", f"127.0.0.1:{PORT}".encode()), (b"cookie", f"draftkit-{PORT}={TOKEN}".encode()),
               (b"x-draftkit", b"1"), (b"origin", f"http://127.0.0.1:{PORT}".encode())]
    if ctype:
        headers += [(b"content-type", ctype.encode()), (b"content-length", str(len(body)).encode())]
    scope = {"type": "http", "method": method, "path": path, "raw_path": path.encode(), "query_string": query.encode(),
             "headers": headers, "scheme": "http", "server": ("127.0.0.1", PORT), "client": ("127.0.0.1", 5000),
             "root_path": "", "http_version": "1.1"}
    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def changes(data: dict) -> list[tuple[str, str]]:
    """Every figure of the county example: (where, slot)."""
    out = []
    for key, part in data["parts"].items():
        for s, sec in enumerate(part.get("sections") or []):
            for i, it in enumerate(sec.get("items") or []):
                for name, v in ((it.get("values") or {}) if isinstance(it, dict) else {}).items():
                    if isinstance(v, dict):
                        out.append((f"{key}/{s}/{i}", name))
    return out


def floor(path: Path) -> float:
    from draftkit.reading.document import from_report
    from draftkit.render.pipeline import report_blocks
    from draftkit.report.loader import load_report_lenient
    from draftkit.review import check

    t = time.perf_counter()
    report, _ = load_report_lenient(path, path.read_text(encoding="utf-8"), draft=True)
    blocks = report_blocks(report, draft=True)
    check(from_report(report, str(path), blocks))
    return time.perf_counter() - t


def run(text: str, rounds: int) -> tuple[list[float], list[float]]:
    """Server times and floors of ``rounds`` changes to the answers file ``text``."""
    from draftkit.report.datafile import read_data
    from draftkit.serve.webapp import create_app

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "county.yaml"
        path.write_text(text, encoding="utf-8")
        app = create_app(folder, TOKEN, PORT)
        status, _ = asgi_call(app, "GET", "/edit?file=county.yaml")  # opens it, loads the bank once
        assert status == 200, status
        spots = changes(read_data(path))
        served, floors = [], []
        for n in range(rounds):
            where, name = spots[n % len(spots)]
            value = 1 + (n * 37) % 99  # a rate too stays within 100
            body = urlencode({"file": "county.yaml", "where": where, "act": "save",
                              f"v:{name}:current": str(value)}).encode()
            t = time.perf_counter()
            status, page = asgi_call(app, "POST", "/edit/item", body, "application/x-www-form-urlencoded")
            served.append(time.perf_counter() - t)
            assert status == 200 and b'id="live"' in page, (status, page[:300])
            floors.append(floor(path))
    return served, floors


def main() -> None:
    from draftkit.drafting.answersfile import HEADER
    from draftkit.report.datafile import dump, read_data

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    shipped = ROOT / "examples" / "county.yaml"
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(f"draftkit serve, county example, {rounds} changes each (each a different figure and value):")
    for label, text in (("as the page writes it (new's header, no comments of one's own)", dump(read_data(shipped), HEADER)),
                        ("as shipped, its comments kept by every save (a round trip the first time, then its lines "
                         "changed in place)", shipped.read_text(encoding="utf-8"))):
        served, floors = run(text, rounds)
        p95 = sorted(served)[int(0.95 * (len(served) - 1))] * 1000
        print(f"- {label}:")
        print(f"  change → refreshed page and findings (server): median {ms(served):.1f} ms, p95 {p95:.1f} ms (goal ≤ 50 ms)")
        print(f"  load + render + check in process (floor):      median {ms(floors):.1f} ms")
        print(f"  ratio (median server / median floor): {ms(served) / ms(floors):.2f}× (goal ≤ 2×)")


if __name__ == "__main__":
    main()
