# syntax=docker/dockerfile:1
# Dashboard stage: the web bundle (src/LogisticsLink.Dashboard) needs Node.js 20.19+, newer than the Node.js of the
# SDK image's distribution, so it is built on Node's own image.
FROM node:22-bookworm-slim AS dashboard
WORKDIR /src
COPY protos protos
COPY src/LogisticsLink.Dashboard src/LogisticsLink.Dashboard
RUN cd src/LogisticsLink.Dashboard && npm ci --no-audit --no-fund && npm run build

# Build stage: restore and publish the server (with the bundle built above) and the CLI.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=dashboard /src/src/LogisticsLink.Dashboard/dist src/LogisticsLink.Dashboard/dist
RUN dotnet publish src/LogisticsLink.Server -c Release -o /out/server -p:SkipDashboardBuild=true \
 && dotnet publish clients/LogisticsLink.Cli -c Release -o /out/cli

# Runtime stage: ASP.NET runtime only, non-root user, data on a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out/server ./
COPY --from=build /out/cli ./cli/
ENV ASPNETCORE_ENVIRONMENT=Production \
    Storage__Sqlite__Path=/data/logisticslink.db \
    Kestrel__Endpoints__Grpc__Url=http://0.0.0.0:5080 \
    Kestrel__Endpoints__Web__Url=http://0.0.0.0:5081
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
EXPOSE 5080 5081
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["dotnet", "/app/LogisticsLink.Server.dll", "--health-probe", "http://127.0.0.1:5081"]
ENTRYPOINT ["dotnet", "/app/LogisticsLink.Server.dll"]
