using System.Collections.Concurrent;
using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Fakes;

/// <summary>
/// The generated client with WatchShipments replaced by scripted calls: the n-th call plays the n-th script (calls past
/// the last script stay open until cancelled). Records every request.
/// </summary>
public sealed class FakeTrackingClient : TrackingService.TrackingServiceClient
{
    private readonly ConcurrentQueue<IReadOnlyList<ScriptStep>> scripts;
    private readonly Channel<WatchShipmentsRequest> calls = Channel.CreateUnbounded<WatchShipmentsRequest>();
    private readonly ConcurrentQueue<WatchShipmentsRequest> requests = new();
    private readonly Channel<bool> idle = Channel.CreateUnbounded<bool>();
    private int disposed;

    public FakeTrackingClient(params IReadOnlyList<ScriptStep>[] scripts)
    {
        this.scripts = new ConcurrentQueue<IReadOnlyList<ScriptStep>>(scripts);
    }

    /// <summary>Answers GetShipment; throw an RpcException from it to fail the call.</summary>
    public Func<GetShipmentRequest, Shipment> OnGet { get; set; } = _ => throw new RpcException(new Status(StatusCode.NotFound, "no such shipment"));

    public Func<TrackShipmentRequest, Shipment> OnTrack { get; set; } = r => new Shipment { Id = "shp_new", TrackingNumber = r.TrackingNumber };

    public Func<ListShipmentsRequest, ListShipmentsResponse> OnList { get; set; } = _ => new ListShipmentsResponse();

    /// <summary>
    /// Drop scripted changes whose new status is not in the request's <c>statuses</c>, as the server does. Off by
    /// default so scripts can play anything; on for tests about what a status filter hides from the client.
    /// </summary>
    public bool AppliesStatusFilter { get; init; }

    public List<IMessage> UnaryRequests { get; } = [];

    public IReadOnlyList<WatchShipmentsRequest> Requests => requests.ToArray();

    public int CallCount => requests.Count;

    public int DisposedCalls => Volatile.Read(ref disposed);

    /// <summary>Completes when the next WatchShipments call has been made, with its request.</summary>
    public Task<WatchShipmentsRequest> NextCallAsync() => calls.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Generous);

    /// <summary>Completes when a stream has played its script and waits, i.e. the watcher consumed everything.</summary>
    public Task IdleAsync() => idle.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Generous);

    public override AsyncUnaryCall<Shipment> GetShipmentAsync(GetShipmentRequest request, CallOptions options) =>
        Unary(request, OnGet);

    public override AsyncUnaryCall<Shipment> TrackShipmentAsync(TrackShipmentRequest request, CallOptions options) =>
        Unary(request, OnTrack);

    public override AsyncUnaryCall<ListShipmentsResponse> ListShipmentsAsync(ListShipmentsRequest request, CallOptions options) =>
        Unary(request, OnList);

    private AsyncUnaryCall<TResponse> Unary<TRequest, TResponse>(TRequest request, Func<TRequest, TResponse> answer)
        where TRequest : IMessage<TRequest>, IDeepCloneable<TRequest>
    {
        lock (UnaryRequests)
        {
            UnaryRequests.Add(request.Clone());
        }

        Task<TResponse> response;
        try
        {
            response = Task.FromResult(answer(request));
        }
        catch (Exception ex)
        {
            response = Task.FromException<TResponse>(ex);
        }

        return new AsyncUnaryCall<TResponse>(
            response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
    }

    public override AsyncServerStreamingCall<ShipmentUpdate> WatchShipments(WatchShipmentsRequest request, CallOptions options)
    {
        var copy = request.Clone();
        requests.Enqueue(copy);
        calls.Writer.TryWrite(copy);

        var script = scripts.TryDequeue(out var s) ? s : [];
        if (AppliesStatusFilter && copy.Statuses.Count > 0)
        {
            script = script.Where(step => step is not ScriptStep.Yield { Value.Change.Shipment: { } shipment } ||
                                          copy.Statuses.Contains(shipment.Status)).ToArray();
        }

        var disposal = new CancellationTokenSource();
        var reader = new ScriptedStreamReader(script, CancellationTokenSource.CreateLinkedTokenSource(
            options.CancellationToken, disposal.Token).Token, () => idle.Writer.TryWrite(true));
        return new AsyncServerStreamingCall<ShipmentUpdate>(
            reader,
            Task.FromResult(new Metadata()),
            () => Status.DefaultSuccess,
            () => new Metadata(),
            () =>
            {
                Interlocked.Increment(ref disposed);
                disposal.Cancel();
            });
    }
}
