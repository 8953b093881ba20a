"""Events (*rencontres*), programmes, speakers and registration for Wagtail."""

__version__ = "0.1.0.dev0"
