namespace IomDirectory.Server.Domain;

public sealed class MailboxRecord : VersionedRecord
{
    public string Address { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public LocalizedText Purpose { get; set; } = LocalizedText.Empty;
}
