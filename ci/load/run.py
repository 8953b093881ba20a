"""Load test of a running site: concurrent clients on the agenda's read paths.

    python ci/load/run.py http://127.0.0.1:18160 --clients 50 --duration 60

Each client is a thread with its own keep-alive connection (the standard
library's ``http.client``: no dependency to install, and threads suit a
client that mostly waits on sockets). Clients cycle through four kinds of
URL found from the API at start: the agenda API list, event pages (HTML),
the ICS feed and single-event ICS files. Any answer outside 2xx/3xx or any
connection error counts as an error; the exit status is 1 if there is one.
It prints the total, the throughput and p50/p95 per kind.
"""

import argparse
import http.client
import itertools
import json
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit

KINDS = ("api-list", "event-page", "ics-feed", "ics-event")


def discover(base):
    """``[(kind, path)]``: one list URL, one feed, and each event's page and ICS file."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", "/api/rencontres/events?limit=100")
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200:
        raise SystemExit(f"Discovery failed: GET /api/rencontres/events answered {response.status}")
    events = json.loads(body)["results"]
    if not events:
        raise SystemExit("Discovery failed: the API lists no event")
    targets = [("api-list", "/api/rencontres/events"), ("ics-feed", "/rencontres/ics/events.ics")]
    for event in events:
        targets.append(("event-page", urlsplit(event["url"]).path))
        targets.append(("ics-event", f"/rencontres/ics/events/{event['id']}.ics"))
    return targets


def client(base, plan, deadline, timings, errors, lock):
    """Request ``plan``'s URLs in turn until ``deadline``, recording each duration by kind."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    local = {kind: [] for kind in KINDS}
    failures = []
    for kind, path in plan:
        if time.monotonic() >= deadline:
            break
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            failures.append(f"{kind} {path}: {type(error).__name__} {error}")
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            continue
        local[kind].append(time.perf_counter() - started)
        if not 200 <= status < 400:
            failures.append(f"{kind} {path}: HTTP {status}")
    connection.close()
    with lock:
        for kind, durations in local.items():
            timings[kind].extend(durations)
        errors.extend(failures)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0)
    args = parser.parse_args(argv)
    base = args.base_url.rstrip("/")
    targets = discover(base)
    timings = {kind: [] for kind in KINDS}
    errors = []
    lock = threading.Lock()
    started = time.monotonic()
    deadline = started + args.duration
    threads = []
    for number in range(args.clients):
        # Each client starts at another place in the cycle, so kinds stay mixed.
        offset = number % len(targets)
        plan = itertools.cycle(targets[offset:] + targets[:offset])
        thread = threading.Thread(
            target=client, args=(base, plan, deadline, timings, errors, lock), daemon=True
        )
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    total = sum(len(durations) for durations in timings.values())
    print(f"{args.clients} clients, {elapsed:.1f} s, {len(targets)} URLs")
    print(f"{total} requests, {total / elapsed:.1f} req/s, {len(errors)} errors")
    print(f"{'kind':<12}{'requests':>10}{'p50 ms':>10}{'p95 ms':>10}{'mean ms':>10}")
    for kind in KINDS:
        durations = timings[kind]
        if durations:
            print(
                f"{kind:<12}{len(durations):>10}"
                f"{percentile(durations, 0.50) * 1000:>10.0f}"
                f"{percentile(durations, 0.95) * 1000:>10.0f}"
                f"{statistics.fmean(durations) * 1000:>10.0f}"
            )
    for error in errors[:20]:
        print(f"error: {error}")
    missing = [kind for kind in KINDS if not timings[kind]]
    if missing:
        print(f"error: no answer at all for {', '.join(missing)}")
    return 1 if errors or missing else 0


if __name__ == "__main__":
    sys.exit(main())
