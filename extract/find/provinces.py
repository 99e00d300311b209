"""The 63 provinces in force until 30 June 2025 and each one's 2025 successor.

Why a package: names, GSO codes and the 2025 merger map are official data that change by
decree; ``vietnamadminunits`` ships them (the 63-unit list, the 34-unit list and the map
from one to the other) and is kept up to date, so nothing here is typed by hand. Its
data files are read directly: importing the package itself would pull in its address
parser (shapely, geopy), which this pipeline does not need.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError


@dataclass(frozen=True)
class Province:
    code: str  # GSO code of the unit in force until 30 June 2025, two digits
    name: str  # official name without its administrative word ("Hồ Chí Minh")
    city: bool  # a centrally-run city ("Thành phố"), not a "Tỉnh"
    code_2025: str  # the unit it belongs to from 1 July 2025
    name_2025: str

    def as_dict(self) -> dict[str, str]:
        """The record's ``province`` object (SPEC section 8)."""
        return {
            "code": self.code,
            "name": self.name,
            "code_2025": self.code_2025,
            "name_2025": self.name_2025,
        }


def _data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise UsageError(
            "the province list needs the vietnamadminunits package: pip install vietnamadminunits"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@functools.cache
def provinces() -> dict[str, Province]:
    """The 63 units by GSO code, each with its 2025 successor."""
    data = _data_dir()
    legacy = json.loads((data / "parser_legacy.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    new = json.loads((data / "parser_from_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    merged_into = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    successor = {old: new[key] for key, olds in merged_into.items() for old in olds}
    out: dict[str, Province] = {}
    for key, unit in legacy.items():
        after = successor[key]
        out[unit["provinceCode"]] = Province(
            code=unit["provinceCode"],
            name=unit["provinceShort"],
            city=unit["province"].startswith("Thành phố"),
            code_2025=after["provinceCode"],
            name_2025=after["provinceShort"],
        )
    return dict(sorted(out.items()))
