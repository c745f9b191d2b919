"""Extract the map's country shapes, once, from Natural Earth's TopoJSON in the npm package world-atlas.

Run by hand when the boundaries should change, never during the build:

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/extract_boundaries.py "$PWD/package/countries-50m.json" data/geo/countries.geojson

It decodes the TopoJSON arcs (quantized, delta-encoded), simplifies each arc once (so two countries
keep the same border), drops tiny islands, clips the neighbours to the region's frame and writes a
small GeoJSON with rounded coordinates. Plain Python, no dependency.
"""

import argparse
import json
from pathlib import Path

SOURCE = {
    "data": "Natural Earth 4.1.0, Admin 0 countries, 1:50m (public domain)",
    "package": "world-atlas 2.0.2 (npm, ISC licence), file countries-50m.json",
    "extracted_by": "tools/extract_boundaries.py",
}
# ISO 3166-1 numeric (world-atlas ids) → alpha-2 code used by data/members.yaml and the interface words.
MEMBER_COUNTRIES = {"116": "KH", "418": "LA", "704": "VN"}
NEIGHBOURS = {"764": "TH", "104": "MM", "156": "CN"}
# Where each country's name is written on the map: inside the country, clear of the members' markers.
# A cartographic choice, not a fact; the renderer still moves member labels out of their way.
LABEL_POINTS = {"KH": (106.0, 12.6), "LA": (105.6, 16.4), "VN": (108.4, 13.6), "TH": (101.4, 15.6), "CN": (102.2, 23.1)}
MARGIN_DEGREES = 0.3
SIMPLIFY_DEGREES = 0.012  # about 1.3 km: invisible on a map a few hundred pixels wide
MIN_ISLAND_SQUARE_DEGREES = 0.004  # smaller islands vanish at this scale
DECIMALS = 3


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON stores quantized deltas)."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def simplify(points: list, tolerance: float) -> list:
    """Douglas–Peucker, iterative; the end points are kept so shared borders still meet."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x0, y0 = points[index]
            d = (
                abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / length
                if length
                else ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5
            )
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep.add(farthest)
            stack += [(first, farthest), (farthest, last)]
    return [points[i] for i in sorted(keep)]


def ring_from_arcs(arc_indexes: list, arcs: list) -> list:
    ring: list = []
    for index in arc_indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def polygons_of(geometry: dict, arcs: list) -> list:
    """A country's polygons, each a list of rings (outer first), as lon/lat lists."""
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return [[ring_from_arcs(ring, arcs) for ring in polygon] for polygon in polygons]


def area(ring: list) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def clip_ring(ring: list, west: float, south: float, east: float, north: float) -> list:
    """Sutherland–Hodgman clipping of a ring to a rectangle."""
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    ]
    for inside, cross in edges:
        if not ring:
            break
        clipped = []
        for current, previous in zip(ring, ring[-1:] + ring[:-1]):
            if inside(current):
                if not inside(previous):
                    clipped.append(cross(previous, current))
                clipped.append(current)
            elif inside(previous):
                clipped.append(cross(previous, current))
        ring = clipped
    return ring


def _at_x(a, b, x):
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _at_y(a, b, y):
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def rounded(ring: list) -> list:
    """Rounded coordinates, without repeated points, closed as GeoJSON wants."""
    out: list = []
    for x, y in ring:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or point != out[-1]:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def extract(topology: dict) -> dict:
    arcs = [simplify(arc, SIMPLIFY_DEGREES) for arc in decode_arcs(topology)]
    wanted = {**MEMBER_COUNTRIES, **NEIGHBOURS}
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") in wanted:
            polygons = [p for p in polygons_of(geometry, arcs) if area(p[0]) >= MIN_ISLAND_SQUARE_DEGREES]
            shapes[geometry["id"]] = (geometry["properties"]["name"], polygons)
    missing = set(wanted) - set(shapes)
    if missing:
        raise SystemExit(f"Countries not found in the TopoJSON: {sorted(missing)}")

    member_points = [pt for iso in MEMBER_COUNTRIES for polygon in shapes[iso][1] for pt in polygon[0]]
    west = min(x for x, _ in member_points) - MARGIN_DEGREES
    east = max(x for x, _ in member_points) + MARGIN_DEGREES
    south = min(y for _, y in member_points) - MARGIN_DEGREES
    north = max(y for _, y in member_points) + MARGIN_DEGREES
    frame = [round(west, 2), round(south, 2), round(east, 2), round(north, 2)]

    features = []
    for iso, code in wanted.items():
        name, polygons = shapes[iso]
        role = "member-country" if iso in MEMBER_COUNTRIES else "neighbour"
        if role == "neighbour":
            polygons = [[clip_ring(ring, *frame) for ring in polygon] for polygon in polygons]
        polygons = [[rounded(ring) for ring in polygon if len(ring) >= 3] for polygon in polygons]
        polygons = [polygon for polygon in polygons if polygon and len(polygon[0]) >= 4]
        if not polygons:
            continue
        properties = {"code": code, "iso_numeric": iso, "name": name, "role": role}
        if code in LABEL_POINTS:
            properties["label_point"] = list(LABEL_POINTS[code])
        features.append(
            {"type": "Feature", "properties": properties, "geometry": {"type": "MultiPolygon", "coordinates": polygons}}
        )
    return {"type": "FeatureCollection", "source": SOURCE, "bbox": frame, "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-50m.json of the world-atlas 2.0.2 npm package")
    parser.add_argument("output", type=Path, help="the GeoJSON to write, e.g. data/geo/countries.geojson")
    args = parser.parse_args()
    collection = extract(json.loads(args.topojson.read_text(encoding="utf-8")))
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    # One feature per line, so a later re-extraction gives a readable diff.
    text = text.replace('{"type":"Feature",', '\n{"type":"Feature",')
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"{args.output}: {len(collection['features'])} countries, frame {collection['bbox']}, {len(text)} bytes")


if __name__ == "__main__":
    main()
