namespace IomDirectory.Server.Snapshots;

/// <summary>Every read is "as of" an instant (UTC) and prefers a language for names.</summary>
public readonly record struct ReadContext(DateTime AsOf, string Language)
{
    public static readonly string[] Languages = ["en", "fr", "es"];

    public static ReadContext Now(string language = "en") => new(DateTime.UtcNow, language);
}
