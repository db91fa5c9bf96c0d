"""Open a page in headless Chromium (the Debian package) and report what a person would meet:
console messages, errors, resources that failed to load, and a screenshot. Spoken over the
DevTools protocol with websocket-client, so no browser is downloaded at run time.

    python -m warehouse.browser report/index.html [--screenshot page.png] [--width 1100]

Exit status 0 when the page loaded without a console error, a JavaScript exception or a failed
resource; 1 otherwise (each problem printed); 2 when Chromium cannot be started.
"""

from __future__ import annotations

import argparse
import base64
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websocket

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
EXIT_PROBLEMS = 1
EXIT_NO_BROWSER = 2


@dataclass
class PageVisit:
    url: str
    problems: list[str] = field(default_factory=list)
    evaluated: Any = None
    screenshot: bytes | None = None


def find_chromium() -> str | None:
    return next((p for p in (shutil.which(n) for n in CHROMIUM_NAMES) if p), None)


class _DevTools:
    """A minimal DevTools-protocol session on one page target."""

    def __init__(self, ws_url: str) -> None:
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self.ids)
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == event for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {event} within {timeout:.0f} s")
            self.ws.settimeout(max(deadline - time.monotonic(), 0.1))
            self.events.append(json.loads(self.ws.recv()))

    def close(self) -> None:
        self.ws.close()


def _problems(events: list[dict[str, Any]]) -> list[str]:
    found = []
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            found.append(f"console {params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            found.append(f"exception: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
            entry = params["entry"]
            found.append(f"log {entry['level']}: {entry.get('text')} {entry.get('url', '')}".strip())
        elif method == "Network.loadingFailed":
            found.append(f"failed to load: {params.get('errorText')} (request {params.get('requestId')})")
    return found


def visit(page: Path | str, expression: str | None = None, screenshot: bool = False, width: int = 1100,
          height: int = 1400, timeout: float = 60, full_page: bool = False) -> PageVisit:
    """Load `page` (a file path or URL) in headless Chromium; collect problems, evaluate
    `expression` (JavaScript, returned by value) and optionally take a screenshot of the window
    (or of the whole page, `full_page`)."""
    chromium = find_chromium()
    if chromium is None:
        raise FileNotFoundError("no Chromium found: install the Debian package (apt-get install -y chromium), "
                                "or run `make browser`")
    url = page if isinstance(page, str) and re.match(r"[a-z][a-z0-9+.-]+:", page) else Path(page).resolve().as_uri()
    profile = tempfile.mkdtemp(prefix="corroborate-chromium-")
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--remote-debugging-port=0", f"--user-data-dir={profile}", f"--window-size={width},{height}",
                "about:blank"]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            deadline = time.monotonic() + timeout
            while not port_file.exists() or not port_file.read_text().strip():
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"Chromium ({chromium}) did not start (exit {proc.poll()})")
                time.sleep(0.1)
            port = port_file.read_text().split()[0]
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
                targets = json.load(response)
            target = next(t for t in targets if t.get("type") == "page")
            session = _DevTools(target["webSocketDebuggerUrl"])
            try:
                for domain in ("Page", "Runtime", "Log", "Network"):
                    session.call(f"{domain}.enable")
                session.events.clear()
                session.call("Page.navigate", url=url)
                session.wait_for("Page.loadEventFired", timeout)
                result = PageVisit(url=url)
                if expression:
                    evaluated = session.call("Runtime.evaluate", expression=expression, returnByValue=True)
                    result.evaluated = evaluated.get("result", {}).get("value")
                if screenshot:
                    if not full_page:
                        session.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                                     deviceScaleFactor=1, mobile=False)
                    shot = session.call("Page.captureScreenshot", format="png", captureBeyondViewport=full_page)
                    result.screenshot = base64.b64decode(shot["data"])
                result.problems = _problems(session.events)
                return result
            finally:
                session.close()
        finally:
            _stop(proc)
    finally:
        _remove_profile(Path(profile))


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End Chromium and its helper processes (renderer, zygote, crashpad: its process group), which
    otherwise go on writing to the profile directory after the main process has gone."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


def _remove_profile(profile: Path) -> None:
    """Remove Chromium's profile directory. A helper process may still be writing to it for a
    moment after being signalled (`Directory not empty`), so the removal is retried for up to
    5 s before its error is raised."""
    deadline = time.monotonic() + 5
    while True:
        try:
            shutil.rmtree(profile)
            return
        except FileNotFoundError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.browser", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", help="HTML file or URL")
    parser.add_argument("--screenshot", type=Path, help="write a full-page PNG here")
    parser.add_argument("--width", type=int, default=1100, help="window width in pixels (default 1100)")
    parser.add_argument("--height", type=int, default=1400, help="window height in pixels (default 1400)")
    parser.add_argument("--full-page", action="store_true", help="screenshot the whole page, not the window")
    args = parser.parse_args(argv)
    try:
        result = visit(args.page, screenshot=args.screenshot is not None, width=args.width, height=args.height,
                       full_page=args.full_page)
    except (FileNotFoundError, RuntimeError, TimeoutError, OSError) as exc:
        print(f"cannot open {args.page} in Chromium: {exc}", file=sys.stderr)
        return EXIT_NO_BROWSER
    if args.screenshot and result.screenshot:
        args.screenshot.write_bytes(result.screenshot)
        print(f"screenshot: {args.screenshot}")
    for problem in result.problems:
        print(problem)
    print(f"{result.url}: {len(result.problems)} problem(s)")
    return EXIT_PROBLEMS if result.problems else 0


if __name__ == "__main__":
    os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")
    sys.exit(main())
