using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http.Extensions;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// The HTTP/JSON routes take <c>asOf</c> as the web page and the CLI do: a date <c>YYYY-MM-DD</c> (the end of that
/// day in UTC, today's date now: <see cref="Contracts.AsOfDates"/>) as well as the RFC 3339 timestamp transcoding
/// reads. A date is rewritten to its instant before the route binds the query; anything else is left for the
/// route to accept or refuse.
/// </summary>
internal static class JsonRouteDates
{
    private const string Parameter = "asOf";

    public static IApplicationBuilder UseJsonRouteDates(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var query = context.Request.Query;
            if (query.Count == 0 || !query.TryGetValue(Parameter, out var values) || values.Count != 1
                || values[0] is not { Length: 10 } text || !Contracts.AsOfDates.TryParse(text, out var date)
                || context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is null)
                return next(context);
            var builder = new QueryBuilder(query.Where(p => p.Key != Parameter));
            builder.Add(Parameter, Contracts.AsOfDates.Instant(date, DateTime.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            context.Request.QueryString = builder.ToQueryString();
            return next(context);
        });
}
