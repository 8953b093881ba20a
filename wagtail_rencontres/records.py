"""Records a request has already read, offered to the programme's chooser blocks.

An event page with a registration form reads the audiences of its locale for
the form's "audience category" choice. Its programme names some of the same
audiences in its restricted sessions. Read first and declared with
:func:`known`, the form's audiences serve the programme too, which then reads
only those it does not find: the page saves a query.

One editor action reads the same programme several times: publishing an event
updates its speaker index, its reference index and its search index, each from
its own instance of the page. Inside :func:`remembering`, what :func:`in_bulk`
reads is known to its later calls, so the programme's speakers and audiences are
read once per action.

Each use gets its own copy of a known record, as Wagtail gives a record chosen
twice as two instances: a caller that changes one does not change the others.
"""

import contextvars
import copy
from contextlib import contextmanager

_known = contextvars.ContextVar("wagtail_rencontres_known_records", default=None)
_remembered = contextvars.ContextVar("wagtail_rencontres_remembered_records", default=None)


def _key(model, pk):
    return (model._meta.concrete_model, pk)


@contextmanager
def known(records):
    """Let :func:`in_bulk` find ``records`` (saved model instances) inside the block,
    in this thread only."""
    found = dict(_known.get() or {})
    found.update((_key(type(record), record.pk), record) for record in records)
    token = _known.set(found)
    try:
        yield
    finally:
        _known.reset(token)


@contextmanager
def remembering():
    """Inside the block, in this thread, the records :func:`in_bulk` reads are known
    to its later calls. Nested blocks share the outer one's records."""
    if _remembered.get() is not None:
        yield
        return
    found = dict(_known.get() or {})
    token, remembered = _known.set(found), _remembered.set(found)
    try:
        yield
    finally:
        _remembered.reset(remembered)
        _known.reset(token)


def in_bulk(model, pks, related=()):
    """``{pk: record}`` of ``model`` for ``pks``: the known ones copied, the others
    read in one query with ``select_related(*related)``.

    A known record must have been read with ``related`` too, or using them costs
    the queries this saves.
    """
    found = {}
    missing = []
    known_records = _known.get() or {}
    for pk in pks:
        record = known_records.get(_key(model, pk))
        if record is None:
            missing.append(pk)
        else:
            found[pk] = copy.copy(record)
    if missing:
        read = model.objects.select_related(*related).in_bulk(missing)
        found.update(read)
        remembered = _remembered.get()
        if remembered is not None:
            remembered.update((_key(model, pk), copy.copy(record)) for pk, record in read.items())
    return found
