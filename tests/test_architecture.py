"""The layering of docs/explanation/architecture.md, checked on the source.

- Modules import at module top; the few late imports left each say why.
- No module grows past about 400 lines.
- Dependencies run one way: foundations, then models, then services, then
  pages, then views, admin and API. A lower layer never imports a higher one,
  except at the two places the architecture page names.
"""

import ast
import pathlib
import re

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "wagtail_rencontres"
MAX_LINES = 400
MAX_LATE_IMPORTS = 10

# Lowest first. A module belongs to the first prefix it starts with; anything
# else in the package (api, views, admin, hooks, template tags, receivers,
# apps, management commands) is the top layer.
LAYERS = [
    (0, ("enums", "conf", "text", "validators", "widgets", "records", "blocks", "forms")),
    (1, ("models", "relations")),
    (2, ("services",)),
    (3, ("pages", "admin_forms")),
]
TOP = 4

# (importer, imported prefix): the upward imports the architecture page explains.
ALLOWED_UPWARD = {
    # Django registers an app's models by importing its models module: the page
    # classes, which sit above the services, are imported there last.
    ("wagtail_rencontres.models", "wagtail_rencontres.pages"),
    # Page classes carry their Wagtail API v2 ``api_fields`` (Wagtail's convention);
    # api.fields only reads the representation in services.
    ("wagtail_rencontres.pages.shipped", "wagtail_rencontres.api.fields"),
}


def _modules():
    return [path for path in sorted(PACKAGE.rglob("*.py")) if "migrations" not in path.parts]


def _name(path):
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module_name):
    relative = module_name.removeprefix("wagtail_rencontres").lstrip(".")
    first = relative.split(".")[0]
    for layer, names in LAYERS:
        if first in names:
            return layer
    return TOP


def _package_imports(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            if node.module.startswith("wagtail_rencontres."):
                # ``from wagtail_rencontres.services import queries`` imports services.queries.
                yield from names if node.module.count(".") == 1 else [node.module]
            elif node.module == "wagtail_rencontres":
                yield from names
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("wagtail_rencontres."):
                    yield alias.name


def test_few_late_imports_and_each_says_why():
    late = []
    for path in _modules():
        lines = path.read_text().splitlines()
        for number, line in enumerate(lines, 1):
            if re.match(r"^ +(from \S+ import |import \S+)", line):
                around = " ".join(lines[max(0, number - 4) : number])
                late.append((f"{path.relative_to(PACKAGE)}:{number}", "#" in around))
    assert len(late) < MAX_LATE_IMPORTS, late
    assert [place for place, explained in late if not explained] == []


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_module_is_small(path):
    assert len(path.read_text().splitlines()) <= MAX_LINES


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_dependencies_run_one_way(path):
    importer = _name(path)
    own = _layer(importer)
    upward = [
        imported
        for imported in _package_imports(path)
        if _layer(imported) > own and not _allowed(importer, imported)
    ]
    assert upward == []


def _allowed(importer, imported):
    return any(
        (importer == source or importer.startswith(f"{source}.")) and imported.startswith(target)
        for source, target in ALLOWED_UPWARD
    )


def test_the_checks_see_a_violation(tmp_path):
    """The layer rules recognise an upward import (the test above is not vacuous)."""
    assert _layer("wagtail_rencontres.services.queries") < _layer("wagtail_rencontres.pages.event")
    assert _layer("wagtail_rencontres.models.venues") < _layer("wagtail_rencontres.services")
    assert _layer("wagtail_rencontres.api.routers") == TOP
    sample = tmp_path / "sample.py"
    sample.write_text("from wagtail_rencontres.services import capacity\n")
    imported = list(_package_imports(sample))
    assert imported == ["wagtail_rencontres.services.capacity"]
    assert _layer(imported[0]) > _layer("wagtail_rencontres.models.venues")
    assert not _allowed("wagtail_rencontres.models.venues", imported[0])
