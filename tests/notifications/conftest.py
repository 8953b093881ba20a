"""A real HTTP receiver on loopback, and the settings that send it change notifications."""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

SECRET = "whsec_" + base64.b64encode(b"a secret of thirty-two bytes !!!").decode()


class Receiver:
    """Records each POST (headers, raw body); answers the statuses queued in ``answers``."""

    def __init__(self):
        self.requests = []
        self.answers = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((self.headers, body))
                status = receiver.answers.pop(0) if receiver.answers else 204
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def payloads(self):
        return [json.loads(body) for _headers, body in self.requests]

    def types(self):
        return [payload["type"] for payload in self.payloads()]


@pytest.fixture
def receiver(settings):
    """A receiver listening on loopback, configured as the site's one webhook."""
    running = Receiver()
    settings.WAGTAILRENCONTRES_WEBHOOKS = [{"url": running.url, "secret": SECRET}]
    yield running
    running.stop()
