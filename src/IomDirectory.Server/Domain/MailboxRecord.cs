namespace IomDirectory.Server.Domain;

public sealed class MailboxRecord : VersionedRecord
{
    public string Address { get; set; } = "";
    /// <summary>The unit or office the mailbox belongs to (ids are unique across both).</summary>
    public string OwnerId { get; set; } = "";
    public LocalizedText Purpose { get; set; } = LocalizedText.Empty;
}
