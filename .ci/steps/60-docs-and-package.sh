#!/usr/bin/env bash
# Docs build strictly; sdist and wheel carry the right files; the wheel installs
# into brand-new `wagtail start` sites on Wagtail 7.4 and 8.0 (one following the
# tutorial's own snippets, one with a custom image model and the site's own page
# classes as docs/reference/models.md says), serves an event through the API and
# takes a registration through its page.
set -uo pipefail
export NO_MKDOCS_2_WARNING=1
status=0
.venv/bin/python -m pip install --quiet -e ".[docs]" build || exit 1

# The archives ship compiled catalogues: compile whatever .po the tree has.
while IFS= read -r po; do
    msgfmt --check-format -o "${po%.po}.mo" "$po" || status=1
done < <(find wagtail_rencontres/locale -name '*.po' 2>/dev/null)

site_dir=$(mktemp -d)
if .venv/bin/mkdocs build --strict --site-dir "$site_dir" 2>&1 | tail -n 5; then
    echo "docs: mkdocs build --strict passed"
else
    echo "docs: mkdocs build --strict FAILED"
    status=1
fi
rm -rf "$site_dir"

dist_dir=$(mktemp -d)
.venv/bin/python ci/check_dist.py --outdir "$dist_dir" || status=1

wheel=$(ls "$dist_dir"/wagtail_rencontres-*.whl 2>/dev/null | head -n 1)
if [ -n "$wheel" ]; then
    .venv/bin/python ci/fresh_site_check.py --wheel "$wheel" --wagtail 7.4 --wagtail 8.0 || status=1
else
    .venv/bin/python ci/fresh_site_check.py --wagtail 7.4 --wagtail 8.0 || status=1
fi
rm -rf "$dist_dir"
exit "$status"
