from django.db import models


class County(models.TextChoices):
    """Sveriges län with their official two-digit codes."""

    STOCKHOLM = "01", "Stockholms län"
    UPPSALA = "03", "Uppsala län"
    SODERMANLAND = "04", "Södermanlands län"
    OSTERGOTLAND = "05", "Östergötlands län"
    JONKOPING = "06", "Jönköpings län"
    KRONOBERG = "07", "Kronobergs län"
    KALMAR = "08", "Kalmar län"
    GOTLAND = "09", "Gotlands län"
    BLEKINGE = "10", "Blekinge län"
    SKANE = "12", "Skåne län"
    HALLAND = "13", "Hallands län"
    VASTRA_GOTALAND = "14", "Västra Götalands län"
    VARMLAND = "17", "Värmlands län"
    OREBRO = "18", "Örebro län"
    VASTMANLAND = "19", "Västmanlands län"
    DALARNA = "20", "Dalarnas län"
    GAVLEBORG = "21", "Gävleborgs län"
    VASTERNORRLAND = "22", "Västernorrlands län"
    JAMTLAND = "23", "Jämtlands län"
    VASTERBOTTEN = "24", "Västerbottens län"
    NORRBOTTEN = "25", "Norrbottens län"
