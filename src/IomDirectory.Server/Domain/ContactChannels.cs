namespace IomDirectory.Server.Domain;

/// <summary>One way to reach a record (an e-mail address, a phone number, a postal address, a website) and where it
/// comes from: a source document of sources.json, or <c>audit-trail</c> for a value an admin set.</summary>
public sealed record ChannelValue(string Value, string Source);

/// <summary>
/// Who reaches a record that has no address of its own, and why: <see cref="Via"/> is the id of a unit or office
/// whose address answers for it, <see cref="Reason"/> says why in the sources' words, <see cref="Source"/> where that
/// comes from.
/// </summary>
public sealed record ContactRoute(string Via, LocalizedText Reason, string Source);

/// <summary>
/// The contact channels of an office, a unit or a focal point, each with its provenance, and a route for a record the
/// sources give no address for. Mailboxes are records of their own and are not repeated here.
/// </summary>
public sealed record ContactChannels(
    IReadOnlyList<ChannelValue> Emails,
    IReadOnlyList<ChannelValue> Phones,
    ChannelValue? PostalAddress,
    ChannelValue? Website,
    ContactRoute? Route)
{
    public static readonly ContactChannels None = new([], [], null, null, null);

    public bool IsEmpty => Emails.Count == 0 && Phones.Count == 0 && PostalAddress is null && Website is null && Route is null;

    /// <summary>Whether the record can be written to or called itself (an e-mail address or a phone number).</summary>
    public bool HasDirect => Emails.Count > 0 || Phones.Count > 0;

    public bool Equals(ContactChannels? other) =>
        other is not null && Emails.SequenceEqual(other.Emails) && Phones.SequenceEqual(other.Phones)
        && Equals(PostalAddress, other.PostalAddress) && Equals(Website, other.Website) && Equals(Route, other.Route);

    public override int GetHashCode() => HashCode.Combine(Emails.Count, Phones.Count, PostalAddress, Website, Route);
}
