import ipaddress

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from python_ipware import IpWare

from samordna.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request behind login_required: its user is a Samordna user."""

    user: User


def file_response(
    content: bytes | str, filename: str, content_type: str, *, inline: bool = False
) -> HttpResponse:
    """A file to download (or, `inline`, to show): PDFs, spreadsheets, CSV, calendars. The
    name may hold å, ä and ö (sent as RFC 6266 says)."""
    response = HttpResponse(content, content_type=content_type)
    disposition = content_disposition_header(not inline, filename)
    assert disposition is not None  # None only for inline without a name
    response["Content-Disposition"] = disposition
    return response


def client_ip(request: HttpRequest) -> str:
    """The address of the client, as the trusted proxies in front of Samordna report it.

    With `SAMORDNA_PROXY_COUNT` = N proxies, each appending to X-Forwarded-For, the client
    is the N-th address from the right of that header; whatever a client writes into the
    header itself stands further left and is never read. The header is read only when the
    request comes from one of `SAMORDNA_TRUSTED_PROXIES` (if that is set); otherwise, and
    without proxies, the client is REMOTE_ADDR. Used for the login lockout and rate limits.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = settings.SAMORDNA_PROXY_COUNT
    if count <= 0 or not _from_trusted_proxy(remote):
        return remote
    # ipware counts the proxies written into the header: all but the one connecting to us.
    ipware = IpWare(precedence=("HTTP_X_FORWARDED_FOR",), leftmost=True, proxy_count=count - 1)
    address, _ = ipware.get_client_ip(request.META, strict=False)
    return str(address) if address else remote


def _from_trusted_proxy(remote: str) -> bool:
    trusted = settings.SAMORDNA_TRUSTED_PROXIES
    if not trusted:
        return True
    try:
        address = ipaddress.ip_address(remote)
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net, strict=False) for net in trusted)
