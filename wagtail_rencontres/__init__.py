"""Events (*rencontres*), programmes, speakers and registration for Wagtail."""

import swapper

__version__ = "0.1.0.dev0"

# The page models a site may swap for its own classes are named by
# WAGTAILRENCONTRES_AGENDAPAGE_MODEL, _EVENTPAGE_MODEL and _CYCLEPAGE_MODEL
# (swapper's default prefix would be WAGTAIL_RENCONTRES_). Set before any model
# or migration of the package asks swapper for a setting name.
swapper.set_app_prefix("wagtail_rencontres", "wagtailrencontres")
