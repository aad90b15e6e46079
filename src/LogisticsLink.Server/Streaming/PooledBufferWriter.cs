using System.Buffers;

namespace LogisticsLink.Server.Streaming;

/// <summary>
/// A growable buffer on arrays rented from the shared pool, handed back by <see cref="Reset"/>. A stream fills one
/// between flushes so that the response body (whose every GetSpan/Advance takes the HTTP/2 stream's lock) is touched
/// once per burst instead of several times per message; an idle stream holds no array at all.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumSize = 4096;
    private byte[]? _array;
    private int _written;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);

    public int WrittenCount => _written;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <summary>Forgets what was written and returns the array to the pool.</summary>
    public void Reset()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
        }
        _written = 0;
    }

    public void Dispose() => Reset();

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (_array is not null && needed <= _array.Length)
        {
            return;
        }
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(MinimumSize, (_array?.Length ?? 0) * 2)));
        if (_array is not null)
        {
            _array.AsSpan(0, _written).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_array);
        }
        _array = grown;
    }
}
