from django import forms

from samordna.associations.models import Association


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Sökord",
        max_length=200,
        required=False,
        help_text="T.ex. ”Samkraft 2021” eller ”bevilja arbetskonsulent”. Alla ord ska finnas "
        "i paragrafen; ett årtal söker det årets sammanträden.",
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class PublicSearchForm(SearchForm):
    forbund = forms.ModelChoiceField(
        label="Förbund",
        queryset=Association.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="Alla förbund",
    )
