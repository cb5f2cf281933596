using Google.Protobuf;
using IomDirectory.Grpc.Rpc;
using IomDirectory.Grpc.Tests.Testing;

namespace IomDirectory.Grpc.Tests.Infrastructure;

/// <summary>Handlers of test.v1.EchoService.</summary>
public static class EchoServiceImpl
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = EchoReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("EchoService");

    public static void Bind(GrpcServiceBinder binder, TestState state) => binder
        .Unary<EchoRequest, EchoReply>("Echo", Echo)
        .UnaryEncoded<EchoRequest, EchoReply>("EchoEncoded", async (request, context) => EncodedMessage<EchoReply>.Encode(await Echo(request, context)))
        .ServerStreaming<StreamRequest, StreamReply>("EchoStream", (request, writer, context) => EchoStream(request, writer, context, state))
        .Unary<FailRequest, Empty>("Fail", Fail)
        .Unary<Empty, Empty>("Throw", (_, _) => throw new InvalidOperationException("secret failure text /srv/internal/path"))
        .Unary<SlowRequest, Empty>("Slow", (request, context) => Slow(request, context, state))
        .Unary<SlowRequest, Empty>("Gated", async (request, _) =>
        {
            state.Started(request.Id).TrySetResult();
            await state.Gate(request.Id).Task;
            return new Empty();
        })
        .DuplexStreaming<EchoRequest, EchoReply>("Chat", async (requests, writer, context) =>
        {
            while (await requests.MoveNext(context.CancellationToken))
            {
                await writer.WriteAsync(new EchoReply { Message = "echo:" + requests.Current.Message });
            }
        });

    private static async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        var echoed = new Metadata();
        foreach (var entry in context.RequestHeaders)
        {
            if (entry.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                if (entry.IsBinary)
                {
                    echoed.Add(entry.Key, entry.ValueBytes);
                    context.ResponseTrailers.Add("trailer-" + entry.Key, entry.ValueBytes);
                }
                else
                {
                    echoed.Add(entry.Key, entry.Value);
                    context.ResponseTrailers.Add("trailer-" + entry.Key, entry.Value);
                }
            }
        }

        if (echoed.Count > 0)
        {
            await context.WriteResponseHeadersAsync(echoed);
        }

        context.ResponseTrailers.Add("x-deadline", context.Deadline == DateTime.MaxValue ? "none" : "set");
        return new EchoReply
        {
            Message = request.Message,
            Payload = request.ResponseSize > 0 ? ByteString.CopyFrom(new byte[request.ResponseSize]) : request.Payload,
        };
    }

    private static async Task EchoStream(StreamRequest request, IServerStreamWriter<StreamReply> writer, ServerCallContext context, TestState state)
    {
        if (request.EndlessId.Length > 0)
        {
            using var registration = context.CancellationToken.Register(() => state.TokenFired(request.EndlessId).TrySetResult());
            try
            {
                for (var i = 0; ; i++)
                {
                    await writer.WriteAsync(new StreamReply { Index = i, Payload = ByteString.CopyFrom(new byte[16]) });
                    await Task.Delay(20, context.CancellationToken);
                }
            }
            catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
            {
                // A write can see the client's reset before Kestrel fires RequestAborted; the token must still fire
                // (this delay then throws), and the test fails if it never does.
                await Task.Delay(TimeSpan.FromSeconds(20), context.CancellationToken);
                throw;
            }
        }

        for (var i = 0; i < request.Sizes.Count; i++)
        {
            await writer.WriteAsync(new StreamReply { Index = i, Payload = ByteString.CopyFrom(new byte[request.Sizes[i]]) });
        }
    }

    private static Task<Empty> Fail(FailRequest request, ServerCallContext context)
    {
        if (request.WithDetails)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = "name", Description = "must not be empty" });
            throw GrpcStatusDetails.CreateException((StatusCode)request.Code, request.Detail, badRequest);
        }

        throw new RpcException(new Status((StatusCode)request.Code, request.Detail));
    }

    private static async Task<Empty> Slow(SlowRequest request, ServerCallContext context, TestState state)
    {
        using var registration = context.CancellationToken.Register(() => state.TokenFired(request.Id).TrySetResult());
        state.Started(request.Id).TrySetResult();
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return new Empty();
    }
}
