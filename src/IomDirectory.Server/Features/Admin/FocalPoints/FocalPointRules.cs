using IomDirectory.Server.Features.Admin.Mailboxes;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Features.Admin.FocalPoints;

internal static class FocalPointRules
{
    public static void Check(FocalPointFields f, string selfId, DirectoryView view, Features.Admin.Common.FieldMask mask, Action<string, string> fail)
    {
        var title = mask.Apply("role_title", view.FocalPoints.FirstOrDefault(p => p.Id == selfId)?.RoleTitle ?? Domain.LocalizedText.Empty, f.RoleTitle);
        if (mask.Sets("role_title") && title.En.Trim().Length == 0 && title.Fr.Trim().Length == 0)
            fail("focal_point.role_title", "a role title in English or French is required");
        if (mask.Sets("role_title") && title.All().Any(t => t.Length > RecordLimits.Name))
            fail("focal_point.role_title", $"a role title is at most {RecordLimits.Name} characters");
        if (mask.Sets("office_id") && !view.Offices.ContainsKey(f.OfficeId))
            fail("focal_point.office_id", $"office '{f.OfficeId}' does not exist at the effective date");
        if (mask.Sets("unit_id") && !view.Units.ContainsKey(f.UnitId))
            fail("focal_point.unit_id", $"unit '{f.UnitId}' does not exist at the effective date");
        if (mask.Sets("person_name") && f.Person.Length > RecordLimits.Name)
            fail("focal_point.person_name", $"a name is at most {RecordLimits.Name} characters");
        if (mask.Sets("person_title") && f.PersonTitle.Trim().Length > RecordLimits.Name)
            fail("focal_point.person_title", $"a title is at most {RecordLimits.Name} characters");
        f.Channels.Check("focal_point", selfId, view, mask, fail);
        if (mask.Sets("email") && f.Email.Trim().Length > 0 && !MailboxRules.IsValidAddress(f.Email.Trim()))
            fail("focal_point.email", $"'{f.Email}' is not a valid e-mail address");
    }
}
