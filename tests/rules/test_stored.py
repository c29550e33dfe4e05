"""An assessment stored as JSON comes back equal, citing the catalogue's own texts."""

import json
from pathlib import Path

from django.utils import timezone, translation

from cases.bundle import bundle_parse
from rules.engine import LPR_SEED, LprTable, assess, summarize
from rules.engine.detect import detector_version
from rules.engine.stored import (
    assessment_from_data,
    assessment_to_data,
    engine_version,
    summary_from_data,
    summary_to_data,
)
from tests.cases.test_bundle_parse import rich_bundle

DEMO = Path(__file__).resolve().parents[2] / "cases" / "demo" / "demo_case.json"


def cases():
    return [bundle_parse(DEMO.read_bytes()), bundle_parse(rich_bundle())]


def test_assessments_come_back_equal_through_json():
    for case in cases():
        for language in ("zh-hans", "en"):
            with translation.override(language):
                assessment = assess(case, today=timezone.localdate())
            data = json.loads(json.dumps(assessment_to_data(assessment)))
            back = assessment_from_data(data)
            assert back == assessment
            assert [f.sources for f in back.findings] == [f.sources for f in assessment.findings]


def test_cited_texts_come_back_as_the_catalogues_own_objects():
    assessment = assess(cases()[0], today=timezone.localdate())
    back = assessment_from_data(assessment_to_data(assessment))
    for before, after in zip(assessment.findings, back.findings, strict=True):
        assert all(a is b for a, b in zip(before.sources, after.sources, strict=True))


def test_summaries_come_back_equal_through_json():
    for case in cases():
        summary = summarize(case, assess(case))
        assert summary_from_data(json.loads(json.dumps(summary_to_data(summary)))) == summary


def test_engine_version_names_the_detector_and_stays_the_same():
    assert engine_version() == engine_version()
    assert engine_version().endswith("+" + detector_version())


def test_lpr_fingerprint_follows_the_table():
    assert LprTable().fingerprint() == LprTable(LPR_SEED).fingerprint()
    assert LprTable().fingerprint() != LprTable(LPR_SEED[:-1]).fingerprint()
