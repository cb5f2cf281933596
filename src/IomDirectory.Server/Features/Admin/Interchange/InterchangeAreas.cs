using IomDirectory.Server.Domain;
using IomDirectory.Server.Seeding;

namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>The areas of the interchange document in data/ order, each with its attributes as data/README.md names them.</summary>
public static class InterchangeAreas
{
    public static IReadOnlyList<IInterchangeArea> All { get; } =
    [
        new InterchangeArea<OfficeRecord>(DataAreas.Offices, "office", "Office", d => d.Offices, s => s.Offices,
            new("type", o => o.Type, (t, f) => t.Type = f.Type),
            new("name", o => o.Name, (t, f) => t.Name = f.Name),
            new("city", o => o.City, (t, f) => t.City = f.City),
            new("country", o => o.Country, (t, f) => t.Country = f.Country),
            new("parent", o => o.ParentId, (t, f) => t.ParentId = f.ParentId),
            new("description", o => o.Description, (t, f) => t.Description = f.Description),
            new("responsibilities", o => o.Responsibilities, (t, f) => t.Responsibilities = f.Responsibilities),
            new("aliases", o => o.Aliases, (t, f) => t.Aliases = f.Aliases),
            new("channels", o => Channels(o.Channels), (t, f) => t.Channels = f.Channels)),
        new InterchangeArea<OfficeFunctionRecord>(DataAreas.Functions, "office_function", "Office function", d => d.OfficeFunctions, s => s.OfficeFunctions,
            new("office", o => o.OfficeId, (t, f) => t.OfficeId = f.OfficeId),
            new("kind", o => o.Kind, (t, f) => t.Kind = f.Kind),
            new("subregion", o => o.Subregion, (t, f) => t.Subregion = f.Subregion),
            new("description", o => o.Description, (t, f) => t.Description = f.Description)),
        new InterchangeArea<CoverageRecord>(DataAreas.Coverage, "coverage", "Coverage", d => d.Coverage, s => s.Coverage,
            new("country", c => c.Country, (t, f) => t.Country = f.Country),
            new("regional_office", c => c.RegionalOfficeId, (t, f) => t.RegionalOfficeId = f.RegionalOfficeId),
            new("sub_regional_office", c => c.SubRegionalOfficeId, (t, f) => t.SubRegionalOfficeId = f.SubRegionalOfficeId)),
        new InterchangeArea<UnitRecord>(DataAreas.Units, "unit", "Unit", d => d.Units, s => s.Units,
            new("kind", u => u.Kind, (t, f) => t.Kind = f.Kind),
            new("acronym", u => u.Acronym, (t, f) => t.Acronym = f.Acronym),
            new("name", u => u.Name, (t, f) => t.Name = f.Name),
            new("parent", u => u.ParentId, (t, f) => t.ParentId = f.ParentId),
            new("office", u => u.OfficeId, (t, f) => t.OfficeId = f.OfficeId),
            new("description", u => u.Description, (t, f) => t.Description = f.Description),
            new("responsibilities", u => u.Responsibilities, (t, f) => t.Responsibilities = f.Responsibilities),
            new("channels", u => Channels(u.Channels), (t, f) => t.Channels = f.Channels)),
        new InterchangeArea<MailboxRecord>(DataAreas.Mailboxes, "mailbox", "Mailbox", d => d.Mailboxes, s => s.Mailboxes,
            new("address", m => m.Address, (t, f) => t.Address = f.Address),
            new("owner", m => m.OwnerId, (t, f) => t.OwnerId = f.OwnerId),
            new("purpose", m => m.Purpose, (t, f) => t.Purpose = f.Purpose)),
        new InterchangeArea<FocalPointRecord>(DataAreas.FocalPoints, "focal_point", "Focal point", d => d.FocalPoints, s => s.FocalPoints,
            new("role_title", p => p.RoleTitle, (t, f) => t.RoleTitle = f.RoleTitle),
            new("office", p => p.OfficeId, (t, f) => t.OfficeId = f.OfficeId),
            new("unit", p => p.UnitId, (t, f) => t.UnitId = f.UnitId),
            new("person", p => p.Person, (t, f) => t.Person = f.Person),
            new("person_title", p => p.PersonTitle, (t, f) => t.PersonTitle = f.PersonTitle),
            new("email", p => p.Email, (t, f) => t.Email = f.Email),
            new("description", p => p.Description, (t, f) => t.Description = f.Description),
            new("channels", p => Channels(p.Channels), (t, f) => t.Channels = f.Channels)),
        new InterchangeArea<CommitteeRecord>(DataAreas.Committees, "committee", "Committee", d => d.Committees, s => s.Committees,
            new("name", c => c.Name, (t, f) => t.Name = f.Name),
            new("acronym", c => c.Acronym, (t, f) => t.Acronym = f.Acronym),
            new("composition", c => c.Composition, (t, f) => t.Composition = f.Composition),
            new("description", c => c.Description, (t, f) => t.Description = f.Description)),
    ];

    /// <summary>No channels is written as null, like any absent attribute.</summary>
    private static ContactChannels? Channels(ContactChannels channels) => channels.IsEmpty ? null : channels;
}
