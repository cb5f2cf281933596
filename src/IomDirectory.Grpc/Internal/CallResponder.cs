using Microsoft.AspNetCore.Http;

namespace IomDirectory.Grpc.Internal;

/// <summary>Writes the end of a call: trailers after messages, or a Trailers-Only response when nothing was sent.</summary>
internal static class CallResponder
{
    /// <summary>A Trailers-Only response (one HEADERS frame with END_STREAM) for a call rejected before it ran.</summary>
    public static Task WriteTrailersOnly(HttpResponse response, Status status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
        SetStatusHeaders(response.Headers, status);
        return Task.CompletedTask;
    }

    /// <summary>A non-200 HTTP answer (426, 405, 415) that still carries grpc-status for gRPC-aware clients.</summary>
    public static Task WriteHttpError(HttpResponse response, int httpStatus, Status status)
    {
        response.StatusCode = httpStatus;
        SetStatusHeaders(response.Headers, status);
        return Task.CompletedTask;
    }

    public static void Complete(HttpServerCallContext call, Status status)
    {
        var response = call.HttpContext.Response;
        if (!call.ResponseStarted)
        {
            SetStatusHeaders(response.Headers, status);
            if (call.HasResponseTrailers)
            {
                MetadataCodec.AddTo(response.Headers, call.ResponseTrailers);
            }

            return;
        }

        response.AppendTrailer(GrpcProtocol.StatusHeader, StatusText(status.StatusCode));
        if (!string.IsNullOrEmpty(status.Detail))
        {
            response.AppendTrailer(GrpcProtocol.MessageHeader, PercentEncoding.Encode(status.Detail));
        }

        if (call.HasResponseTrailers)
        {
            MetadataCodec.AppendTrailers(response, call.ResponseTrailers);
        }
    }

    private static void SetStatusHeaders(IHeaderDictionary headers, Status status)
    {
        headers[GrpcProtocol.StatusHeader] = StatusText(status.StatusCode);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail);
        }
    }

    private static string StatusText(StatusCode code) => code switch
    {
        StatusCode.OK => "0",
        StatusCode.Cancelled => "1",
        StatusCode.Unknown => "2",
        StatusCode.InvalidArgument => "3",
        StatusCode.DeadlineExceeded => "4",
        StatusCode.NotFound => "5",
        _ => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
