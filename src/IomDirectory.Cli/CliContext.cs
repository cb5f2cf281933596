using System.CommandLine;
using System.Runtime.CompilerServices;
using IomDirectory.Cli.Output;
using Grpc.Core;
using Grpc.Net.Client;
using IomDirectory.Contracts.Transport;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli;

/// <summary>
/// One invocation: the server address, the token, the output, and calls that turn a failed RPC into a
/// <see cref="CliFailure"/> naming the method.
/// </summary>
public sealed class CliContext : IDisposable
{
    private static readonly TimeSpan UnaryDeadline = TimeSpan.FromMinutes(2);
    private readonly Lazy<GrpcChannel> _channel;

    private CliContext(Uri server, Func<Task<string?>> token, Terminal output, CancellationToken cancellation)
    {
        Server = server;
        _token = new Lazy<Task<string?>>(token);
        Output = output;
        Cancellation = cancellation;
        _channel = new Lazy<GrpcChannel>(() => Channels.For(server));
    }

    public Uri Server { get; }

    /// <summary>--token, else IOMDIR_TOKEN, else the stored sign-in's (renewed if need be): resolved on the first call.</summary>
    private readonly Lazy<Task<string?>> _token;

    public Terminal Output { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>Runs a command's body: expected failures become one line on stderr and their exit code.</summary>
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellation, Func<CliContext, Task<int>> body, bool needsToken = true)
    {
        var output = new Terminal(parse.GetValue(GlobalOptions.Json));
        try
        {
            var given = GlobalOptions.TokenOf(parse);
            Func<Task<string?>> token = given is not null || !needsToken
                ? () => Task.FromResult(given)
                : () => SignIn.SignInToken.FromStoreAsync(output, cancellation);
            using var context = new CliContext(ParseServer(parse.GetValue(GlobalOptions.Server)!), token, output, cancellation);
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

    public DirectoryService.DirectoryServiceClient Directory => new(_channel.Value);

    public RoutingService.RoutingServiceClient Routing => new(_channel.Value);

    public AdminService.AdminServiceClient Admin => new(_channel.Value);

    /// <summary>
    /// A unary call of one of the clients above (<c>context.CallAsync(context.Admin.UpdateUnitAsync, request)</c>), with
    /// the token and a deadline; a failure names the method.
    /// </summary>
    public async Task<TResponse> CallAsync<TRequest, TResponse>(Func<TRequest, CallOptions, AsyncUnaryCall<TResponse>> method, TRequest request)
    {
        try
        {
            using var call = method(request, await OptionsAsync(DateTime.UtcNow + UnaryDeadline));
            return await call.ResponseAsync;
        }
        catch (RpcException ex) when (!(ex.StatusCode == StatusCode.Cancelled && Cancellation.IsCancellationRequested))
        {
            throw Failures.FromRpc(ex, NameOf(method), Server);
        }
    }

    /// <summary>A server-streaming call of one of the clients above, with the token and no deadline.</summary>
    public async IAsyncEnumerable<TResponse> StreamAsync<TRequest, TResponse>(Func<TRequest, CallOptions, AsyncServerStreamingCall<TResponse>> method,
        TRequest request, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(Cancellation, cancellation);
        var options = await OptionsAsync(null);
        if (!options.CancellationToken.CanBeCanceled)
            options = options.WithCancellationToken(linked.Token);
        using var call = method(request, options);
        while (true)
        {
            try
            {
                if (!await call.ResponseStream.MoveNext(linked.Token))
                    yield break;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && linked.IsCancellationRequested)
            {
                throw new OperationCanceledException(linked.Token);
            }
            catch (RpcException ex)
            {
                throw Failures.FromRpc(ex, NameOf(method), Server);
            }
            yield return call.ResponseStream.Current;
        }
    }

    // The RPC's name, from the generated client's method: GetUnitAsync for a unary call, GetSubtree for a stream.
    private static string NameOf(Delegate method) => method.Method.Name is var name && name.EndsWith("Async", StringComparison.Ordinal) ? name[..^5] : name;

    public void Dispose()
    {
        if (_channel.IsValueCreated)
            _channel.Value.Dispose();
    }

    private async Task<CallOptions> OptionsAsync(DateTime? deadline)
    {
        var headers = new Metadata();
        if (await _token.Value is { } token)
            headers.Add("authorization", "Bearer " + token);
        return new CallOptions(headers, deadline, Cancellation);
    }

    private static Uri ParseServer(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliFailure(ExitCodes.Usage, $"--server: '{value}' is not an http:// or https:// address");
}
