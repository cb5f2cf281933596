using System.Net.Mail;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Features.Admin.Mailboxes;

internal static class MailboxRules
{
    public static void Check(MailboxFields mailbox, string selfId, DirectoryView view, Features.Admin.Common.FieldMask mask, Action<string, string> fail)
    {
        if (mask.Sets("address"))
        {
            var address = mailbox.Address.Trim();
            if (!IsValidAddress(address))
                fail("mailbox.address", $"'{mailbox.Address}' is not a valid e-mail address");
            else if (view.Snapshot.Mailboxes.InForceFrom(view.Instant)
                         .FirstOrDefault(m => m.Id != selfId && string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)) is { } clash)
                fail("mailbox.address", $"{address} is already the address of active mailbox '{clash.Id}'{Common.WriteRules.FromWhen(clash, view)}");
        }
        if (MailboxFields.SetsOwner(mask))
        {
            var (unit, office) = (mailbox.OwnerId.Trim(), mailbox.OwnerOfficeId.Trim());
            if (unit.Length == 0 && office.Length == 0)
                fail("mailbox.owner_unit_id", "a mailbox needs an owning unit or office (owner_unit_id or owner_office_id)");
            else if (unit.Length > 0 && office.Length > 0)
                fail("mailbox.owner_office_id", "a mailbox belongs to a unit or an office, not both");
            else if (unit.Length > 0 && !view.Units.ContainsKey(unit))
                fail("mailbox.owner_unit_id", $"unit '{unit}' does not exist at the effective date");
            else if (office.Length > 0 && !view.Offices.ContainsKey(office))
                fail("mailbox.owner_office_id", $"office '{office}' does not exist at the effective date");
        }
        if (mask.Sets("purpose") && mailbox.Purpose.All().Any(p => p.Length > RecordLimits.Purpose))
            fail("mailbox.purpose", $"a purpose is at most {RecordLimits.Purpose} characters");
    }

    public static bool IsValidAddress(string address)
    {
        if (address.Length is 0 or > RecordLimits.EmailAddress || address.Any(char.IsWhiteSpace)) return false;
        if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address) return false;
        var domain = parsed.Host;
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
