"""Write a schemathesis.toml that points the fuzzer at real demo objects.

    python ci/load/fuzz_config.py http://127.0.0.1:18160 > schemathesis.toml

Generated ids and paths almost never name an existing object, so without this
the registration POSTs and ``/events/by-path`` only ever answer 404 and the
fuzzer never reaches their validation. The config fixes, for these operations
only, the path id to an event (one open for registration when the demo has
one) or a cycle, and ``path`` to a live event's path; the other parameters and
the bodies are still generated.
"""

import json
import sys
from urllib.parse import urlsplit
from urllib.request import urlopen

API = "/api/rencontres"


def get(base, path):
    with urlopen(base + path, timeout=30) as response:  # noqa: S310 - loopback URL given by CI
        return json.load(response)


def main(base):
    base = base.rstrip("/")
    events = get(base, f"{API}/events?limit=100")["results"]
    cycles = get(base, f"{API}/cycles?limit=100")["results"]
    open_ids = [
        event["id"]
        for event in events
        if get(base, f"{API}/events/{event['id']}/registration/form")["state"]["is_open"]
    ]
    event_id = (open_ids or [events[0]["id"]])[0]
    operations = [
        ("POST /api/rencontres/events/{event_id}/registrations", {"event_id": event_id}),
        ("GET /api/rencontres/events/by-path", {"path": urlsplit(events[0]["url"]).path}),
    ]
    if cycles:
        operations.append(
            ("POST /api/rencontres/cycles/{cycle_id}/registrations", {"cycle_id": cycles[0]["id"]})
        )
    for name, parameters in operations:
        values = ", ".join(f"{key} = {json.dumps(value)}" for key, value in parameters.items())
        print(f'[[operations]]\ninclude-name = "{name}"\nparameters = {{ {values} }}\n')


if __name__ == "__main__":
    main(sys.argv[1])
