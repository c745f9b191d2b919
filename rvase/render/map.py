"""The members' map: an inline SVG drawn at build time from data/geo/ and the members' coordinates.

Country shapes and names are decorative (hidden from screen readers, who have the list of members);
each member is a link with an accessible name, around a marker, a larger invisible tap target and a
label placed where it does not cover another label or marker. The markup is in rvase/templates/partials/map.html.
"""

import math
from dataclasses import dataclass

from ..geo import Boundaries, Projection
from ..problems import DataError, Problem

WIDTH = 400  # viewBox units; the SVG itself scales to its container
FONT_SIZE = 13
# Character widths in em, a little generous for the sans-serif fonts Material's font stack falls back to
# (Helvetica, Arial, Roboto): labels are placed from these estimates, the browser is not asked.
NARROW, WIDE = set("fijlrtI.,:;'-() "), set("mwMW")
HALO = 2  # the label's outline (stroke-width 3 in rvase.css), and a little air
MARKER_RADIUS = 5
TARGET_RADIUS = 15  # 30 units: at least 24 CSS pixels on a 360-pixel-wide screen


@dataclass(frozen=True)
class Place:
    """A member on the map; `name` is plain text in the page's language, `href` its page."""

    id: str
    name: str
    href: str
    lon: float
    lat: float


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _text_box(x: float, baseline: float, text: str, anchor: str) -> Box:
    width = FONT_SIZE * sum(0.33 if c in NARROW else 0.9 if c in WIDE else 0.7 if c.isupper() else 0.58 for c in text)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    # a font's full ascent and descent, and the light halo drawn around the letters (rvase.css)
    return left - HALO, baseline - FONT_SIZE - HALO, left + width + HALO, baseline + 0.3 * FONT_SIZE + HALO


def _marker_box(x: float, y: float) -> Box:
    reach = MARKER_RADIUS + 2
    return x - reach, y - reach, x + reach, y + reach


# Label positions tried around a marker, best first: (dx, dy of the baseline, text-anchor).
_GAP = MARKER_RADIUS + 4
_CANDIDATES = [
    (_GAP, 0.35 * FONT_SIZE, "start"),
    (-_GAP, 0.35 * FONT_SIZE, "end"),
    (0, -_GAP, "middle"),
    (0, _GAP + 0.8 * FONT_SIZE, "middle"),
    (_GAP - 2, -_GAP + 2, "start"),
    (_GAP - 2, _GAP - 2 + 0.8 * FONT_SIZE, "start"),
    (-_GAP + 2, -_GAP + 2, "end"),
    (-_GAP + 2, _GAP - 2 + 0.8 * FONT_SIZE, "end"),
]


class _Boxes:
    """The boxes taken so far, also filed by square cells of the map, so that a candidate label is compared only
    with the boxes near it. Comparing it with every box made the members' page grow with the square of the
    members: 2 s at 10 times the real data, minutes at 100 times (bench/REPORT.md, scaling)."""

    CELL = 40.0  # viewBox units: a few labels high, a short label wide

    def __init__(self, boxes: list[Box]):
        self.boxes: list[Box] = []
        self.cells: dict[tuple[int, int], list[int]] = {}
        for box in boxes:
            self.add(box)

    def _cells(self, box: Box):
        left, top, right, bottom = (math.floor(v / self.CELL) for v in box)
        return ((column, row) for column in range(left, right + 1) for row in range(top, bottom + 1))

    def add(self, box: Box) -> None:
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append(len(self.boxes))
        self.boxes.append(box)

    def near(self, box: Box) -> list[Box]:
        """Every box that may overlap `box` (a box that overlaps it shares a cell), in the order they were taken:
        the sum of overlaps is then the very sum over all boxes, the others adding exactly 0."""
        found = {index for cell in self._cells(box) for index in self.cells.get(cell, ())}
        return [self.boxes[index] for index in sorted(found)]


def place_labels(points: list[tuple[float, float, str]], obstacles: list[Box], width: float, height: float) -> list:
    """For each (x, y, text), the (x, baseline, anchor) of its label: the first candidate that covers nothing,
    else the one that covers least. Markers and `obstacles` (country names) are avoided; labels stay inside."""
    taken = _Boxes(list(obstacles) + [_marker_box(x, y) for x, y, _ in points])
    placed = []
    for x, y, text in points:
        best: tuple[float, tuple[float, float, str], Box] | None = None
        own_marker = _marker_box(x, y)
        for dx, dy, anchor in _CANDIDATES:
            box = _text_box(x + dx, y + dy, text, anchor)
            outside = max(0, -box[0]) + max(0, box[2] - width) + max(0, -box[1]) + max(0, box[3] - height)
            cost = 0.0
            for other in taken.near(box):
                if other != own_marker:
                    cost += _overlap(box, other)
                    if best is not None and cost >= best[0]:
                        break  # no better than the best candidate already: what is left can only add (a crowded map)
            cost += 1000 * outside
            if best is None or cost < best[0]:
                best = (cost, (x + dx, y + dy, anchor), box)
            if cost == 0:
                break
        assert best is not None  # _CANDIDATES is not empty
        taken.add(best[2])
        placed.append(best[1])
    return placed


