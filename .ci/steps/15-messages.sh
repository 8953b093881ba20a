#!/usr/bin/env bash
# The French catalogue of the package: up to date with the code, every entry
# translated, none fuzzy, and it compiles.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive
if ! command -v msgattrib >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq gettext >/dev/null
fi
[ -x .venv/bin/django-admin ] || bash scripts/run-tests.sh --version >/dev/null

po=wagtail_rencontres/locale/fr/LC_MESSAGES/django.po
if [ ! -f "$po" ]; then
    echo "messages: FAILED, $po is missing"
    exit 1
fi

# Refresh a copy of the catalogue from the code, so that a string added to
# Python, templates or mails without a French entry counts as untranslated.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r wagtail_rencontres "$work/"
(cd "$work/wagtail_rencontres" && "$OLDPWD/.venv/bin/django-admin" makemessages -l fr --no-obsolete --no-wrap >/dev/null)
refreshed="$work/$po"

untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$refreshed" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$refreshed" | grep -c '^msgid ' || true)
# msgattrib repeats the header entry (msgid "") when it prints anything.
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    msgattrib --untranslated --no-obsolete --no-wrap "$refreshed" | grep -A1 '^msgid ' | head -n 60 || true
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$refreshed" | grep -A1 '^msgid ' | head -n 60 || true
    echo "messages: FAILED, ${untranslated} untranslated and ${fuzzy} fuzzy French entries (run makemessages -l fr in wagtail_rencontres/ and translate them)"
    exit 1
fi

msgfmt --check --statistics -o /dev/null "$po"
(cd wagtail_rencontres && ../.venv/bin/django-admin compilemessages -l fr >/dev/null)
echo "messages: passed, French catalogue complete and compiled"
