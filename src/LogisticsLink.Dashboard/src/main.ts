import "./styles.css";
import { createTrackingClient, watchTransport, type TrackingClient } from "./api/client";
import type { ShipmentStatus } from "./gen/logisticslink/v1/shipment_pb";
import type { ShipmentUpdate } from "./gen/logisticslink/v1/tracking_service_pb";
import { ShipmentBook } from "./model/shipments";
import { ConnectionIndicator } from "./ui/connection";
import { StatusCounts } from "./ui/counts";
import { byId } from "./ui/dom";
import { FilterBar } from "./ui/filters";
import { ShipmentPanel } from "./ui/panel";
import { ShipmentTable } from "./ui/table";
import { watchShipments, type WatchState } from "./watch/watcher";

/**
 * Kept in sessionStorage: other tabs do not see it and it normally goes with the tab. Not a promise it never reaches
 * the disk: a browser restoring sessions saves sessionStorage with the tab. signOut ("Change API key") removes it.
 */
const keyStorage = "logisticslink.apiKey";

const keySection = byId<HTMLElement>("key-section");
const keyForm = byId<HTMLFormElement>("key-form");
const keyInput = byId<HTMLInputElement>("api-key");
const keyError = byId<HTMLElement>("key-error");
const dashboard = byId<HTMLElement>("dashboard");
const changeKey = byId<HTMLButtonElement>("change-key");
const summary = byId<HTMLElement>("summary");
const empty = byId<HTMLElement>("empty");

const book = new ShipmentBook();
const connection = new ConnectionIndicator();
let client: TrackingClient | null = null;
let watch: AbortController | null = null;

const panel = new ShipmentPanel(() => client);
const filters = new FilterBar(() => table.invalidateAll());
const counts = new StatusCounts((status: ShipmentStatus | null) => {
  filters.setStatus(status);
  table.invalidateAll();
}, () => filters.value.status);
const table = new ShipmentTable(byId("rows"), book, () => filters.value, (id, opener) => panel.open(id, opener), (visible) => {
  counts.render(book.counts(), book.size);
  filters.setChoices(book.carriers(), book.channels());
  summary.textContent = book.size === 0 ? "" : `Showing ${visible} of ${book.size} shipment${book.size === 1 ? "" : "s"}.`;
  empty.hidden = visible > 0;
  empty.textContent = book.size === 0 ? "No shipments yet: they appear here as soon as they are registered." : "No shipment matches these filters.";
});

// Frames do not run in a background tab; keep the table current anyway so returning to it shows the latest state.
document.addEventListener("visibilitychange", () => table.flush());
// "Late" depends on the clock: re-evaluate once a minute.
setInterval(() => table.invalidateAll(), 60_000);

function applyUpdate(update: ShipmentUpdate): void {
  if (update.update.case !== "change") {
    return;
  }
  const shipment = update.update.value.shipment;
  if (shipment && book.apply(shipment) !== "ignored") {
    table.invalidate(shipment.id);
    panel.changed(shipment.id);
  }
}

/** The server's log restarted behind us: what the page shows belongs to another history; the snapshot refills it. */
function resetShipments(): void {
  panel.close();
  book.clear();
  table.clear();
  table.invalidateAll();
}

function onState(state: WatchState): void {
  connection.show(state);
  if (state.kind === "failed") {
    signOut(state.message);
  }
}

function start(apiKey: string): void {
  sessionStorage.setItem(keyStorage, apiKey);
  client = createTrackingClient(apiKey);
  keyError.textContent = "";
  keySection.hidden = true;
  dashboard.hidden = false;
  changeKey.hidden = false;
  watch = new AbortController();
  void watchShipments(
    { shipmentIds: [], statuses: [], resumeAfterSequence: 0n, sendSnapshot: true },
    watchTransport(client),
    { update: applyUpdate, state: onState, reset: resetShipments },
    watch.signal,
  );
}

function signOut(message: string): void {
  watch?.abort();
  watch = null;
  client = null;
  sessionStorage.removeItem(keyStorage);
  panel.close();
  book.clear();
  table.clear();
  dashboard.hidden = true;
  changeKey.hidden = true;
  keySection.hidden = false;
  keyError.textContent = message;
  connection.show({ kind: "stopped" });
  keyInput.setAttribute("aria-invalid", message ? "true" : "false");
  keyInput.value = "";
  keyInput.focus();
}

keyForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const apiKey = keyInput.value.trim();
  if (!apiKey) {
    keyError.textContent = "Enter an API key.";
    keyInput.setAttribute("aria-invalid", "true");
    keyInput.focus();
    return;
  }
  keyInput.setAttribute("aria-invalid", "false");
  start(apiKey);
});

changeKey.addEventListener("click", () => signOut(""));

const saved = sessionStorage.getItem(keyStorage);
if (saved) {
  start(saved);
} else {
  keyInput.focus();
}
