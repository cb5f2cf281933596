using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Search;

/// <summary>How a search hit reads, in a language: its title and a snippet of its description. The gRPC hits and the web page's search show the same.</summary>
public static class SearchHitText
{
    public const int SnippetLength = 240;

    public static string Title(object record, DirectoryView view, string language) => record switch
    {
        OfficeRecord o => o.Name.In(language),
        UnitRecord u => string.IsNullOrEmpty(u.Acronym) || u.Name.In(language).Contains(u.Acronym, StringComparison.Ordinal)
            ? u.Name.In(language)
            : $"{u.Name.In(language)} ({u.Acronym})",
        MailboxRecord m => m.Address,
        FocalPointRecord f => $"{f.RoleTitle.In(language)}, {view.Offices.GetValueOrDefault(f.OfficeId)?.Name.In(language) ?? ""}",
        CommitteeRecord c => c.Name.In(language),
        _ => "",
    };

    public static string Snippet(object record, string language) => Cut(record switch
    {
        OfficeRecord o => o.Description.In(language),
        UnitRecord u => u.Description.In(language),
        MailboxRecord m => m.Purpose.In(language),
        FocalPointRecord f => f.Description.In(language),
        CommitteeRecord c => c.Description.In(language),
        _ => "",
    });

    private static string Cut(string text) => text.Length <= SnippetLength ? text : text[..(SnippetLength - 3)].TrimEnd() + "…";
}
