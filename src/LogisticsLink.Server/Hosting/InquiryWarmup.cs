using Google.Protobuf;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Policy;
using LogisticsLink.Domain.Support.Templates;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Mapping;
using LogisticsLink.Server.Support;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Hosting;

/// <summary>
/// Runs the inquiry path's own work once at start-up, before the server takes calls: reading a buyer's message (the
/// matcher's regular expressions), the built-in replies (the Liquid parser, built on first use, and their rendering),
/// the messaging policy (its word lists and patterns) and the answer's messages. Left to the first ResolveInquiry, that
/// work made it take about 300 ms on a two-core host (about 100 ms with it done here, a few ms for later calls), and a
/// caller with a short deadline right after a deploy got DEADLINE_EXCEEDED. Nothing is read or written: no tenant,
/// store or carrier is involved.
/// </summary>
/// <remarks>
/// Started when the host starts its services (<see cref="StartingAsync"/>), so that it runs beside the schema migration
/// and the other services' start; <see cref="StartAsync"/>, registered after them, waits for it before the web server
/// opens the endpoints.
/// </remarks>
public sealed partial class InquiryWarmup(TimeProvider time, ILogger<InquiryWarmup> logger) : IHostedLifecycleService
{
    // An order id, a tracking number, a quoted earlier message and a web address: every matcher the path runs has input.
    private const string SampleMessage =
        "Hello, where is my order 113-5550001-0000010? The tracking number 1Z999AA10123456784 shows nothing on https://www.ups.com/track.\n" +
        "> On Monday you wrote: your order #1001 has shipped.";

    private Task _warming = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _warming = WarmAsync(cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _warming;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            await Task.Run(() => Warm(cancellationToken), cancellationToken);
            LogWarmed(time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only a first call's speed is at stake: the server starts all the same.
            LogFailed(e);
        }
    }

    private void Warm(CancellationToken cancellationToken)
    {
        InquiryResolver.Read("", "", SampleMessage);
        InquiryResolver.Read("113-5550001-0000010", "1Z999AA10123456784", "");
        var language = MessageLanguage.Detect(SampleMessage);
        var now = time.GetUtcNow();
        InquiryDecisions.Decide(null, [], now);
        SupportClocks.InquiryRespondBy(now);
        var locale = ReplyLocale.Resolve("", language);
        var values = ReplyValues.Sample(locale);
        foreach (var templateId in BuiltInTemplates.Default.TemplateIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (BuiltInTemplates.Default.Find(templateId, locale.Language) is { } body)
            {
                ReplyComposer.Compose(templateId, 0, body, locale, values, InquiryMatcher.Amazon, cancellationToken: cancellationToken);
            }
        }
        MessagingPolicy.Check(SampleMessage);
        // The answer's messages: a parcel as the inquiry returns it, written and read back.
        var parcel = Tracker.Register("shp_warmup", "warmup", "ups", "1Z999AA10123456784", OrderLink.None, ShipmentState.EmptyLabels, now).State;
        var answer = new InquiryResolution { Shipments = { ShipmentMapper.ToProto(parcel, []) } };
        InquiryResolution.Parser.ParseFrom(answer.ToByteArray());
        ResolveInquiryRequest.Parser.ParseFrom(new ResolveInquiryRequest { MessageText = SampleMessage }.ToByteArray());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inquiry path warmed up in {Milliseconds:F0} ms (message reading, built-in replies, messaging policy).")]
    private partial void LogWarmed(double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the inquiry path failed; the first ResolveInquiry will be slower")]
    private partial void LogFailed(Exception exception);
}
