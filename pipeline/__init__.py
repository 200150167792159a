"""pipeline: clean scraped and extracted text, and account for every change.

>>> from pipeline import clean
>>> result = clean("It\\u00e2\\u20ac\\u2122s  here.Evidently")
>>> result.text
"It's here. Evidently\\n"
>>> [edit.rule.code for edit in result.edits]
['U001', 'W004', 'W008', 'Q002', 'P001']
"""

from __future__ import annotations

from pipeline.cleaning import Cleaned, clean
from pipeline.config import Config
from pipeline.edits import Edit, Kind, Rule

__all__ = ["Cleaned", "Config", "Edit", "Kind", "Rule", "__version__", "clean"]
__version__ = "0.1.0"
