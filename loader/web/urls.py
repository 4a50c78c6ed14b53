"""URLs as identities and as things kgload may fetch: normalising, and the safety rule.

``normalize_url`` gives the one spelling of an article's URL that its document id is made of:
scheme and host in lower case, no default port, no fragment, no tracking parameters (``utm_*``,
``fbclid``, ``gclid`` ...), an empty path as ``/``. The same article reached through a feed, a
URL list, a saved page or a WARC record gets the same id.

``check_fetchable`` is the safety rule of every fetch: only ``http``/``https``; and a URL that
kgload found (a feed's entry, a redirect) whose host resolves to a loopback, private,
link-local or otherwise reserved address is refused, unless it is on the same host as the feed
or page it came from, or the user allowed private addresses (``--allow-private``). A URL the
user typed (an argument or a line of ``--urls FILE``) is the user's choice and is not checked
for its address.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

WEB_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl",
                   "ocid", "cmpid", "ito", "smid", "s_cid", "wt.mc_id"}


class UnsafeURL(ValueError):
    """A URL kgload refuses to fetch; the message is the reason, for one line."""


def is_web_url(text: str) -> bool:
    """An ``http://`` or ``https://`` URL (what a command-line argument is taken for)."""
    return text[:8].lower().startswith(("http://", "https://"))


def normalize_url(url: str) -> str:
    """The canonical spelling of ``url`` (see the module's docstring)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    # credentials (user:password@) are never part of an identity
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not (k.lower().startswith("utm_") or k.lower() in TRACKING_PARAMS)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def resolve(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to; raises UnsafeURL when it resolves to none."""
    try:
        return [str(info[4][0]) for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)]
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeURL(f"host {host!r} not found ({getattr(exc, 'strerror', None) or exc})") from None


def check_fetchable(url: str, *, found_on: str | None = None, allow_private: bool = False) -> None:
    """Raise UnsafeURL unless kgload may fetch ``url``. ``found_on`` is the URL of the feed or
    page (or the request a redirect answered) that gave it; None for a URL the user gave."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise UnsafeURL(f"only http(s) URLs are fetched, not {scheme or 'a URL without a scheme'}:")
    host = (parts.hostname or "").lower()
    if not host:
        raise UnsafeURL("URL has no host")
    if found_on is None or allow_private or host == host_of(found_on):
        return
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        raise UnsafeURL("URL has a bad port") from None
    for address in resolve(host, port):
        if _is_private(address):
            raise UnsafeURL(f"refused: {host} resolves to the non-public address {address} "
                            "(a link in a feed or page; --allow-private allows it)")
