#!/usr/bin/env python3
"""Times the project edit form, signed in: scripts/benchmark-edit.py BASE_URL PROJECT_ID EMAIL PASSWORD [ROUNDS [POSTGRES_LOG]]

Called by scripts/benchmark.sh (issue 14 asks for the opening of an edit form and its saving each under 300 ms at scale 1).
Signs in through /compte/connexion, then ROUNDS times (default 20) opens /projets/ID/modifier and posts the form back as a
browser would, with every field it holds and the beneficiaries changed (an edit that saves, never one that finds nothing to
change). Prints one line per request kind: "open|save N median_ms p95_ms" and exits 1 if a save does not redirect to the
record. Given POSTGRES_LOG (the cluster's log, with auto_explain logging every statement), it also prints how many SQL
statements each request ran: "open-statements|save-statements N" (the rate limiter's background flush left out). Python's standard library only (urllib, html.parser): no browser, no package to install.
"""
import http.cookiejar
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class FormFields(HTMLParser):
    """The name/value pairs a browser would send for the first form whose attributes include `marker` (or the first form)."""

    def __init__(self, marker=None):
        super().__init__(convert_charrefs=True)
        self.marker, self.inside, self.done = marker, False, False
        self.fields, self._select, self._select_first, self._select_chosen = [], None, None, False
        self._textarea, self._text = None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and (self.marker is None or self.marker in a.values()):
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and "disabled" not in a:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select" and name:
            self._select, self._select_first, self._select_chosen = name, None, False
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in a and not self._select_chosen:
                self.fields.append((self._select, value))
                self._select_chosen = True
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "select" and self._select is not None:
            if not self._select_chosen and self._select_first is not None:
                self.fields.append((self._select, self._select_first))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            self.fields.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "form":
            self.inside, self.done = False, True

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def fields_of(html, marker=None):
    parser = FormFields(marker)
    parser.feed(html)
    return parser.fields


def main():
    if len(sys.argv) < 5:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    base, project, email, password = sys.argv[1:5]
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 20
    log = sys.argv[6] if len(sys.argv) > 6 else None
    statements = {"open": [], "save": []}

    def logged_since(offset):
        # auto_explain writes a statement's plan before the statement answers; the logger may flush a moment later.
        time.sleep(0.3)
        with open(log, encoding="utf-8", errors="replace") as f:
            f.seek(offset)
            text = f.read()
        entries = text.split("LOG:  duration: ")[1:]
        return len([e for e in entries if "api_rate_windows" not in e])

    def log_size():
        time.sleep(0.3)
        with open(log, "rb") as f:
            return f.seek(0, 2)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())

    def request(path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        started = time.perf_counter()
        try:
            with opener.open(urllib.request.Request(base + path, data=body)) as response:
                text, status, location = response.read().decode(), response.status, response.headers.get("Location")
        except urllib.error.HTTPError as error:  # 302 without redirect handler, or an error page
            text, status, location = error.read().decode(errors="replace"), error.code, error.headers.get("Location")
        # Outside Development the portal's cookies are Secure; the benchmark talks plain HTTP to 127.0.0.1, where a browser
        # would send them too (a loopback origin is potentially trustworthy), so the jar sends them back.
        for cookie in jar:
            cookie.secure = False
        return (time.perf_counter() - started) * 1000, status, location, text

    _, _, _, login = request("/compte/connexion")
    form = dict(fields_of(login, "account-form"))
    form.update({"Email": email, "Password": password})
    _, status, location, _ = request("/compte/connexion", form)
    if status != 302:
        print(f"sign-in answered {status}", file=sys.stderr)
        return 1

    opens, saves = [], []
    for i in range(rounds):
        offset = log_size() if log else 0
        elapsed, status, _, page = request(f"/projets/{project}/modifier")
        if log:
            statements["open"].append(logged_since(offset))
        if status != 200:
            print(f"GET /projets/{project}/modifier answered {status}", file=sys.stderr)
            return 1
        opens.append(elapsed)
        fields = fields_of(page, "project-edit-form")
        # One field changed each round, so that every post saves a new version.
        fields = [(n, f"Bénéficiaires mesurés par le banc d’essai ({i % 2})" if n == "Values.Beneficiaries" else v) for n, v in fields]
        offset = log_size() if log else 0
        elapsed, status, location, page = request(f"/projets/{project}/modifier", fields)
        if log:
            statements["save"].append(logged_since(offset))
        if status != 302 or not (location or "").endswith(f"/projets/{project}"):
            print(f"POST /projets/{project}/modifier answered {status} {location or ''}: the save was refused", file=sys.stderr)
            return 1
        saves.append(elapsed)

    def line(kind, values):
        values = sorted(values)
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        print(f"{kind} {len(values)} {statistics.median(values):.1f} {p95:.1f}")

    line("open", opens)
    line("save", saves)
    for kind, counts in statements.items():
        if counts:
            print(f"{kind}-statements {max(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
