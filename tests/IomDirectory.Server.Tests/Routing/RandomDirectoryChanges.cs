using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Tests.Routing;

/// <summary>
/// Random writes to a directory's content, as an admin makes them: rename a unit, rewrite its responsibilities and
/// description in EN/FR/ES, move it under another unit, retire a leaf, add a unit, add, retire or re-own a mailbox,
/// change a coordination function's sub-region, change the offices covering a country. Records in force are cloned
/// before they change (a snapshot's records are shared with the next). Each step says which ids it changed and gives
/// questions made of the words it wrote and removed; the content lists the units in a new random order each time.
/// </summary>
internal sealed class RandomDirectoryChanges(DirectoryContent content, Random random)
{
    private static readonly string[] Novel = ["zephyrine", "quokka", "marzipan", "tessellation", "obsidian", "caravel", "larkspur", "vellichor"];
    private readonly List<UnitRecord> _units = [.. content.Units];
    private readonly List<MailboxRecord> _mailboxes = [.. content.Mailboxes];
    private readonly List<OfficeFunctionRecord> _functions = [.. content.OfficeFunctions];
    private readonly List<CoverageRecord> _coverage = [.. content.Coverage];
    private DirectoryContent _content = content;
    private int _added;

    public DirectoryView View { get; private set; } = new DirectorySnapshot(content).At(DateTime.UtcNow);

