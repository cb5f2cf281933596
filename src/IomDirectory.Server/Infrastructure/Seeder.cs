using IomDirectory.Server.Seeding;

namespace IomDirectory.Server.Infrastructure;

/// <summary>Stages a validated data set in a context; the caller saves it inside its transaction.</summary>
internal static class Seeder
{
    public static void Add(DirectoryDbContext db, DataSet data)
    {
        db.Sources.AddRange(data.Sources.Select(s => s.Document));
        db.Sources.Add(Features.Admin.Common.AuditSource.Document);
        db.Countries.AddRange(data.Countries);
        db.Offices.AddRange(data.Offices.Select(s => s.Record));
        db.OfficeFunctions.AddRange(data.OfficeFunctions.Select(s => s.Record));
        db.Coverage.AddRange(data.Coverage.Select(s => s.Record));
        db.Units.AddRange(data.Units.Select(s => s.Record));
        db.Mailboxes.AddRange(data.Mailboxes.Select(s => s.Record));
        db.FocalPoints.AddRange(data.FocalPoints.Select(s => s.Record));
        db.Committees.AddRange(data.Committees.Select(s => s.Record));
    }
}
