"""One row of a queryset by primary key, its SQL compiled once.

Django builds and compiles a queryset's SQL each time it is evaluated. For a
page read on every public POST (the registration API reads the event, with
its owner and privacy checks, before anything else), compiling took longer
than the database's answer. :class:`ByPrimaryKey` compiles the queryset once,
with a stand-in primary key, and then runs the same SQL with the requested
key through :meth:`~django.db.models.query.QuerySet.raw`: the database
decides exactly as the queryset would have.
"""

from django.db import connections

#: Marks the primary key's parameter in the compiled SQL, to be replaced by
#: the requested key; any value no other parameter of the query has would do.
_STAND_IN = 2_147_483_101


class ByPrimaryKey:
    """``lookup.get(pk)``: the row of ``queryset`` with that primary key, or ``None``.

    The queryset must not use ``select_related`` (the raw row would mix the
    related model's columns with the model's own). Its annotations become
    attributes, converted as the queryset converts them (an ``Exists`` is a
    boolean on SQLite too, not ``0`` or ``1``).
    """

    def __init__(self, queryset):
        if queryset.query.select_related:
            raise ValueError("ByPrimaryKey reads one model's columns: no select_related.")
        self.model = queryset.model
        self.using = queryset.db
        compiler = queryset.filter(pk=_STAND_IN).order_by().query.get_compiler(self.using)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        positions = [index for index, value in enumerate(self.params) if value == _STAND_IN]
        if len(positions) != 1:
            raise ValueError("The queryset's primary key parameter could not be found.")
        self.position = positions[0]
        # raw() converts the model's fields, not the annotations: keep their converters.
        annotations = list(compiler.query.annotation_select.items())
        found = compiler.get_converters([expression for _, expression in annotations])
        self.converters = [
            (annotations[index][0], converters, expression)
            for index, (converters, expression) in found.items()
        ]

    def get(self, pk):
        params = list(self.params)
        params[self.position] = pk
        rows = self.model._default_manager.db_manager(self.using).raw(self.sql, params)
        row = next(iter(rows), None)
        if row is not None:
            connection = connections[self.using]
            for name, converters, expression in self.converters:
                value = getattr(row, name)
                for converter in converters:
                    value = converter(value, expression, connection)
                setattr(row, name, value)
        return row
