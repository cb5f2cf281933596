using System.Collections.Concurrent;
using Grpc.Core;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Server.Tests.Support;

/// <summary>
/// Four writers creating units under pcca on a server process until it is killed (after <paramref name="acknowledgedBeforeKill"/>
/// acknowledgements): the ids of the writes the server acknowledged, i.e. promised to keep.
/// </summary>
public static class CrashWriters
{
    public static async Task<IReadOnlyCollection<string>> CreateUnitsUntilKilledAsync(ServerProcess server, string token, int acknowledgedBeforeKill = 40)
    {
        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = $"crash-unit-{w}-{i}";
                try
                {
                    await server.Admin.CreateUnitAsync(new CreateUnitRequest
                    {
                        Id = id,
                        Unit = new UnitInput { Kind = UnitKind.Unit, Name = new LocalizedText { En = $"Crash test unit {w}/{i}" }, ParentUnitId = "pcca" },
                        Write = Api.Because("crash test"),
                    }, RunningServer.Bearer(token));
                    acknowledged.Add(id);
                }
                catch (Exception ex) when (ex is RpcException or HttpRequestException or IOException or OperationCanceledException)
                {
                    return;   // the server died under this call: not acknowledged, so no promise was made
                }
            }
        })).ToList();
        while (acknowledged.Count < acknowledgedBeforeKill) await Task.Delay(10);
        server.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        return acknowledged;
    }
}
