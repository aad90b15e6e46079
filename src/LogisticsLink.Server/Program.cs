using LogisticsLink.Server.Hosting;

if (args.Length == 2 && args[0] == HealthProbe.Flag)
{
    return await HealthProbe.RunAsync(args[1], Console.Error);
}

return await LogisticsLinkApp.RunAsync(args, Console.Error);
