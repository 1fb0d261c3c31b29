# One solegraph replica. Build: docker build -t solegraph .   (compose.yaml builds it too)
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.json prisma.config.ts codegen.ts schema.graphql ./
COPY prisma ./prisma
COPY packages ./packages
# The lockfile's exact dependencies; the postinstall step generates the Prisma client.
RUN npm ci --no-audit --no-fund && npm cache clean --force
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 WORKERS=1
EXPOSE 4000
# exec: SIGTERM from the orchestrator reaches the server (drain, then close).
CMD ["node", "--import", "tsx", "packages/server/src/main.ts"]
