"""MkDocs hook: build the settings table of ``docs/reference/settings.md`` from the code.

``wagtail_rencontres/conf.py`` is the only reader of ``WAGTAILRENCONTRES_*``
settings; its ``DEFAULTS`` dict holds each default, and the comment lines just
above each entry describe it. The table is read from the source with ``ast``
(no Django needed to build the docs) and replaces the
``<!-- settings-table -->`` marker.
"""

import ast
import io
import tokenize
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "wagtail_rencontres" / "conf.py"
MARKER = "<!-- settings-table -->"
PREFIX = "WAGTAILRENCONTRES_"


def read_defaults(path=CONF):
    """``[(name, default source, description)]`` in the order of ``DEFAULTS``."""
    source = path.read_text(encoding="utf-8")
    comments = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.string.lstrip("#").strip()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id == "DEFAULTS" for t in targets):
            break
    else:
        raise LookupError(f"no DEFAULTS dict in {path}")
    if not isinstance(node.value, ast.Dict):
        raise LookupError(f"DEFAULTS in {path} is not a dict literal")
    rows = []
    for key, value in zip(node.value.keys, node.value.values, strict=True):
        line = key.lineno - 1
        description = []
        while line in comments:
            description.insert(0, comments[line])
            line -= 1
        rows.append(
            (
                PREFIX + ast.literal_eval(key),
                ast.get_source_segment(source, value),
                " ".join(description),
            )
        )
    return rows


def settings_table(path=CONF):
    """The Markdown table: setting (linked to its section), default, description."""
    lines = ["| Setting | Default | Description |", "| --- | --- | --- |"]
    for name, default, description in read_defaults(path):
        default = " ".join(default.split()).replace("|", "\\|")
        lines.append(f"| [`{name}`](#{name.lower()}) | `{default}` | {description} |")
    return "\n".join(lines)


def on_page_markdown(markdown, page, config, files):
    if MARKER in markdown:
        return markdown.replace(MARKER, settings_table())
    return markdown
