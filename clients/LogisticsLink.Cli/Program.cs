using LogisticsLink.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: stop cleanly (exit 130). A second one while stopping falls through and kills the process.
    if (!interrupt.IsCancellationRequested)
    {
        e.Cancel = true;
        interrupt.Cancel();
    }
};

var app = new CliApp(Console.Out, Console.Error, Environment.GetEnvironmentVariable, CliConnection.Connect, TimeProvider.System);
return await app.RunAsync(args, interrupt.Token);
