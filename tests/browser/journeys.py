"""Steps shared by the browser journeys: reach a control by the keyboard, check axe."""

from tests.a11y.conftest import describe_violations, run_axe

#: Far more Tab presses than any page of the demo has controls.
MAX_TABS = 120


def active(page, expression):
    """``expression`` evaluated on the focused element (``el``)."""
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()")


def tab_to(page, expression):
    """Press Tab until the focused element matches ``expression``; fail if it never does."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if active(page, expression):
            return
    raise AssertionError(f"Tab never reached an element where {expression}")


def assert_no_violations(page, axe_source, what):
    violations = run_axe(page, axe_source)
    assert violations == [], describe_violations(what, violations)
