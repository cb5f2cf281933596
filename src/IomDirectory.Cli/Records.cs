using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli;

/// <summary>Reading one record by id: units and offices directly, mailboxes and focal points by listing.</summary>
public static class Records
{
    private const int PageSize = 500;

    public static Task<Unit?> UnitAsync(CliContext context, string id, Timestamp? asOf = null) =>
        OrNull(context.CallAsync(context.Directory.GetUnitAsync, new GetUnitRequest { Id = id, AsOf = asOf }));

    public static Task<Office?> OfficeAsync(CliContext context, string id, Timestamp? asOf = null) =>
        OrNull(context.CallAsync(context.Directory.GetOfficeAsync, new GetOfficeRequest { Id = id, AsOf = asOf }));

    public static async Task<Mailbox?> MailboxAsync(CliContext context, string id, Timestamp? asOf = null)
    {
        var request = new ListMailboxesRequest { PageSize = PageSize, AsOf = asOf };
        while (true)
        {
            var page = await context.CallAsync(context.Directory.ListMailboxesAsync, request);
            if (page.Mailboxes.FirstOrDefault(m => m.Id == id) is { } found)
                return found;
            if (page.NextPageToken.Length == 0)
                return null;
            request.PageToken = page.NextPageToken;
        }
    }

    public static async Task<FocalPoint?> FocalPointAsync(CliContext context, string id, Timestamp? asOf = null)
    {
        var request = new ListFocalPointsRequest { PageSize = PageSize, AsOf = asOf };
        while (true)
        {
            var page = await context.CallAsync(context.Directory.ListFocalPointsAsync, request);
            if (page.FocalPoints.FirstOrDefault(f => f.Id == id) is { } found)
                return found;
            if (page.NextPageToken.Length == 0)
                return null;
            request.PageToken = page.NextPageToken;
        }
    }

    /// <summary>The unit in force whose acronym is <paramref name="acronym"/>, any case (acronyms are unique among units in force).</summary>
    public static async Task<Unit?> UnitByAcronymAsync(CliContext context, string acronym, Timestamp? asOf = null)
    {
        var request = new ListUnitsRequest { PageSize = PageSize, AsOf = asOf };
        while (true)
        {
            var page = await context.CallAsync(context.Directory.ListUnitsAsync, request);
            if (page.Units.FirstOrDefault(u => u.Acronym.Length > 0 && string.Equals(u.Acronym, acronym, StringComparison.OrdinalIgnoreCase)) is { } found)
                return found;
            if (page.NextPageToken.Length == 0)
                return null;
            request.PageToken = page.NextPageToken;
        }
    }

    /// <summary>
    /// The record id a person typed: ids are lower-case kebab-case (data/README.md), so any case names the same record.
    /// Every command that takes an id reads it through here.
    /// </summary>
    public static string Id(string typed) => typed.Trim().ToLowerInvariant();

    public static CliFailure NotFound(string kind, string id) => new(ExitCodes.NotFound, $"no {kind} with id '{id}'");

    private static async Task<T?> OrNull<T>(Task<T> call) where T : class
    {
        try
        {
            return await call;
        }
        catch (CliFailure failure) when (failure.ExitCode == ExitCodes.NotFound)
        {
            return null;
        }
    }
}
