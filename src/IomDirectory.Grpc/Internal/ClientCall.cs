using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace IomDirectory.Grpc.Internal;

/// <summary>One client call over HttpClient: sends the request, reads response messages, then the status.</summary>
internal sealed class ClientCall<TResponse> : IDisposable
    where TResponse : class, IMessage<TResponse>, new()
{
    private readonly HttpClient _http;
    private readonly GrpcClientOptions _clientOptions;
    private readonly CancellationTokenSource _cts;
    private readonly CancellationToken _userToken;
    private readonly bool _hasDeadline;
    private HttpResponseMessage? _response;
    private Stream? _body;
    private string? _encoding;
    private Status? _trailersOnlyStatus;

    public ClientCall(HttpClient http, GrpcClientOptions clientOptions, CallOptions options)
    {
        _http = http;
        _clientOptions = clientOptions;
        _userToken = options.CancellationToken;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        if (options.Deadline is { } deadline)
        {
            _hasDeadline = true;
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            _cts.CancelAfter(remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining);
        }
    }

    public Metadata ResponseHeaders { get; private set; } = new();

    public Metadata Trailers { get; private set; } = new();

    public async Task StartAsync(string path, IMessage request, CallOptions options)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Frame(request, options.CompressRequest)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocol.ContentType);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, options.AcceptCompression ? GrpcProtocol.SupportedEncodings : GrpcProtocol.Identity);
        if (options.CompressRequest)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.Gzip);
        }

        if (options.Deadline is { } deadline)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(deadline.ToUniversalTime() - DateTime.UtcNow));
        }

        if (options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                headers.TryAddWithoutValidation(entry.Key, MetadataCodec.Encode(entry));
            }
        }

        await Guard(async () =>
        {
            _response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, _cts.Token).ConfigureAwait(false);
            ResponseHeaders = ClientMetadata.From(_response.Headers);
            if (_response.StatusCode != HttpStatusCode.OK)
            {
                throw new RpcException(ClientMetadata.StatusFromHttp(_response.StatusCode));
            }

            _trailersOnlyStatus = ClientMetadata.ReadStatus(_response.Headers);
            if (_trailersOnlyStatus is null)
            {
                var contentType = _response.Content.Headers.ContentType?.ToString();
                if (!GrpcProtocol.IsGrpcContentType(contentType))
                {
                    throw new RpcException(new Status(StatusCode.Internal, $"Response content-type '{contentType}' is not application/grpc."));
                }

                _encoding = _response.Headers.TryGetValues(GrpcProtocol.EncodingHeader, out var values) ? string.Join(",", values) : null;
                _body = await _response.Content.ReadAsStreamAsync(_cts.Token).ConfigureAwait(false);
            }
            else
            {
                Trailers = ResponseHeaders;
            }

            return 0;
        }).ConfigureAwait(false);
    }

    /// <summary>The next response message, or null at the end of the stream.</summary>
    public Task<TResponse?> ReadNextAsync() => _body is null
        ? Task.FromResult<TResponse?>(null)
        : Guard(() => ReadMessageAsync(_body));

    /// <summary>The final status; throws <see cref="RpcException"/> when it is not OK.</summary>
    public Status Finish()
    {
        var status = _trailersOnlyStatus ?? ReadTrailerStatus();
        if (status.StatusCode != StatusCode.OK)
        {
            throw new RpcException(status, Trailers, $"Status(StatusCode=\"{status.StatusCode}\", Detail=\"{status.Detail}\")");
        }

        return status;
    }

    public void Dispose()
    {
        _body?.Dispose();
        _response?.Dispose();
        _cts.Dispose();
    }

    private Status ReadTrailerStatus()
    {
        var trailing = _response!.TrailingHeaders;
        Trailers = ClientMetadata.From(trailing);
        return ClientMetadata.ReadStatus(trailing)
            ?? new Status(StatusCode.Internal, "The response ended without grpc-status.");
    }

    private async Task<TResponse?> ReadMessageAsync(Stream body)
    {
        var header = new byte[GrpcProtocol.HeaderSize];
        var read = await body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, _cts.Token).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < header.Length || header[0] > 1)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Invalid or incomplete response message header."));
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        if (length > (uint)_clientOptions.MaxReceiveMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Received message larger than max ({length} vs. {_clientOptions.MaxReceiveMessageSize})"));
        }

        var payload = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            await body.ReadExactlyAsync(payload.AsMemory(0, (int)length), _cts.Token).ConfigureAwait(false);
            return header[0] == 0
                ? MessageParserCache<TResponse>.Parser.ParseFrom(payload, 0, (int)length)
                : Decompress(payload, (int)length);
        }
        catch (EndOfStreamException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Incomplete response message."));
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize the response message."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    private TResponse Decompress(byte[] payload, int length)
    {
        if (!GrpcProtocol.ListsEncoding(_encoding, GrpcProtocol.Gzip))
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Compressed response message with grpc-encoding '{_encoding}'."));
        }

        var result = MessageCompression.DecompressGzip(new ReadOnlySequence<byte>(payload, 0, length), _clientOptions.MaxReceiveMessageSize);
        if (result.OverLimit)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Decompressed response message larger than max."));
        }

        try
        {
            return MessageParserCache<TResponse>.Parser.ParseFrom(result.Buffer!, 0, result.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(result.Buffer!);
        }
    }

    private byte[] Frame(IMessage request, bool compress)
    {
        var payload = request.ToByteArray();
        if (compress)
        {
            payload = MessageCompression.CompressGzip(payload, _clientOptions.RequestCompressionLevel);
        }

        var framed = new byte[GrpcProtocol.HeaderSize + payload.Length];
        framed[0] = compress ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(framed, GrpcProtocol.HeaderSize);
        return framed;
    }

    private async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException or IOException)
        {
            if (_userToken.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.Cancelled, "Call cancelled by the caller."));
            }

            if (_hasDeadline && _cts.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline exceeded."));
            }

            throw new RpcException(new Status(StatusCode.Unavailable, $"Error in gRPC transport: {exception.Message}"));
        }
    }
}