def _path(polygons: list, project: Projection) -> str:
    rings = []
    for polygon in polygons:
        for ring in polygon:
            points = [project(lon, lat) for lon, lat in ring[:-1]]
            rings.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
    return "".join(rings)


# The country shapes are the same on every map (the members' page and each project and member page): drawn
# once per set of boundaries, not once per page, where they were a fixed cost of every page (bench/REPORT.md).
# Keyed by the map's width too: a record's small map is drawn at its own scale.
_shapes_drawn: dict[tuple[int, float], tuple[Boundaries, list]] = {}


def _country_shapes(boundaries: Boundaries, project: Projection) -> list[dict]:
    key = (id(boundaries), project.width)
    drawn = _shapes_drawn.get(key)
    if drawn is None or drawn[0] is not boundaries:  # load_boundaries gives a new object when the file changes
        shapes = [
            {"path": _path(country.polygons, project), "kind": "member" if country.is_member_country else "neighbour"}
            for country in sorted(boundaries.countries, key=lambda c: c.is_member_country)
        ]  # neighbours underneath
        if any(boundaries is not other for other, _ in _shapes_drawn.values()):
            _shapes_drawn.clear()
        drawn = _shapes_drawn[key] = (boundaries, shapes)
    return drawn[1]


def members_map_view(
    boundaries: Boundaries, places: list[Place], country_names: dict[str, str], label: str, height: float | None = None
) -> dict:
    """The region with one link per place, in viewBox units. `country_names` (code → name) are the names written on
    the map; `label` names the map for assistive technologies. With a `height`, the map is drawn to be shown that many
    CSS pixels tall, one viewBox unit a pixel (its `size`): labels and tap targets keep their size on a small map."""
    width = WIDTH if height is None else round(WIDTH * height / Projection(boundaries.frame, WIDTH).height)
    project = Projection(boundaries.frame, width)
    outside = [
        p
        for p in places
        if not (
            boundaries.frame[0] <= p.lon <= boundaries.frame[2] and boundaries.frame[1] <= p.lat <= boundaries.frame[3]
        )
    ]
    if outside:
        raise DataError(
            [
                Problem(
                    "data/members.yaml",
                    None,
                    f"members › {p.id} › coordinates",
                    f"Le membre « {p.id} » est hors du cadre de la carte {list(boundaries.frame)} : vérifiez ses coordonnées, "
                    "ou élargissez le cadre avec tools/extract_boundaries.py.",
                    f"Member '{p.id}' lies outside the map's frame {list(boundaries.frame)}: check its coordinates, "
                    "or widen the frame with tools/extract_boundaries.py.",
                )
                for p in outside
            ]
        )

    names, name_boxes = [], []
    for country in sorted(boundaries.countries, key=lambda c: c.is_member_country):  # neighbours underneath
        if country.label_point and country.code in country_names:
            x, y = project(*country.label_point)
            name = country_names[country.code]
            names.append(
                {
                    "x": f"{x:.1f}",
                    "y": f"{y:.1f}",
                    "name": name,
                    "kind": "member" if country.is_member_country else "neighbour",
                }
            )
            name_boxes.append(_text_box(x, y, name, "middle"))

    points = [(*project(p.lon, p.lat), p.name) for p in places]
    labels = place_labels(points, name_boxes, project.width, project.height)
    members = [
        {
            "place": place,
            "x": f"{x:.1f}",
            "y": f"{y:.1f}",
            "label_x": f"{label_x:.1f}",
            "baseline": f"{baseline:.1f}",
            "anchor": anchor,
        }
        for place, (x, y, _), (label_x, baseline, anchor) in zip(places, points, labels)
    ]
    return {
        "width": f"{project.width:.0f}",
        "height": f"{project.height:.0f}",
        "label": label,
        "font_size": FONT_SIZE,
        "size": None if height is None else {"width": f"{project.width:.0f}", "height": f"{project.height:.0f}"},
        "target_radius": TARGET_RADIUS,
        "marker_radius": MARKER_RADIUS,
        "shapes": _country_shapes(boundaries, project),
        "names": names,
        "members": members,
    }
