"""Reading the open-data CSV files as spreadsheets read them: Excel's way (in Python) and LibreOffice Calc itself."""

import csv
import io
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

BOM = b"\xef\xbb\xbf"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
# What LibreOffice's Text Import dialog proposes for these files (comma, double quote, UTF-8 as the BOM says, from
# line 1), with "Evaluate formulas" on: the worst case for a cell that looks like a formula.
LIBREOFFICE_IMPORT = "Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false,false,-1,true"


def read_as_excel(path: Path) -> list[list[str]]:
    """As Excel opens a CSV: UTF-8 because the file starts with a BOM, then RFC 4180 with commas (csv's Excel dialect)."""
    raw = path.read_bytes()
    assert raw.startswith(BOM), f"{path.name}: no byte-order mark, Excel would read it as ANSI and break the accents"
    return list(csv.reader(io.StringIO(raw[len(BOM) :].decode("utf-8"), newline=""), dialect="excel"))


def read_with_libreoffice(csv_files: list[Path], out: Path) -> dict[str, tuple[list[list[str]], int]]:
    """Each file opened by LibreOffice Calc and saved as flat OpenDocument: `name → (rows of cell texts, formulas)`."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui"
    result = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            f"--infilter={LIBREOFFICE_IMPORT}",
            "--convert-to",
            "fods",
            "--outdir",
            str(out),
            *map(str, csv_files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sheets = {}
    for file in csv_files:
        root = ElementTree.parse(out / f"{file.stem}.fods").getroot()
        rows = []
        for row in root.iter(f"{{{TABLE}}}table-row"):
            cells = []
            for cell in row.findall(f"{{{TABLE}}}table-cell"):
                text = "\n".join("".join(p.itertext()) for p in cell.findall(f"{{{TEXT}}}p"))
                cells += [text] * int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1"))
            rows += [cells] * int(row.get(f"{{{TABLE}}}number-rows-repeated", "1"))
        formulas = sum(1 for cell in root.iter(f"{{{TABLE}}}table-cell") if cell.get(f"{{{TABLE}}}formula"))
        sheets[file.name] = (rows, formulas)
    return sheets
