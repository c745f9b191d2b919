"""Draws docs/assets/eu-emblem.svg, the European flag, to the EU's published geometry.

The flag is a blue rectangle of proportions 3:2 (width 1.5 × height). Twelve gold five-pointed stars stand on an
invisible circle centred on the flag, of radius a third of the height; each star's points lie on a circle of radius
one eighteenth of the height; the stars stand upright (one point up), at the positions of the hours on a clock face.
Colours: Reflex Blue #003399 and Yellow #FFCC00. Run `python tools/eu_emblem.py` to draw it again.
"""

import math
from pathlib import Path

HEIGHT = 180  # any unit; the SVG scales
WIDTH = HEIGHT * 3 // 2
CIRCLE_RADIUS = HEIGHT / 3
STAR_RADIUS = HEIGHT / 18
BLUE, YELLOW = "#003399", "#FFCC00"
TARGET = Path(__file__).resolve().parent.parent / "docs" / "assets" / "eu-emblem.svg"


def star_points(radius: float) -> list[tuple[float, float]]:
    """The ten corners of an upright five-pointed star centred on (0, 0): points on `radius`, inner corners where
    the edges cross (radius × sin 18° / sin 126°)."""
    inner = radius * math.sin(math.radians(18)) / math.sin(math.radians(126))
    return [
        (
            (radius if i % 2 == 0 else inner) * math.sin(math.radians(36 * i)),
            -(radius if i % 2 == 0 else inner) * math.cos(math.radians(36 * i)),
        )
        for i in range(10)
    ]


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def emblem_svg() -> str:
    star = "M" + "L".join(f"{_number(x)} {_number(y)}" for x, y in star_points(STAR_RADIUS)) + "Z"
    centres = [
        (
            WIDTH / 2 + CIRCLE_RADIUS * math.sin(math.radians(30 * hour)),
            HEIGHT / 2 - CIRCLE_RADIUS * math.cos(math.radians(30 * hour)),
        )
        for hour in range(12)
    ]
    stars = "".join(f'<use href="#s" x="{_number(x)}" y="{_number(y)}"/>' for x, y in centres)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{BLUE}"/>'
        f'<defs><path id="s" d="{star}" fill="{YELLOW}"/></defs>{stars}</svg>\n'
    )


if __name__ == "__main__":
    TARGET.write_text(emblem_svg(), encoding="utf-8")
