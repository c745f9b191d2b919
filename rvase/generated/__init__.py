"""Files, or parts of files, derived from the JSON Schemas (data/schema/) so that no list of allowed values is kept by
hand twice: `python -m rvase.generated` writes them, `python -m rvase.generated --check` says which are out of date.

A new generated part declares its regions in a module here (one per kind of file) and joins `regions_by_file`."""

from pathlib import Path

import yaml

from .contributing import contributing_regions
from .issue_forms import issue_form_regions
from .regions import Region, rewrite


def regions_by_file(root: Path = Path(".")) -> dict[Path, list[Region]]:
    """Each file with generated parts (from `root`) → its regions, as the schemas and interface words of `root` say."""
    schema_dir = root / "data" / "schema"
    words = yaml.safe_load((root / "i18n" / "interface.yaml").read_text(encoding="utf-8"))
    return {**issue_form_regions(schema_dir, words), **contributing_regions(schema_dir)}


def expected_files(root: Path = Path(".")) -> dict[Path, tuple[str, str]]:
    """Each file with generated parts (from `root`) → its text now and the text it should have."""
    texts = {}
    for file, regions in regions_by_file(root).items():
        text = (root / file).read_text(encoding="utf-8")
        texts[file] = (text, rewrite(text, file.as_posix(), regions))
    return texts
