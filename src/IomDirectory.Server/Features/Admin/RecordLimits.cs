namespace IomDirectory.Server.Features.Admin;

/// <summary>
/// The lengths of a record's own fields, written once: the write validators (<c>UnitRules</c>, <c>OfficeRules</c>,
/// <c>MailboxRules</c>, <c>FocalPointRules</c>), the import's checks (<c>ImportFieldLimits</c>) and the console's
/// <c>maxlength</c> read them. Channels have theirs in <c>ChannelRules</c>, ids in <c>WriteRules.IdMaxLength</c>.
/// </summary>
public static class RecordLimits
{
    /// <summary>Names, cities, role titles, a person's name and title, per language.</summary>
    public const int Name = 200;

    public const int Acronym = 20;

    /// <summary>A description, per language.</summary>
    public const int Description = 10_000;

    /// <summary>A mailbox's purpose, per language.</summary>
    public const int Purpose = 1000;

    /// <summary>An e-mail address (RFC 5321's path limit).</summary>
    public const int EmailAddress = 254;

    /// <summary>An ISO 3166-1 alpha-2 country code.</summary>
    public const int CountryCode = 2;
}
