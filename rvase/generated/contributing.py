"""CONTRIBUTING.md's list of allowed values: every field of a data file that takes one of a list of values, from its
schema. (The record templates, shown on the Contribute pages, stay hand-written.)"""

from pathlib import Path

from ..schema_values import allowed_values, data_schemas
from .regions import Region, markdown_region

GUIDE = Path("CONTRIBUTING.md")


def allowed_values_region(schema_dir: Path) -> Region:
    rows = ["| file | field | allowed values |", "|---|---|---|"]
    for name in data_schemas(schema_dir):
        for field, values in allowed_values(name, schema_dir).items():
            rows.append(f"| `data/{name}.yaml` | `{' › '.join(field)}` | {', '.join(f'`{v}`' for v in values)} |")
    return markdown_region("data/schema/", "\n".join(rows) + "\n")


def contributing_regions(schema_dir: Path) -> dict[Path, list[Region]]:
    return {GUIDE: [allowed_values_region(schema_dir)]}
