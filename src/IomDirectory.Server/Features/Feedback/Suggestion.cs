using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IomDirectory.Server.Features.Feedback;

/// <summary>
/// What a member of staff told the directory from a public page: a correction of a record ("suggest a correction"),
/// or whether an answer helped ("was this helpful?"). Stored in the database (both stores), kept
/// <c>--Feedback:RetentionDays</c>, then deleted; the suggester follows it by a link whose token only its hash is kept of.
/// </summary>
public sealed class Suggestion
{
    public const string Correction = "correction";
    public const string Helpfulness = "feedback";
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Received = "received";

    public long Id { get; set; }

    /// <summary>"correction" or "feedback".</summary>
    public string Kind { get; set; } = "";

    /// <summary>"pending", "accepted", "rejected" for a correction; "received" for feedback.</summary>
    public string Status { get; set; } = "";

    /// <summary>SHA-256 (hex) of the follow link's token.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>For a correction: "units", "offices", "mailboxes" or "focal-points" and the record's id.</summary>
    public string RecordKind { get; set; } = "";
    public string RecordId { get; set; } = "";

    /// <summary>The field the correction is about (an edit form's path such as "name.en"), or "" when not said.</summary>
    public string Field { get; set; } = "";
    public string Problem { get; set; } = "";
    public string ProposedValue { get; set; } = "";
    public string Source { get; set; } = "";

    /// <summary>How to reach the suggester (optional); personal data, shown to editors only.</summary>
    public string Contact { get; set; } = "";

    /// <summary>Who was signed in when it was sent, or "".</summary>
    public string SubmittedBy { get; set; } = "";

    /// <summary>For feedback: the question, the asker's country, the interface language, the answer shown.</summary>
    public string Question { get; set; } = "";
    public string Country { get; set; } = "";
    public string Language { get; set; } = "";
    public string AnswerShown { get; set; } = "";

    /// <summary>The first contact of the answer ("unit:dhrr"), the curators' report groups by it.</summary>
    public string AnswerKey { get; set; } = "";
    public bool? Helpful { get; set; }
    public bool? Confident { get; set; }
    public string Note { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string ReviewedBy { get; set; } = "";
    public string ReviewNote { get; set; } = "";

    /// <summary>The version of the record the accepted correction's edit wrote.</summary>
    public long? AcceptedVersion { get; set; }

    public string PublicId => "S-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static void Configure(EntityTypeBuilder<Suggestion> e)
    {
        e.ToTable("Suggestions");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).ValueGeneratedOnAdd();
        e.HasIndex(s => s.TokenHash).IsUnique();
        e.HasIndex(s => new { s.Kind, s.Status });
        e.HasIndex(s => s.CreatedAt);
        foreach (var (property, length) in FeedbackLimits.Columns)
            e.Property(property).HasMaxLength(length);
    }
}
