using Google.Protobuf;
using Google.Protobuf.Reflection;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Server.Tests.Support;

/// <summary>Method descriptors of the API and call shorthands for tests.</summary>
public static class Api
{
    public static readonly ServiceDescriptor Directory = DirectoryReflection.Descriptor.Services.Single(s => s.Name == "DirectoryService");

    public static readonly ServiceDescriptor AdminService = AdminReflection.Descriptor.Services.Single(s => s.Name == "AdminService");

    public static MethodDescriptor AdminMethod(string name) => AdminService.FindMethodByName(name)
        ?? throw new ArgumentException($"AdminService has no method {name}");

    public static Task<TResponse> Admin<TRequest, TResponse>(this RunningServer server, string method, TRequest request, string token)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        server.Client.UnaryAsync<TRequest, TResponse>(AdminMethod(method), request, RunningServer.Bearer(token));

    public static IomDirectory.Contracts.V1.WriteContext Because(string reason, string? effective = null) =>
        effective is null ? new() { Reason = reason } : new() { Reason = reason, EffectiveFrom = Date(effective) };

    public static MethodDescriptor DirectoryMethod(string name) => Directory.FindMethodByName(name)
        ?? throw new ArgumentException($"DirectoryService has no method {name}");

    public static Task<TResponse> Call<TRequest, TResponse>(this RunningServer server, string method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        server.Client.UnaryAsync<TRequest, TResponse>(DirectoryMethod(method), request, options);

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
