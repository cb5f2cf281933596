using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// The checks across records that data/ must pass before anything is written: unique ids, resolvable
/// references, known countries and sources, coherent and non-overlapping versions, no cycles.
/// </summary>
public static class DataSetValidator
{
    /// <param name="known">For an import: the directory's records, which references may also resolve to.</param>
    public static IReadOnlyList<DataError> Validate(DataSet data, KnownRecords? known = null)
    {
        known ??= KnownRecords.None;
        var errors = new List<DataError>();
        var sources = data.Sources.Select(s => s.Document.Id).Concat(known.Sources).Append(AuditSource.Id)
            .ToHashSet(StringComparer.Ordinal);
        var countries = data.Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var offices = data.Offices.Select(o => o.Record.Id).Concat(known.Offices).ToHashSet(StringComparer.Ordinal);
        var units = data.Units.Select(u => u.Record.Id).Concat(known.Units).ToHashSet(StringComparer.Ordinal);

        // The checks are independent: they run side by side, and their problems are reported in this order.
        List<DataError> ids = [], references = [], unitCycles = [], rest = [];
        Parallel.Invoke(
            () => CheckIdsAndVersions(data, sources, ids),
            () =>
            {
                CheckReferences(data, countries, offices, units, references);
                CheckChannels(data, sources, offices, units, references);
            },
            () => TreeCycles.Check([.. data.Units, .. known.UnitVersions], u => u.ParentId, "unit", unitCycles),
            () =>
            {
                TreeCycles.Check([.. data.Offices, .. known.OfficeVersions], o => o.ParentId, "office", rest);
                CheckOneCoveragePerCountry(data.Coverage, known.CoverageVersions, rest);
            });
        foreach (var part in (ReadOnlySpan<List<DataError>>)[ids, references, unitCycles, rest])
            errors.AddRange(part);
        return errors;
    }

    private static void CheckReferences(DataSet data, HashSet<string> countries, HashSet<string> offices, HashSet<string> units,
        List<DataError> errors)
    {
        foreach (var (file, _, o) in data.Offices)
        {
            Reference(errors, file, o, "parent", "parent office", o.ParentId, offices, optional: true);
            Country(errors, file, o, o.Country, countries);
        }
        foreach (var (file, _, f) in data.OfficeFunctions)
            Reference(errors, file, f, "office", "office", f.OfficeId, offices);
        foreach (var (file, _, c) in data.Coverage)
        {
            Country(errors, file, c, c.Country, countries);
            Reference(errors, file, c, "regional_office", "regional office", c.RegionalOfficeId, offices);
            Reference(errors, file, c, "sub_regional_office", "sub-regional office", c.SubRegionalOfficeId, offices, optional: true);
        }
        foreach (var (file, _, u) in data.Units)
        {
            Reference(errors, file, u, "parent", "parent unit", u.ParentId, units, optional: true);
            Reference(errors, file, u, "office", "office", u.OfficeId, offices);
        }
        foreach (var (file, _, m) in data.Mailboxes)
        {
            if (string.IsNullOrWhiteSpace(m.OwnerId))
                errors.Add(new DataError(file, m.Id, $"mailbox {m.Address} has no owner: every mailbox must name its owning unit", "owner"));
            else if (!offices.Contains(m.OwnerId))
                Reference(errors, file, m, "owner", "owner unit or office", m.OwnerId, units);
        }
        foreach (var (file, _, p) in data.FocalPoints)
        {
            Reference(errors, file, p, "office", "office", p.OfficeId, offices);
            Reference(errors, file, p, "unit", "unit", p.UnitId, units);
        }
    }

