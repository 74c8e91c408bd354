"""The benchmark's parts that need no browser: the server, the page choice, the summary and its table."""

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from build_tools.benchmark.report import percentile, summarise, table
from build_tools.benchmark.server import serve
from build_tools.benchmark.site import BenchmarkError, find_pages


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    (tmp_path / "assets" / "pyodide" / "1.0").mkdir(parents=True)
    (tmp_path / "assets" / "pyodide" / "1.0" / "pyodide.asm.wasm").write_bytes(b"\0asm" * 1000)
    (tmp_path / "kent" / "alerts").mkdir(parents=True)
    (tmp_path / "kent" / "alerts" / "index.html").write_text("<p>plain guidance</p>" * 50, encoding="utf-8")
    (tmp_path / "aids" / "alert").mkdir(parents=True)
    (tmp_path / "aids" / "alert" / "index.html").write_text(
        '<div class="aid" data-tree="alert">', encoding="utf-8"
    )
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    return tmp_path


def test_the_server_compresses_caches_and_counts_like_a_static_host(small_site: Path):
    with serve(small_site / "kent") as server:
        status, headers, _ = fetch(server.url + "../secret.txt")
        assert status == 404
    with serve(small_site) as server:
        status, headers, body = fetch(
            server.url + "assets/pyodide/1.0/pyodide.asm.wasm", {"Accept-Encoding": "gzip"}
        )
        assert (status, headers["Content-Type"], headers["Content-Encoding"]) == (
            200,
            "application/wasm",
            "gzip",
        )
        assert gzip.decompress(body) == b"\0asm" * 1000
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        status, page_headers, body = fetch(server.url + "kent/alerts/")
        assert (
            status == 200 and body.startswith(b"<p>plain guidance") and "Content-Encoding" not in page_headers
        )
        assert page_headers["Cache-Control"] == "no-cache"
        status, _, body = fetch(server.url + "kent/alerts/", {"If-None-Match": page_headers["ETag"]})
        assert (status, body) == (304, b"")
        sent = server.take_counts()
        assert sent["/kent/alerts/"] > 1000 + 2 * 100  # the page once, two sets of headers
        assert 0 < sent["/assets/pyodide/1.0/pyodide.asm.wasm"] < 4000  # compressed
        assert server.take_counts() == {}


def test_the_pages_measured_are_the_first_aid_and_a_guidance_page_without_one(small_site: Path):
    pages = find_pages(small_site)
    assert (pages.aid, pages.tree, pages.plain) == ("aids/alert/", "alert", "kent/alerts/")


def test_a_site_without_an_aid_is_refused_clearly(small_site: Path):
    (small_site / "aids" / "alert" / "index.html").write_text("<p>no aid yet</p>", encoding="utf-8")
    with pytest.raises(BenchmarkError, match="no page of the built site has an aid"):
        find_pages(small_site)


def test_percentile_is_nearest_rank():
    values = [float(value) for value in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.95), percentile([7.0], 0.95)) == (50.0, 95.0, 7.0)


def _aid(ready: float, boot: str) -> dict:
    sent = {
        "/aids/alert/": 20_000,
        "/assets/pyodide/1/pyodide.asm.wasm": 3_000_000,
        "/assets/pyodide/1/s.bin.gz": 6_000,
    }
    return {
        "boot": boot,
        "fcp": 100.0,
        "question_visible": 105.0,
        "engine_start": 50.0,
        "engine_ready": ready,
        "answered": 300.0,
        "second_question": ready + 30.0,
        "round_trips": [40.0, *([2.0] * 99)],
        "sent": sent,
    }


def _runs(warm_ready: float) -> dict:
    bare = {"ready": 2000.0, "start": 50.0, "sent": {}}
    return {
        "aid": {"cold": [_aid(2200.0, "plain")] * 5, "warm": [_aid(warm_ready, "snapshot")] * 5},
        "plain": {
            "cold": [{"fcp": 100.0, "sent": {"/kent/": 700_000}}] * 5,
            "warm": [{"fcp": 100.0, "sent": {}}] * 5,
        },
        "bare": {"cold": [bare] * 5, "warm": [bare] * 5},
        "floor": {"cold": [], "warm": [{"ready": 600.0, "start": 50.0, "sent": {}}] * 5},
    }


def test_the_summary_gives_ratios_against_the_same_run_and_the_table_flags_misses():
    summary = summarise(_runs(900.0), 12.34)
    assert summary["cold"]["ready_vs_bare"] == 1.1 and summary["warm"]["ready_vs_bare"] == 0.45
    assert summary["floor"] == {"ready_ms": 600, "ready_after_start_ms": 550, "engine_ready_vs_floor": 1.5}
    assert summary["cold"]["second_question_after_ready_ms"] == 30
    assert summary["cold"]["question_vs_plain_fcp"] == 1.05
    assert summary["cold"]["boot_file_bytes"] == 3_000_000 and summary["cold"]["snapshot_bytes"] == 6_000
    assert summary["round_trip_ms"] == {
        "p50": 2.0,
        "p95": 2.0,
        "samples": 990,
        "first_after_ready_median": 40.0,
    }
    lines = {re.split(r"\s{2,}", line.strip())[0]: line for line in table([summary]).splitlines()}
    assert lines["engine / bare, cold"].endswith("yes") and lines["engine / bare, warm"].endswith("NO")
    assert lines["engine / floor, warm"].endswith("NO") and lines["after engine ready (ms)"].endswith("yes")
    assert lines["from navigation, warm (ms)"].endswith("NO")  # 930 ms
    assert lines["Plain page bytes"].endswith("NO") and lines["Site build (s)"].endswith("12.3")


def test_repeats_give_the_spread_of_their_medians_and_a_target_met_by_some_says_how_many():
    summaries = [summarise(_runs(ready), 12.0) for ready in (650.0, 700.0, 800.0)]
    lines = {re.split(r"\s{2,}", line.strip())[0]: line for line in table(summaries).splitlines()}
    assert re.split(r"\s{2,}", lines["engine / floor, warm"].strip())[1:] == [
        "1.083-1.333",
        "<= 1.2",
        "2 of 3",
    ]
    assert "650-800" in lines["Engine ready (ms)"]
