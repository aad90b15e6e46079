namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>
/// Tests that expect an answer inside a short gRPC deadline run alone, after the parallel ones: on a two-core machine
/// busy with every other test class, scheduling delays alone can exceed the room a server keeps before a deadline, and
/// the test would fail for the machine, not for the code.
/// </summary>
[CollectionDefinition(nameof(DeadlineTimed), DisableParallelization = true)]
public sealed class DeadlineTimed;
