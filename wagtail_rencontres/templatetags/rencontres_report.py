"""Filters reading the activity report's tables (rows are dicts, columns named in a string)."""

from django import template

register = template.Library()


@register.filter
def split_words(value):
    """``"name registered present"`` → ``["name", "registered", "present"]``."""
    return str(value).split()


@register.filter
def cell(row, column):
    """The value of ``column`` in a report row."""
    return row.get(column, "")


@register.filter
def heading(tables, column):
    """The heading of ``column``, as the exports name it."""
    for headings in tables.values():
        if column in headings:
            return headings[column]
    return column
