-- POST /api/app/sign-ins; a data line is a member's bearer token.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

function scenario_init(args) end

function build(token)
  return wrk.format("POST", "/api/app/sign-ins", { ["Authorization"] = "Bearer " .. token })
end

function classify(status, body)
  if status == 200 and not body:find('"alreadySignedIn":true', 1, true) then return "ok" end
  return "error"
end
