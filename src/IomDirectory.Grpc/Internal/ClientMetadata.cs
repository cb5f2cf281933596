using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace IomDirectory.Grpc.Internal;

/// <summary>Client-side reading of response headers and trailers.</summary>
internal static class ClientMetadata
{
    public static Metadata From(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            var key = header.Key;
            // grpc-status-details-bin is protocol-reserved but is the rich error callers need, so it stays visible.
            var reserved = GrpcProtocol.IsReservedRequestHeader(key)
                           && !key.Equals(GrpcProtocol.StatusDetailsHeader, StringComparison.OrdinalIgnoreCase);
            if (reserved || key.Equals("date", StringComparison.OrdinalIgnoreCase)
                || key.Equals("server", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var binary = Metadata.IsBinaryKey(key);
            foreach (var value in header.Value)
            {
                if (!binary)
                {
                    metadata.Add(key, value);
                    continue;
                }

                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (MetadataCodec.TryDecodeBase64(part, out var bytes))
                    {
                        metadata.Add(key, bytes);
                    }
                }
            }
        }

        return metadata;
    }

    /// <summary>grpc-status and percent-decoded grpc-message, or null when there is no grpc-status.</summary>
    public static Status? ReadStatus(HttpHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues(GrpcProtocol.StatusHeader, out var statusValues))
        {
            return null;
        }

        var text = statusValues.ToString();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new Status(StatusCode.Unknown, $"Unparseable grpc-status '{text}'.");
        }

        var message = headers.NonValidated.TryGetValues(GrpcProtocol.MessageHeader, out var messageValues)
            ? PercentEncoding.Decode(messageValues.ToString())
            : string.Empty;
        return new Status((StatusCode)code, message);
    }

    /// <summary>HTTP status → gRPC code for non-200 responses (grpc/grpc doc/http-grpc-status-mapping.md).</summary>
    public static Status StatusFromHttp(HttpStatusCode status)
    {
        var code = status switch
        {
            HttpStatusCode.BadRequest => StatusCode.Internal,
            HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
            HttpStatusCode.NotFound => StatusCode.Unimplemented,
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        return new Status(code, $"Bad gRPC response. HTTP status code: {(int)status}");
    }
}
