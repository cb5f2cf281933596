namespace IomDirectory.Server.Webhooks;

/// <summary>
/// What the operator allows and how hard deliveries try (section <c>Webhooks</c>). Every limit of the webhooks is here.
/// No host is allowed by default: a subscriber URL names a host the operator listed, so an admin cannot point the
/// service at internal addresses.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Longest subscriber URL.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = 200;

    /// <summary>Changes read from the audit trail at a time for one subscriber.</summary>
    public const int BatchSize = 100;

    /// <summary>Delivery attempts kept per subscriber (older ones are deleted as new ones are recorded).</summary>
    public const int KeptDeliveries = 200;

    /// <summary>Longest error text kept with an attempt.</summary>
    public const int MaxErrorLength = 500;

    /// <summary>Host names (or IP literals) subscriber URLs may name; "*.example.org" allows its subdomains. Comma-separated or indexed.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>URL schemes allowed (default https only).</summary>
    public IReadOnlyList<string> AllowedSchemes { get; init; } = ["https"];

    public int MaxSubscribers { get; init; } = 100;

    /// <summary>Largest body sent; a larger change is sent without its before/after content (<c>"truncated": true</c>).</summary>
    public int MaxPayloadBytes { get; init; } = 256 * 1024;

    /// <summary>How long one POST may take, all in.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Subscribers delivered to at once by one replica (one subscriber's deliveries are always one at a time, in order).</summary>
    public int MaxConcurrentDeliveries { get; init; } = 4;

    /// <summary>How often the audit trail is checked for changes made on another replica (this one's own wake the dispatcher at once).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait after a first failed attempt; doubled with each further failure (with jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A subscriber failing without a success for this long is disabled (an admin re-enables it).</summary>
    public TimeSpan DisableAfter { get; init; } = TimeSpan.FromDays(3);

    /// <summary>How long a replica holds a subscriber while delivering to it; renewed as it goes.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The options of the configuration's <c>Webhooks</c> section, lists given comma-separated or indexed.</summary>
    public static WebhookOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new WebhookOptions();
        var options = new WebhookOptions
        {
            AllowedHosts = List(section.GetSection(nameof(AllowedHosts))) ?? defaults.AllowedHosts,
            AllowedSchemes = List(section.GetSection(nameof(AllowedSchemes))) ?? defaults.AllowedSchemes,
            MaxSubscribers = section.GetValue(nameof(MaxSubscribers), defaults.MaxSubscribers),
            MaxPayloadBytes = section.GetValue(nameof(MaxPayloadBytes), defaults.MaxPayloadBytes),
            Timeout = section.GetValue(nameof(Timeout), defaults.Timeout),
            MaxConcurrentDeliveries = section.GetValue(nameof(MaxConcurrentDeliveries), defaults.MaxConcurrentDeliveries),
            PollInterval = section.GetValue(nameof(PollInterval), defaults.PollInterval),
            FirstRetryDelay = section.GetValue(nameof(FirstRetryDelay), defaults.FirstRetryDelay),
            MaxRetryDelay = section.GetValue(nameof(MaxRetryDelay), defaults.MaxRetryDelay),
            DisableAfter = section.GetValue(nameof(DisableAfter), defaults.DisableAfter),
            Lease = section.GetValue(nameof(Lease), defaults.Lease),
        };
        if (options.MaxSubscribers is < 1 or > 10_000) throw new ArgumentException("Webhooks:MaxSubscribers must be between 1 and 10000.");
        if (options.MaxPayloadBytes is < 4096 or > 4 * 1024 * 1024) throw new ArgumentException("Webhooks:MaxPayloadBytes must be between 4096 and 4194304.");
        if (options.MaxConcurrentDeliveries is < 1 or > 64) throw new ArgumentException("Webhooks:MaxConcurrentDeliveries must be between 1 and 64.");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2)) throw new ArgumentException("Webhooks:Timeout must be above 0 and at most 2 minutes.");
        if (options.Lease < options.Timeout * 2) throw new ArgumentException("Webhooks:Lease must be at least twice Webhooks:Timeout.");
        if (options.PollInterval <= TimeSpan.Zero || options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay || options.DisableAfter <= TimeSpan.Zero)
            throw new ArgumentException("Webhooks:PollInterval, FirstRetryDelay and DisableAfter must be above 0, and MaxRetryDelay at least FirstRetryDelay.");
        foreach (var scheme in options.AllowedSchemes)
            if (scheme is not ("https" or "http")) throw new ArgumentException($"Webhooks:AllowedSchemes: '{scheme}' is not http or https.");
        return options;
    }

    private static List<string>? List(IConfigurationSection section)
    {
        if (!section.Exists()) return null;
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v => v.ToLowerInvariant())];
    }
}
