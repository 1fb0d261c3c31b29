#!/bin/sh
# `npm start`. With NODE_ENV=production: the compiled server (`npm run build` writes
# packages/server/dist and packages/db/dist) on plain node: no TypeScript compiler in the
# process, a faster start and less memory. Otherwise: the sources through tsx, so a
# change needs no build. `exec`: SIGTERM from npm or an orchestrator reaches the server.
cd "$(dirname "$0")/.." || exit 1
if [ "${NODE_ENV:-}" = "production" ]; then
  if [ ! -f packages/server/dist/main.js ] || [ ! -f packages/db/dist/index.js ]; then
    echo "NODE_ENV=production runs the compiled server: run \`npm run build\` first." >&2
    exit 1
  fi
  # The `solegraph-compiled` condition makes @solegraph/db resolve to its dist/ too.
  exec node --conditions=solegraph-compiled packages/server/dist/main.js "$@"
fi
exec node --import tsx packages/server/src/main.ts "$@"
