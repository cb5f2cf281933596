using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Domain;
using DomainCountry = IomDirectory.Server.Domain.Country;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Rpc.Internal;

namespace IomDirectory.Server.Rpc;

/// <summary>From directory records to API messages, in the reader's language, with provenance.</summary>
internal static class MessageMapping
{
    public static Office Office(OfficeRecord o, DirectoryView view, string language)
    {
        var message = new Office
        {
            Id = o.Id,
            Type = (Contracts.V1.OfficeType)(int)o.Type,
            Name = o.Name.In(language),
            Names = Text(o.Name),
            City = o.City.In(language),
            Cities = Text(o.City),
            CountryCode = o.Country,
            CountryName = view.Snapshot.Countries.ByCode(o.Country)?.Name.In(language) ?? "",
            ParentOfficeId = o.ParentId ?? "",
            RegionalOfficeId = view.RegionalOfficeOf(o) ?? "",
            Description = o.Description.In(language),
            DescriptionLanguage = o.Description.LanguageOf(language),
            Validity = Validity(o),
            Provenance = Provenance(o, view),
            Version = o.Version,
        };
        message.Responsibilities.AddRange(o.Responsibilities.In(language));
        message.Aliases.AddRange(o.Aliases.In(language));
        (message.Channels, message.Route, message.Reachable) = Reached(o.Channels, view.Reach.Of(o), language);
        message.Functions.AddRange(view.Functions[o.Id].Select(f => new OfficeFunction
        {
            Kind = f.Kind,
            Subregion = f.Subregion.In(language),
            Description = f.Description.In(language),
            DescriptionLanguage = f.Description.LanguageOf(language),
            Validity = Validity(f),
            Provenance = Provenance(f, view),
        }));
        if (o.Type is Domain.OfficeType.RegionalOffice or Domain.OfficeType.SubRegionalOffice)
            message.CoveredCountries.AddRange(view.CoveredCountries.GetValueOrDefault(o.Id) ?? []);
        return message;
    }

    public static Unit Unit(UnitRecord u, DirectoryView view, string language)
    {
        var message = new Unit
        {
            Id = u.Id,
            Kind = (Contracts.V1.UnitKind)(int)u.Kind,
            Acronym = u.Acronym ?? "",
            Name = u.Name.In(language),
            Names = Text(u.Name),
            ParentUnitId = u.ParentId ?? "",
            OfficeId = u.OfficeId,
            Description = u.Description.In(language),
            DescriptionLanguage = u.Description.LanguageOf(language),
            ChildCount = view.ChildrenOf(u.Id).Count,
            Validity = Validity(u),
            Provenance = Provenance(u, view),
            Version = u.Version,
        };
        message.Responsibilities.AddRange(u.Responsibilities.In(language));
        (message.Channels, message.Route, message.Reachable) = Reached(u.Channels, view.Reach.Of(u), language);
        return message;
    }

    /// <summary>A record's stored channels, its route when it has no address of its own, and whether it can be reached.</summary>
    private static (Contracts.V1.ContactChannels, Contracts.V1.ContactRoute?, bool) Reached(Domain.ContactChannels channels, Reach reach, string language)
    {
        ContactValue Value(Domain.ChannelValue v) => new() { Value = v.Value, SourceDocument = v.Source };
        var message = new Contracts.V1.ContactChannels();
        message.Emails.AddRange(channels.Emails.Select(Value));
        message.Phones.AddRange(channels.Phones.Select(Value));
        if (channels.PostalAddress is { } postal) message.PostalAddress = Value(postal);
        if (channels.Website is { } website) message.Website = Value(website);
        var route = reach.Direct || reach.Route is not { } r ? null : new Contracts.V1.ContactRoute
        {
            Email = r.Email, ViaId = r.ViaId, ViaKind = r.ViaKind, ViaName = r.ViaName.In(language), Reason = r.Reason.In(language),
            SourceDocument = r.Source, Computed = r.Computed,
        };
        return (message, route, reach.Reachable);
    }

