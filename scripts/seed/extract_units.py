#!/usr/bin/env python3
"""Extract the July-2025 administrative map into seed/units/*.csv.

Source: the PyPI package ``vietnam-provinces==2025.10.1`` (install it first:
``pip install vietnam-provinces==2025.10.1``). This script installs nothing.

The package ships ``vietnam_provinces/data/nested-divisions.json``: a JSON array of
34 provinces, each ``{"name", "code" (int), "codename", "division_type",
"phone_code" (int), "wards": [{"name", "code" (int), "codename", "division_type",
"short_codename"}, ...]}``. Names already carry their division word
("Phường Hoàn Kiếm", "Thành phố Hà Nội", "Cao Bằng") and are kept as the file has them.

Writes (UTF-8, NFC, sorted by code):
  seed/units/provinces.csv  code,name,division_type,phone_code
  seed/units/communes.csv   code,name,division_type,province_code

Codes are the official statistical codes, zero-padded: provinces to 2 digits,
communes/wards to 5 digits (the width of the national list).
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from importlib import metadata, resources
from pathlib import Path

PACKAGE = "vietnam_provinces"
EXPECTED_VERSION = "2025.10.1"
EXPECTED_PROVINCES = 34
EXPECTED_COMMUNES = 3321

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "seed" / "units"

# Division types as the file spells them -> the Vietnamese words we store.
PROVINCE_TYPES = {
    "tỉnh": "tỉnh",
    "thành phố trung ương": "thành phố trung ương",
}
COMMUNE_TYPES = {
    "xã": "xã",
    "phường": "phường",
    "đặc khu": "đặc khu",
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def load() -> list[dict]:
    try:
        version = metadata.version("vietnam-provinces")
    except metadata.PackageNotFoundError:
        sys.exit(
            "vietnam-provinces is not installed: pip install vietnam-provinces==2025.10.1"
        )
    if version != EXPECTED_VERSION:
        sys.exit(f"vietnam-provinces {version} found, {EXPECTED_VERSION} expected")
    data = resources.files(PACKAGE).joinpath("data", "nested-divisions.json")
    with data.open("r", encoding="utf-8") as fh:
        return json.load(fh)


def division(kind: str, table: dict[str, str], where: str) -> str:
    key = nfc(kind).lower()
    if key not in table:
        sys.exit(f"unknown division_type {kind!r} in {where}")
    return table[key]


def main() -> None:
    provinces_in = load()
    provinces: list[dict[str, str]] = []
    communes: list[dict[str, str]] = []
    for p in provinces_in:
        pcode = f"{int(p['code']):02d}"
        provinces.append(
            {
                "code": pcode,
                "name": nfc(p["name"]),
                "division_type": division(p["division_type"], PROVINCE_TYPES, pcode),
                "phone_code": str(p["phone_code"]) if p.get("phone_code") else "",
            }
        )
        for w in p["wards"]:
            wcode = f"{int(w['code']):05d}"
            communes.append(
                {
                    "code": wcode,
                    "name": nfc(w["name"]),
                    "division_type": division(w["division_type"], COMMUNE_TYPES, wcode),
                    "province_code": pcode,
                }
            )

    provinces.sort(key=lambda r: r["code"])
    communes.sort(key=lambda r: r["code"])

    assert len(provinces) == EXPECTED_PROVINCES, len(provinces)
    assert len(communes) == EXPECTED_COMMUNES, len(communes)
    assert len({r["code"] for r in provinces}) == len(provinces), "duplicate province code"
    assert len({r["code"] for r in communes}) == len(communes), "duplicate commune code"

    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows, fields in (
        ("provinces.csv", provinces, ["code", "name", "division_type", "phone_code"]),
        ("communes.csv", communes, ["code", "name", "division_type", "province_code"]),
    ):
        with (OUT / name).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    by_type: dict[str, int] = {}
    for c in communes:
        by_type[c["division_type"]] = by_type.get(c["division_type"], 0) + 1
    print(f"provinces: {len(provinces)}")
    print(f"communes: {len(communes)} ({', '.join(f'{k} {v}' for k, v in sorted(by_type.items()))})")
    print(f"written to {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
