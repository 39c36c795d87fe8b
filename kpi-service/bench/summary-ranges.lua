-- wrk script for the gold benchmark (gold-benchmark.sh runs it): GET /kpi/summary over random day ranges
-- [from, to) within the first BENCH_DAYS days from 2019-10-01, or the whole span when BENCH_WHOLE=1.
-- Environment: BENCH_DATASET, BENCH_DAYS, BENCH_KEY (the reader API key), BENCH_WHOLE.
local dataset = os.getenv("BENCH_DATASET")
local days = tonumber(os.getenv("BENCH_DAYS") or "30")
local key = os.getenv("BENCH_KEY")
local whole = os.getenv("BENCH_WHOLE") == "1"
-- noon, so that a local-time zone offset never moves the date
local first = os.time({year = 2019, month = 10, day = 1, hour = 12})

local function day(offset)
  return os.date("%Y-%m-%d", first + offset * 86400)
end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

function request()
  local from, to = 0, days
  if not whole then
    from = math.random(0, days - 1)
    to = math.random(from + 1, days)
  end
  local path = "/kpi/summary?dataset=" .. dataset .. "&from=" .. day(from) .. "&to=" .. day(to)
  return wrk.format("GET", path, {["X-API-Key"] = key})
end

function done(summary, latency, requests)
  io.write(string.format("WRK p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %d requests, %.0f requests/s, %d errors (status %d, timeout %d)\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
