using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using LogisticsLink.Bench.Measurement;

namespace LogisticsLink.Bench.Hosting;

/// <summary>
/// The real server in a child process (this program in <see cref="ServeMode"/>), so its memory and CPU are measured
/// apart from the load generator's. Its log lines are passed through to stderr; command replies come back on stdout.
/// </summary>
public sealed class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _replies = Channel.CreateUnbounded<string>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = true,
        AllowSynchronousContinuations = false,
    });
    private readonly SemaphoreSlim _commandLock = new(1, 1);
    private readonly Task _pump;

    private ChildServer(Process process, Uri grpcAddress, Uri webAddress)
    {
        _process = process;
        GrpcAddress = grpcAddress;
        WebAddress = webAddress;
        _pump = Task.Run(PumpOutputAsync);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[server] " + e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    public Uri GrpcAddress { get; }

    /// <summary>The HTTP/1.1 endpoint (HTTP/JSON transcoding, gRPC-Web).</summary>
    public Uri WebAddress { get; }

    public TimeSpan StartupTime { get; private set; }

    public ProcessStats Stats => ProcessStats.Of(_process);

    public static async Task<ChildServer> StartAsync(
        string databasePath, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null,
        string verb = ServeMode.Verb, IReadOnlyList<string>? extraArgs = null)
    {
        var grpc = FreePorts.NextLoopback();
        var web = FreePorts.NextLoopback();
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(info.FileName) == "dotnet")
        {
            // Started as `dotnet LogisticsLink.Bench.dll`: the child needs the dll too.
            info.ArgumentList.Add(typeof(ChildServer).Assembly.Location);
        }
        info.ArgumentList.Add(verb);
        foreach (var arg in ServerSettings.Args(databasePath, grpc, web, settings).Concat(extraArgs ?? []))
        {
            info.ArgumentList.Add(arg);
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server process.");
        ForeignCpu.Track(process);
        var child = new ChildServer(process, grpc, web);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await child.ReadReplyAsync(timeout.Token);
            child.StartupTime = Stopwatch.GetElapsedTime(started);
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one command line and returns its JSON reply.</summary>
    public async Task<JsonElement> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await _commandLock.WaitAsync(cancellationToken);
        try
        {
            await _process.StandardInput.WriteLineAsync(command.AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
            var reply = await ReadReplyAsync(cancellationToken);
            return reply.TryGetProperty("error", out var error)
                ? throw new InvalidOperationException($"The server process failed '{command}': {error.GetString()}")
                : reply;
        }
        finally
        {
            _commandLock.Release();
        }
    }

    /// <summary>The server's memory after a full GC in the server process, and what its hub sees.</summary>
    public async Task<ServerStats> StatsAsync(CancellationToken cancellationToken)
    {
        var reply = await CommandAsync("stats", cancellationToken);
        return new ServerStats(
            reply.GetProperty("residentBytes").GetInt64(),
            reply.GetProperty("managedBytes").GetInt64(),
            reply.GetProperty("subscribers").GetInt32(),
            reply.GetProperty("lastPublished").GetInt64(),
            reply.GetProperty("head").GetInt64());
    }

    /// <summary>How many subscribers the hub has, without disturbing the server (no GC).</summary>
    public async Task<int> SubscriberCountAsync(CancellationToken cancellationToken) =>
        (await CommandAsync("hub", cancellationToken)).GetProperty("subscribers").GetInt32();

    /// <summary>How many committed changes the hub has not yet offered to its subscribers.</summary>
    public async Task<long> HubBacklogAsync(CancellationToken cancellationToken)
    {
        var reply = await CommandAsync("hub", cancellationToken);
        return reply.GetProperty("head").GetInt64() - reply.GetProperty("lastPublished").GetInt64();
    }

    private async Task<JsonElement> ReadReplyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var line = await _replies.Reader.ReadAsync(cancellationToken);
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The server process exited (code {(_process.HasExited ? _process.ExitCode : -1)}).");
        }
    }

    private async Task PumpOutputAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith(ServeMode.Marker, StringComparison.Ordinal))
                {
                    _replies.Writer.TryWrite(line[ServeMode.Marker.Length..]);
                }
                else
                {
                    Console.Error.WriteLine("[server] " + line);
                }
            }
        }
        finally
        {
            _replies.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await _process.StandardInput.WriteLineAsync("stop");
                await _process.StandardInput.FlushAsync();
            }
            catch (IOException)
            {
                // Its stdin is already closed: it is on its way out.
            }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        await _pump;
        ForeignCpu.Untrack(_process);
        _process.Dispose();
        _commandLock.Dispose();
    }
}

/// <summary>What the server process reports about itself (memory after a full GC in that process).</summary>
public sealed record ServerStats(long ResidentBytes, long ManagedBytes, int Subscribers, long LastPublished, long Head);
