namespace IomDirectory.Server.Webhooks;

/// <summary>The record kinds a subscriber can ask for (the audit trail's entity kinds), and how a list of them is stored.</summary>
public static class WebhookKinds
{
    public static IReadOnlySet<string> All => Snapshots.DirectoryContent.Kinds;

    /// <summary>The stored list (comma-separated; empty: every kind).</summary>
    public static IReadOnlySet<string> Parse(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public static string Store(IEnumerable<string> kinds) => string.Join(',', kinds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
