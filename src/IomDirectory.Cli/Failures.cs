using System.Text;
using Google.Rpc;
using Grpc.Core;
using StatusCode = Grpc.Core.StatusCode;

namespace IomDirectory.Cli;

/// <summary>The one place a gRPC status becomes an exit code and a message line.</summary>
public static class Failures
{
    public static int ExitCode(StatusCode code) => code switch
    {
        StatusCode.NotFound => ExitCodes.NotFound,
        StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.FailedPrecondition => ExitCodes.Invalid,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => ExitCodes.Unauthorized,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => ExitCodes.Unavailable,
        StatusCode.Aborted or StatusCode.AlreadyExists => ExitCodes.Conflict,
        _ => ExitCodes.Failed,
    };

    /// <summary>"what failed: STATUS: detail" with the field errors of a google.rpc.BadRequest, plus a hint where one helps.</summary>
    public static CliFailure FromRpc(RpcException ex, string operation, Uri server)
    {
        var code = ex.StatusCode;
        var line = new StringBuilder();
        line.Append(code == StatusCode.Unavailable ? $"cannot reach the server at {server.AbsoluteUri.TrimEnd('/')}" : $"{operation} failed");
        line.Append(": ").Append(Name(code));
        if (code == StatusCode.Aborted)
            line.Append(": someone changed it meanwhile");
        var fields = FieldErrors(ex);
        line.Append(": ").Append(fields.Count > 0 ? string.Join("; ", fields) : ex.Status.Detail);
        line.Append(code switch
        {
            StatusCode.Unauthenticated => " (run 'iomdir login', or pass --token or set IOMDIR_TOKEN; 'iomdir token' mints a local one)",
            StatusCode.PermissionDenied => " (the token's role does not allow this)",
            StatusCode.Unavailable => " (start the server, or pass --server / set IOMDIR_SERVER)",
            _ => "",
        });
        return new CliFailure(ExitCode(code), line.ToString());
    }

    /// <summary>"field: description" for each violation in the call's google.rpc.Status (grpc-status-details-bin), if any.</summary>
    public static IReadOnlyList<string> FieldErrors(RpcException ex) =>
        ex.GetRpcStatus()?.Details
            .Where(d => d.Is(BadRequest.Descriptor))
            .SelectMany(d => d.Unpack<BadRequest>().FieldViolations)
            .Select(v => $"{Flag(v.Field)}: {v.Description}")
            .ToList() ?? [];

    /// <summary>
    /// The command-line flag a server's field stands for ("office.channels.phones[0]" → "--set channels.phones",
    /// "write.reason" → "--reason"), else the server's name: errors name what the user typed.
    /// </summary>
    public static string Flag(string field) => field switch
    {
        "write.reason" => "--reason",
        "write.effective_from" => "--effective",
        "expected_version" => "--expected-version",
        "id" => "ID",
        "asker_country" => "--country",
        "as_of" => "--as-of",
        "language" => "--lang",
        "max_results" => "--limit",
        _ => FieldAssignments.FlagFor(field) is { Length: > 0 } flag ? flag : field,
    };

    /// <summary>INVALID_ARGUMENT for InvalidArgument: the name gRPC documents.</summary>
    public static string Name(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
