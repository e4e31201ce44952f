"""The reader on the corpus of varied workbooks (tests/corpus, made by make_corpus.py).

Each workbook is paired with a partial expectation written from what was put into it, never
from the reader's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus.expect import check

from iku_excel.jsonout import result_to_dict
from iku_excel.read.workbook import read_workbook

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("*.expected.json"))


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 12


@pytest.mark.parametrize("expected_file", CASES, ids=lambda p: p.name.split(".")[0])
def test_reader_meets_expectation(expected_file: Path) -> None:
    workbook = expected_file.with_name(expected_file.name.replace(".expected.json", ".xlsx"))
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(result_to_dict(read_workbook(workbook)), ensure_ascii=False))
    mismatches = check(expected, actual)
    assert not mismatches, "\n".join(mismatches)
