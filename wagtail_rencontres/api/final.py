"""The API's answers reach the client as they are: no middleware redirects them.

Django's ``LocaleMiddleware`` answers a 404 outside ``i18n_patterns`` with a
redirect to the language-prefixed URL whenever that URL resolves (a Wagtail
site's catch-all page route always does), and ``CommonMiddleware`` with
``APPEND_SLASH`` redirects a 404 to the same URL with a slash. Both look the
URL up in the request's URLconf (``request.urlconf``) in ``process_response``.
:func:`final` points it to this module, which has no URL: there is nothing to
redirect to, and a missing object stays a JSON 404. The view itself was
resolved before, with the site's URLconf, and ``reverse()`` keeps using it.
"""

from functools import wraps

#: No URL: the URLconf the middleware sees after an API view.
urlpatterns = []


def keep_answer(request):
    """Let no middleware turn this request's answer into a redirect."""
    request.urlconf = __name__


def final(view):
    """``view``, whose answers no middleware turns into a redirect (see :func:`keep_answer`)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        keep_answer(request)
        return view(request, *args, **kwargs)

    return wrapper
