"""A made-up platform, "Social", served over HTTPS on 127.0.0.1 for the maintainer tools' tests.

The tools are pointed at it with --resolve (and --insecure: the certificate is self-signed), so the
addresses they see are the checklist's own (https://www.social.test/...), exactly as on a real run.
Pages: a good one, a renamed label, a redirect, a sign-in wall, a 404, a redirect off the platform, a page
that never answers, a page under a filled-in URL parameter, and two official help pages.
"""

from __future__ import annotations

import datetime as dt
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

HOSTS = ("www.social.test", "help.social.test", "elsewhere.test")


def page(title: str, body: str) -> str:
    return f"<!doctype html><html lang=en><head><title>{title}</title></head><body><main>{body}</main></body></html>"


@dataclass
class Route:
    status: int = 200
    body: str = ""
    location: str | None = None
    hang: bool = False


@dataclass
class Social:
    folder: Path
    routes: dict[str, Route] = field(default_factory=dict)
    release: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        r = self.routes
        r["www.social.test/settings/privacy"] = Route(body=page("Privacy", (
            "<h1>Privacy</h1><label><input type=checkbox> Private account</label>"
            "<div id=late></div><script>setTimeout(() => {"
            " document.getElementById('late').textContent = 'Who can message you'; }, 300);</script>"
        )))  # fmt: skip
        r["www.social.test/settings/tags"] = Route(body=page("Tags", "<h1>Tags and mentions</h1>"))
        r["www.social.test/settings/old-stories"] = Route(301, location="/settings/stories")
        r["www.social.test/settings/stories"] = Route(body=page("Stories", "<p>Story sharing</p>"))
        r["www.social.test/settings/ads"] = Route(
            302, location="https://www.social.test/login?next=/settings/ads"
        )
        r["www.social.test/login"] = Route(body=page("Log in", (
            "<form><label>Email <input name=email></label>"
            "<label>Password <input type=password name=pw></label></form>"
        )))  # fmt: skip
        r["www.social.test/settings/away"] = Route(302, location="https://elsewhere.test/landing")
        r["elsewhere.test/landing"] = Route(body=page("Elsewhere", "<p>Somewhere else</p>"))
        r["www.social.test/settings/slow"] = Route(hang=True)
        r["www.social.test/jobloggs/about"] = Route(body=page("About", "<h1>About jobloggs</h1>"))
        r["help.social.test/private"] = Route(body=page("Help", (
            "<p>To make your account private, turn on <b>Private account</b>.</p>"
            "<p>Choose <span>Who can&nbsp;message</span> you.</p><script>var x = 'Tagging';</script>"
        )))  # fmt: skip
        r["help.social.test/tags"] = Route(body=page("Help", "<p>Open Tags and mentions.</p>"))
        self._start()

    def _start(self) -> None:
        cert, key = self.folder / "cert.pem", self.folder / "key.pem"
        write_certificate(cert, key)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").split(":")[0]
                route = site.routes.get(host + self.path.split("?", 1)[0])
                if route is None:
                    self.send_error(404)
                    return
                if route.hang:
                    site.release.wait(30)  # never answers while the test runs
                    return
                self.send_response(route.status)
                if route.location:
                    self.send_header("Location", route.location)
                data = route.body.encode()
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        # The handshake happens in each request's thread, so a client that stalls blocks nobody else.
        self.server.socket = context.wrap_socket(
            self.server.socket, server_side=True, do_handshake_on_connect=False
        )
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def resolve_args(self) -> list[str]:
        return [arg for host in HOSTS for arg in ("--resolve", f"{host}=127.0.0.1:{self.port}")] + [
            "--insecure"
        ]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def write_certificate(cert_path: Path, key_path: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "social.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(h) for h in HOSTS]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
