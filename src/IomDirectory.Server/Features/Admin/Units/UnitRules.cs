using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Features.Admin.Units;

/// <summary>Unit rules shared by create and update, checked against the org chart at the effective date.</summary>
internal static class UnitRules
{
    public static void Check(UnitFields unit, string selfId, DirectoryView view, Features.Admin.Common.FieldMask mask, Action<string, string> fail)
    {
        if (mask.Sets("kind") && !Enum.IsDefined(unit.Kind))
            fail("unit.kind", "kind is required and must be a known unit kind");
        if (mask.Sets("name"))
        {
            var name = mask.Apply("name", view.Units.GetValueOrDefault(selfId)?.Name ?? Domain.LocalizedText.Empty, unit.Name);
            if (name.En.Trim().Length == 0 && name.Fr.Trim().Length == 0)
                fail("unit.name", "a name in English or French is required");
            foreach (var (lang, text) in new[] { ("en", name.En), ("fr", name.Fr), ("es", name.Es) })
                if (text.Length > RecordLimits.Name) fail($"unit.name.{lang}", $"a name is at most {RecordLimits.Name} characters");
        }
        if (mask.Sets("acronym") && unit.Acronym.Trim().Length > 0)
        {
            var acronym = unit.Acronym.Trim();
            if (acronym.Length > RecordLimits.Acronym) fail("unit.acronym", $"an acronym is at most {RecordLimits.Acronym} characters");
            // Unique among the units in force at the effective date or after it (see Temporal.InForceFrom).
            var clash = view.Snapshot.Units.InForceFrom(view.Instant)
                .FirstOrDefault(u => u.Id != selfId && string.Equals(u.Acronym, acronym, StringComparison.OrdinalIgnoreCase));
            if (clash is not null) fail("unit.acronym", $"acronym {acronym} is already used by active unit '{clash.Id}'{Common.WriteRules.FromWhen(clash, view)}");
        }
        if (mask.Sets("office_id") && unit.OfficeId.Length > 0 && !view.Offices.ContainsKey(unit.OfficeId))
            fail("unit.office_id", $"office '{unit.OfficeId}' does not exist at the effective date");
        CheckResponsibilities(unit.Responsibilities, mask, fail);
        unit.Channels.Check("unit", selfId, view, mask, fail);
        if (mask.Sets("description"))
            foreach (var (lang, text) in new[] { ("en", unit.Description.En), ("fr", unit.Description.Fr), ("es", unit.Description.Es) })
                if (text.Length > RecordLimits.Description) fail($"unit.description.{lang}", $"a description is at most {RecordLimits.Description} characters");
    }

    /// <summary>At most <see cref="ListRules.MaxResponsibilities"/> phrases per language, each at most <see cref="ListRules.MaxResponsibilityLength"/> characters.</summary>
    internal static void CheckResponsibilities(Domain.LocalizedList responsibilities, Features.Admin.Common.FieldMask mask, Action<string, string> fail)
    {
        foreach (var (lang, list) in new[] { ("en", responsibilities.En), ("fr", responsibilities.Fr), ("es", responsibilities.Es) })
        {
            var field = $"unit.responsibilities_{lang}";
            if (!mask.Sets($"responsibilities_{lang}") || !ListRules.CheckSize(list, field, ListRules.MaxResponsibilities, fail)) continue;
            var tooLong = list.Select((text, i) => (text, i)).FirstOrDefault(p => p.text.Length > ListRules.MaxResponsibilityLength);
            if (tooLong.text is not null)
                fail($"{field}[{tooLong.i}]", $"a responsibility is at most {ListRules.MaxResponsibilityLength} characters");
        }
    }
}
