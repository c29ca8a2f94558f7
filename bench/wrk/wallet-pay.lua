-- POST /api/staff/wallet/payments; a data line is "member code<TAB>order number<TAB>amount in cents";
-- argument 3 is the cashier's bearer token.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

function scenario_init(args)
  headers = { ["Authorization"] = "Bearer " .. args[3], ["Content-Type"] = "application/json" }
end

function build(line)
  local code, order, cents = line:match("^(%S+)\t(%S+)\t(%d+)$")
  local body = string.format('{"memberCode":"%s","orderNo":"%s","amountCents":%s}', code, order, cents)
  return wrk.format("POST", "/api/staff/wallet/payments", headers, body)
end

function classify(status, body)
  if status == 200 then return "ok" end
  return "error"
end
