using Grpc.Core;
using Grpc.Core.Interceptors;
using IomDirectory.Server.Application;
using IomDirectory.Server.Security;

namespace IomDirectory.Server.Rpc.Internal;

/// <summary>
/// What the reflection service (a bidirectional stream from Grpc.AspNetCore.Server.Reflection) does not bound on
/// its own: with <c>Jwt:RequireReaderRole=true</c> it needs a reader token like every read (health stays open); a
/// stream waits at most <c>Grpc:StreamIdleTimeout</c> (default <see cref="DefaultIdleTimeout"/>) for its next request and takes at most
/// <see cref="MaxRequestsPerStream"/> of them, so no client can park a stream, or a partial message, for ever.
/// </summary>
public sealed class ReflectionGuardInterceptor(JwtSettings jwt, IConfiguration configuration) : Interceptor
{
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(30);
    private readonly TimeSpan _idleTimeout = configuration.GetValue("Grpc:StreamIdleTimeout", DefaultIdleTimeout);
    public const int MaxRequestsPerStream = 1000;

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (jwt.RequireReaderRole)
            await RequireReaderAsync(context);
        await continuation(new GuardedReader<TRequest>(requestStream, _idleTimeout), responseStream, context);
    }

    private static async Task RequireReaderAsync(ServerCallContext context) =>
        Access.Demand(await RpcPipeline.IdentifyCallerAsync(context.GetHttpContext()) ?? Caller.Anonymous,
            Roles.Reader, "Reflection", "Reflection on this server");

    private sealed class GuardedReader<T>(IAsyncStreamReader<T> inner, TimeSpan idleTimeout) : IAsyncStreamReader<T>
    {
        private int _count;

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(idleTimeout);
            bool more;
            try
            {
                more = await inner.MoveNext(idle.Token);
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"No reflection request within {idleTimeout.TotalSeconds:0.#} s."));
            }
            if (more && ++_count > MaxRequestsPerStream)
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"At most {MaxRequestsPerStream} requests per reflection stream."));
            return more;
        }
    }
}
