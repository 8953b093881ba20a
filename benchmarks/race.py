"""The registration race: concurrent submissions to one event, on gunicorn with several workers.

Gunicorn serves :mod:`benchmarks.wsgi` on loopback; ``clients`` threads, each
with its own connection, post one registration each at the same moment to an
upcoming event whose capacity is ``capacity`` and whose registrations were
removed. Overbooking is counted in the database afterwards: confirmed seats
beyond the capacity. The workers serve the event's form first (:func:`_warm`):
the race measures warm workers, as a deployed site has.
"""

import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from wagtail_rencontres.enums import EventStatus, RegistrationMode, RegistrationStatus
from wagtail_rencontres.models import Registration
from wagtail_rencontres.services import capacity as capacity_service
from wagtail_rencontres.services import queries


@dataclass
class RaceResult:
    workers: int
    clients: int
    capacity: int
    seconds: float
    per_second: float
    p50: float
    p95: float
    statuses: dict
    confirmed: int
    overbooked: int
    queries_per_registration: float
    worker_peak_rss_mib: float

    def as_dict(self):
        return asdict(self)


def _event(capacity):
    """The last upcoming event with a form, as its source: the page that holds the places.

    A translation's registrations go to its source, with the source's capacity
    (:func:`~wagtail_rencontres.services.capacity.owner_id`): racing on the
    translation would set a capacity nobody reads and count seats on a page
    that holds none.
    """
    upcoming = queries.filter_when(queries.visible_events(), "upcoming")
    event = (
        upcoming.filter(registration_mode=RegistrationMode.INTERNAL, status=EventStatus.SCHEDULED)
        .order_by("-start")
        .first()
    )
    event = type(event).objects.get(pk=capacity_service.owner_id(event))
    Registration.objects.filter(page=event).delete()
    type(event).objects.filter(pk=event.pk).update(
        registration_capacity=capacity, registration_waitlist=True
    )
    return event


def _wait(port, process, log):
    for _attempt in range(120):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{Path(log).read_text()[-2000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/api/rencontres/openapi.json")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer on port {port}")


def _warm(port, event_id, workers):
    """Have every worker serve the event's registration form before the race.

    A deployed site's workers have served requests before a rush: their
    first request, which loads translation catalogs, opens the database
    connection and fills the process's caches (hundreds of milliseconds), is
    not part of it. Concurrent requests, several per worker, reach them all.
    """

    def get():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request("GET", f"/api/rencontres/events/{event_id}/registration/form")
        connection.getresponse().read()
        connection.close()

    threads = [threading.Thread(target=get) for _ in range(4 * workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _peak_rss_mib(pid):
    """Highest resident memory (VmHWM) of the gunicorn workers, children of ``pid``."""
    peaks = []
    for status in Path("/proc").glob("*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(pid) and "VmHWM" in fields:
            peaks.append(int(fields["VmHWM"].split()[0]) / 1024)
    return round(max(peaks), 1) if peaks else 0.0


#: Where the race posts: the registration API, or the floor of the benchmark URLconf.
PATHS = {
    "api": "/api/rencontres/events/{}/registrations",
    "floor": "/bench/floor/events/{}/registrations",
}


def default_workers():
    """One gunicorn worker per core.

    Gunicorn's sync workers spend CPU only, since PostgreSQL and the clients
    run on the same machine: with more workers than cores, each registration
    took more worker CPU (17 to 18 ms against 11 on two cores), and the race
    was slower.
    """
    return os.cpu_count() or 2


def run(workers=None, clients=200, capacity=50, port=18213, target="api"):
    """Race ``clients`` registrations against gunicorn; a :class:`RaceResult`.

    ``workers``: :func:`default_workers` when not given. ``target``: a key of
    :data:`PATHS`.
    """
    workers = workers or default_workers()
    log = Path(tempfile.gettempdir()) / f"rencontres-bench-gunicorn-{port}.log"
    event = _event(capacity)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "benchmarks.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "120",
            "--backlog",
            "2048",
            "--error-logfile",
            log,
            "--access-logfile",
            "/dev/null",
        ],
        env=dict(os.environ),
    )
    try:
        _wait(port, server, log)
        _warm(port, event.pk, workers)
        answers = _race(port, PATHS[target].format(event.pk), clients)
        peak = _peak_rss_mib(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    statuses = {}
    for status, _seconds, _queries in answers["results"]:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    confirmed = Registration.objects.filter(
        page=event, status__in=RegistrationStatus.seat_holding()
    ).count()
    durations = sorted(seconds for _status, seconds, _queries in answers["results"])
    counted = [q for _status, _seconds, q in answers["results"] if q is not None]
    return RaceResult(
        workers=workers,
        clients=clients,
        capacity=capacity,
        seconds=round(answers["seconds"], 3),
        per_second=round(clients / answers["seconds"], 1),
        p50=round(durations[len(durations) // 2] * 1000, 1),
        p95=round(durations[min(len(durations) - 1, int(0.95 * len(durations)))] * 1000, 1),
        statuses=statuses,
        confirmed=confirmed,
        overbooked=max(0, confirmed - capacity),
        queries_per_registration=round(sum(counted) / len(counted), 1) if counted else 0.0,
        worker_peak_rss_mib=peak,
    )


def _race(port, path, clients):
    ready = threading.Barrier(clients + 1)
    results = []
    lock = threading.Lock()

    def register():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        body = json.dumps(
            {
                "first_name": "Race",
                "last_name": "Runner",
                "email": f"{uuid.uuid4().hex}@example.org",
                "organisation": "Benchmarks",
                "consent": True,
            }
        )
        ready.wait()
        started = time.perf_counter()
        try:
            connection.request(
                "POST",
                path,
                body,
                {"Content-Type": "application/json"},
            )
            response = connection.getresponse()
            response.read()
            status, counted = response.status, response.getheader("X-Bench-Queries")
        except (OSError, http.client.HTTPException) as error:
            status, counted = type(error).__name__, None
        with lock:
            results.append(
                (status, time.perf_counter() - started, int(counted) if counted else None)
            )
        connection.close()

    threads = [threading.Thread(target=register) for _ in range(clients)]
    for thread in threads:
        thread.start()
    ready.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return {"seconds": time.perf_counter() - started, "results": results}
