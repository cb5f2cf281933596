using IomDirectory.Bench;

// dotnet run -c Release --project bench/IomDirectory.Bench -- routing-accuracy [DEV_SET.tsv]
// dotnet run -c Release --project bench/IomDirectory.Bench -- routing-speed [CALLS]
return args.FirstOrDefault() switch
{
    "routing-accuracy" => await RoutingAccuracy.RunAsync(args.Skip(1).ToArray()),
    "routing-speed" => await RoutingSpeed.RunAsync(args.Skip(1).ToArray()),
    "all" => await RoutingAccuracy.RunAsync([]) | await RoutingSpeed.RunAsync([]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: IomDirectory.Bench routing-accuracy [DEV_SET.tsv] | routing-speed [CALLS] | all");
    return 2;
}
