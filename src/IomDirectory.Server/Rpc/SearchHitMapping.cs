using IomDirectory.Contracts.V1;
using IomDirectory.Server.Domain;
using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Rpc;

internal static class SearchHitMapping
{
    public static SearchHit Hit(SearchIndex.Hit hit, DirectoryView view, string language)
    {
        var message = new SearchHit { Kind = hit.Document.Kind, Id = hit.Document.Id, Score = Math.Round(hit.Score, 4) };
        message.MatchedFields.AddRange(hit.MatchedFields);
        switch (hit.Document.Record)
        {
            case OfficeRecord o:
                message.Office = MessageMapping.Office(o, view, language);
                message.Title = message.Office.Name;
                message.Snippet = Snippet(message.Office.Description);
                break;
            case UnitRecord u:
                message.Unit = MessageMapping.Unit(u, view, language);
                message.Title = string.IsNullOrEmpty(u.Acronym) || message.Unit.Name.Contains(u.Acronym, StringComparison.Ordinal)
                    ? message.Unit.Name
                    : $"{message.Unit.Name} ({u.Acronym})";
                message.Snippet = Snippet(message.Unit.Description);
                break;
            case MailboxRecord m:
                message.Mailbox = MessageMapping.Mailbox(m, view, language);
                message.Title = m.Address;
                message.Snippet = Snippet(message.Mailbox.Purpose);
                break;
            case FocalPointRecord f:
                message.FocalPoint = MessageMapping.FocalPoint(f, view, language);
                message.Title = $"{message.FocalPoint.RoleTitle}, {message.FocalPoint.OfficeName}";
                message.Snippet = Snippet(message.FocalPoint.Description);
                break;
            case CommitteeRecord c:
                message.Committee = MessageMapping.Committee(c, view, language);
                message.Title = message.Committee.Name;
                message.Snippet = Snippet(message.Committee.Description);
                break;
        }
        return message;
    }

    private static string Snippet(string text) => text.Length <= 240 ? text : text[..237].TrimEnd() + "…";
}
