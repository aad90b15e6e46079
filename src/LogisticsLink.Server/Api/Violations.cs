using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Status = Google.Rpc.Status;

namespace LogisticsLink.Server.Api;

/// <summary>
/// Collects what is wrong with a request and turns it into one INVALID_ARGUMENT carrying a google.rpc.BadRequest,
/// so a caller learns about every bad field at once, each by name.
/// </summary>
public sealed class Violations
{
    private readonly List<BadRequest.Types.FieldViolation> _items = [];

    public bool Any => _items.Count > 0;

    public int Count => _items.Count;

    public Violations Add(string field, string description)
    {
        _items.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw ToException();
        }
    }

    public RpcException ToException() => ToStatus().ToRpcException();

    /// <summary>The violations as the google.rpc.Status a call answers with, for answers written outside a gRPC call.</summary>
    public Status ToStatus() => new()
    {
        Code = (int)Code.InvalidArgument,
        Message = string.Join("; ", _items.Select(v => $"{v.Field}: {v.Description}")),
        Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest { FieldViolations = { _items } }) },
    };

    public static RpcException Single(string field, string description) => new Violations().Add(field, description).ToException();

    public static RpcException NotFound(string what) => new(new global::Grpc.Core.Status(StatusCode.NotFound, what));
}
