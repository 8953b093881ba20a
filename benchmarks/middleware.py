"""Counting the SQL queries of each request, for the benchmark settings only."""

from django.db import connection

from benchmarks.budgets import StatementCounter


class QueryCountMiddleware:
    """Answer ``X-Bench-Queries``: how many SQL statements reading or writing rows the
    request ran, middleware included.

    ``connection.execute_wrapper`` sees every query of the request's
    connection, with ``DEBUG`` off, also behind gunicorn.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Budgets count statements that read or write rows (see budgets.py);
        # savepoints pass through here, BEGIN and COMMIT do not.
        counter = StatementCounter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        # A streamed body queries while it is sent: those are counted by the client
        # side of the benchmark (in process), not here.
        response["X-Bench-Queries"] = str(counter.count)
        return response
