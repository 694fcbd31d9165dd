app_name = "attest"

urlpatterns: list = []
