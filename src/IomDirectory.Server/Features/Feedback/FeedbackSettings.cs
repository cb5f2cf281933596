namespace IomDirectory.Server.Features.Feedback;

/// <summary>The bounds of the public forms, from <c>--Feedback:…</c> (defaults in <see cref="FeedbackLimits"/>).</summary>
public sealed record FeedbackSettings(int MaxPending, int MaxFeedback, int RetentionDays, int PerClientPerMinute, int PerMinute)
{
    public static FeedbackSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Feedback");
        var settings = new FeedbackSettings(
            section.GetValue("MaxPending", FeedbackLimits.DefaultMaxPending),
            section.GetValue("MaxFeedback", FeedbackLimits.DefaultMaxFeedback),
            section.GetValue("RetentionDays", FeedbackLimits.DefaultRetentionDays),
            section.GetValue("PerClientPerMinute", FeedbackLimits.DefaultPerClientPerMinute),
            section.GetValue("PerMinute", FeedbackLimits.DefaultPerMinute));
        if (settings.MaxPending < 1 || settings.MaxFeedback < 1 || settings.RetentionDays < 1 || settings.PerClientPerMinute < 1 || settings.PerMinute < 1)
            throw new ArgumentException("--Feedback:MaxPending, MaxFeedback, RetentionDays, PerClientPerMinute and PerMinute must be at least 1");
        return settings;
    }
}

/// <summary>The queue of corrections (or of feedback) holds as many as it may: a new one is refused until some are reviewed or expire.</summary>
public sealed class FeedbackQueueFullException(string message) : Exception(message);
