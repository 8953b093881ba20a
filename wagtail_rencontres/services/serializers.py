"""The name under which the typed API and the v2 fields import the representation.

Everything lives in :mod:`wagtail_rencontres.services.representation`.
"""

from wagtail_rencontres.services.representation import *  # noqa: F403
from wagtail_rencontres.services.representation import __all__  # noqa: F401
