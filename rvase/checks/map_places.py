"""Each member's coordinates lie inside the map's frame (data/geo/countries.geojson), where the map can draw it."""

from pathlib import Path

from ..geo import load_boundaries
from ..problems import DataError
from . import messages
from .fields import Problems, items


def places_on_the_map(documents: dict, problems: Problems, data_dir: Path) -> None:
    members = documents.get("members")
    placed = [
        (index, member["coordinates"])
        for index, member in items(members, "members")
        if isinstance(member.get("coordinates"), dict)
    ]
    if not placed:
        return
    try:
        frame = load_boundaries(data_dir / "geo" / "countries.geojson").frame
    except DataError:
        return  # the boundaries' own check says why
    west, south, east, north = frame
    for index, where in placed:
        lat, lon = where.get("lat"), where.get("lon")
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon)):
            continue
        if not (west <= lon <= east and south <= lat <= north):
            problems.add(
                "members", members, ["members", index, "coordinates"], messages.outside_the_map(lat, lon, frame)
            )
