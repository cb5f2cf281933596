using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Feedback;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Web.Admin;

/// <summary>"Suggest a correction" on a record: the record, the field picked (if any), the values typed, errors, a refusal.</summary>
public sealed record SuggestModel(ConsoleRecordKind Kind, VersionedRecord Record, string Field, IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Errors, string Refusal, string FormToken);

/// <summary>What a "Was this helpful?" link carries: the question, the country, "yes"/"no", the contacts shown ("unit:dhrr|office:ro-dakar"), whether routing was sure.</summary>
public sealed record FeedbackQuery(string Question, string Country, string Helpful, string Shown, bool Confident);

public sealed record FeedbackModel(FeedbackQuery Query, AnswerShown Shown, IReadOnlyDictionary<string, string> Errors, string Refusal, string FormToken)
{
    public string Note { get; init; } = "";
}

public sealed record FollowModel(Suggestion? Suggestion, string Token, bool JustSent, string FormToken);

/// <summary>
/// The contacts an answer showed, named by their record keys ("unit:dhrr", as routing gives them), resolved against the
/// org chart: keys that name nothing are dropped, at most <see cref="MaxShown"/>; so the stored answer is the
/// directory's names, never text from the link.
/// </summary>
public sealed record AnswerShown(IReadOnlyList<(string Key, string Name)> Contacts)
{
    public const int MaxShown = 5;

    public string FirstKey => Contacts.Count > 0 ? Contacts[0].Key : "";

    public string Text => string.Join("; ", Contacts.Select(c => c.Name));

    public string Keys => string.Join('|', Contacts.Select(c => c.Key));

    public static AnswerShown Parse(string keys, DirectoryView view, string language)
    {
        var contacts = new List<(string, string)>();
        foreach (var key in keys.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxShown))
        {
            var (kind, id) = key.IndexOf(':') is > 0 and var colon ? (key[..colon], key[(colon + 1)..]) : ("", "");
            var name = kind switch
            {
                "unit" => view.Units.GetValueOrDefault(id)?.Name.In(language),
                "office" => view.Offices.GetValueOrDefault(id)?.Name.In(language),
                "focal_point" => view.FocalPoints.FirstOrDefault(f => f.Id == id)?.RoleTitle.In(language),
                _ => null,
            };
            if (name is not null) contacts.Add((key, name));
        }
        return new AnswerShown(contacts);
    }

    /// <summary>The record kind and id of a routing record key, for "Suggest a correction" on an answer card.</summary>
    public static (string Kind, string Id)? Record(string key) => key.IndexOf(':') is > 0 and var colon
        ? key[..colon] switch
        {
            "unit" => (Features.History.GetRecordHistoryQuery.Units, key[(colon + 1)..]),
            "office" => (Features.History.GetRecordHistoryQuery.Offices, key[(colon + 1)..]),
            "focal_point" => (Features.History.GetRecordHistoryQuery.FocalPoints, key[(colon + 1)..]),
            _ => null,
        }
        : null;
}