    /// <summary>Applies one to three changes; the new view, the ids changed, and questions on the words involved.</summary>
    public (DirectoryView View, HashSet<string> Changed, List<string> Questions) Step()
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var questions = new List<string>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var op = random.Next(11);
            Action<HashSet<string>, List<string>> change = op switch
            {
                0 => Rename, 1 or 2 => Rewrite, 3 => Move, 4 => RetireLeaf, 5 => AddUnit,
                6 => AddMailbox, 7 => RetireMailbox, 8 => ReownMailbox, 9 => ChangeSubregion, _ => ChangeCoverage,
            };
            change(changed, questions);
        }
        // The units in another order each time: a fresh build numbers them so, and must route the same regardless.
        var units = _units.ToArray();
        random.Shuffle(units);
        _content = _content with
        {
            Units = units, Mailboxes = [.. _mailboxes], OfficeFunctions = [.. _functions], Coverage = [.. _coverage],
            Generation = _content.Generation + 1,
        };
        View = new DirectorySnapshot(_content).At(DateTime.UtcNow);
        return (View, changed, questions);
    }

    private void Rename(HashSet<string> changed, List<string> questions)
    {
        var unit = Change(AnyUnit(), changed);
        questions.Add($"Who is the {unit.Name.En}?");
        unit.Name = new LocalizedText(Words(2, 4), random.Next(2) == 0 ? Words(2, 3) : "", "");
        questions.Add($"I need the {unit.Name.En} {unit.Name.Fr}");
    }

    private void Rewrite(HashSet<string> changed, List<string> questions)
    {
        var unit = Change(AnyUnit(), changed);
        questions.Add(string.Join(' ', unit.Responsibilities.All().Take(1).Select(p => p.Text)) + " " + unit.Description.En);
        List<string> Phrases() => [.. Enumerable.Range(0, random.Next(3)).Select(_ => Words(2, 6))];
        unit.Responsibilities = new LocalizedList(Phrases(), Phrases(), Phrases());
        unit.Description = new LocalizedText(Words(0, 8), Words(0, 5), Words(0, 5));
        questions.Add($"Who handles {string.Join(" and ", unit.Responsibilities.All().Take(2).Select(p => p.Text))}?");
        questions.Add($"Quién se ocupa de {unit.Description.Es} {unit.Description.En}");
    }

    private void Move(HashSet<string> changed, List<string> questions)
    {
        var unit = AnyUnit();
        var below = Subtree(unit.Id);
        var parents = View.Units.Values.Where(u => !below.Contains(u.Id)).ToList();
        var moved = Change(unit, changed);
        moved.ParentId = random.Next(10) == 0 ? null : parents[random.Next(parents.Count)].Id;
        questions.Add($"Who is in charge of {moved.Name.En}?");
    }

    private void RetireLeaf(HashSet<string> changed, List<string> questions)
    {
        var leaves = View.Units.Values.Where(u => View.ChildrenOf(u.Id).Count == 0).ToList();
        var unit = leaves[random.Next(leaves.Count)];
        _units.Remove(unit);
        changed.Add(unit.Id);
        questions.Add($"Contact for {unit.Name.En} {string.Join(' ', unit.Responsibilities.All().Take(1).Select(p => p.Text))}");
    }

    private void AddUnit(HashSet<string> changed, List<string> questions)
    {
        var parent = AnyUnit();
        var unit = new UnitRecord
        {
            Id = $"delta-unit-{++_added}",
            Kind = UnitKind.Unit,
            Name = new LocalizedText(Words(2, 4), "", Words(0, 3)),
            Responsibilities = new LocalizedList([Words(2, 5)], random.Next(2) == 0 ? [Words(2, 4)] : [], []),
            Description = new LocalizedText(Words(0, 6), "", ""),
            ParentId = parent.Id,
            OfficeId = parent.OfficeId,
            Source = parent.Source,
        };
        _units.Add(unit);
        changed.Add(unit.Id);
        questions.Add($"Who can help with {unit.Responsibilities.En[0]} {unit.Name.En}?");
    }

    private void AddMailbox(HashSet<string> changed, List<string> questions)
    {
        var owner = AnyUnit();
        var mailbox = new MailboxRecord { Id = $"delta-mailbox-{++_added}", Address = $"delta{_added}@iom.int", OwnerId = owner.Id, Source = owner.Source };
        _mailboxes.Add(mailbox);
        changed.Add(mailbox.Id);
        questions.Add($"Which mailbox for {owner.Name.En}?");
    }

    private void RetireMailbox(HashSet<string> changed, List<string> questions)
    {
        var mailbox = View.Mailboxes[random.Next(View.Mailboxes.Count)];
        _mailboxes.Remove(mailbox);
        changed.Add(mailbox.Id);
        if (View.Units.GetValueOrDefault(mailbox.OwnerId) is { } owner) questions.Add($"Who answers for {owner.Name.En}?");
    }

    private void ReownMailbox(HashSet<string> changed, List<string> questions)
    {
        var mailbox = View.Mailboxes[random.Next(View.Mailboxes.Count)];
        var moved = (MailboxRecord)mailbox.CloneVersion();
        _mailboxes[_mailboxes.IndexOf(mailbox)] = moved;
        moved.OwnerId = AnyUnit().Id;
        changed.Add(moved.Id);
        questions.Add($"Who answers for {View.Units[moved.OwnerId].Name.En}?");
    }

    private void ChangeSubregion(HashSet<string> changed, List<string> questions)
    {
        var functions = View.Functions.SelectMany(f => f).Where(f => f.Kind == "coordination").ToList();
        if (functions.Count == 0) return;
        var function = functions[random.Next(functions.Count)];
        var next = (OfficeFunctionRecord)function.CloneVersion();
        _functions[_functions.IndexOf(function)] = next;
        questions.Add($"Coordination in {function.Subregion.En}");
        next.Subregion = new LocalizedText($"{Capitalized()} {Capitalized()} Basin", "", "");
        changed.Add(next.Id);
        questions.Add($"Who coordinates the response in the {next.Subregion.En}?");
    }

    private void ChangeCoverage(HashSet<string> changed, List<string> questions)
    {
        var coverage = View.Coverage.Values.ToList()[random.Next(View.Coverage.Count)];
        var regional = View.Offices.Values.Where(o => o.Type == OfficeType.RegionalOffice).ToList();
        var subRegional = View.Offices.Values.Where(o => o.Type == OfficeType.SubRegionalOffice).ToList();
        var next = (CoverageRecord)coverage.CloneVersion();
        _coverage[_coverage.IndexOf(coverage)] = next;
        next.RegionalOfficeId = regional[random.Next(regional.Count)].Id;
        next.SubRegionalOfficeId = subRegional.Count > 0 && random.Next(2) == 0 ? subRegional[random.Next(subRegional.Count)].Id : null;
        changed.Add(next.Id);
        var country = View.Snapshot.Countries.ByCode(next.Country)?.Name.En ?? next.Country;
        questions.Add($"Which regional office covers {country}? Our office in {country} needs help with shelter.");
    }

    private UnitRecord AnyUnit() => View.Units.Values.ElementAt(random.Next(View.Units.Count));

    /// <summary>The in-force unit replaced in the content by a copy, which is returned to be changed.</summary>
    private UnitRecord Change(UnitRecord unit, HashSet<string> changed)
    {
        var copy = (UnitRecord)unit.CloneVersion();
        _units[_units.IndexOf(unit)] = copy;
        changed.Add(unit.Id);
        return copy;
    }

    private HashSet<string> Subtree(string id)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { id };
        var stack = new Stack<string>([id]);
        while (stack.Count > 0)
            foreach (var child in View.ChildrenOf(stack.Pop()))
                if (ids.Add(child.Id)) stack.Push(child.Id);
        return ids;
    }

    /// <summary>Words taken from other units' texts (so that they match), now and then a word no unit has.</summary>
    private string Words(int least, int most) => string.Join(' ', Enumerable.Range(0, random.Next(least, most + 1)).Select(_ =>
    {
        if (random.Next(6) == 0) return Novel[random.Next(Novel.Length)];
        var unit = AnyUnit();
        var words = unit.Responsibilities.All().Select(p => p.Text).Append(unit.Name.En).SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return words[random.Next(words.Count)];
    }));

    private string Capitalized()
    {
        var word = Novel[random.Next(Novel.Length)];
        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}