    public static Mailbox Mailbox(MailboxRecord m, DirectoryView view, string language) => new()
    {
        Id = m.Id,
        Address = m.Address,
        OwnerUnitId = view.Offices.ContainsKey(m.OwnerId) ? "" : m.OwnerId,
        OwnerUnitName = view.Units.GetValueOrDefault(m.OwnerId)?.Name.In(language) ?? "",
        OwnerOfficeId = view.Offices.ContainsKey(m.OwnerId) ? m.OwnerId : "",
        OwnerOfficeName = view.Offices.GetValueOrDefault(m.OwnerId)?.Name.In(language) ?? "",
        Purpose = m.Purpose.In(language),
        Validity = Validity(m),
        Provenance = Provenance(m, view),
        Version = m.Version,
    };

    public static FocalPoint FocalPoint(FocalPointRecord f, DirectoryView view, string language)
    {
        var office = view.Offices.GetValueOrDefault(f.OfficeId);
        var message = new FocalPoint
        {
            Id = f.Id,
            RoleTitle = f.RoleTitle.In(language),
            OfficeId = f.OfficeId,
            OfficeName = office?.Name.In(language) ?? "",
            OfficeCity = office?.City.In(language) ?? "",
            UnitId = f.UnitId,
            UnitName = view.Units.GetValueOrDefault(f.UnitId)?.Name.In(language) ?? "",
            PersonName = f.Person ?? "",
            Email = f.Email ?? "",
            Description = f.Description.In(language),
            DescriptionLanguage = f.Description.LanguageOf(language),
            Validity = Validity(f),
            Provenance = Provenance(f, view),
            Version = f.Version,
            PersonTitle = f.PersonTitle ?? "",
        };
        (message.Channels, message.Route, message.Reachable) = Reached(f.Channels, view.Reach.Of(f), language);
        return message;
    }

    public static Committee Committee(CommitteeRecord c, DirectoryView view, string language) => new()
    {
        Id = c.Id,
        Name = c.Name.In(language),
        Names = Text(c.Name),
        Acronym = c.Acronym ?? "",
        Composition = c.Composition.In(language),
        Description = c.Description.In(language),
        DescriptionLanguage = c.Description.LanguageOf(language),
        Validity = Validity(c),
        Provenance = Provenance(c, view),
    };

    public static Contracts.V1.Country Country(DomainCountry c, string language) =>
        new() { Code = c.Code, Name = c.Name.In(language), Names = Text(c.Name) };

    public static Contracts.V1.LocalizedText Text(Domain.LocalizedText t) => new() { En = t.En, Fr = t.Fr, Es = t.Es };

    public static Validity Validity(VersionedRecord r)
    {
        var validity = new Validity();
        if (r.ValidFrom is { } from) validity.ValidFrom = Timestamp.FromDateTime(from);
        if (r.ValidTo is { } to) validity.ValidTo = Timestamp.FromDateTime(to);
        return validity;
    }

    public static Provenance Provenance(VersionedRecord r, DirectoryView view)
    {
        var source = view.Snapshot.Source(r.Source);
        var provenance = new Provenance
        {
            SourceDocument = r.Source,
            SourceTitle = source?.Title ?? "",
            SourceDate = DateText(source?.Date),
            ChangedBy = r.ChangedBy ?? "",
            ChangeReason = r.ChangeReason ?? "",
        };
        if (r.ChangedAt is { } at) provenance.ChangedAt = Timestamp.FromDateTime(at);
        if (r.DerivedFrom is { } derived)
        {
            var document = view.Snapshot.Source(derived);
            provenance.DerivedFromDocument = derived;
            provenance.DerivedFromTitle = document?.Title ?? "";
            provenance.DerivedFromDate = DateText(document?.Date);
        }
        return provenance;
    }

    /// <summary>How a person names a version: a unit's or office's name, a mailbox's address, a focal point's role title.</summary>
    public static string Title(VersionedRecord r, string language) => r switch
    {
        UnitRecord u => u.Name.In(language),
        OfficeRecord o => o.Name.In(language),
        MailboxRecord m => m.Address,
        FocalPointRecord f => f.RoleTitle.In(language),
        _ => r.Id,
    };

    public static FieldChange Change(Features.History.FieldChange c) => new() { Field = c.Field, OldValue = c.Old, NewValue = c.New };

    private static string DateText(DateTime? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
