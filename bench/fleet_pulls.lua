-- wrk script of bench/fleet.py: no-change pulls cycling over every simulated kiosk.
-- KIOSKS names a file of "path<TAB>authorization<TAB>etag" lines. Anything but a 304 or a
-- 200 without changes is an error. done() prints one "FLEET {json}" line.
local kiosks = {}
local threads = {}
n, ok, errors, not_modified = 0, 0, 0, 0  -- globals: done() reads them with thread:get

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("KIOSKS")) do
    local path, auth, etag = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)$")
    local headers = {["Authorization"] = auth}
    if etag ~= "" then headers["If-None-Match"] = etag end
    table.insert(kiosks, wrk.format("GET", path, headers))
  end
end

function request()
  n = n + 1
  return kiosks[(n % #kiosks) + 1]
end

function response(status, headers, body)
  if status == 304 then not_modified = not_modified + 1 end
  if status == 304 or (status == 200 and body:find('"changes":[]', 1, true)) then
    ok = ok + 1
  else
    errors = errors + 1
    if errors <= 3 then io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end

function done(summary, latency, requests)
  local good, bad, nm = 0, 0, 0
  for _, t in ipairs(threads) do
    good = good + t:get("ok")
    bad = bad + t:get("errors")
    nm = nm + t:get("not_modified")
  end
  bad = bad + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('FLEET {"ok": %d, "not_modified": %d, "errors": %d, "seconds": %.3f, "p50_us": %d, "p99_us": %d}\n',
    good, nm, bad, summary.duration / 1e6, latency:percentile(50), latency:percentile(99)))
end
