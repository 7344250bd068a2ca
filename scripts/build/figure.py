"""The casualty figure: every casualty claim with a figure and a date, one marker per claim, per source.

`casualty_points` (figure_points.py) is the data behind the picture, one dict per marker with no pixels
involved, and `casualty_figure` draws it as PNG bytes. The same rows give the same bytes in any order and on any
machine with the pinned versions: Agg only, no pyplot, matplotlib's defaults instead of the user's
matplotlibrc, the DejaVu font files matplotlib ships (never a system copy), no timestamp in the file.
"""

from __future__ import annotations

import io
import json
import math
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib import style
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import FixedLocator, NullLocator
from matplotlib.transforms import offset_copy

from scripts.build.figure_points import casualty_points, most_disputed, rows_of, sources_in_order

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

# Size: a fixed width at README scale; the height follows the number of markers (see figure_size_px).
DPI = 100
WIDTH_IN = 12.8
LANE_IN = 0.25  # one marker per lane
ROW_GAP_LANES = 0.7  # space between two rows, in lanes

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

# Colour per source, then marker shape when there are more sources than colours (colour-blind safe order).
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000", "#7F7F7F")
SHAPES = ("o", "s", "D", "^", "v")
ARROW_PT = 26  # length of the open-end arrow, in points
MARKER_SIZE = 8.5


# -------------------------------------------------------------------------------------------- layout

# Vertical layout in inches, top to bottom.
TOP_IN, TITLE_IN, CAPTION_IN, HEAD_GAP_IN = 0.22, 0.36, 0.42, 0.10
PANEL_TITLE_IN, PANEL_AXIS_IN, PANEL_GAP_IN = 0.34, 0.50, 0.22
KEY_IN, LEGEND_TITLE_IN, LEGEND_ROW_IN, BOTTOM_IN = 0.42, 0.30, 0.25, 0.18
LEGEND_COLUMNS = 2


def _panel_units(rows) -> float:
    """Height of a panel's plotting area in lanes: one lane per marker plus a gap around each row."""
    return sum(len(members) for _, members in rows) + ROW_GAP_LANES * len(rows)


def _height_in(points) -> float:
    panels = rows_of(points)
    n_sources = len(sources_in_order(points))
    body = sum(PANEL_TITLE_IN + _panel_units(rows) * LANE_IN + PANEL_AXIS_IN + PANEL_GAP_IN for _, rows in panels)
    if not panels:
        body = 0.6  # room for the "no claims" note
    legend = KEY_IN + LEGEND_TITLE_IN + math.ceil(n_sources / LEGEND_COLUMNS) * LEGEND_ROW_IN
    return TOP_IN + TITLE_IN + CAPTION_IN + HEAD_GAP_IN + body + legend + BOTTOM_IN


def figure_size_px(points: list[dict]) -> tuple[int, int]:
    """(width, height) of the PNG for these points: 1280 px wide; the height grows with the markers."""
    return round(WIDTH_IN * DPI), round(round(_height_in(points), 2) * DPI)


# ----------------------------------------------------------------------------------------------- draw


def _font(size, bold=False) -> FontProperties:
    return FontProperties(fname=FONT_BOLD if bold else FONT_REGULAR, size=size)


def _pin_fonts(fig) -> None:
    """Every text in matplotlib's own DejaVu files, so a system copy of DejaVu can never be picked."""
    for text in fig.findobj(Text):
        weight = text.get_fontweight()
        bold = weight == "bold" or (isinstance(weight, int) and weight >= 600)
        text.set_fontproperties(_font(text.get_fontsize(), bold))


def _style(point, colour, shape):
    hollow = point["qualifier"] == "approx"
    return dict(
        marker=shape,
        markersize=MARKER_SIZE,
        markeredgewidth=1.7,
        markeredgecolor=colour,
        markerfacecolor="white" if hollow else colour,
        linestyle="none",
        zorder=4,
        clip_on=False,
    )


def _arrow(ax, x, y, direction, colour):
    """An open end: an arrow from the marker, ARROW_PT points long, right (+1) or left (-1)."""
    head = offset_copy(ax.transData, fig=ax.figure, x=direction * ARROW_PT, y=0, units="points")
    ax.annotate(
        "",
        xy=(x, y),
        xycoords=head,
        xytext=(x, y),
        textcoords="data",
        arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.6, mutation_scale=11, shrinkA=0, shrinkB=0),
        annotation_clip=False,
        zorder=3,
    )


def _px(points: float) -> float:
    return points * DPI / 72


class _Measure:
    """Text widths in pixels, with the font files the picture uses."""

    def __init__(self, renderer):
        self.renderer = renderer

    def __call__(self, text: str, size: float, bold: bool = False) -> float:
        return self.renderer.get_text_width_height_descent(text, _font(size, bold), ismath=False)[0]


