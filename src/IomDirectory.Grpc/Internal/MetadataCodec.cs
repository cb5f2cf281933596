using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IomDirectory.Grpc.Internal;

/// <summary>Converts between <see cref="Metadata"/> and HTTP headers; -bin values are base64 (padded or not).</summary>
internal static class MetadataCodec
{
    public static Metadata FromRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            if (GrpcProtocol.IsReservedRequestHeader(header.Key))
            {
                continue;
            }

            var binary = Metadata.IsBinaryKey(header.Key);
            foreach (var value in header.Value)
            {
                if (value is null)
                {
                    continue;
                }

                if (!binary)
                {
                    metadata.Add(header.Key, value);
                    continue;
                }

                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (TryDecodeBase64(part, out var bytes))
                    {
                        metadata.Add(header.Key, bytes);
                    }
                }
            }
        }

        return metadata;
    }

    public static void AddTo(IHeaderDictionary headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            var value = Encode(entry);
            headers[entry.Key] = StringValues.Concat(headers[entry.Key], value);
        }
    }

    public static void AppendTrailers(HttpResponse response, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            response.AppendTrailer(entry.Key, Encode(entry));
        }
    }

    /// <summary>Wire form of one entry: binary values base64 without padding, as the spec recommends.</summary>
    public static string Encode(Metadata.Entry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;

    public static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        try
        {
            bytes = Convert.FromBase64String(padded);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
