-- What the scenario scripts share. Script arguments: the data file, the number of wrk threads, then the
-- scenario's own. Each thread takes every n-th line of the data file, one line per request, so no line
-- (member) is sent twice; once its lines are used up it asks for nothing more and, when the last answer
-- is in, prints "done" so the bench stops wrk then rather than at -d. The scenario defines
-- scenario_init(args), build(line) -> request and classify(status, body) -> "ok" | "refused" | "error".

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local every = tonumber(args[2])
  lines = {}
  local n = 0
  for line in io.lines(args[1]) do
    if n % every == id then lines[#lines + 1] = line end
    n = n + 1
  end
  scenario_init(args)
  granted, sent, received, ok, refused, errors, statuses, first_error = 0, 0, 0, 0, 0, 0, {}, ""
  -- wrk builds one request on thread 0 to check the script before the run and never sends it
  check_request = id == 0
  io.write("ready\n")
  if #lines == 0 then io.write("done\n") end
  io.flush()
end

-- wrk asks delay() before every request and calls request() when the delay is over; several connections
-- can be between the two at once, so the line is given out here
function delay()
  if granted >= #lines then return 3600000 end
  granted = granted + 1
  return 0
end

function request()
  if check_request then
    check_request = false
    return build(lines[1])
  end
  sent = sent + 1
  return build(lines[sent])
end

function response(status, headers, body)
  received = received + 1
  local kind = classify(status, body or "")
  if kind == "ok" then
    ok = ok + 1
  elseif kind == "refused" then
    refused = refused + 1
  else
    errors = errors + 1
    if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 300) end
  end
  statuses[status] = (statuses[status] or 0) + 1
  if received == #lines then
    io.write("done\n")
    io.flush()
  end
end

-- Parsed by dev.loyalty.bench.Wrk.
function done(summary, latency, requests)
  local total = { ok = 0, refused = 0, errors = 0 }
  local codes, sample = {}, ""
  for _, thread in ipairs(threads) do
    for k in pairs(total) do total[k] = total[k] + thread:get(k) end
    for code, n in pairs(thread:get("statuses")) do codes[code] = (codes[code] or 0) + n end
    if sample == "" then sample = thread:get("first_error") end
  end
  local e = summary.errors
  io.write(string.format("result requests=%d ok=%d refused=%d errors=%d socket_errors=%d duration_us=%d p50_us=%d p99_us=%d\n",
    summary.requests, total.ok, total.refused, total.errors, e.connect + e.read + e.write + e.timeout,
    summary.duration, latency:percentile(50), latency:percentile(99)))
  for code, n in pairs(codes) do io.write(string.format("status %d %d\n", code, n)) end
  if sample ~= "" then io.write("first_error " .. sample:gsub("[\r\n]", " ") .. "\n") end
end