def _draw_point(ax, point, y, colour, shape, labels, measure, room_px) -> float:
    """Marker(s) for one claim at height y, honest about its bounds, then its labels; returns the right edge (px).

    labels: [(text, size, colour)] written one after the other, right of the marks, or left of them when
    they would run past room_px (pixels from the axes' left edge).
    """
    low, high = point["value_min"], point["value_max"]
    marker = _style(point, colour, shape)
    marks: tuple[float, float, float, float]  # left and right value, and pixels beyond each for an arrow
    if low is not None and high is not None and low != high:  # a range: a segment between the bounds
        ax.plot([low, high], [y, y], color=colour, lw=2.4, solid_capstyle="butt", zorder=3, clip_on=False)
        ax.plot([low, high], [y, y], **marker)
        marks = (low, high, 0, 0)
    elif low is not None and high is None:  # at least / more than: the upper end is open
        ax.plot([low], [y], **marker)
        _arrow(ax, low, y, +1, colour)
        marks = (low, low, 0, _px(ARROW_PT))
    elif low is None:  # up to: the lower end is open
        ax.plot([high], [y], **marker)
        _arrow(ax, high, y, -1, colour)
        marks = (high, high, _px(ARROW_PT), 0)
    else:  # one number, exact (filled) or approximate (hollow)
        ax.plot([low], [y], **marker)
        marks = (low, low, 0, 0)
    left_x, right_x, left_extra, right_extra = marks
    x0 = ax.transData.transform([(left_x, y)])[0][0] - ax.transAxes.transform([(0, 0)])[0][0]
    x1 = ax.transData.transform([(right_x, y)])[0][0] - ax.transAxes.transform([(0, 0)])[0][0]
    gap = _px(MARKER_SIZE / 2 + 4)
    widths = [measure(text, size) for text, size, _ in labels]
    total = sum(widths) + _px(6) * (len(labels) - 1)
    on_right = x1 + right_extra + gap + total <= room_px or x0 - left_extra - gap - total < 0
    offset = (x1 + right_extra + gap) if on_right else (x0 - left_extra - gap - total)
    anchor_px = x1 if on_right else x0
    anchor = right_x if on_right else left_x
    for (text, size, text_colour), width in zip(labels, widths, strict=True):
        ax.annotate(
            text,
            xy=(anchor, y),
            xytext=((offset - anchor_px) * 72 / DPI, 0),
            textcoords="offset points",
            va="center_baseline",
            ha="left",
            fontsize=size,
            color=text_colour,
            annotation_clip=False,
            zorder=5,
        )
        offset += width + _px(6)
    return offset


def _value_ticks(lo, hi) -> list[int]:
    """0 and 1-2-5 steps between the limits."""
    ticks = [0] if lo <= 0 <= hi else []
    step = 1
    while step <= hi:
        for m in (1, 2, 5):
            if lo <= step * m <= hi:
                ticks.append(step * m)
        step *= 10
    return ticks


def _set_value_axis(ax, values, axes_width_px, reserve_px):
    """symlog (linear below 1, logarithmic above, so 0 has a place), the figures spread over the axes
    but for reserve_px on the right, where an arrow may point."""
    ax.set_xscale("symlog", linthresh=1, linscale=0.4)
    forward = ax.xaxis.get_transform()
    t_lo, t_hi = (float(v) for v in forward.transform([min(values), max(values)]))
    span = max(t_hi - t_lo, 0.8)
    middle = (t_lo + t_hi) / 2
    lo_t = middle - span / 2 - 0.06 * span - 0.1
    total = (middle + span / 2 - lo_t) * axes_width_px / (axes_width_px - reserve_px)
    x_lo, x_hi = (float(v) for v in forward.inverted().transform([lo_t, lo_t + total]))
    ax.set_xlim(x_lo, x_hi)
    ticks = _value_ticks(max(x_lo, 0), x_hi)
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticks(ticks, [f"{t:,}" for t in ticks])
    return ticks


def _panel_title(panel, rows) -> str:
    n = sum(len(m) for _, m in rows)
    return f"{panel.capitalize()}  ·  {n} claim{'s' if n != 1 else ''}"


RC: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",
    "text.parse_math": False,
    "text.usetex": False,
    "axes.unicode_minus": True,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "savefig.facecolor": "white",
    "savefig.edgecolor": "white",
    "path.simplify": True,
}

TITLE = "Casualty claims by source, day and side"
CAPTION = (
    "Each marker is one claim, coloured by its source (claimant, outlet, article). Markers in one row are about "
    "the same day and side: where they sit apart, the sources disagree."
)
MARGIN_PX = 14
VALUE_SIZE, SOURCE_SIZE, ROW_SIZE = 9.5, 8.5, 10
DIFFER_COLOUR = "#B00020"
# How a row whose sources differ is marked, as claim_disagreements names the relation.
RELATION_MARK = {"conflicting": ("≠", DIFFER_COLOUR), "compatible": ("≈", "#8a5a00")}