    /// <summary>
    /// Channels: well-formed values within the limits (<see cref="Features.Admin.Common.ChannelRules"/>), every value
    /// citing a known source, a route through a unit or office that exists and is not the record itself.
    /// </summary>
    private static void CheckChannels(DataSet data, HashSet<string> sources, HashSet<string> offices, HashSet<string> units, List<DataError> errors)
    {
        IEnumerable<(string File, VersionedRecord Record, ContactChannels Channels)> all =
        [
            .. data.Offices.Select(o => (o.File, (VersionedRecord)o.Record, o.Record.Channels)),
            .. data.Units.Select(u => (u.File, (VersionedRecord)u.Record, u.Record.Channels)),
            .. data.FocalPoints.Select(p => (p.File, (VersionedRecord)p.Record, p.Record.Channels)),
        ];
        foreach (var (file, record, channels) in all)
        {
            if (channels.IsEmpty) continue;
            Features.Admin.Common.ChannelRules.Check(channels, "channels", (field, message) => errors.Add(new DataError(file, record.Id, message, field)));
            foreach (var (field, source) in Features.Admin.Common.ChannelRules.Sources(channels).Where(s => !sources.Contains(s.Source)))
                errors.Add(new DataError(file, record.Id, $"unknown source '{source}' (not among the sources)", field));
            if (channels.Route is { } route)
            {
                if (route.Via == record.Id)
                    errors.Add(new DataError(file, record.Id, "a route goes through another unit or office, not the record itself", "channels.route.via"));
                else if (!units.Contains(route.Via) && !offices.Contains(route.Via))
                    errors.Add(new DataError(file, record.Id, $"unknown unit or office '{route.Via}' to route through", "channels.route.via"));
            }
        }
    }

    /// <summary>A country has one coverage record at a time (the read model indexes coverage by country).</summary>
    private static void CheckOneCoveragePerCountry(List<Sourced<CoverageRecord>> coverage, IReadOnlyList<Sourced<CoverageRecord>> known,
        List<DataError> errors)
    {
        var others = coverage.Concat(known).ToLookup(c => c.Record.Country, StringComparer.Ordinal);
        foreach (var (file, _, c) in coverage)
        {
            var clash = others[c.Country].FirstOrDefault(o => o.Record.Id != c.Id && o.Record.Overlaps(c));
            if (clash is not null)
                errors.Add(new DataError(file, c.Id,
                    $"{c.Country} is already covered by '{clash.Record.Id}' during {Period(c)}: a country has one coverage record at a time", "country"));
        }
    }

    private static void CheckIdsAndVersions(DataSet data, HashSet<string> sources, List<DataError> errors)
    {
        var seenSources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, s) in data.Sources.Where(s => s.Document.Id.Length > 0 && !seenSources.Add(s.Document.Id)))
            errors.Add(new DataError(file, s.Id, "duplicate source id", "id"));

        foreach (var group in data.AllVersions().GroupBy(v => v.Record.Id, StringComparer.Ordinal))
        {
            var versions = group.ToList();
            var first = versions[0];
            var elsewhere = versions.FirstOrDefault(v => v.File != first.File || v.Entry != first.Entry);
            if (elsewhere.Record is not null)
            {
                errors.Add(new DataError(elsewhere.File, group.Key,
                    $"duplicate id: already used by a {first.Area} record in {first.File}", "id"));
                continue;
            }

            foreach (var (_, file, _, record) in versions)
            {
                if (record.ValidFrom is { } from && record.ValidTo is { } to && from >= to)
                    errors.Add(new DataError(file, record.Id, $"valid_from {from:yyyy-MM-dd} is not before valid_to {to:yyyy-MM-dd}", "versions"));
                if (record.Source.Length > 0 && !sources.Contains(record.Source))
                    errors.Add(new DataError(file, record.Id, $"unknown source '{record.Source}' (not among the sources)", "versions"));
            }
            for (var i = 0; i < versions.Count; i++)
            for (var j = i + 1; j < versions.Count; j++)
            {
                if (versions[i].Record.Overlaps(versions[j].Record))
                    errors.Add(new DataError(versions[j].File, group.Key,
                        $"overlapping validity: versions {Period(versions[i].Record)} and {Period(versions[j].Record)} are both in force at once", "versions"));
            }
        }
    }

    private static void Reference(List<DataError> errors, string file, VersionedRecord record, string field, string what, string? id,
        HashSet<string> known, bool optional = false)
    {
        if (string.IsNullOrEmpty(id))
        {
            if (!optional) errors.Add(new DataError(file, record.Id, $"{what} is required", field));
            return;
        }
        if (!known.Contains(id))
            errors.Add(new DataError(file, record.Id, $"unknown {what} '{id}'", field));
    }

    private static void Country(List<DataError> errors, string file, VersionedRecord record, string code, HashSet<string> known)
    {
        if (code.Length > 0 && !known.Contains(code))
            errors.Add(new DataError(file, record.Id, $"unknown country code '{code}' (not a country of the directory)", "country"));
    }

    internal static string Period(VersionedRecord r) =>
        $"[{r.ValidFrom?.ToString("yyyy-MM-dd") ?? "…"}, {r.ValidTo?.ToString("yyyy-MM-dd") ?? "…"})";
}
