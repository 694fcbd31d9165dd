"""The target groups Insatskatalogen filters by. The list follows the groups the förbund's
applications and Uppföljning Finsam name; a förbund describes its own target group in words
on each insats."""

from django.db import migrations

TARGET_GROUPS = [
    ("unga-vuxna", "Unga vuxna 16–29 år"),
    ("forsorjningsstod", "Personer med försörjningsstöd"),
    ("aktivitetsersattning", "Personer med aktivitetsersättning"),
    ("sjukskrivna", "Sjukskrivna och personer med sjukersättning"),
    ("funktionsnedsattning", "Personer med funktionsnedsättning"),
    ("psykisk-ohalsa", "Personer med psykisk ohälsa"),
    ("nyanlanda", "Nyanlända och utrikes födda"),
    ("langtidsarbetslosa", "Långtidsarbetslösa"),
    ("forraldrar", "Föräldrar och familjer"),
    ("personal", "Personal hos medlemmarna (strukturövergripande)"),
]


def add(apps, schema_editor):
    TargetGroup = apps.get_model("interventions", "TargetGroup")
    for position, (code, name) in enumerate(TARGET_GROUPS, start=1):
        TargetGroup.objects.update_or_create(
            code=code, defaults={"name": name, "position": position}
        )


def remove(apps, schema_editor):
    apps.get_model("interventions", "TargetGroup").objects.filter(
        code__in=[code for code, _ in TARGET_GROUPS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("interventions", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
