using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Mailboxes;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Seeding;

namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>
/// The field limits the write validators apply (names and titles 200 characters, acronyms 20, descriptions 10000,
/// purposes 1000, responsibilities 100 per language of 1000 characters, valid e-mail addresses), applied to every
/// version of an imported document, so an import cannot store what an edit would refuse.
/// </summary>
internal static class ImportFieldLimits
{
    private const int Name = RecordLimits.Name, Acronym = RecordLimits.Acronym, Description = RecordLimits.Description, Purpose = RecordLimits.Purpose;

    public static IEnumerable<DataError> Check(DataSet data)
    {
        var errors = new List<DataError>();
        foreach (var (file, _, o) in data.Offices)
        {
            Text(errors, file, o.Id, "name", o.Name, Name);
            Text(errors, file, o.Id, "city", o.City, Name);
            Text(errors, file, o.Id, "description", o.Description, Description);
            List(errors, file, o.Id, "responsibilities", o.Responsibilities);
            List(errors, file, o.Id, "aliases", o.Aliases);
        }
        foreach (var (file, _, f) in data.OfficeFunctions)
        {
            Text(errors, file, f.Id, "subregion", f.Subregion, Name);
            Text(errors, file, f.Id, "description", f.Description, Description);
        }
        foreach (var (file, _, u) in data.Units)
        {
            Text(errors, file, u.Id, "name", u.Name, Name);
            Plain(errors, file, u.Id, "acronym", u.Acronym, Acronym);
            Text(errors, file, u.Id, "description", u.Description, Description);
            List(errors, file, u.Id, "responsibilities", u.Responsibilities);
        }
        foreach (var (file, _, m) in data.Mailboxes)
        {
            if (!MailboxRules.IsValidAddress(m.Address.Trim()))
                errors.Add(new DataError(file, m.Id, $"'{Short(m.Address)}' is not a valid e-mail address", "address"));
            Text(errors, file, m.Id, "purpose", m.Purpose, Purpose);
        }
        foreach (var (file, _, p) in data.FocalPoints)
        {
            Text(errors, file, p.Id, "role_title", p.RoleTitle, Name);
            Plain(errors, file, p.Id, "person", p.Person, Name);
            Plain(errors, file, p.Id, "person_title", p.PersonTitle, Name);
            if (p.Email is { Length: > 0 } email && !MailboxRules.IsValidAddress(email.Trim()))
                errors.Add(new DataError(file, p.Id, $"'{Short(email)}' is not a valid e-mail address", "email"));
            Text(errors, file, p.Id, "description", p.Description, Description);
        }
        foreach (var (file, _, c) in data.Committees)
        {
            Text(errors, file, c.Id, "name", c.Name, Name);
            Plain(errors, file, c.Id, "acronym", c.Acronym, Acronym);
            Text(errors, file, c.Id, "composition", c.Composition, Description);
            Text(errors, file, c.Id, "description", c.Description, Description);
        }
        return errors.Distinct();
    }

    private static void Text(List<DataError> errors, string file, string id, string field, LocalizedText text, int max)
    {
        if (text.All().Any(t => t.Length > max))
            errors.Add(new DataError(file, id, $"{field} is at most {max} characters in each language", field));
    }

    private static void Plain(List<DataError> errors, string file, string id, string field, string? text, int max)
    {
        if (text is not null && text.Trim().Length > max)
            errors.Add(new DataError(file, id, $"{field} is at most {max} characters", field));
    }

    private static void List(List<DataError> errors, string file, string id, string field, LocalizedList list)
    {
        if (new[] { list.En, list.Fr, list.Es }.Any(l => l.Count > ListRules.MaxResponsibilities))
            errors.Add(new DataError(file, id, $"{field} has at most {ListRules.MaxResponsibilities} entries per language", field));
        else if (list.All().Any(p => p.Text.Length > ListRules.MaxResponsibilityLength))
            errors.Add(new DataError(file, id, $"each of the {field} is at most {ListRules.MaxResponsibilityLength} characters", field));
    }

    private static string Short(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
