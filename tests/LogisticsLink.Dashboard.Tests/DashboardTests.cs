using LogisticsLink.Dashboard.Tests.Infrastructure;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LogisticsLink.Dashboard.Tests;

/// <summary>
/// The dashboard served by a real server, in headless Chromium: a key is entered, sandbox parcels appear and move
/// live over gRPC-Web, the page rides out a server restart, a wrong key is explained.
/// </summary>
public sealed class DashboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly HashSet<ShipmentStatus> Final =
        [ShipmentStatus.Delivered, ShipmentStatus.Returned, ShipmentStatus.Lost, ShipmentStatus.Cancelled, ShipmentStatus.Expired];

    private static Dictionary<string, string> Steps(string interval) => new() { ["Sandbox:StepInterval"] = interval };

    [Fact]
    public async Task Sandbox_shipments_appear_and_change_status_live_without_a_reload()
    {
        await using var server = await TestServer.StartAsync(settings: Steps("00:00:00.800"));
        var client = server.Client();
        await using var page = await DashboardPage.OpenAsync(browser.Browser, server.WebAddress);

        await page.EnterKeyAsync(TestServer.KeyA);
        await page.WaitLiveAsync();
        await page.RecordStatusesAsync();
        var watched = Numbers.Sandbox(0);
        await client.TrackShipmentAsync(new TrackShipmentRequest
        {
            TrackingNumber = watched,
            Order = new OrderReference { Channel = "amazon", OrderId = "113-1234567-1234567" },
        });
        string[] others = [Numbers.Sandbox(3), Numbers.Sandbox(4), Numbers.Sandbox(5), Numbers.Sandbox(2), Numbers.Sandbox(7)];
        foreach (var number in others)
        {
            await client.TrackShipmentAsync(new TrackShipmentRequest
            {
                TrackingNumber = number,
                Order = new OrderReference { Channel = "shopify", OrderId = "#10" + number[^3..] },
            });
        }

        await Expect(page.Rows).ToHaveCountAsync(1 + others.Length);
        var row = page.Row(watched);
        await Expect(row).ToHaveAttributeAsync("data-status", "DELIVERED");
        var seen = await page.SeenStatusesAsync(watched);
        Assert.True(seen.Length >= 3, $"the row showed only {string.Join(" → ", seen)}");
        Assert.Equal("DELIVERED", seen[^1]);
        Assert.True(await page.IsSameDocumentAsync(), "the page reloaded");
        await Expect(row.Locator("th a")).ToHaveAttributeAsync("href", "https://tracking.sandbox.invalid/" + watched);
        await Expect(row.Locator(".c-order")).ToHaveTextAsync("amazon · 113-1234567-1234567");
        await Expect(row.Locator(".c-status .badge")).ToHaveTextAsync("Delivered");
        await Expect(page.Page.Locator("#counts button[data-status='DELIVERED'] .count")).Not.ToHaveTextAsync("0");
        await Screenshots.SaveAsync(page.Page, "desktop-1280x800-live");

        // The panel, by keyboard: the row's Details button, Enter, the full timeline, Escape gives focus back.
        var details = row.GetByRole(AriaRole.Button, new() { Name = $"Details of {watched}" });
        await details.FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        var panel = page.Page.Locator("#panel");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.Locator("#panel-title")).ToHaveTextAsync(watched);
        var history = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = await row.GetAttributeAsync("data-id") });
        await Expect(panel.Locator(".timeline li")).ToHaveCountAsync(history.Events.Count);
        await Screenshots.SaveAsync(page.Page, "desktop-1280x800-panel");
        await page.Page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();
        await Expect(details).ToBeFocusedAsync();

        // Filters: by number, by order id, by channel, by status.
        await page.Page.GetByLabel("Tracking number or order id").FillAsync(watched[..10].ToLowerInvariant() + " " + watched[10..]);
        await Expect(page.VisibleRows).ToHaveCountAsync(1);
        await page.Page.GetByLabel("Tracking number or order id").FillAsync("113-1234567");
        await Expect(page.VisibleRows).ToHaveCountAsync(1);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(page.VisibleRows).ToHaveCountAsync(1 + others.Length);
        await page.Page.GetByLabel("Channel", new() { Exact = true }).SelectOptionAsync("shopify");
        await Expect(page.VisibleRows).ToHaveCountAsync(others.Length);
        await page.Page.GetByLabel("Channel", new() { Exact = true }).SelectOptionAsync("");
        await page.Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Delivered" });
        await Expect(page.Page.Locator("#rows tr:not([hidden]):not([data-status='DELIVERED'])")).ToHaveCountAsync(0);
        await Expect(page.Row(watched)).ToBeVisibleAsync();

        // The server's Content-Security-Policy: after all of the above, the page has needed nothing it forbids.
        Assert.Empty(await page.CspViolationsAsync());
    }

    [Fact]
    public async Task After_a_server_restart_the_page_resumes_and_keeps_updating()
    {
        var settings = Steps("00:00:01");
        var first = await TestServer.StartAsync(settings: settings);
        TestServer? second = null;
        try
        {
            await using var page = await DashboardPage.OpenAsync(browser.Browser, first.WebAddress);
            await page.EnterKeyAsync(TestServer.KeyA);
            await page.WaitLiveAsync();
            var before = Numbers.Sandbox(4);
            await first.Client().TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = before });
            await Expect(page.Row(before)).Not.ToHaveAttributeAsync("data-status", "PENDING");

            await first.StopAsync();
            await Expect(page.Connection).ToHaveAttributeAsync("data-state", "reconnecting");
            await Screenshots.SaveAsync(page.Page, "desktop-1280x800-reconnecting");

            second = await TestServer.StartAsync(dataFolder: first.DataFolder, settings: settings, sameAddressesAs: first);
            await page.WaitLiveAsync();
            await page.RecordStatusesAsync();
            var client = second.Client();
            var after = Numbers.Sandbox(0);
            await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = after });

            // Updates keep coming: the new parcel appears and moves; every row ends where the server says, once.
            await Expect(page.Row(after)).ToHaveAttributeAsync("data-status", "DELIVERED");
            Assert.True((await page.SeenStatusesAsync(after)).Length >= 3, "the new parcel did not move live");
            foreach (var number in new[] { before, after })
            {
                await Eventually.UntilAsync(async () =>
                {
                    var shipment = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "sandbox", TrackingNumber = number });
                    return Final.Contains(shipment.Status)
                        && await page.StatusAsync(number) == shipment.Status.ToString().ToUpperSnakeCase()
                        && await page.Row(number).GetAttributeAsync("data-version") == shipment.Version.ToString();
                }, $"{number} shows its final state", TimeSpan.FromSeconds(90));
            }
            await Expect(page.Rows).ToHaveCountAsync(2);
            Assert.True(await page.IsSameDocumentAsync(), "the page reloaded");
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Escape_still_closes_the_panel_after_a_live_update_redraws_it()
    {
        await using var server = await TestServer.StartAsync(settings: Steps("00:00:01"));
        var client = server.Client();
        await using var page = await DashboardPage.OpenAsync(browser.Browser, server.WebAddress);
        await page.EnterKeyAsync(TestServer.KeyA);
        await page.WaitLiveAsync();
        var number = Numbers.Sandbox(0);
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = number });

        var details = page.Row(number).GetByRole(AriaRole.Button, new() { Name = $"Details of {number}" });
        await details.ClickAsync();
        var panel = page.Page.Locator("#panel");
        var link = panel.GetByRole(AriaRole.Link, new() { Name = "Open tracking page" });
        await link.FocusAsync();
        var events = await panel.Locator(".timeline li:not(.none)").CountAsync();

        // The parcel moves on: the panel fetches and redraws its body, replacing the link that had the focus.
        await Expect(panel.Locator(".timeline li:not(.none)")).Not.ToHaveCountAsync(events, new() { Timeout = 15_000 });
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.getElementById('panel').contains(document.activeElement)"),
            "the focus left the panel when it was redrawn");
        await page.Page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();
        await Expect(details).ToBeFocusedAsync();

        // Only a short status line is announced, not the whole timeline on every redraw.
        await Expect(page.Page.Locator("#panel-body")).Not.ToHaveAttributeAsync("aria-live", new System.Text.RegularExpressions.Regex(".+"));
        await Expect(page.Page.Locator("#panel-status")).ToHaveAttributeAsync("aria-live", "polite");
    }

    [Fact]
    public async Task A_wrong_key_shows_a_clear_message_and_a_right_one_then_works()
    {
        await using var server = await TestServer.StartAsync(settings: Steps("00:00:01"));
        await using var page = await DashboardPage.OpenAsync(browser.Browser, server.WebAddress);

        await page.EnterKeyAsync("not-a-key-of-this-server-0000");

        await Expect(page.KeyError).ToHaveTextAsync("The server did not accept this API key. Check it and enter it again.");
        await Expect(page.Page.Locator("#dashboard")).ToBeHiddenAsync();
        await Expect(page.Page.GetByLabel("API key")).ToBeFocusedAsync();
        Assert.Null(await page.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('logisticslink.apiKey')"));
        await Screenshots.SaveAsync(page.Page, "desktop-1280x800-wrong-key");

        await page.EnterKeyAsync(TestServer.KeyB);
        await page.WaitLiveAsync();
        await Expect(page.KeyError).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Hundreds_of_shipments_fit_a_desktop_and_a_phone_screen()
    {
        await using var server = await TestServer.StartAsync(settings: Steps("00:00:03"));
        var client = server.Client();
        string[] channels = ["amazon", "shopify", "ebay"];
        var numbers = Enumerable.Range(0, 240).Select(i => Numbers.Sandbox(i % 10)).ToArray();
        await Parallel.ForEachAsync(numbers.Select((n, i) => (n, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
        {
            await client.TrackShipmentAsync(new TrackShipmentRequest
            {
                TrackingNumber = item.n,
                Order = item.i % 4 == 3 ? null : new OrderReference { Channel = channels[item.i % 3], OrderId = $"ORD-{item.i:D5}" },
            }, cancellationToken: ct);
        });

        await using (var desktop = await DashboardPage.OpenAsync(browser.Browser, server.WebAddress))
        {
            await desktop.EnterKeyAsync(TestServer.KeyA);
            await Expect(desktop.Rows).ToHaveCountAsync(numbers.Length);
            await Expect(desktop.Page.Locator("#summary")).ToHaveTextAsync($"Showing {numbers.Length} of {numbers.Length} shipments.");
            await Expect(desktop.Page.Locator("#counts .count-all .count")).ToHaveTextAsync(numbers.Length.ToString());
            await desktop.Page.GetByLabel("Channel", new() { Exact = true }).SelectOptionAsync("ebay");
            await Expect(desktop.VisibleRows).ToHaveCountAsync(numbers.Where((_, i) => i % 4 != 3 && i % 3 == 2).Count());
            await desktop.Page.GetByLabel("Channel", new() { Exact = true }).SelectOptionAsync("");
            await Screenshots.SaveAsync(desktop.Page, "desktop-1280x800-many");
            Assert.True(await desktop.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "the desktop page scrolls sideways");
        }

        await using var phone = await DashboardPage.OpenAsync(browser.Browser, server.WebAddress, width: 390, height: 844);
        await phone.EnterKeyAsync(TestServer.KeyA);
        await Expect(phone.Rows).ToHaveCountAsync(numbers.Length);
        await phone.WaitLiveAsync();
        Assert.True(await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the phone page scrolls sideways");
        var card = phone.Rows.First;
        var box = await card.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width <= 390, $"a row is {box.Width}px wide on a 390px screen");
        await Screenshots.SaveAsync(phone.Page, "phone-390x844");
        await card.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(phone.Page.Locator("#panel .timeline")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(phone.Page, "phone-390x844-panel");
    }
}

internal static class StatusNames
{
    /// <summary>"OutForDelivery" → "OUT_FOR_DELIVERY", the spelling the page puts in data-status.</summary>
    public static string ToUpperSnakeCase(this string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
