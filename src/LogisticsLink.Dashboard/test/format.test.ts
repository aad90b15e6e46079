import { describe, expect, it } from "vitest";
import { safeExternalUrl } from "../src/model/format";

describe("safeExternalUrl", () => {
  it("keeps http and https addresses", () => {
    expect(safeExternalUrl("https://www.laposte.fr/outils/suivre-vos-envois?code=6A1")).toBe("https://www.laposte.fr/outils/suivre-vos-envois?code=6A1");
    expect(safeExternalUrl("http://carrier.example/t/1")).toBe("http://carrier.example/t/1");
  });

  it.each([
    "javascript:alert(document.cookie)",
    " JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "/relative/page",
    "not a url",
    "",
  ])("refuses %j", (url) => {
    expect(safeExternalUrl(url)).toBeUndefined();
  });
});
