-- POST /api/app/mall/items/{template}/redeem; a data line is "token<TAB>idempotency key"; argument 3 is the template id.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

function scenario_init(args)
  path = "/api/app/mall/items/" .. args[3] .. "/redeem"
end

function build(line)
  local token, key = line:match("^(%S+)\t(%S+)$")
  return wrk.format("POST", path, { ["Authorization"] = "Bearer " .. token, ["Idempotency-Key"] = key })
end

function classify(status, body)
  if status == 201 then return "ok" end
  if status == 409 and (body:find("OUT_OF_STOCK", 1, true) or body:find("REDEEM_LIMIT_REACHED", 1, true)) then
    return "refused"
  end
  return "error"
end
