import type { ShipmentStatus } from "../gen/logisticslink/v1/shipment_pb";
import { riskCodes } from "../model/risk";
import { anyRisk, emptyFilters, noChannel, type Filters } from "../model/shipments";
import { statusLabel, statusOrder } from "../model/statuses";
import { byId, el } from "./dom";

/** The filter bar: reads its controls into {@link Filters} and refreshes the carrier and channel choices. */
export class FilterBar {
  private readonly form = byId<HTMLFormElement>("filters");
  private readonly search = byId<HTMLInputElement>("filter-search");
  private readonly status = byId<HTMLSelectElement>("filter-status");
  private readonly carrier = byId<HTMLSelectElement>("filter-carrier");
  private readonly channel = byId<HTMLSelectElement>("filter-channel");
  private readonly risk = byId<HTMLSelectElement>("filter-risk");
  private current: Filters = emptyFilters;

  constructor(onChange: () => void) {
    fill(this.status, [["", "All statuses"], ...statusOrder.map((s): [string, string] => [String(s), statusLabel(s)])]);
    fill(this.risk, [["", "Any"], [anyRisk, "At risk (any flag)"], ...riskCodes.map((r): [string, string] => [r.code, r.label])]);
    this.setChoices([], []);
    const changed = () => {
      this.read();
      onChange();
    };
    this.form.addEventListener("input", changed);
    this.form.addEventListener("change", changed);
    this.form.addEventListener("submit", (event) => event.preventDefault());
    // A reset clears the controls after the event: read them once it has.
    this.form.addEventListener("reset", () => setTimeout(changed));
  }

  get value(): Filters {
    return this.current;
  }

  /** Shows only this status (null: all), as the count buttons do. */
  setStatus(status: ShipmentStatus | null): void {
    this.status.value = status === null ? "" : String(status);
    this.read();
  }

  setChoices(carriers: string[], channels: string[]): void {
    keepSelection(this.carrier, [["", "All carriers"], ...carriers.map((c): [string, string] => [c, c])]);
    keepSelection(this.channel, [["", "All channels"], ...channels.map((c): [string, string] => [c, c]), [noChannel, "No order"]]);
  }

  private read(): void {
    this.current = {
      status: this.status.value === "" ? null : (Number(this.status.value) as ShipmentStatus),
      carrier: this.carrier.value,
      channel: this.channel.value,
      risk: this.risk.value,
      search: this.search.value.trim(),
    };
  }
}

function fill(select: HTMLSelectElement, options: [string, string][]): void {
  select.replaceChildren(...options.map(([value, text]) => el("option", { text, attrs: { value } })));
}

/** Replaces the options only when they differ, keeping what the user chose. */
function keepSelection(select: HTMLSelectElement, options: [string, string][]): void {
  const now = [...select.options].map((o) => o.value).join("\n");
  if (now === options.map(([v]) => v).join("\n")) {
    return;
  }
  const chosen = select.value;
  fill(select, options);
  select.value = options.some(([v]) => v === chosen) ? chosen : "";
}
