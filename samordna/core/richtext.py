"""Rich text typed by users (a paragraph's matter, a proposal): a small set of HTML tags,
everything else removed by nh3 before it is stored and again before it is shown."""

import re

import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "table", "tr", "th", "td"}
ATTRIBUTES = {"a": {"href"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def sanitise(text: str) -> str:
    """Keep the allowed markup; plain text (no tags) is stored as typed."""
    if not _TAG.search(text):
        return text
    return nh3.clean(text, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES)


def render(text: str) -> SafeString:
    """HTML for a stored text: markup sanitised once more, plain text as paragraphs."""
    if _TAG.search(text):
        return mark_safe(sanitise(text))
    return mark_safe(linebreaks(text, autoescape=True))
