using IomDirectory.Contracts.V1;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search;
namespace IomDirectory.Server.Rpc;

internal static class SearchHitMapping
{
    public static SearchHit Hit(SearchIndex.Hit hit, DirectoryView view, string language)
    {
        var record = hit.Document.Record;
        var message = new SearchHit
        {
            Kind = hit.Document.Kind,
            Id = hit.Document.Id,
            Score = Math.Round(hit.Score, 4),
            Title = SearchHitText.Title(record, view, language),
            Snippet = SearchHitText.Snippet(record, language),
        };
        message.MatchedFields.AddRange(hit.MatchedFields);
        switch (record)
        {
            case OfficeRecord o:
                message.Office = MessageMapping.Office(o, view, language);
                break;
            case UnitRecord u:
                message.Unit = MessageMapping.Unit(u, view, language);
                break;
            case MailboxRecord m:
                message.Mailbox = MessageMapping.Mailbox(m, view, language);
                break;
            case FocalPointRecord f:
                message.FocalPoint = MessageMapping.FocalPoint(f, view, language);
                break;
            case CommitteeRecord c:
                message.Committee = MessageMapping.Committee(c, view, language);
                break;
        }
        return message;
    }
}
