from cases.models import Lender


def test_directory_is_seeded_with_licensed_lenders(db):
    mybank = Lender.objects.get(name="浙江网商银行股份有限公司")
    assert mybank.lender_type == "bank"
    ant = Lender.objects.get(name="重庆蚂蚁消费金融有限公司")
    assert ant.lender_type == "consumer_finance"
    assert "花呗" in ant.products
    assert Lender.objects.filter(lender_type="microloan").exists()
