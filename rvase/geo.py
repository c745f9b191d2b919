"""The map's geography: the country shapes kept in data/geo/ and the projection of lon/lat onto a flat map."""
import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from . import settings

BOUNDARIES_FILE = settings.DATA_DIR / "geo" / "countries.geojson"


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


@functools.cache
def _read(path: Path, mtime_ns: int) -> Boundaries:
    collection = json.loads(path.read_text(encoding="utf-8"))
    countries = [
        Country(code=f["properties"]["code"], is_member_country=f["properties"]["role"] == "member-country",
                polygons=f["geometry"]["coordinates"],
                label_point=tuple(f["properties"]["label_point"]) if "label_point" in f["properties"] else None)
        for f in collection["features"]
    ]
    return Boundaries(frame=tuple(collection["bbox"]), countries=countries)


def load_boundaries(path: Path = BOUNDARIES_FILE) -> Boundaries:
    """The shapes of data/geo/countries.geojson (read again only when the file changes)."""
    return _read(path, path.stat().st_mtime_ns)


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
