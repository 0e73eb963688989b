# CallAudit: one image with both services; the command picks one (callaudit-ingest, the default, or callaudit-worker).
#   docker build -t callaudit .
#   docker run --env-file .env -p 8000:8000 callaudit
#   docker run --env-file .env callaudit callaudit-worker
ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

# Build: the Swift toolchain and the C libraries' headers; the Swift standard library and Foundation are linked in
# statically, so the runtime image needs only the C libraries.
FROM ${SWIFT_IMAGE} AS build
# Debian's stable packages get security fixes under the same name; pinning versions would only break rebuilds.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libhiredis-dev libpq-dev libcurl4-openssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Shared Shared
COPY Services Services
COPY Benchmarks Benchmarks
COPY Tests Tests
RUN swift build -c release --static-swift-stdlib --product callaudit-ingest \
    && swift build -c release --static-swift-stdlib --product callaudit-worker \
    && mkdir -p /out \
    && cp "$(swift build -c release --show-bin-path)/callaudit-ingest" /out/ \
    && cp "$(swift build -c release --show-bin-path)/callaudit-worker" /out/

# The API explorer's files (Swagger UI and ReDoc for /docs and /redoc) from PyPI's fastapi-offline: only its static
# folder is kept, FastAPI itself is not installed.
FROM python:3.11-slim AS docs
RUN pip install --no-cache-dir --no-deps --target /docs fastapi-offline==1.7.7

# Runtime: the C libraries (hiredis, libpq, libcurl), ffmpeg for re-encoding long recordings, CA certificates for
# the providers' HTTPS, curl for the health check; a non-root user.
FROM ${RUNTIME_IMAGE}
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libhiredis0.14 libpq5 libcurl4 ffmpeg ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --no-create-home --home-dir /app callaudit
COPY --from=build /out/callaudit-ingest /out/callaudit-worker /usr/local/bin/
WORKDIR /app
# The ingest reads the API description and the dashboard's templates and files from /app.
COPY openapi.yaml ./
COPY dashboard dashboard
COPY --from=docs /docs/fastapi_offline/static docs-assets
USER 10001:10001
ENV PORT=8000 METRICS_PORT=9090
# 8000: the ingest API (and its /metrics); 9090: a worker's /metrics and /health.
EXPOSE 8000 9090
# Whichever service runs answers /health: the ingest on PORT, a worker on METRICS_PORT.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["sh", "-c", "curl -fsS http://127.0.0.1:${PORT}/health || curl -fsS http://127.0.0.1:${METRICS_PORT}/health"]
CMD ["callaudit-ingest"]
