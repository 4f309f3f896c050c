# One container: the whole Backbone. Migrations run at start-up (under an advisory lock, so N replicas may start at once).
# Build:  docker build -t enmeshed-backbone .
# Run:    docker run -p 8080:8080 -p 127.0.0.1:8081:8081 -e DATABASE_URL=postgres://... -e DID_DOMAIN=backbone.example.org enmeshed-backbone
# Port 8080 is the public listener; 8081 the admin listener (Admin API, /metrics): publish it to operators only.

FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-fund --no-audit
# The admin console is its own package (React, Vite); the build compiles it into dist/admin-console.
COPY admin-console/package.json admin-console/package-lock.json admin-console/.npmrc ./admin-console/
RUN npm ci --prefix admin-console --no-fund --no-audit
COPY tsconfig.json .swcrc nest-cli.json ./
COPY src ./src
COPY scripts ./scripts
COPY migrations ./migrations
COPY admin-console ./admin-console
RUN npm run build && npm prune --omit=dev

FROM node:24.21.0-bookworm-slim
# In a container the admin listener must be reachable from outside the container (by a private port mapping or a
# ClusterIP service); keeping it private is the job of the port mapping or service, not of the listen address.
ENV NODE_ENV=production \
    PORT=8080 \
    ADMIN_PORT=8081 \
    ADMIN_HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
