-- wrk script: POST /v1/calls with a short text call; manager ids vary so reports stay realistic.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
    counter = counter + 1
    local body = string.format(
        '{"dialog_text": "Agent: Hello, my name is Ann from Acme. How can I help? Customer: I need a quote. Agent: I will send it today.", "manager_id": "bench-%d", "mode": "manager"}',
        counter % 50)
    return wrk.format(nil, "/v1/calls", nil, body)
end
