-- wrk script for scripts/soak.sh: normal queries mixed with hostile ones, round-robin.
-- Normal queries select their data under the alias `ok`, so a successful normal answer is
-- recognisable in the body; hostile answers never carry it.

local normal = {
  '{"query":"{ ok: entity(id: \\"tom-cruise\\") { name relations(first: 5) { nodes { predicate evidence { quote } } } } }"}',
  '{"query":"{ ok: path(from: \\"snoop-dogg\\", to: \\"emmanuel-macron\\", maxHops: 6) { length relations { predicate } } }"}',
  '{"query":"{ ok: search(text: \\"snoop dog\\", first: 3) { id name } }"}',
  '{"query":"{ ok: neighborhood(id: \\"paris\\", hops: 2) { nodes { entity { name } } } }"}',
  '{"query":"{ ok: chain(from: \\"simone-biles\\", predicate: HANDED_FLAG_TO, direction: BOTH) { subject { name } object { name } } }"}',
}

local function rep(s, n) local t = {} for i = 1, n do t[i] = s end return table.concat(t) end

local deep = '{ entity(id: \\"paris\\") { ' .. rep('relations(first: 1) { nodes { object { ', 5) .. 'id' .. rep(' } } }', 5) .. ' } }'
local aliases = '{ ' .. rep('a: stats { entities } ', 1) .. '' -- placeholder, replaced below
local alias_fields = {}
for i = 1, 40 do alias_fields[i] = 'a' .. i .. ': stats { entities }' end
aliases = '{ ' .. table.concat(alias_fields, ' ') .. ' }'

local hostile = {
  '{"query":"' .. deep .. '"}',
  '{"query":"' .. aliases .. '"}',
  '{"query":"{ node(id: \\"paris\\") { ... on Entity { relations(first: 100) { nodes { subject { relations(first: 100) { nodes { id } } } } } } } }"}',
  '{"query":"{ stats { ...A } } fragment A on Stats { entities ...B } fragment B on Stats { sources ...A }"}',
  '{"query":"{ __schema { types { fields { type { fields { type { name } } } } } } }"}',
  '{"query":"{ path(from: \\"a\\", to: \\"b\\", maxHops: 50) { length } }"}',
  '{"query":"{ stats { ' .. rep('entities ', 1200) .. '} }"}',
  '{"query": "{ stats { entities } }" ',
  '{"query":"' .. rep('x', 80 * 1024) .. '"}',
  '[' .. rep('{"query":"{ stats { entities } }"},', 50) .. '{"query":"{ stats { entities } }"}]',
}

local requests = {}
local kinds = {}
for i, body in ipairs(normal) do
  requests[#requests + 1] = body; kinds[#kinds + 1] = "normal"
  requests[#requests + 1] = hostile[(2 * i - 1) % #hostile + 1]; kinds[#kinds + 1] = "hostile"
  requests[#requests + 1] = hostile[(2 * i) % #hostile + 1]; kinds[#kinds + 1] = "hostile"
end

local threads = {}
function setup(thread) table.insert(threads, thread) end

function init(args)
  counter = 0
  ok, failed, s5xx, s4xx = 0, 0, 0, 0
end

function request()
  counter = counter + 1
  local body = requests[(counter - 1) % #requests + 1]
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, body)
end

function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1 end
  if status >= 400 and status < 500 then s4xx = s4xx + 1 end
  if body:find('"ok":', 1, true) then
    if body:find('"errors"', 1, true) then failed = failed + 1 else ok = ok + 1 end
  end
end

function done(summary, latency, requests)
  local t = { ok = 0, failed = 0, s5xx = 0, s4xx = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  io.write(string.format("soak: %d requests, %d normal answered with data, %d normal with errors, %d 4xx, %d 5xx, %d socket errors (connect %d, read %d, write %d, timeout %d)\n",
    summary.requests, t.ok, t.failed, t.s4xx, t.s5xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
