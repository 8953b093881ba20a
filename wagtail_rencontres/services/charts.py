"""Geometry of the report's charts, drawn as SVG by templates (no script, no CDN).

Each bar carries its value as text, so that no information rests on colour
alone; the template puts the chart's data table beside it.
"""

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 220
PLOT_WIDTH = 360
VALUE_WIDTH = 60


def bars(rows, label, value):
    """A horizontal bar chart: ``{"width", "height", "bars": [{y, length, label, value}]}``."""
    top = max((row[value] for row in rows), default=0) or 1
    drawn = [
        {
            "y": index * (BAR_HEIGHT + GAP),
            "text_y": index * (BAR_HEIGHT + GAP) + BAR_HEIGHT * 0.7,
            "length": round(PLOT_WIDTH * row[value] / top, 1),
            "label": str(row[label]),
            "value": row[value],
        }
        for index, row in enumerate(rows)
    ]
    return {
        "width": LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        "height": max(len(drawn), 1) * (BAR_HEIGHT + GAP),
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "bars": drawn,
    }


SERIES_WIDTH = 640
SERIES_HEIGHT = 220
MARGIN = 30


def series(rows, label, value):
    """A time series as a polyline with a marked, labelled point per row."""
    top = max((row[value] for row in rows), default=0) or 1
    step = (SERIES_WIDTH - 2 * MARGIN) / max(len(rows) - 1, 1)
    plot = SERIES_HEIGHT - 2 * MARGIN
    points = [
        {
            "x": round(MARGIN + index * step, 1),
            "y": round(MARGIN + plot - plot * row[value] / top, 1),
            "label": str(row[label]),
            "value": row[value],
        }
        for index, row in enumerate(rows)
    ]
    return {
        "width": SERIES_WIDTH,
        "height": SERIES_HEIGHT,
        "baseline": MARGIN + plot,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "points": points,
    }
