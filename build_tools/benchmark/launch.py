"""How every Chromium of the project is launched: the benchmark's, the tests' and the README pictures'."""

CHROMIUM = "/usr/bin/chromium"  # Debian's: Playwright's own download needs the internet
# No network but 127.0.0.1, nothing fetched in the background. Playwright adds --headless and, unless
# given a profile, its own fresh temporary --user-data-dir, which it deletes when the browser closes.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
