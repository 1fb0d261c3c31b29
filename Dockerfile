# One solegraph replica. Build: docker build -t solegraph .   (compose.yaml builds it too)
# Two stages: the first installs everything and compiles; the second runs the compiled
# server with plain node (no TypeScript compiler, no dev dependencies in the image).

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.json prisma.config.ts codegen.ts schema.graphql ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY packages ./packages
# The lockfile's exact dependencies (the postinstall step generates the Prisma client and
# builds the web page); then the server and the db package as JavaScript (dist/), and
# the dev dependencies dropped.
RUN npm ci --no-audit --no-fund \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 WORKERS=1
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/packages ./packages
EXPOSE 4000
# What `NODE_ENV=production npm start` runs; node as PID 1's child-free process, so
# SIGTERM from the orchestrator reaches the server (drain, then close). The release
# step (migrations) is the same image: node --conditions=solegraph-compiled packages/db/dist/cli/migrate.js
CMD ["node", "--conditions=solegraph-compiled", "packages/server/dist/main.js"]
