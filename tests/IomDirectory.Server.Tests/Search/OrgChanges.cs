using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search;
namespace IomDirectory.Server.Tests.Search;

/// <summary>
/// Random changes of every kind to a directory's content, as writes make them: a record's version replaced by an
/// edited copy (a new object, whatever changed), a record retired (gone from the view) or added. Each says what it
/// changed and the texts it touched (the record's texts before, and the new ones), for queries.
/// </summary>
internal sealed class OrgChanges(DirectoryContent content, Random random, IReadOnlyList<string> invented)
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "rename unit", "unit fr/es text", "retire unit", "add unit", "mailbox", "move focal point", "office city",
        "office function", "committee", "no text change", "retire office",
    ];

    private readonly List<string> _words = [.. content.Units.SelectMany(u => u.Name.All().Concat(u.Description.All()))
        .SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 3).Distinct().Order(StringComparer.Ordinal)];
    private DirectoryView? _view;
    private int _added;

    public sealed record Applied(string Kind, string Id, List<string> Texts);

    public DirectoryContent Content { get; private set; } = content;

    public DirectoryView View() => _view ??= new DirectorySnapshot(Content).At(DateTime.UtcNow);

    public Applied ApplyOne()
    {
        var view = View();
        var kind = Kinds[random.Next(Kinds.Count)];
        var made = new List<string>();
        string Text()
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(3) == 0 ? invented[random.Next(invented.Count)] : _words[random.Next(_words.Count)]));
            made.Add(text);
            return text;
        }
        T Any<T>(IEnumerable<T> records) => records.OrderBy(_ => random.Next()).First();
        VersionedRecord record = kind switch
        {
            "rename unit" => Replace(Any(view.Units.Values), u => u.Name = new LocalizedText(Text(), random.Next(2) == 0 ? Text() : u.Name.Fr, u.Name.Es)),
            "unit fr/es text" => Replace(Any(view.Units.Values), u =>
            {
                if (random.Next(2) == 0) u.Description = u.Description with { Fr = Text(), Es = random.Next(2) == 0 ? "" : Text() };
                else u.Responsibilities = u.Responsibilities with { Es = [Text(), .. u.Responsibilities.Es.Skip(1)] };
            }),
            "retire unit" => Retire(Any(view.Units.Values)),
            "add unit" => Add(NewUnit(view, Text())),
            "mailbox" => Replace(Any(view.Mailboxes), m =>
            {
                if (random.Next(2) == 0) m.Purpose = m.Purpose with { En = Text() };
                else m.Address = $"{Text().Replace(' ', '.').ToLowerInvariant()}@iom.int";
            }),
            "move focal point" => Replace(Any(view.FocalPoints), f => f.OfficeId = Any(view.Offices.Keys)),
            "office city" => Replace(Any(view.Offices.Values), o => o.City = new LocalizedText(Text(), random.Next(2) == 0 ? Text() : "", o.City.Es)),
            "office function" => Replace(Any(view.Functions.SelectMany(g => g)), f =>
            {
                f.Subregion = f.Subregion with { Es = Text() };
                if (random.Next(3) == 0) f.OfficeId = Any(view.Offices.Keys);
            }),
            "committee" => Replace(Any(view.Committees), c => (c.Name, c.Acronym) = (c.Name with { Fr = Text() }, random.Next(2) == 0 ? Text().Split(' ')[0].ToUpperInvariant() : c.Acronym)),
            "no text change" => Replace(Any<VersionedRecord>([.. view.Units.Values, .. view.Offices.Values, .. view.Mailboxes, .. view.FocalPoints, .. view.Committees]), r => r.Version++),
            _ => Retire(Any(view.Offices.Values)),
        };
        var texts = TextsOf(view, record).Concat(made).ToList();
        return new Applied(kind, record.Id, texts);
    }

    /// <summary>Replaces the record's version by an edited copy; the record as it was.</summary>
    public T Replace<T>(T record, Action<T> change) where T : VersionedRecord
    {
        var copy = (T)record.CloneVersion();
        change(copy);
        return Set(record, copy);
    }

    /// <summary>Takes every version of the record away.</summary>
    public T Retire<T>(T record) where T : VersionedRecord => Set(record, null);

    private T Add<T>(T record) where T : VersionedRecord
    {
        Content = record switch
        {
            UnitRecord unit => Content with { Units = [.. Content.Units, unit] },
            _ => throw new NotSupportedException(record.GetType().Name),
        };
        _view = null;
        return record;
    }

    /// <summary>A unit with a new id (now and then the id of a record of another kind, whose document it then follows).</summary>
    private UnitRecord NewUnit(DirectoryView view, string name) => new()
    {
        Id = random.Next(3) == 0 && view.Mailboxes.Concat<VersionedRecord>(view.FocalPoints).Concat(view.Committees).Where(r => !view.Units.ContainsKey(r.Id)).ToList() is { Count: > 0 } others
            ? others[random.Next(others.Count)].Id
            : $"{view.Units.Keys.ElementAt(random.Next(view.Units.Count))}-new{++_added}",
        Name = new LocalizedText(name, "", ""),
        Acronym = random.Next(2) == 0 ? $"ZQ{_added}" : null,
        OfficeId = view.Offices.Keys.First(),
        Source = view.Units.Values.First().Source,
    };

    private T Set<T>(T old, T? fresh) where T : VersionedRecord
    {
        Content = old switch
        {
            UnitRecord => Content with { Units = Swap(Content.Units, old, fresh) },
            OfficeRecord => Content with { Offices = Swap(Content.Offices, old, fresh) },
            OfficeFunctionRecord => Content with { OfficeFunctions = Swap(Content.OfficeFunctions, old, fresh) },
            MailboxRecord => Content with { Mailboxes = Swap(Content.Mailboxes, old, fresh) },
            FocalPointRecord => Content with { FocalPoints = Swap(Content.FocalPoints, old, fresh) },
            CommitteeRecord => Content with { Committees = Swap(Content.Committees, old, fresh) },
            _ => throw new NotSupportedException(old.GetType().Name),
        };
        _view = null;
        return old;
    }

    private static List<TList> Swap<TList>(IReadOnlyList<TList> list, VersionedRecord old, VersionedRecord? fresh) where TList : VersionedRecord =>
        fresh is null ? [.. list.Where(r => r.Id != old.Id)] : [.. list.Select(r => ReferenceEquals(r, old) ? (TList)fresh : r)];

    private static IEnumerable<string> TextsOf(DirectoryView view, VersionedRecord record) => record switch
    {
        OfficeFunctionRecord f => f.Subregion.All().Concat(f.Description.All()),
        _ => SearchDocument.Fields(new SearchDocument("any", record.Id, record), view.Offices, view.Functions).Select(f => f.Text),
    };
}
