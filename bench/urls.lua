-- wrk script: each request takes the next address from the file named by the URLS environment variable
local paths = {}
for line in io.lines(os.getenv("URLS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d (status) + %d (connect) + %d (read) + %d (write) + %d (timeout)\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
