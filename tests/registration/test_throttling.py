"""The registration rate limit: who is counted, and where the count lives."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db import connection, connections
from django.test import RequestFactory

from wagtail_rencontres.services.registration import throttling

PROXY = "10.0.0.254"


def request_from(remote_addr=PROXY, forwarded=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


@pytest.fixture
def behind_proxy(settings):
    settings.WAGTAILRENCONTRES_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.WAGTAILRENCONTRES_CLIENT_IP_TRUSTED_PROXIES = 1
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 2


def test_client_ip_is_remote_addr_without_a_header_setting():
    assert throttling.client_ip(request_from("192.0.2.7", forwarded="198.51.100.1")) == "192.0.2.7"


def test_client_ip_is_the_right_most_entry_behind_one_proxy(behind_proxy):
    request = request_from(forwarded="203.0.113.9, 198.51.100.1")
    assert throttling.client_ip(request) == "198.51.100.1"


def test_client_ip_skips_the_entries_of_inner_trusted_proxies(behind_proxy, settings):
    settings.WAGTAILRENCONTRES_CLIENT_IP_TRUSTED_PROXIES = 2
    request = request_from(forwarded="203.0.113.9, 198.51.100.1, 10.0.0.1")
    assert throttling.client_ip(request) == "198.51.100.1"


def test_client_ip_is_remote_addr_when_the_header_is_missing_or_not_an_address(behind_proxy):
    assert throttling.client_ip(request_from()) == PROXY
    assert throttling.client_ip(request_from(forwarded="")) == PROXY
    assert throttling.client_ip(request_from(forwarded="1.2.3.4, nonsense")) == PROXY


def test_two_clients_behind_the_proxy_are_counted_apart(behind_proxy):
    first = [throttling.rate_limited(throttling.client_ip(request_from(forwarded="198.51.100.1")))]
    first += [throttling.rate_limited(throttling.client_ip(request_from(forwarded="198.51.100.1")))]
    other = throttling.rate_limited(throttling.client_ip(request_from(forwarded="198.51.100.2")))
    assert first == [False, False]
    assert other is False


def test_a_forged_left_most_address_does_not_dodge_the_limit(behind_proxy):
    # The client sends its own X-Forwarded-For; the proxy appends the real address.
    results = [
        throttling.rate_limited(
            throttling.client_ip(request_from(forwarded=f"203.0.113.{n}, 198.51.100.1"))
        )
        for n in range(4)
    ]
    assert results == [False, False, True, True]


def test_a_stale_count_hint_never_grants_a_slot_too_many(settings):
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 2
    assert [throttling.rate_limited("192.0.2.1") for _ in range(2)] == [False, False]
    start = throttling.cache.get(f"{throttling.KEY_PREFIX}:192.0.2.1")
    # Another process may have written a lower hint: the slots themselves still count.
    throttling.cache.set(f"{throttling.KEY_PREFIX}:192.0.2.1:{start}", 0)
    assert throttling.rate_limited("192.0.2.1") is True


def test_the_window_ends(settings, monkeypatch):
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 1
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_WINDOW = 60
    monkeypatch.setattr(throttling.time, "time", lambda: 1_000_000.0)
    assert [throttling.rate_limited("192.0.2.2") for _ in range(2)] == [False, True]
    # Expiry is the cache's: forget the window as the cache would after 60 s.
    throttling.cache.delete(f"{throttling.KEY_PREFIX}:192.0.2.2")
    monkeypatch.setattr(throttling.time, "time", lambda: 1_000_061.0)
    assert throttling.rate_limited("192.0.2.2") is False


@pytest.mark.django_db(transaction=True)
def test_two_processes_share_the_count_in_a_database_cache(settings, monkeypatch):
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 3
    call_command("createcachetable", "rencontres_rate_test", verbosity=0)
    # Two backend instances, as two worker processes each build their own.
    workers = [DatabaseCache("rencontres_rate_test", {}) for _ in range(2)]
    results = []
    for turn in range(5):
        monkeypatch.setattr(throttling, "cache", workers[turn % 2])
        results.append(throttling.rate_limited("192.0.2.3"))
    assert results == [False, False, False, True, True]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Concurrent writers need PostgreSQL; SQLite in memory has one connection.",
)
def test_concurrent_submissions_never_pass_the_limit_in_a_database_cache(settings, monkeypatch):
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 5
    call_command("createcachetable", "rencontres_rate_race", verbosity=0)
    workers = 20
    backends = threading.local()
    barrier = threading.Barrier(workers)

    class PerThreadCache:
        """Each thread gets its own backend and connection, as each process would."""

        def __getattr__(self, name):
            if not hasattr(backends, "cache"):
                backends.cache = DatabaseCache("rencontres_rate_race", {})
            return getattr(backends.cache, name)

    monkeypatch.setattr(throttling, "cache", PerThreadCache())

    def submit(_):
        try:
            barrier.wait()
            return throttling.rate_limited("192.0.2.4")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(submit, range(workers)))
    assert results.count(False) == 5
