import subprocess

import pytest
from django.core.management import call_command

from letters.kinds import KINDS
from tests.factories import ContactFactory, LoanFactory


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_render_letter_writes_a_pdf_for_every_kind(case, kind, tmp_path):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan, target="relative")
    out = tmp_path / f"{kind}.pdf"
    call_command("render_letter", case.pk, kind, "--lang", "zh-hans", "--out", str(out))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "浙江网商银行股份有限公司" in text or "李晓梅" in text
