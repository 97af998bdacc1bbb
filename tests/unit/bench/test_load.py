"""The load bench's arithmetic: the rounds of a run taken together, as its figures and ratio are."""

from bench.load import _figures, _merged, _percentiles


def _run_of(requests: int, seconds: float, latency: float, statuses: dict[str, int]) -> dict:
    return {
        "requests": requests,
        "unsent_slots": 0,
        "per_second": round(requests / seconds, 1),
        **_percentiles([latency] * requests),
        "statuses": statuses,
        "acked": ["id"] * requests,
        "elapsed": seconds,
        "latencies": [latency] * requests,
    }


def test_rounds_merged_sum_their_requests_and_statuses_and_take_percentiles_over_all():
    fast = _run_of(900, 1.0, 0.010, {"202": 900})
    slow = _run_of(100, 1.0, 0.100, {"202": 90, "503": 10})
    merged = _merged([fast, slow])
    assert merged["per_second"] == 500.0
    assert merged["requests"] == 1000
    assert merged["statuses"] == {"202": 990, "503": 10}
    assert merged["p50_ms"] == 10.0
    assert merged["p99_ms"] == 100.0


def test_rounds_of_unequal_length_weigh_by_their_seconds():
    merged = _merged([_run_of(600, 3.0, 0.01, {}), _run_of(100, 1.0, 0.01, {})])
    assert merged["per_second"] == 175.0


def test_percentiles_of_no_request_are_none():
    assert _percentiles([]) == {"p50_ms": None, "p99_ms": None}


def test_the_printed_figures_leave_out_ids_seconds_and_latencies():
    figures = _figures(_run_of(3, 1.0, 0.002, {"202": 3}))
    assert set(figures) == {"requests", "unsent_slots", "per_second", "p50_ms", "p99_ms", "statuses"}
    assert figures["p99_ms"] == 2.0
