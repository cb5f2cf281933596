using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Seeding;

/// <summary>How each area's attributes (data/README.md) become domain records.</summary>
internal static class RecordMappers
{
    public const string HeadquartersOfficeId = "hq-geneva";

    public static OfficeRecord Office(RecordFields f) => new()
    {
        Type = f.Enum<OfficeType>("type"),
        Name = RequiredText(f, "name"),
        City = f.Text("city"),
        Country = f.RequiredString("country").ToUpperInvariant(),
        ParentId = f.OptionalString("parent"),
        Description = f.Text("description"),
        Responsibilities = f.List("responsibilities"),
        Aliases = f.List("aliases"),
        Channels = f.Channels(),
    };

    public static OfficeFunctionRecord OfficeFunction(RecordFields f) => new()
    {
        OfficeId = f.RequiredString("office"),
        Kind = f.RequiredString("kind"),
        Subregion = f.Text("subregion"),
        Description = f.Text("description"),
    };

    public static CoverageRecord Coverage(RecordFields f) => new()
    {
        Country = f.RequiredString("country").ToUpperInvariant(),
        RegionalOfficeId = f.RequiredString("regional_office"),
        SubRegionalOfficeId = f.OptionalString("sub_regional_office"),
    };

    public static UnitRecord Unit(RecordFields f) => new()
    {
        Kind = f.Enum<UnitKind>("kind"),
        Acronym = f.OptionalString("acronym"),
        Name = RequiredText(f, "name"),
        ParentId = f.OptionalString("parent"),
        OfficeId = f.OptionalString("office") ?? HeadquartersOfficeId,
        Description = f.Text("description"),
        Responsibilities = f.List("responsibilities"),
        Channels = f.Channels(),
    };

    public static MailboxRecord Mailbox(RecordFields f) => new()
    {
        Address = f.RequiredString("address"),
        OwnerId = f.OptionalString("owner") ?? "",
        Purpose = f.Text("purpose"),
    };

    public static FocalPointRecord FocalPoint(RecordFields f) => new()
    {
        RoleTitle = RequiredText(f, "role_title"),
        OfficeId = f.RequiredString("office"),
        UnitId = f.RequiredString("unit"),
        Person = f.OptionalString("person"),
        PersonTitle = f.OptionalString("person_title"),
        Email = f.OptionalString("email"),
        Description = f.Text("description"),
        Channels = f.Channels(),
    };

    public static CommitteeRecord Committee(RecordFields f) => new()
    {
        Name = RequiredText(f, "name"),
        Acronym = f.OptionalString("acronym"),
        Composition = f.Text("composition"),
        Description = f.Text("description"),
    };

    private static LocalizedText RequiredText(RecordFields f, string name)
    {
        var text = f.Text(name);
        if (text.IsEmpty) f.Error(name, $"'{name}' is required");
        return text;
    }
}
