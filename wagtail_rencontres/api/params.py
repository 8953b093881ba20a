"""Query parameters of the typed API: undeclared ones are errors, and shared types.

django-ninja validates the parameters an operation declares and silently drops
the others. Our clients rely on a typo being an error (``?tehme=sante`` must
not list every event), so :class:`StrictQuery` reports each undeclared
parameter as ``Unknown parameter.``, together with the errors of the declared
ones. :class:`RencontresRouter` gives every operation such a query model, so
the rule holds on routes that declare no query parameter at all.
"""

from functools import wraps
from typing import Annotated, Literal

import pydantic
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema
from ninja.errors import ValidationError
from ninja.params.models import Body, BodyModel, Query, QueryModel
from ninja.utils import contribute_operation_args
from pydantic import BeforeValidator, field_validator

from wagtail_rencontres.api import errors, final
from wagtail_rencontres.services import queries

#: Largest id the databases accept (a signed 64-bit integer).
MAX_ID = 2**63 - 1
#: Largest ``offset``: every database accepts a 32-bit OFFSET.
MAX_OFFSET = 2**31 - 1
#: Most values of one list parameter (``theme=a,b,…``).
MAX_VALUES = 50

#: Text parameters refuse NUL characters, which databases cannot compare.
NO_NUL = r"^[^\x00]*$"

GUARD = "ninja_query_guard"


class StrictQueryModel(QueryModel):
    """A query model that reports the parameters its operation does not declare."""

    @classmethod
    def resolve(cls, request, api, path_params):
        data = cls.get_request_data(request, api, path_params)
        declared = cls.__ninja_flatten_map__
        found = [
            {"type": "unknown_parameter", "loc": ("query", name), "msg": "Unknown parameter."}
            for name in data
            if name not in declared
        ]
        try:
            result = cls.model_validate(cls._map_data_paths(data), context={"request": request})
        except pydantic.ValidationError as error:
            result = None
            found.extend(cls._public_errors(error))
        if found:
            raise ValidationError(found)
        return result

    @classmethod
    def _public_errors(cls, error):
        """pydantic's errors located by query parameter name, with both bounds of a range."""
        reverse = cls.__ninja_flatten_map_reverse__
        for item in error.errors(include_url=False):
            loc = item["loc"]
            size = next((n for n in range(len(loc), 0, -1) if loc[:n] in reverse), 1)
            name = reverse.get(loc[:size], loc[:1])
            errors.add_bounds(item, cls, loc)
            yield {**item, "loc": ("query", *name, *loc[size:])}


class StrictQuery(Query):
    """``Query`` whose undeclared parameters are errors (see :class:`StrictQueryModel`)."""

    _model = StrictQueryModel

    @classmethod
    def _param_source(cls):
        return "query"


def Strict(schema):  # noqa: N802 - a type, named like one
    """``Query[schema]`` whose undeclared parameters are errors."""
    return Annotated[schema, StrictQuery(...)]


class NoParameters(Schema):
    """The query of a route that takes no parameter."""


class RencontresRouter(Router):
    """A ``Router`` whose operations refuse undeclared query parameters."""

    def add_api_operation(self, path, methods, view_func, **kwargs):
        @wraps(view_func)
        def view(request, **values):
            # Also where the router is mounted on another API (Wagtail's v3).
            final.keep_answer(request)
            values.pop(GUARD, None)
            return view_func(request, **values)

        # A copy: wraps() shares the list of the wrapped function.
        view._ninja_contribute_args = list(getattr(view_func, "_ninja_contribute_args", []))
        contribute_operation_args(view, GUARD, NoParameters, StrictQuery(None))
        return super().add_api_operation(path, methods, view, **kwargs)


class UnsupportedMediaType(Exception):
    """A request body sent as something else than ``application/json``."""


class JSONBodyModel(BodyModel):
    """A body that must be sent as ``application/json`` (any ``charset``)."""

    @classmethod
    def get_request_data(cls, request, api, path_params):
        # A browser sends text/plain, form or multipart bodies across sites
        # without a CORS preflight; application/json needs one.
        if request.content_type.lower() != "application/json":
            raise UnsupportedMediaType
        return super().get_request_data(request, api, path_params)


class JSONBody(Body):
    """``Body`` whose requests must be ``Content-Type: application/json`` (else a 415)."""

    _model = JSONBodyModel

    @classmethod
    def _param_source(cls):
        return "body"


def comma_separated(value):
    """Repeated (``a&a``) or comma-separated (``a,b``) values, as one list."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


#: A list parameter: repeat it or separate its values with commas.
CommaSeparated = BeforeValidator(comma_separated)
LIST_HINT = "Repeat the parameter or separate values with commas."
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
#: An id in a route's path; one out of range is a 404, as a missing one.
PathId = Annotated[int, Path(..., ge=1, le=MAX_ID)]
Slug = Annotated[str, Field(max_length=100, pattern=NO_NUL)]


def Ids(description):  # noqa: N802 - a type, named like one
    """Ids, comma-separated or repeated."""
    return Annotated[
        list[Id],
        CommaSeparated,
        Field(default=[], max_length=MAX_VALUES, description=f"{description} {LIST_HINT}"),
    ]


def Slugs(description):  # noqa: N802 - a type, named like one
    """Slugs, comma-separated or repeated."""
    return Annotated[
        list[Slug],
        CommaSeparated,
        Field(default=[], max_length=MAX_VALUES, description=f"{description} {LIST_HINT}"),
    ]


def Choices(values, description):  # noqa: N802 - a type, named like one
    """Values among ``values``, comma-separated or repeated; OpenAPI lists them."""
    return Annotated[
        list[Literal[tuple(values)]],
        CommaSeparated,
        Field(default=[], max_length=MAX_VALUES, description=f"{description} {LIST_HINT}"),
    ]


class LocaleQuery(Schema):
    """``locale``: a language code of the site."""

    locale: str | None = Field(
        None,
        max_length=100,
        pattern=NO_NUL,
        description="Language code, for example fr.",
        examples=["fr"],
    )

    @field_validator("locale")
    @classmethod
    def _locale_exists(cls, value):
        if value and not queries.locale_exists(value):
            raise ValueError(_("Unknown locale %(code)s.") % {"code": value})
        return value