def casualty_figure(claims: list[dict], actors: list[dict], articles: list[dict]) -> bytes:
    """The PNG: one panel per casualty claim type, one row per period and side, one marker per claim, coloured by
    source; for a large package, the most disputed rows only (the caption says how many of how many)."""
    points, n_rows = most_disputed(casualty_points(claims, actors, articles))
    shown = len({(p["panel"], p["row"]) for p in points})
    caption = (
        CAPTION
        if shown == n_rows
        else (f"Showing the {shown} most disputed of {n_rows} rows (day and side). " + CAPTION)
    )
    return _png(json.dumps(points, default=str, sort_keys=True), caption)


@lru_cache(maxsize=4)
def _png(points_json: str, caption: str = CAPTION) -> bytes:
    """Drawing takes most of a second and the picture depends on the points alone: validation rebuilds the
    package in memory each run, so the same points are drawn once."""
    points = json.loads(points_json, object_hook=_dates)
    with style.context("default"), matplotlib.rc_context(RC):
        return _render(points, caption)


def _dates(point: dict) -> dict:
    for key in ("day", "date_end"):
        if isinstance(point.get(key), str):
            point[key] = date.fromisoformat(point[key])
    return point


def _render(points, caption: str = CAPTION) -> bytes:
    width_px, height_px = figure_size_px(points)
    height_in = height_px / DPI
    fig = Figure(figsize=(width_px / DPI, height_in), dpi=DPI, facecolor="white")
    canvas = FigureCanvasAgg(fig)
    measure = _Measure(canvas.get_renderer())
    sources = sources_in_order(points)
    look = {s: (COLOURS[i % len(COLOURS)], SHAPES[(i // len(COLOURS)) % len(SHAPES)]) for i, s in enumerate(sources)}
    panels = rows_of(points)

    def y_frac(inches_from_top):
        return 1 - inches_from_top / height_in

    widest_period = max((measure(p["period"], ROW_SIZE, True) for p in points), default=0)
    widest_side = max((measure(p["victim"], ROW_SIZE) for p in points), default=0)
    left_px = MARGIN_PX + widest_period + 26 + widest_side + 12
    axes_width_px = width_px - left_px - MARGIN_PX - 10
    reserve_px = _px(ARROW_PT) + 2 * _px(MARKER_SIZE)
    x_left = MARGIN_PX / width_px

    cursor = TOP_IN
    fig.text(x_left, y_frac(cursor), TITLE, ha="left", va="top", fontsize=15, fontweight="bold")
    cursor += TITLE_IN
    fig.text(x_left, y_frac(cursor), caption, ha="left", va="top", fontsize=10, color="#333333")
    cursor += CAPTION_IN + HEAD_GAP_IN

    if not panels:
        fig.text(x_left, y_frac(cursor + 0.2), "No casualty claim with a figure and a date.", fontsize=11)
        cursor += 0.6
    for panel, rows in panels:
        fig.text(
            x_left, y_frac(cursor), _panel_title(panel, rows), ha="left", va="top", fontsize=12.5, fontweight="bold"
        )
        cursor += PANEL_TITLE_IN
        units = _panel_units(rows)
        ax = fig.add_axes(
            (
                left_px / width_px,
                y_frac(cursor + units * LANE_IN),
                axes_width_px / width_px,
                units * LANE_IN / height_in,
            )
        )
        members_all = [p for _, m in rows for p in m]
        values = [v for p in members_all for v in (p["value_min"], p["value_max"]) if v is not None]
        ticks = _set_value_axis(ax, values, axes_width_px, reserve_px)
        ax.set_ylim(units, 0)
        for t in ticks:
            ax.axvline(t, color="#e0e0e0", lw=0.8, zorder=0.5)
        tick_pos: list[float] = []
        tick_labels: list[str] = []
        bands: list[list[Any]] = []  # [period, top, bottom] of consecutive rows of one period
        top = 0.0
        for _, members in rows:
            height = len(members) + ROW_GAP_LANES
            if bands and bands[-1][0] == members[0]["period"]:
                ax.axhline(top, color="#d6d6d6", lw=0.7, zorder=1)  # between two rows of one day
                bands[-1][2] = top + height
            else:
                bands.append([members[0]["period"], top, top + height])
            for lane, point in enumerate(members):
                colour, shape = look[point["source"]]
                labels = [(point["value_text"], VALUE_SIZE, "#111111"), (point["source"], SOURCE_SIZE, "#6a6a6a")]
                _draw_point(
                    ax, point, top + ROW_GAP_LANES / 2 + lane + 0.5, colour, shape, labels, measure, axes_width_px
                )
            tick_pos.append(top + height / 2)
            mark = RELATION_MARK.get(members[0]["row_relation"])
            tick_labels.append((f"{mark[0]}  " if mark else "") + members[0]["victim"])
            top += height
        day_axis = ax.get_yaxis_transform()  # x in axes fraction, y in data
        for index, (period, start, end) in enumerate(bands):
            if index % 2:  # alternate days shaded, under their labels too
                ax.axhspan(
                    start,
                    end,
                    xmin=-(left_px - MARGIN_PX + 6) / axes_width_px,
                    color="#f2f2f2",
                    zorder=0,
                    lw=0,
                    clip_on=False,
                )
            if index:  # between two days
                ax.axhline(start, color="#9a9a9a", lw=0.9, zorder=1)
            ax.text(
                -(left_px - MARGIN_PX) / axes_width_px,
                (start + end) / 2,
                period,
                transform=day_axis,
                ha="left",
                va="center",
                fontsize=ROW_SIZE,
                fontweight="bold",
                clip_on=False,
            )
        ax.set_yticks(tick_pos, tick_labels, fontsize=ROW_SIZE)
        ax.tick_params(axis="y", length=0, pad=10)
        for label, (_, members) in zip(ax.get_yticklabels(), rows, strict=True):
            if members[0]["row_relation"]:
                label.set_color(RELATION_MARK[members[0]["row_relation"]][1])
        ax.tick_params(axis="x", labelsize=9, color="#888888", labelcolor="#333333")
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.spines["bottom"].set_color("#888888")
        ax.set_xlabel(f"people {panel} (log scale)", fontsize=9, color="#444444", labelpad=3)
        cursor += units * LANE_IN + PANEL_AXIS_IN + PANEL_GAP_IN

    _draw_key(fig, width_px, y_frac(cursor), KEY_IN / height_in, measure)
    cursor += KEY_IN
    handles = [
        Line2D(
            [], [], marker=look[s][1], markersize=MARKER_SIZE, markeredgewidth=1.7, color=look[s][0], linestyle="none"
        )
        for s in sources
    ]
    if handles:
        fig.text(
            x_left,
            y_frac(cursor + 0.04),
            "Sources: who made the claim (via the outlet it came through) · article",
            ha="left",
            va="top",
            fontsize=10.5,
            fontweight="bold",
        )
        cursor += LEGEND_TITLE_IN
        fig.legend(
            handles,
            sources,
            loc="upper left",
            bbox_to_anchor=(x_left, y_frac(cursor)),
            ncols=LEGEND_COLUMNS,
            frameon=False,
            fontsize=10,
            handletextpad=0.4,
            columnspacing=3,
            borderaxespad=0,
            borderpad=0,
            labelspacing=(LEGEND_ROW_IN * 72 - 10 * 1.2) / 10,
        )

    _pin_fonts(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})
    return buffer.getvalue()


def _draw_key(fig, width_px, top, height_frac, measure):
    """How to read a marker, drawn by the same code as the claims, in an axes measured in pixels."""
    ax = fig.add_axes((MARGIN_PX / width_px, top - height_frac, 1 - 2 * MARGIN_PX / width_px, height_frac))
    room = width_px - 2 * MARGIN_PX
    ax.set_xlim(0, room)
    ax.set_ylim(-1, 1)
    ax.axis("off")
    ax.text(0, 0, "How to read a marker:", ha="left", va="center_baseline", fontsize=10.5, fontweight="bold")
    cursor = measure("How to read a marker:", 10.5, True) + 16
    arrow, half = _px(ARROW_PT), _px(MARKER_SIZE) / 2
    examples = [
        ({"value_min": 0, "value_max": 0, "qualifier": "exact"}, "exact figure"),
        ({"value_min": 0, "value_max": 0, "qualifier": "approx"}, "approximate (around)"),
        ({"value_min": 0, "value_max": None, "qualifier": "at_least"}, "at least / more than"),
        ({"value_min": None, "value_max": arrow, "qualifier": "up_to"}, "up to"),
        ({"value_min": 0, "value_max": 34, "qualifier": "exact"}, "range"),
    ]
    for point, words in examples:
        shifted = {k: (v + cursor + half if isinstance(v, (int, float)) else v) for k, v in point.items()}
        cursor = _draw_point(ax, shifted, 0, "#555555", "o", [(words, 9.5, "#222222")], measure, room) + 24
    for kind, words in (("conflicting", "figures conflict"), ("compatible", "ranges overlap")):
        mark, colour = RELATION_MARK[kind]
        text = f"{mark}  {words}"
        ax.text(cursor, 0, text, ha="left", va="center_baseline", fontsize=9.5, color=colour)
        cursor += measure(text, 9.5, False) + 18
