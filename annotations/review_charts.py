"""Geometry of the agreement dashboard's charts, drawn as server-side SVG by the template.

Plain Python (no Django): numbers in, coordinates and colours out. No chart CDN,
no inline style: colours are SVG presentation attributes.
"""

from __future__ import annotations

CELL = 56
HEAT_LEFT, HEAT_TOP = 120, 96
COL_SLANT = -45  # degrees: column labels slant up to the right, so "no comment" passes its neighbours
COL_ROOM = 90  # room on the right for the last column's slanted label


def _blend(share: float) -> str:
    """White to the accent blue (#0b5cad) as share goes from 0 to 1."""
    share = max(0.0, min(1.0, share))
    start, end = (255, 255, 255), (11, 92, 173)
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in zip(start, end, strict=True))


def heatmap(labels: list[str], matrix: list[list[int]]) -> dict:
    """Cells of a confusion-matrix heatmap: rows the first annotator's label, columns the second's."""
    peak = max((value for row in matrix for value in row), default=0) or 1
    cells = []
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            share = value / peak
            cells.append({
                "x": HEAT_LEFT + j * CELL, "y": HEAT_TOP + i * CELL, "size": CELL - 2,
                "fill": _blend(share), "count": value,
                "text_fill": "#ffffff" if share > 0.55 else "#1a1a1a",
                "text_x": HEAT_LEFT + j * CELL + CELL // 2 - 1, "text_y": HEAT_TOP + i * CELL + CELL // 2 + 4,
                "row": labels[i], "col": labels[j],
            })
    n = len(labels)
    return {
        "width": HEAT_LEFT + n * CELL + COL_ROOM, "height": HEAT_TOP + n * CELL + 10, "cells": cells,
        "slant": COL_SLANT,
        "rows": [{"label": label, "x": HEAT_LEFT - 8, "y": HEAT_TOP + i * CELL + CELL // 2 + 4}
                 for i, label in enumerate(labels)],
        # A column's label starts above the middle of its column and slants away from the next one.
        "cols": [{"label": label, "x": HEAT_LEFT + j * CELL + CELL // 2 - 4, "y": HEAT_TOP - 8}
                 for j, label in enumerate(labels)],
    }


def bars(items: list[tuple[str, float | None]], width: int = 420) -> dict:
    """Horizontal bars on a −1…1 scale with the zero line in the middle; None is 'not defined'."""
    left, row_height = 120, 28
    half = (width - left - 60) / 2
    zero = left + half
    rows = []
    for index, (label, value) in enumerate(items):
        y = 10 + index * row_height
        row = {"label": label, "y": y, "text_y": y + 16, "value": value, "label_x": left - 8}
        if value is not None:
            clipped = max(-1.0, min(1.0, value))
            length = abs(clipped) * half
            # Coordinates as strings: a localised decimal comma would break the SVG.
            row.update({
                "x": f"{zero if clipped >= 0 else zero - length:.1f}", "w": f"{max(length, 1):.1f}",
                "h": row_height - 8, "value_x": f"{zero + (length if clipped >= 0 else 0) + 6:.1f}",
                "text": f"{value:.3f}",
            })
        else:
            row.update({"value_x": f"{zero + 6:.1f}"})
        rows.append(row)
    height = 20 + len(items) * row_height
    return {"width": width, "height": height, "zero": f"{zero:.1f}", "rows": rows, "axis_y": height - 4}


def progress(points: list[tuple[str, int, int]], width: int = 520, height: int = 220) -> dict:
    """Cumulative judgements and resolutions per day as two polylines."""
    left, bottom, top, right = 50, height - 30, 15, width - 15
    if not points:
        return {"width": width, "height": height, "empty": True}
    peak = max(max(j, r) for _, j, r in points) or 1
    span = max(len(points) - 1, 1)

    def xy(index: int, value: int) -> str:
        x = left + (right - left) * index / span
        y = bottom - (bottom - top) * value / peak
        return f"{x:.1f},{y:.1f}"

    return {
        "width": width, "height": height, "empty": False, "left": left, "bottom": bottom,
        "top": top, "right": right, "peak": peak, "peak_y": top + 4,
        "judgements": " ".join(xy(i, j) for i, (_, j, _) in enumerate(points)),
        "resolutions": " ".join(xy(i, r) for i, (_, _, r) in enumerate(points)),
        "first": points[0][0], "last": points[-1][0], "label_y": height - 10,
    }
