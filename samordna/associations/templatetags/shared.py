"""Parts of a page that every reader of a förbund sees the same, kept in the cache under the
förbund's version (`associations.cache`):

    {% load shared %}
    {% shared association "start.office" today manages %} … {% endshared %}
    {% shared_nationally "catalogue" request.GET.urlencode %} … {% endshared_nationally %}

The words after the name are what else the part depends on (the day, the reader's role, the
address's parameters). The view hands the part's data lazily (`SimpleLazyObject`), so that
nothing is asked of the database when the part is found. Never
put a form that posts inside: its CSRF token is the reader's own.
"""

import hashlib
import logging

from django import template
from django.core.cache import cache
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe

from samordna.associations.cache import TIMEOUT, national_version

register = template.Library()
logger = logging.getLogger(__name__)

_NATIONAL = "samordna:national_version"  # the version, kept while one page renders


class SharedNode(template.Node):
    def __init__(
        self,
        nodelist: NodeList,
        association: FilterExpression | None,
        name: FilterExpression,
        vary_on: list[FilterExpression],
    ) -> None:
        self.nodelist = nodelist
        self.association = association
        self.name = name
        self.vary_on = vary_on

    def render(self, context: template.Context) -> SafeString:
        if self.association is None:
            # Once per page: a page may keep more than one national part (its title and
            # its content), and the version is a query over every förbund.
            if _NATIONAL not in context.render_context:
                context.render_context[_NATIONAL] = national_version()
            owner = f"national:{context.render_context[_NATIONAL]}"
        else:
            association = self.association.resolve(context)
            owner = f"{association.pk}:{association.render_version}"
        varies = "\x1f".join(str(v.resolve(context)) for v in self.vary_on)
        digest = hashlib.md5(varies.encode(), usedforsecurity=False).hexdigest()
        key = f"samordna:shared:{self.name.resolve(context)}:{owner}:{digest}"
        found = cache.get(key)
        if found is None:
            found = self.nodelist.render(context)
            if "csrfmiddlewaretoken" in found:
                # A form that posts carries the reader's own token: never kept for others.
                logger.error("The shared part %s holds a CSRF token; it is not kept.", key)
                return found
            cache.set(key, str(found), TIMEOUT)
        return mark_safe(found)  # the template's own output, escaped as it rendered


def _parse(parser: Parser, token: Token, *, national: bool) -> SharedNode:
    bits = token.split_contents()
    tag = bits[0]
    needed = 2 if national else 3
    if len(bits) < needed:
        raise template.TemplateSyntaxError(
            f"{tag} needs {'a name' if national else 'the förbund and a name'}."
        )
    nodelist = parser.parse((f"end{tag}",))
    parser.delete_first_token()
    expressions = [parser.compile_filter(bit) for bit in bits[1:]]
    if national:
        return SharedNode(nodelist, None, expressions[0], expressions[1:])
    return SharedNode(nodelist, expressions[0], expressions[1], expressions[2:])


@register.tag
def shared(parser: Parser, token: Token) -> SharedNode:
    return _parse(parser, token, national=False)


@register.tag
def shared_nationally(parser: Parser, token: Token) -> SharedNode:
    return _parse(parser, token, national=True)
