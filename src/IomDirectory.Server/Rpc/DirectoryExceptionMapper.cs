using FluentValidation;
using IomDirectory.Grpc;
using BadRequest = IomDirectory.Grpc.Rpc.BadRequest;
using IomDirectory.Server.Application;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// The one place application failures become gRPC statuses. Validation failures carry every field error in
/// grpc-message and as google.rpc.BadRequest in grpc-status-details-bin. Anything not listed here falls through
/// to the transport's INTERNAL-with-correlation-id answer.
/// </summary>
public sealed class DirectoryExceptionMapper : IGrpcExceptionMapper
{
    public RpcException? Map(Exception exception, ServerCallContext context) => exception switch
    {
        ValidationException validation => InvalidArgument(validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage))),
        InvalidRequestException invalid => InvalidArgument([(invalid.Field, invalid.Message)]),
        NotFoundException notFound => new RpcException(new Status(StatusCode.NotFound, notFound.Message)),
        UnauthenticatedException unauthenticated => new RpcException(new Status(StatusCode.Unauthenticated, unauthenticated.Message)),
        PermissionDeniedException denied => new RpcException(new Status(StatusCode.PermissionDenied, denied.Message)),
        ConcurrencyConflictException conflict => new RpcException(new Status(StatusCode.Aborted, conflict.Message),
            new Metadata { { "current-version", conflict.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) } }),
        PreconditionFailedException precondition => new RpcException(new Status(StatusCode.FailedPrecondition, precondition.Message)),
        _ => null,
    };

    private static RpcException InvalidArgument(IEnumerable<(string Field, string Description)> violations)
    {
        var list = violations.Distinct().ToList();
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(list.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var message = "Invalid request: " + string.Join("; ", list.Select(v => $"{v.Field}: {v.Description}"));
        return GrpcStatusDetails.CreateException(StatusCode.InvalidArgument, message, badRequest);
    }
}
