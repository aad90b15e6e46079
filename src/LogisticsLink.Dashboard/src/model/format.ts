import { timestampMs } from "@bufbuild/protobuf/wkt";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Location } from "../gen/logisticslink/v1/shipment_pb";

const dateTime = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const dateOnly = new Intl.DateTimeFormat(undefined, { weekday: "short", month: "short", day: "numeric" });

export function formatDateTime(timestamp: Timestamp | undefined): string {
  return timestamp ? dateTime.format(timestampMs(timestamp)) : "";
}

/** Compact, for table cells: the time alone when it is today, else the date and time. */
export function formatWhen(timestamp: Timestamp | undefined, nowMs: number = Date.now()): string {
  if (!timestamp) {
    return "";
  }
  const ms = timestampMs(timestamp);
  return new Date(ms).toDateString() === new Date(nowMs).toDateString() ? timeOnly.format(ms) : dateTime.format(ms);
}

export function formatDate(timestamp: Timestamp | undefined): string {
  return timestamp ? dateOnly.format(timestampMs(timestamp)) : "";
}

export function isoString(timestamp: Timestamp | undefined): string {
  return timestamp ? new Date(timestampMs(timestamp)).toISOString() : "";
}

export function formatLocation(location: Location | undefined): string {
  if (!location) {
    return "";
  }
  return [location.city, location.region, location.postalCode, location.countryCode].filter((part) => part.length > 0).join(", ");
}

/**
 * The address when it is safe to put in a link's href: absolute http(s) only. A tracking URL comes from a carrier's
 * answer, and a `javascript:` or `data:` one would run script in this page (where the API key is) when clicked.
 */
export function safeExternalUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === "https:" || parsed.protocol === "http:" ? url : undefined;
}
