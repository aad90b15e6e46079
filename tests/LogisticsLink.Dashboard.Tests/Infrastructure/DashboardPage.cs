using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LogisticsLink.Dashboard.Tests.Infrastructure;

/// <summary>The dashboard as a person uses it, in one browser context (its own sessionStorage).</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public ILocator Connection => Page.Locator("#connection");
    public ILocator Rows => Page.Locator("#rows tr");
    public ILocator VisibleRows => Page.Locator("#rows tr:not([hidden])");
    public ILocator KeyError => Page.Locator("#key-error");

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri webAddress, int width = 1280, int height = 800)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
            ReducedMotion = ReducedMotion.Reduce,
        });
        // Everything the server's Content-Security-Policy refuses, so a test can show the page needs nothing it forbids.
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', (e) => (window.__csp ??= []).push(`${e.effectiveDirective} ${e.blockedURI}`));");
        var page = await context.NewPageAsync();
        await page.GotoAsync(webAddress.ToString());
        // Gone if the page ever reloads: proves updates arrive without one.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        return new DashboardPage(context, page);
    }

    public async Task EnterKeyAsync(string key)
    {
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByLabel("API key").PressAsync("Enter");
    }

    public Task WaitLiveAsync() => Expect(Connection).ToHaveAttributeAsync("data-state", "live");

    public ILocator Row(string trackingNumber) => Page.Locator($"#rows tr[data-number='{trackingNumber}']");

    public Task<string?> StatusAsync(string trackingNumber) => Row(trackingNumber).GetAttributeAsync("data-status");

    public Task<bool> IsSameDocumentAsync() => Page.EvaluateAsync<bool>("() => window.__sameDocument === true");

    /// <summary>Records every status each row shows, as the DOM changes.</summary>
    public Task RecordStatusesAsync() => Page.EvaluateAsync("""
        () => {
          window.__seen = {};
          const note = (tr) => {
            const n = tr.dataset.number, s = tr.dataset.status;
            if (!n || !s) return;
            const list = (window.__seen[n] ??= []);
            if (list[list.length - 1] !== s) list.push(s);
          };
          const rows = document.getElementById('rows');
          rows.querySelectorAll('tr').forEach(note);
          new MutationObserver((records) => records.forEach((r) => {
            if (r.type === 'attributes') note(r.target);
            r.addedNodes.forEach((node) => node instanceof HTMLTableRowElement && note(node));
          })).observe(rows, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
        }
        """);

    public Task<string[]> SeenStatusesAsync(string trackingNumber) =>
        Page.EvaluateAsync<string[]>("(n) => (window.__seen && window.__seen[n]) || []", trackingNumber);

    /// <summary>The directives the page ran into so far, with what they blocked; empty when it needs nothing forbidden.</summary>
    public Task<string[]> CspViolationsAsync() => Page.EvaluateAsync<string[]>("() => window.__csp ?? []");

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
