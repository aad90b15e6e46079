import type { WatchState } from "../watch/watcher";
import { byId } from "./dom";

/** The live / reconnecting indicator (a polite live region, so screen readers hear when the link drops). */
export class ConnectionIndicator {
  private readonly node = byId<HTMLElement>("connection");

  show(state: WatchState): void {
    this.node.hidden = state.kind === "stopped";
    this.node.dataset.state = state.kind;
    switch (state.kind) {
      case "connecting":
        this.node.textContent = "Connecting…";
        this.node.title = "";
        break;
      case "live":
        this.node.textContent = "Live";
        this.node.title = "Receiving updates as they happen.";
        this.node.dataset.position = String(state.position);
        break;
      case "reconnecting":
        this.node.textContent = `Reconnecting (retry in ${Math.max(1, Math.round(state.delayMs / 1000))} s)`;
        this.node.title = `Connection lost: ${state.reason}. Will resume after change #${state.position}.`;
        this.node.dataset.position = String(state.position);
        break;
      case "failed":
        this.node.textContent = "Disconnected";
        this.node.title = state.message;
        break;
      case "stopped":
        this.node.textContent = "";
        break;
    }
  }
}
