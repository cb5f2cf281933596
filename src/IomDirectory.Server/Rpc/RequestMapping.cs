using Google.Protobuf.WellKnownTypes;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Rpc.Internal;
namespace IomDirectory.Server.Rpc;

/// <summary>From request messages to application values.</summary>
internal static class RequestMapping
{
    public static ReadContext Read(Timestamp? asOf, string language) =>
        new(asOf is null ? DateTime.UtcNow : TimestampMapping.ToUtc(asOf, "as_of"), language.Trim().ToLowerInvariant());

    public static PageRequest Page(int size, string token) => new(size, token);

    /// <summary>Proto enums are 1:1 with the domain's (0 = unspecified = no filter); an undefined value passes through for the validator to reject.</summary>
    public static TDomain? Filter<TDomain>(int value) where TDomain : struct, System.Enum =>
        value == 0 ? null : (TDomain)System.Enum.ToObject(typeof(TDomain), value);
}
