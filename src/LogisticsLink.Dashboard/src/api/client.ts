import { createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { TrackingService } from "../gen/logisticslink/v1/tracking_service_pb";
import type { WatchTransport } from "../watch/watcher";

export type TrackingClient = Client<typeof TrackingService>;

/**
 * A TrackingService client over gRPC-Web (binary, fetch streaming) to the server that served this page, so no CORS is
 * involved. Every call carries `authorization: Bearer <key>`, which the server's ApiKeyInterceptor reads.
 */
export function createTrackingClient(apiKey: string, baseUrl: string = window.location.origin): TrackingClient {
  const bearer: Interceptor = (next) => (request) => {
    request.header.set("authorization", `Bearer ${apiKey}`);
    return next(request);
  };
  const transport = createGrpcWebTransport({ baseUrl, useBinaryFormat: true, interceptors: [bearer] });
  return createClient(TrackingService, transport);
}

/** WatchShipments through the client, in the shape the watcher expects. */
export function watchTransport(client: TrackingClient): WatchTransport {
  return {
    open: (request, call) =>
      client.watchShipments(request, { signal: call.signal, onHeader: () => call.onHeaders() }),
  };
}
