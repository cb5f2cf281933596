namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// How often routing put one record first recently, as a decayed count kept across restarts (the gaps report orders
/// by it). <see cref="Weight"/> is the sum over those answers of 2^((answer time − epoch) / half-life), so a flush
/// only adds to it, on either store, whichever replica answered; the count as of now is Weight × 2^(−(now − epoch) / half-life).
/// </summary>
public sealed class FirstSuggestionCount
{
    /// <summary>"unit:dhrr", "office:ro-dakar", "focal_point:rts-bangkok".</summary>
    public string RecordKey { get; set; } = "";

    public double Weight { get; set; }

    public DateTime LastAt { get; set; }
}
