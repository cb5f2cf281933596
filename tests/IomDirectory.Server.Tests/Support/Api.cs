using System.Runtime.CompilerServices;
using Grpc.Core;

namespace IomDirectory.Server.Tests.Support;

/// <summary>Call shorthands for tests.</summary>
public static class Api
{
    public static IomDirectory.Contracts.V1.WriteContext Because(string reason, string? effective = null) =>
        effective is null ? new() { Reason = reason } : new() { Reason = reason, EffectiveFrom = Date(effective) };

    /// <summary>
    /// The messages of a server-streaming call, started when the loop starts and disposed (so cancelled, if unfinished)
    /// when the loop ends.
    /// </summary>
    public static async IAsyncEnumerable<T> Stream<T>(Func<AsyncServerStreamingCall<T>> start,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var call = start();
        while (await call.ResponseStream.MoveNext(cancellationToken))
            yield return call.ResponseStream.Current;
    }

    /// <summary>The call's failure, with its status and the field names of its google.rpc.BadRequest.</summary>
    public static async Task<(StatusCode Code, string Message, IReadOnlyList<string> Fields)> Failure(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            var details = ex.GetRpcStatus();
            var fields = details?.Details.Where(d => d.Is(Google.Rpc.BadRequest.Descriptor))
                .SelectMany(d => d.Unpack<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field)).ToList() ?? [];
            return (ex.StatusCode, ex.Status.Detail, fields);
        }
        throw new AssertionException("The call succeeded; a failure was expected.");
    }

    public static Google.Protobuf.WellKnownTypes.Timestamp Date(string date) =>
        Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.SpecifyKind(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));
}
