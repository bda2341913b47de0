#!/usr/bin/env python3
"""Generate seed/agencies.csv for Tây Ninh from scripts/seed/departments.csv and
seed/units/communes.csv (run extract_units.py first).

Agency codes follow the NNN.NN.NN.XNN form of the national electronic identifier
list (Decision 20/2020/QĐ-TTg), read right to left: level-1 unit, level-2 unit,
level-3 unit, level-4 unit. ASSUMPTIONS (see seed/README.md):

* H53 is the level-1 code of Tây Ninh People's Committee (UBND tỉnh) -> 000.00.00.H53.
* Provincial departments and units directly under the UBND tỉnh get level-2 codes
  000.00.NN.H53, NN from the ``unit`` column of departments.csv (numbering is ours).
* Commune/ward People's Committees get 000.NN.BB.H53 with the second group never 00:
  NN = the commune's ordinal (01-99) in ascending statistical-code order and
  BB = 50 + (ordinal - 1) // 99, a block reserved for commune-level units.
  The numbering is fixed for the July-2025 map and must never be reassigned.
* Commune agencies are named "UBND xã X" / "UBND phường Y". Names may differ only by diacritics
  (Tân Thành / Tân Thạnh); the loader makes such URL slugs unique with the agency code.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPARTMENTS = Path(__file__).resolve().parent / "departments.csv"
COMMUNES = ROOT / "seed" / "units" / "communes.csv"
PROVINCES = ROOT / "seed" / "units" / "provinces.csv"
OUT = ROOT / "seed" / "agencies.csv"

PROVINCE_NAME = "Tây Ninh"
LEVEL1 = "H53"
COMMUNE_BLOCK = 50
CODE_RE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
FIELDS = [
    "code", "name", "short_name", "level", "province_code", "commune_code",
    "parent_code", "address", "phone", "email", "website",
]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", (text or "").strip())


def province_code() -> str:
    with PROVINCES.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["name"] == PROVINCE_NAME:
                return row["code"]
    sys.exit(f"{PROVINCE_NAME} not found in {PROVINCES}")


def department_code(unit: str) -> str:
    return f"000.00.{int(unit):02d}.{LEVEL1}"


def commune_code(ordinal: int) -> str:
    block = COMMUNE_BLOCK + (ordinal - 1) // 99
    if block > 99:
        raise ValueError("too many communes for the reserved block")
    return f"000.{(ordinal - 1) % 99 + 1:02d}.{block:02d}.{LEVEL1}"


def departments() -> list[dict[str, str]]:
    with DEPARTMENTS.open(encoding="utf-8") as fh:
        return [{k: nfc(v) for k, v in row.items()} for row in csv.DictReader(fh)]


def department_codes() -> dict[str, str]:
    """key (e.g. TUPHAP) -> agency code; used by build_procedures.py too."""
    return {d["key"]: department_code(d["unit"]) for d in departments()}


def main() -> None:
    pcode = province_code()
    top = department_code("00")
    rows: list[dict[str, str]] = []
    for d in departments():
        code = department_code(d["unit"])
        rows.append(
            {
                "code": code,
                "name": d["name"],
                "short_name": d["short_name"],
                "level": "province",
                "province_code": pcode,
                "commune_code": "",
                "parent_code": "" if code == top else top,
                "address": d["address"],
                "phone": d["phone"],
                "email": d["email"],
                "website": d["website"],
            }
        )
    with COMMUNES.open(encoding="utf-8") as fh:
        communes = sorted(
            (c for c in csv.DictReader(fh) if c["province_code"] == pcode),
            key=lambda c: c["code"],
        )
    for ordinal, c in enumerate(communes, start=1):
        kind = c["division_type"]  # xã / phường / đặc khu
        # "Xã Hưng Điền" -> "Hưng Điền"
        bare = c["name"][len(kind) + 1:] if c["name"].lower().startswith(kind + " ") else c["name"]
        rows.append(
            {
                "code": commune_code(ordinal),
                "name": nfc(f"UBND {kind} {bare}"),
                "short_name": "",
                "level": "commune",
                "province_code": pcode,
                "commune_code": c["code"],
                "parent_code": top,
                "address": nfc(f"{kind.capitalize()} {bare}, tỉnh {PROVINCE_NAME}"),
                "phone": "",
                "email": "",
                "website": "",
            }
        )

    codes = [r["code"] for r in rows]
    assert len(set(codes)) == len(codes), "duplicate agency code"
    assert all(CODE_RE.match(c) for c in codes), "bad agency code"
    assert len({r["name"] for r in rows}) == len(rows), "duplicate agency name"

    # Province-level first (by code), then communes (by code): stable and readable.
    rows.sort(key=lambda r: (r["level"] != "province", r["code"]))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    n_prov = sum(r["level"] == "province" for r in rows)
    print(f"agencies: {len(rows)} ({n_prov} province-level, {len(rows) - n_prov} commune-level) -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
