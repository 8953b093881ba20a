"""The django-tasks database backend in tests: queue tasks, then run them as the worker does."""

import datetime as dt

from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_ready_tasks():
    """Run every task that is due, one by one, as ``manage.py db_worker --batch`` does.

    The worker's own loop closes the database connection between tasks, which
    would end the test's transaction: the tasks are claimed and run here, with
    the worker's ``run_task``. Returns the names of the tasks run, in order.
    """
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    names = []
    while (result := DBTaskResult.objects.ready().get_locked()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        names.append(result.task_path.rsplit(".", 1)[-1])
    return names


def time_passes(delay=dt.timedelta(days=1)):
    """Deferred tasks become due, as if ``delay`` had passed."""
    DBTaskResult.objects.filter(run_after__lte=timezone.now() + delay).update(
        run_after=timezone.now()
    )
