"""Synthetic data at N times the real records, for the scaling benchmark: deterministic, valid, cross-referenced.

The real data is copied N times: copy 1 is the real data unchanged, copy k > 1 has every id suffixed `-k`,
names suffixed ` k`, and every reference pointing into its own copy, so texts keep their real lengths and
the links between kinds keep their real shape. Members, projects, events, news, partners, sources and the
action plan's actions are multiplied (numbered 1…n across the axes); themes, the network and the roadmap
stay as they are (a fixed taxonomy). A seeded generator adds what plain copies would lack: each member's
coordinates move a little (copies would otherwise sit on one another on the map), and each project of a
copy k > 1 also names one member of another copy (links that cross copies, as real networks have).

    python bench/synth.py SCALE OUT_DATA_DIR [--source data] [--seed 7]

writes OUT_DATA_DIR/*.yaml (plus schema/ and geo/ copied), which `python -m rvase.check` accepts.
"""

import argparse
import random
import shutil
from pathlib import Path

import yaml

from rvase.source import read_yaml
from rvase.validate import DATA_FILES

ROOT = Path(__file__).resolve().parent.parent

MULTIPLIED = ("sources", "members", "partners", "projects", "events", "news")
# field of a record → kind its ids point to (themes are not multiplied: their references stay as they are)
REFERENCES = {
    "members": {"sources": "sources"},
    "projects": {
        "themes": "themes",
        "members": "members",
        "partners": "partners",
        "related_projects": "projects",
        "sources": "sources",
    },
    "events": {"members": "members", "themes": "themes", "projects": "projects", "sources": "sources"},
    "news": {
        "members": "members",
        "themes": "themes",
        "events": "events",
        "projects": "projects",
        "sources": "sources",
    },
}
NAME_FIELDS = ("name", "title")


def plain(value):
    """The loader's located mappings and lists as plain ones, for yaml.safe_dump."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def suffixed(record_id: str, copy: int) -> str:
    return record_id if copy == 1 else f"{record_id}-{copy}"


def copy_record(kind: str, record: dict, copy: int) -> dict:
    new = plain(record)
    new["id"] = suffixed(record["id"], copy)
    for field in NAME_FIELDS:
        if copy > 1 and field in new and isinstance(new[field], dict):
            new[field] = {lang: f"{text} {copy}" for lang, text in new[field].items()}
    for field, target in REFERENCES.get(kind, {}).items():
        if field in new:
            new[field] = [i if target not in MULTIPLIED else suffixed(i, copy) for i in new[field]]
    return new


def generate(scale: int, source_dir: Path, seed: int = 7) -> dict[str, dict]:
    """Every data file's content at `scale` times the real records."""
    rng = random.Random(seed)
    real = {name: read_yaml(source_dir / f"{name}.yaml", name) for name in DATA_FILES}
    out = {name: plain(real[name]) for name in DATA_FILES}

    for kind in MULTIPLIED:
        out[kind] = {kind: [copy_record(kind, r, copy) for copy in range(1, scale + 1) for r in real[kind][kind]]}

    for member in out["members"]["members"][len(real["members"]["members"]) :]:
        if member["coordinates"]:
            member["coordinates"] = {
                "lat": round(min(23.0, max(8.6, member["coordinates"]["lat"] + rng.uniform(-0.4, 0.4))), 4),
                "lon": round(min(109.4, max(100.2, member["coordinates"]["lon"] + rng.uniform(-0.4, 0.4))), 4),
            }

    member_ids = [m["id"] for m in out["members"]["members"]]
    for project in out["projects"]["projects"][len(real["projects"]["projects"]) :]:
        if project["members"]:
            other = rng.choice(member_ids)
            if other not in project["members"]:
                project["members"].append(other)

    plan = out["action_plan"]
    number = 0
    for axis_index, axis in enumerate(plan["axes"]):
        actions = real["action_plan"]["axes"][axis_index]["actions"]
        axis["actions"] = []
        for _ in range(scale):
            for action in actions:
                number += 1
                axis["actions"].append({**plain(action), "number": number})
    return out


def write(documents: dict[str, dict], source_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for folder in ("schema", "geo"):
        shutil.copytree(source_dir / folder, out_dir / folder, dirs_exist_ok=True)
    for name, content in documents.items():
        text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=120)
        (out_dir / f"{name}.yaml").write_text(f"# Synthetic data (bench/synth.py), {name}\n{text}", encoding="utf-8")


def counts(documents: dict[str, dict]) -> dict[str, int]:
    found = {kind: len(documents[kind][kind]) for kind in MULTIPLIED + ("themes",)}
    found["actions"] = sum(len(axis["actions"]) for axis in documents["action_plan"]["axes"])
    return found


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, default=ROOT / "data")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    documents = generate(args.scale, args.source, args.seed)
    write(documents, args.source, args.out)
    print(counts(documents))
