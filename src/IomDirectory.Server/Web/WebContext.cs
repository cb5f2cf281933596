using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Web;

/// <summary>
/// What every page of one request shares: the interface language (<c>lang</c> in the URL, else the question's
/// language on /ask, else Accept-Language, else English), the as-of date (<c>asOf=YYYY-MM-DD</c>, read as the end of
/// that day in UTC and today's date as now, <see cref="Contracts.AsOfDates"/>; none means now), and links that keep both.
/// </summary>
public sealed class WebContext
{
    public const string CountryCookie = "iomdir-country";

    private readonly HttpRequest _request;

    private WebContext(HttpRequest request, InterfaceText text, string path, string language, bool languageChosen, DateTime? asOf)
    {
        _request = request;
        Path = path;
        Text = text;
        Language = language;
        LanguageChosen = languageChosen;
        AsOfDate = asOf;
    }

    public InterfaceText Text { get; }

    /// <summary>Whether people can sign in here (an identity provider and a web client are configured), and who is signed in.</summary>
    public (bool Available, WebAccount? Account) SignIn { get; set; }

    /// <summary>The sign-in link, which comes back to this page.</summary>
    public string SignInLink => WebPages.SignInPath + "?returnUrl=" + Uri.EscapeDataString(With("lang", Language));

    /// <summary>The interface language: "en", "fr" or "es".</summary>
    public string Language { get; private set; }

    /// <summary>Whether the URL named the language (then it is also the routing hint).</summary>
    public bool LanguageChosen { get; }

    /// <summary>The date the page shows the org chart at, if not now.</summary>
    public DateTime? AsOfDate { get; }

    /// <summary>The instant the page reads at: now, or the end of the as-of day (today's date: now).</summary>
    public DateTime Instant => _instant ??= AsOfDate is { } d ? Contracts.AsOfDates.Instant(DateOnly.FromDateTime(d), DateTime.UtcNow) : DateTime.UtcNow;

    private DateTime? _instant;

    public ReadContext Read => new(Instant, Language);

    /// <summary>
    /// This page's own address, built by <see cref="WebPages"/> from the route and its escaped values, never the raw
    /// request path: a path such as <c>//evil.example/login</c> would otherwise become a link to another site.
    /// </summary>
    public string Path { get; }

    /// <summary>A query-string parameter, "" when absent.</summary>
    public string Param(string name) => _request.Query[name].ToString();

    public bool Has(string name) => _request.Query.ContainsKey(name);

    public string? CookieCountry => _request.Cookies[CountryCookie] is { Length: > 0 and <= 100 } c ? c : null;

    /// <summary>Reads the request; a malformed as-of date is a <see cref="WebInputException"/> (400).</summary>
    public static WebContext From(HttpRequest request, InterfaceText text, string path)
    {
        var context = FromFallback(request, text, path);
        var asOf = request.Query["asOf"].ToString();
        if (asOf.Length == 0) return context;
        if (asOf.Length > 10 || !Contracts.AsOfDates.TryParse(asOf, out var date))
            throw new WebInputException("asOf", context.T("error.asof"));
        return new WebContext(request, text, path, context.Language, context.LanguageChosen, date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }

    /// <summary>A page rendered after the request could not be read (an error page): language only.</summary>
    public static WebContext FromFallback(HttpRequest request, InterfaceText text, string path)
    {
        var lang = request.Query["lang"].ToString();
        var chosen = ReadContext.Languages.Contains(lang);
        return new WebContext(request, text, path, chosen ? lang : Negotiate(request.Headers.AcceptLanguage), chosen, null);
    }

    /// <summary>Keeps the country picked for a year (null: forgets it); it fills the form in on the next visit.</summary>
    public void RememberCountry(string? code)
    {
        var cookies = _request.HttpContext.Response.Cookies;
        if (code is null) cookies.Delete(CountryCookie);
        else cookies.Append(CountryCookie, code, new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, Path = "/" });
    }

    /// <summary>On /ask without <c>lang</c>: the interface follows the language the question was read in.</summary>
    public void FollowQuestion(string detected)
    {
        if (!LanguageChosen && ReadContext.Languages.Contains(detected)) Language = detected;
    }

    public string T(string key, params (string Name, string Value)[] values) => Text.Get(key, Language, values);

    public string Date(DateTime date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(Language));

    /// <summary>A link within the site that keeps the language and the as-of date, plus <paramref name="values"/>.</summary>
    public string Link(string path, params (string Name, string? Value)[] values)
    {
        var query = new List<(string, string)>();
        foreach (var (name, value) in values)
            if (!string.IsNullOrEmpty(value)) query.Add((name, value));
        query.Add(("lang", Language));
        if (AsOfDate is { } d) query.Add(("asOf", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return path + Encode(query);
    }

    public string UnitLink(string id) => Link("/units/" + Uri.EscapeDataString(id));

    public string OfficeLink(string id) => Link("/offices/" + Uri.EscapeDataString(id));

    public string CountryLink(string code) => Link("/countries/" + Uri.EscapeDataString(code));

    /// <summary>This page in another language (or at another date): the current query with one parameter replaced.</summary>
    public string With(string name, string? value)
    {
        var query = _request.Query.Where(p => p.Key != name)
            .SelectMany(p => p.Value.Select(v => (p.Key, v ?? ""))).ToList();
        if (name != "lang" && !Has("lang")) query.Add(("lang", Language));
        if (!string.IsNullOrEmpty(value)) query.Add((name, value));
        return Path + Encode(query);
    }

    private static string Encode(List<(string Name, string Value)> query)
    {
        if (query.Count == 0) return "";
        var builder = new StringBuilder("?");
        foreach (var (name, value) in query)
        {
            if (builder.Length > 1) builder.Append('&');
            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }

    /// <summary>The best of en/fr/es in an Accept-Language header (quality weights honoured), else English.</summary>
    public static string Negotiate(StringValues header)
    {
        var best = ("en", -1.0);
        foreach (var part in header.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var tag = pieces[0].Length >= 2 ? pieces[0][..2].ToLowerInvariant() : "";
            var quality = 1.0;
            foreach (var p in pieces.Skip(1))
                if (p.StartsWith("q=", StringComparison.Ordinal) && double.TryParse(p[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var q))
                    quality = q;
            if (ReadContext.Languages.Contains(tag) && quality > best.Item2) best = (tag, quality);
        }
        return best.Item1;
    }
}

/// <summary>A request parameter the page cannot read (a malformed date…): a 400 page naming the parameter.</summary>
public sealed class WebInputException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
