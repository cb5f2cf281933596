using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Features.Admin.Offices;

internal static class OfficeRules
{
    public static void Check(OfficeFields office, string selfId, DirectoryView view, Features.Admin.Common.FieldMask mask, Action<string, string> fail)
    {
        if (mask.Sets("type") && !Enum.IsDefined(office.Type))
            fail("office.type", "type is required and must be a known office type");
        if (mask.Sets("name"))
        {
            var name = mask.Apply("name", view.Offices.GetValueOrDefault(selfId)?.Name ?? Domain.LocalizedText.Empty, office.Name);
            if (name.En.Trim().Length == 0 && name.Fr.Trim().Length == 0)
                fail("office.name", "a name in English or French is required");
            if (name.All().Any(n => n.Length > RecordLimits.Name)) fail("office.name", $"a name is at most {RecordLimits.Name} characters");
        }
        if (mask.Sets("city") && office.City.All().Any(n => n.Length > RecordLimits.Name))
            fail("office.city", $"a city is at most {RecordLimits.Name} characters");
        if (mask.Sets("country_code") && view.Snapshot.Countries.ByCode(office.Country.Trim()) is null)
            fail("office.country_code", $"'{office.Country}' is not an ISO 3166-1 alpha-2 country code");
        office.Channels.Check("office", selfId, view, mask, fail);
        if (mask.Sets("parent_office_id") && office.ParentId.Length > 0)
        {
            if (!view.Offices.TryGetValue(office.ParentId, out var parent))
                fail("office.parent_office_id", $"office '{office.ParentId}' does not exist at the effective date");
            else if (Ancestors(view, parent).Contains(selfId))
                fail("office.parent_office_id", $"'{office.ParentId}' reports to '{selfId}': that would make a cycle");
        }
    }

    private static HashSet<string> Ancestors(DirectoryView view, Domain.OfficeRecord office)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = office; current is not null && seen.Add(current.Id);
             current = current.ParentId is null ? null : view.Offices.GetValueOrDefault(current.ParentId)) { }
        return seen;
    }
}
