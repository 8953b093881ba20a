"""Counting the SQL queries of each request, for the benchmark settings only."""

from django.db import connection

from benchmarks.budgets import is_transaction_control


class QueryCountMiddleware:
    """Answer ``X-Bench-Queries``: how many SQL statements reading or writing rows the
    request ran, middleware included.

    ``connection.execute_wrapper`` sees every query of the request's
    connection, with ``DEBUG`` off, also behind gunicorn.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            # Budgets count statements that read or write rows (see budgets.py);
            # savepoints pass through here, BEGIN and COMMIT do not.
            if not is_transaction_control(sql):
                count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            response = self.get_response(request)
        # A streamed body queries while it is sent: those are counted by the client
        # side of the benchmark (in process), not here.
        response["X-Bench-Queries"] = str(count)
        return response
