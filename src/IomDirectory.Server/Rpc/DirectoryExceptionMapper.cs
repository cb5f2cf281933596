using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using IomDirectory.Server.Application;
using Status = Grpc.Core.Status;
using StatusCode = Grpc.Core.StatusCode;
using IomDirectory.Server.Rpc.Internal;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// The one place application failures become gRPC statuses. Validation failures carry their field errors in
/// grpc-message and as google.rpc.BadRequest in grpc-status-details-bin (Grpc.StatusProto). Returns null for what is
/// not an application failure; <see cref="ExceptionMappingInterceptor"/> answers those INTERNAL with a correlation id.
/// Everything echoed is bounded: at most <see cref="MaxViolations"/> violations (the validators stop at 50 and say so),
/// each description and the message cut to a length that keeps the trailers small whatever the request held.
/// </summary>
public static class DirectoryExceptionMapper
{
    public const int MaxViolations = 51;
    public const int MaxDescriptionLength = 300;
    public const int MaxMessageLength = 2000;

    public static RpcException? Map(Exception exception) => exception switch
    {
        ValidationException validation => InvalidArgument(validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage))),
        InvalidRequestException invalid => InvalidArgument([(invalid.Field, invalid.Message)]),
        NotFoundException notFound => Plain(StatusCode.NotFound, notFound.Message),
        UnauthenticatedException unauthenticated => Plain(StatusCode.Unauthenticated, unauthenticated.Message),
        PermissionDeniedException denied => Plain(StatusCode.PermissionDenied, denied.Message),
        ConcurrencyConflictException conflict => new RpcException(new Status(StatusCode.Aborted, Cut(conflict.Message, MaxMessageLength)),
            new Metadata { { "current-version", conflict.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) } }),
        PreconditionFailedException precondition => Plain(StatusCode.FailedPrecondition, precondition.Message),
        StoreUnavailableException unavailable => Plain(StatusCode.Unavailable, unavailable.Message),
        Snapshots.ServerBusyException busy => Plain(StatusCode.ResourceExhausted, busy.Message),
        ChangeFeedStalledException stalled => Plain(StatusCode.Unavailable, stalled.Message),
        Infrastructure.StoreLockTimeoutException locked => Plain(StatusCode.Unavailable, locked.Message),
        _ when Infrastructure.DirectoryStore.IsUnavailable(exception) =>
            Plain(StatusCode.Unavailable, "The directory's database cannot be reached now; retry in a moment."),
        _ => null,
    };

    private static RpcException Plain(StatusCode code, string message) => new(new Status(code, Cut(message, MaxMessageLength)));

    private static RpcException InvalidArgument(IEnumerable<(string Field, string Description)> violations)
    {
        var all = violations.Distinct().ToList();
        var shown = all.Take(MaxViolations).Select(v => (Field: Cut(v.Field, 200), Description: Cut(v.Description, MaxDescriptionLength))).ToList();
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(shown.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = Message(shown, all.Count),
            Details = { Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }

    /// <summary>"Invalid request: field: why; …" with as many violations as fit in the message, then how many more there are.</summary>
    private static string Message(IReadOnlyList<(string Field, string Description)> shown, int total)
    {
        var message = new System.Text.StringBuilder("Invalid request: ");
        var listed = 0;
        foreach (var (field, description) in shown)
        {
            var entry = field.Length > 0 ? $"{field}: {description}" : description;
            if (message.Length + entry.Length + 2 > MaxMessageLength - 40) break;
            if (listed > 0) message.Append("; ");
            message.Append(entry);
            listed++;
        }
        if (listed < total)
            message.Append($"; and {total - listed} more ({total} in all{(total > shown.Count ? $", the first {shown.Count} in the details" : "")})");
        return message.ToString();
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
