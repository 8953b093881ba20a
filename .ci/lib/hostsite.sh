#!/usr/bin/env bash
# The suites that run on the host test site (tests/hostsite: custom image model,
# its own page classes, TIME_ZONE UTC, English first) as well as on the default
# settings.
HOSTSITE_SUITES=(
    tests/hostsite
    tests/models
    tests/api
    tests/services
    tests/registration
    tests/report
    tests/attendance
    tests/survey
    tests/search
    tests/pages/test_admin_times.py
    tests/pages/test_agenda_filters.py
    tests/pages/test_event_page_states.py
    tests/pages/test_theme.py
    tests/pages/test_speaker_page.py
    tests/i18n
    tests/calendars
    tests/notifications
    tests/editor
)
