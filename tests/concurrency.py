"""Run one function in several threads at once, as simultaneous requests would."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connections


def at_once(function, count):
    """``[function(0), …, function(count - 1)]``, each in its own thread, all released together.

    Each thread has its own database connection, closed when it ends.
    """
    barrier = threading.Barrier(count)

    def run(n):
        try:
            barrier.wait(timeout=60)
            return function(n)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))
