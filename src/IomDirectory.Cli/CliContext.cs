using System.CommandLine;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using IomDirectory.Cli.Output;
using Grpc.Core;
using Grpc.Net.Client;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Cli;

/// <summary>
/// One invocation: the server address, the token, the output, and calls that turn a failed RPC into a
/// <see cref="CliFailure"/> naming the method.
/// </summary>
public sealed class CliContext : IDisposable
{
    private static readonly TimeSpan UnaryDeadline = TimeSpan.FromMinutes(2);
    private readonly Lazy<GrpcChannel> _channel;

    private CliContext(Uri server, string? token, Terminal output, CancellationToken cancellation)
    {
        Server = server;
        Token = token;
        Output = output;
        Cancellation = cancellation;
        _channel = new Lazy<GrpcChannel>(() => Channels.For(server));
    }

    public Uri Server { get; }

    public string? Token { get; }

    public Terminal Output { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>Runs a command's body: expected failures become one line on stderr and their exit code.</summary>
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellation, Func<CliContext, Task<int>> body)
    {
        var output = new Terminal(parse.GetValue(GlobalOptions.Json));
        try
        {
            using var context = new CliContext(ParseServer(parse.GetValue(GlobalOptions.Server)!), GlobalOptions.TokenOf(parse), output, cancellation);
            return await body(context);
        }
        catch (CliFailure failure)
        {
            output.Error(failure.Message);
            return failure.ExitCode;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            output.Error("cancelled");
            return 130;
        }
        catch (Exception unexpected) when (unexpected is IOException or UnauthorizedAccessException or InvalidOperationException or HttpRequestException)
        {
            output.Error($"unexpected error: {unexpected.Message}");
            return ExitCodes.Failed;
        }
    }

    public async Task<TResponse> CallAsync<TRequest, TResponse>(MethodDescriptor method, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        try
        {
            return await _channel.Value.CreateCallInvoker().UnaryAsync<TRequest, TResponse>(method, request, Options(DateTime.UtcNow + UnaryDeadline));
        }
        catch (RpcException ex) when (!(ex.StatusCode == StatusCode.Cancelled && Cancellation.IsCancellationRequested))
        {
            throw Failures.FromRpc(ex, method.Name, Server);
        }
    }

    public async IAsyncEnumerable<TResponse> StreamAsync<TRequest, TResponse>(MethodDescriptor method, TRequest request,
        [EnumeratorCancellation] CancellationToken cancellation = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(Cancellation, cancellation);
        await using var responses = _channel.Value.CreateCallInvoker().ServerStreamingAsync<TRequest, TResponse>(method, request, Options(null), linked.Token)
            .GetAsyncEnumerator(linked.Token);
        while (true)
        {
            try
            {
                if (!await responses.MoveNextAsync())
                    yield break;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && linked.IsCancellationRequested)
            {
                throw new OperationCanceledException(linked.Token);
            }
            catch (RpcException ex)
            {
                throw Failures.FromRpc(ex, method.Name, Server);
            }
            yield return responses.Current;
        }
    }

    public void Dispose()
    {
        if (_channel.IsValueCreated)
            _channel.Value.Dispose();
    }

    private CallOptions Options(DateTime? deadline)
    {
        var headers = new Metadata();
        if (Token is not null)
            headers.Add("authorization", "Bearer " + Token);
        return new CallOptions(headers, deadline, Cancellation);
    }

    private static Uri ParseServer(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliFailure(ExitCodes.Usage, $"--server: '{value}' is not an http:// or https:// address");
}
