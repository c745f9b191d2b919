"""The map's geography: the country shapes kept in data/geo/ and the projection of lon/lat onto a flat map.

The file is checked before any page is drawn from it (a FeatureCollection with a frame, each country a code, a role
and shapes of numbers): a file replaced by something else is a Problem naming the file, its line and the field.
"""

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from . import settings
from .problems import DataError, Problem
from .source import read_text

BOUNDARIES_FILE = settings.DATA_DIR / "geo" / "countries.geojson"
ROLES = ("member-country", "neighbour")


@dataclass(frozen=True)
class Country:
    code: str  # alpha-2, as in data/members.yaml and the interface words
    is_member_country: bool
    polygons: list  # [[ring, …], …], each ring a list of (lon, lat)
    label_point: tuple | None


@dataclass(frozen=True)
class Boundaries:
    frame: tuple  # west, south, east, north in degrees
    countries: list


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_point(value) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value)


def _is_multipolygon(geometry) -> bool:
    """A GeoJSON MultiPolygon: polygons of rings, each ring at least four points [lon, lat] of two numbers."""
    polygons = (
        geometry.get("coordinates") if isinstance(geometry, dict) and geometry.get("type") == "MultiPolygon" else None
    )
    return (
        isinstance(polygons, list)
        and bool(polygons)
        and all(isinstance(polygon, list) and polygon for polygon in polygons)
        and all(
            isinstance(ring, list) and len(ring) >= 4 and all(_is_point(point) for point in ring)
            for polygon in polygons
            for ring in polygon
        )
    )


def _feature_lines(text: str) -> list[int]:
    """The line where each feature starts (tools/extract_boundaries.py writes one a line)."""
    return [text.count("\n", 0, match.start()) + 1 for match in re.finditer(r'\{\s*"type"\s*:\s*"Feature"\s*,', text)]


def _problems(collection, text: str, shown_as: str) -> list[Problem]:
    def problem(line, field, fr, en):
        return Problem(
            shown_as,
            line,
            field,
            f"Le fond de carte n'a pas la forme attendue : {fr} Recréez-le avec tools/extract_boundaries.py.",
            f"The map's boundaries do not have the expected shape: {en} Make them again with "
            "tools/extract_boundaries.py.",
        )

    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        return [
            problem(1, "type", "ce n'est pas une FeatureCollection GeoJSON.", "it is not a GeoJSON FeatureCollection.")
        ]
    problems = []
    frame = collection.get("bbox")
    if not (
        isinstance(frame, list)
        and len(frame) == 4
        and all(_is_number(v) for v in frame)
        and -180 <= frame[0] < frame[2] <= 180
        and -90 < frame[1] < frame[3] < 90
    ):
        problems.append(
            problem(
                1,
                "bbox",
                "le cadre « bbox » doit être [ouest, sud, est, nord], quatre nombres en degrés.",
                "the frame 'bbox' must be [west, south, east, north], four numbers in degrees.",
            )
        )
    features = collection.get("features")
    if not isinstance(features, list) or not features:
        return problems + [
            problem(
                1,
                "features",
                "la liste « features » des pays manque.",
                "the list 'features' of the countries is missing.",
            )
        ]
    lines = _feature_lines(text)
    lines = lines if len(lines) == len(features) else [1] * len(features)
    for index, feature in enumerate(features):
        where, line = f"features › #{index + 1}", lines[index]
        properties = feature.get("properties") if isinstance(feature, dict) else None
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            problems.append(
                problem(
                    line,
                    f"{where} › properties",
                    "un pays n'a pas de « properties ».",
                    "a country has no 'properties'.",
                )
            )
            continue
        if not (isinstance(properties.get("code"), str) and re.fullmatch(r"[A-Z]{2}", properties["code"])):
            problems.append(
                problem(
                    line,
                    f"{where} › properties › code",
                    "un pays n'a pas de « code » de deux lettres majuscules (KH, LA…).",
                    "a country has no two-capital-letter 'code' (KH, LA…).",
                )
            )
        if properties.get("role") not in ROLES:
            problems.append(
                problem(
                    line,
                    f"{where} › properties › role",
                    f"le « role » d'un pays doit être {' ou '.join(ROLES)}.",
                    f"a country's 'role' must be {' or '.join(ROLES)}.",
                )
            )
        if "label_point" in properties and not _is_point(properties["label_point"]):
            problems.append(
                problem(
                    line,
                    f"{where} › properties › label_point",
                    "« label_point » doit être [lon, lat], deux nombres.",
                    "'label_point' must be [lon, lat], two numbers.",
                )
            )
        if not _is_multipolygon(geometry):
            problems.append(
                problem(
                    line,
                    f"{where} › geometry › coordinates",
                    "la forme d'un pays doit être un MultiPolygon : des anneaux d'au moins quatre points "
                    "[lon, lat], chacun de deux nombres.",
                    "a country's shape must be a MultiPolygon: rings of at least four points [lon, lat], "
                    "each of two numbers.",
                )
            )
    return problems


@functools.cache
def _read(path: Path, mtime_ns: int, shown_as: str) -> Boundaries:
    text = read_text(path, shown_as)
    try:
        collection = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(
            [
                Problem(
                    shown_as,
                    error.lineno,
                    "",
                    f"Le fond de carte n'est pas du JSON valide (colonne {error.colno}) : {error.msg}.",
                    f"The map's boundaries are not valid JSON (column {error.colno}): {error.msg}.",
                )
            ]
        ) from None
    except RecursionError:
        raise DataError(
            [
                Problem(
                    shown_as,
                    1,
                    "",
                    "Le fond de carte est imbriqué trop profondément.",
                    "The map's boundaries are nested too deeply.",
                )
            ]
        ) from None
    problems = _problems(collection, text, shown_as)
    if problems:
        raise DataError(problems)
    countries = [
        Country(
            code=f["properties"]["code"],
            is_member_country=f["properties"]["role"] == "member-country",
            polygons=f["geometry"]["coordinates"],
            label_point=tuple(f["properties"]["label_point"]) if "label_point" in f["properties"] else None,
        )
        for f in collection["features"]
    ]
    return Boundaries(frame=tuple(collection["bbox"]), countries=countries)


def load_boundaries(path: Path = BOUNDARIES_FILE, shown_as: str = "data/geo/countries.geojson") -> Boundaries:
    """The shapes of data/geo/countries.geojson (read again only when the file changes); DataError, naming the file, the
    line and the field, when it is missing, a link, or not of the expected shape."""
    try:
        mtime_ns = path.lstat().st_mtime_ns
    except FileNotFoundError:
        mtime_ns = 0  # read_text says the file is missing
    return _read(path, mtime_ns, shown_as)


class Projection:
    """Equirectangular, scaled by the cosine of the frame's middle latitude: true enough for a region this small.

    Maps the frame onto (0, 0)–(width, height), north up.
    """

    def __init__(self, frame: tuple, width: float):
        self.west, self.south, self.east, self.north = frame
        self.x_factor = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = width / ((self.east - self.west) * self.x_factor)
        self.width = width
        self.height = (self.north - self.south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.x_factor * self.scale, (self.north - lat) * self.scale
